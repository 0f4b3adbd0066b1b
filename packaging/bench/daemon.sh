#!/usr/bin/env bash
# Daemon benchmark: runs sitstretchd on a private Xvfb, session bus and notification server, and
# prints start-up time, memory (PSS/RSS), CPU and wakeups per minute while the user works and
# while the user is away, and the latency from a prompt's due time to the Notify call.
# Usage: packaging/bench/daemon.sh [SECONDS]   (each measuring phase; default 60)
# With SITSTRETCH_BENCH_SMAPS=FILE, the daemon's /proc/PID/smaps at the PSS reading is copied to
# FILE, to attribute the memory to its mappings; SITSTRETCH_BENCH_PROBE=COMMAND runs COMMAND with
# the daemon's pid and those of the benchmark's other processes there, such as
# packaging/bench/isolated_pss.py (its output goes to stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:-60}
build=${SITSTRETCH_BUILD:-build/release}
daemon=$build/daemon/app/sitstretchd
cli=$build/daemon/cli/sitstretch
fake=$build/tests/notify/fake_notification_server
watcher=$build/tests/tray/fake_status_watcher

work=$(mktemp -d /tmp/sitstretch-bench-XXXXXX)
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work" "$samples"
}
trap cleanup EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_RUNTIME_DIR=$work/run DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/none
mkdir -m 700 "$XDG_RUNTIME_DIR"

exec 3< <(exec Xvfb -displayfd 1 -nolisten tcp -screen 0 640x480x24 2>/dev/null)
pids+=($!)
read -r display <&3
export DISPLAY=:$display
dbus_out=$work/dbus.address
dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$dbus_out" 2>/dev/null
export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$dbus_out")
pids+=($(sed -n 2p "$dbus_out"))
"$fake" "$work/notify.jsonl" > "$work/fake.out" &
pids+=($!)
until grep -q ready "$work/fake.out" 2>/dev/null; do sleep 0.05; done

# Samples go elsewhere than the configuration's directory, which the daemon watches.
samples=$(mktemp -d /tmp/sitstretch-samples-XXXXXX)
config=$work/config.toml
printf '[sitting]\ninterval = "4h"\nbreak_after = "5s"\n' > "$config"

# Milliseconds from exec until `sitstretch status` answers.
start=$(date +%s%N)
"$daemon" --config "$config" 2> "$work/daemon.log" &
dpid=$!
pids+=($dpid)
# The socket's appearance is polled first, cheaply: a `sitstretch status` that fails for lack of
# it would add up to one whole run of the client to the figure.
until [ -S "$XDG_RUNTIME_DIR/sitstretch/control.sock" ]; do :; done
until "$cli" status > /dev/null 2>&1; do :; done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 2
# Private memory (USS): PSS also shares libraries with whatever else runs, such as the host.
uss() { awk '/^Private_(Clean|Dirty):/ {s += $2} END {print s}' /proc/$1/smaps_rollup; }
fresh_uss=$(uss $dpid)

# Per thread: "tid cpu_ns context_switches". GLib starts and ends helper threads, so the figures
# are summed per thread over the threads alive at the end; a thread that ended meanwhile is
# counted as the difference it had up to its end only if it was seen at the start (it is not).
snapshot() {
  for t in /proc/$dpid/task/*; do
    printf '%s %s %s %s\n' "${t##*/}" "$(cut -d' ' -f1 "$t/schedstat")" \
      "$(awk '/ctxt_switches/ {s += $2} END {print s}' "$t/status")" "$(cat "$t/comm")"
  done
}

# measure SECONDS INPUT(yes|no) → "cpu_ms_per_min wakeups_per_min"
measure() {
  snapshot > "$samples/before"
  for ((i = 0; i < $1; i++)); do
    if [ "$2" = yes ]; then xdotool mousemove_relative -- $((i % 2 * 2 - 1)) 1; fi
    sleep 1
  done
  snapshot > "$samples/after"
  awk -v t="$1" 'NR == FNR {c[$1] = $2; s[$1] = $3; next}
    {dc += $2 - c[$1]; ds += $3 - s[$1];}
    END {printf "%.2f %.1f", dc / 1e6 * 60 / t, ds * 60 / t}' \
    "$samples/before" "$samples/after"
}

# Settle first: start-up work, and GLib's helper threads, which end after 15 s of idleness.
measure 30 yes > /dev/null 2>&1
read -r busy_cpu busy_wake <<< "$(measure "$phase" yes)"
# Stop input: after break_after the daemon records `away`, then the user is idle.
until "$cli" log --json --all | grep -q '"away"'; do sleep 0.5; done
read -r idle_cpu idle_wake <<< "$(measure "$phase" no)"
pss=$(awk '/^Pss:/ {print $2}' /proc/$dpid/smaps_rollup)
rss=$(awk '/^Rss:/ {print $2}' /proc/$dpid/smaps_rollup)
if [ -n "${SITSTRETCH_BENCH_SMAPS:-}" ]; then cp "/proc/$dpid/smaps" "$SITSTRETCH_BENCH_SMAPS"; fi
if [ -n "${SITSTRETCH_BENCH_PROBE:-}" ]; then $SITSTRETCH_BENCH_PROBE "$dpid" "${pids[@]}" $$ >&2; fi

# Prompt latency: a 10 s interval, then compare the due time with the Notify call's arrival.
xdotool mousemove_relative -- 1 1
until "$cli" log --json --all | grep -q '"back"'; do sleep 0.1; done
printf '[sitting]\ninterval = "10s"\nbreak_after = "5s"\n' > "$config.new"
mv "$config.new" "$config"
until "$cli" status --json | grep -q '"interval_s":10,'; do sleep 0.1; done
due=""
until [ -n "$due" ]; do
  due=$("$cli" status --json | grep -o '"next_prompt_epoch_ms":[0-9]*' | cut -d: -f2 || true)
  [ "$(("$(date +%s%N)" / 1000000))" -lt "${due:-0}" ] || due=""
  sleep 0.1
done
while ! grep -q '"method":"Notify"' "$work/notify.jsonl"; do
  xdotool mousemove_relative -- 1 1
  sleep 0.5
done
received=$(grep '"method":"Notify"' "$work/notify.jsonl" | head -1 | grep -o '"received_ms":[0-9]*' | cut -d: -f2)

# The tray's cost: the same daemon again, now with a tray host to register with.
kill "$dpid"
wait "$dpid" 2>/dev/null || true
"$watcher" > "$work/watcher.out" &
pids+=($!)
until grep -q ready "$work/watcher.out" 2>/dev/null; do sleep 0.05; done
"$daemon" --config "$config" 2>> "$work/daemon.log" &
dpid=$!
pids+=($dpid)
until grep -q registered "$work/watcher.out"; do sleep 0.05; done
sleep 2
tray_uss=$(uss $dpid)

echo "daemon: ready in ${ready_ms} ms (exec until sitstretch status answers)"
echo "daemon: PSS ${pss} kB, RSS ${rss} kB (after the measurements)"
echo "daemon: while typing (input every second, nothing due): ${busy_cpu} ms CPU/min, ${busy_wake} wakeups/min"
echo "daemon: while away: ${idle_cpu} ms CPU/min, ${idle_wake} wakeups/min"
echo "daemon: private memory 2 s after start: ${fresh_uss} kB without a tray host, ${tray_uss} kB with one (the tray adds $((tray_uss - fresh_uss)) kB)"
echo "daemon: prompt latency $((received - due)) ms (due time until the Notify call arrived)"
