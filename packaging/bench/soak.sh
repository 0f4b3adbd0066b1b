#!/usr/bin/env bash
# Soak: runs sitstretchd on a private Xvfb, session bus and notification server for MINUTES
# (default 30, after two minutes to settle) with a 10 s interval, random input (with random
# breaks long enough to count as away) and random answers to whatever the daemon shows (an
# action of the notification, a close, or nothing), then compares the daemon at the start and at
# the end: PSS (and, as root, the PSS counting only this soak's processes as sharers,
# packaging/bench/isolated_pss.py), private and anonymous memory, open fds, threads; and the
# prompts the notification server saw against the prompts in the log. Exits 1 when a target is
# missed: anonymous memory (the heap) growing 2% or more, more fds or threads at the end, or a
# prompt shown but not logged (or logged but not shown).
# Usage: packaging/bench/soak.sh [MINUTES]   (SITSTRETCH_BUILD=DIR, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}
build=${SITSTRETCH_BUILD:-build/release}
daemon=$build/daemon/app/sitstretchd
cli=$build/daemon/cli/sitstretch
fake=$build/tests/notify/fake_notification_server

work=$(mktemp -d /tmp/sitstretch-soak-XXXXXX)
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_RUNTIME_DIR=$work/run DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/none
mkdir -m 700 "$XDG_RUNTIME_DIR"

exec 3< <(exec Xvfb -displayfd 1 -nolisten tcp -screen 0 640x480x24 2>/dev/null)
pids+=($!)
read -r display <&3
export DISPLAY=:$display
dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$work/dbus.address" 2>/dev/null
export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$work/dbus.address")
pids+=($(sed -n 2p "$work/dbus.address"))
notify_log=$work/notify.jsonl
"$fake" "$notify_log" > "$work/fake.out" 2>&1 &
pids+=($!)
until grep -q ready "$work/fake.out" 2>/dev/null; do sleep 0.05; done

# The shortest times the configuration allows, so that every path (snooze, repeat, ignored,
# away after a prompt, the guide) comes round many times an hour.
config=$work/config.toml
cat > "$config" << 'EOF'
[sitting]
interval = "10s"
break_after = "5s"
[prompt]
snooze = "10s"
max_snoozes = 2
answer_within = "5s"
repeat_after = "10s"
[stretch]
hold = "5s"
EOF
"$daemon" --config "$config" 2> "$work/daemon.log" &
dpid=$!
pids+=($dpid)
until "$cli" status > /dev/null 2>&1; do sleep 0.1; done

pss() { awk '/^Pss:/ {print $2}' "/proc/$dpid/smaps_rollup"; }
uss() { awk '/^Private_(Clean|Dirty):/ {s += $2} END {print s}' "/proc/$dpid/smaps_rollup"; }
# The heap and other anonymous memory, resident or swapped: what a leak makes grow. PSS also
# moves as the kernel reclaims or pages in code, and as other processes map the same libraries.
anon() { awk '/^(Anonymous|Swap):/ {s += $2} END {print s}' "/proc/$dpid/smaps_rollup"; }
fds() { find "/proc/$dpid/fd" -mindepth 1 | wc -l; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$dpid/status"; }
isolated() {
  if [ "$(id -u)" -eq 0 ]; then
    python3 packaging/bench/isolated_pss.py "$dpid" "${pids[@]}" $$ | sed -n '1s/^isolated PSS \([0-9]*\) kB.*/\1/p'
  else
    echo "-"
  fi
}
# A figure's growth in percent, one decimal.
growth() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b - a) * 100 / a}'; }

# The user: input most seconds, now and then a break of 6 to 20 s (longer than break_after);
# every notification not yet answered gets a random answer: one of its actions, a close by the
# user, or nothing (it stays, or expires as the daemon decides).
answered=0
answers=0
act() {
  local lines
  mapfile -t lines < <(grep '"method":"Notify"' "$notify_log" | tail -n +$((answered + 1)))
  local line id actions pick
  for line in "${lines[@]}"; do
    answered=$((answered + 1))
    id=$(grep -o '"id":[0-9]*' <<< "$line" | head -1 | cut -d: -f2)
    # The actions come as key, label pairs.
    mapfile -t actions < <(grep -o '"actions":\[[^]]*\]' <<< "$line" |
      sed 's/^"actions":\[//; s/\]$//' | tr ',' '\n' | sed -n '1~2p' | tr -d '"' | grep -v '^default$' || true)
    pick=$((RANDOM % (${#actions[@]} + 2)))
    if [ "$pick" -lt "${#actions[@]}" ]; then
      gdbus call --session --dest org.freedesktop.Notifications --object-path /org/sitstretch/Test \
        --method org.sitstretch.Test.InvokeAction "$id" "${actions[pick]}" > /dev/null
      answers=$((answers + 1))
    elif [ "$pick" -eq "${#actions[@]}" ]; then
      gdbus call --session --dest org.freedesktop.Notifications --object-path /org/sitstretch/Test \
        --method org.sitstretch.Test.Close "$id" 2 > /dev/null
      answers=$((answers + 1))
    fi
  done
}

# The user at work, for `seconds`.
work() {
  local until=$((SECONDS + $1))
  while [ $SECONDS -lt $until ]; do
    if [ $((RANDOM % 15)) -eq 0 ]; then
      sleep $((6 + RANDOM % 15))
    else
      xdotool mousemove_relative -- $((RANDOM % 3 - 1)) $((RANDOM % 3 - 1))
      sleep 1
    fi
    act
  done
}

# Settle for two minutes of the same use first: start-up work, GLib's helper threads, and every
# path (prompt, snooze, guide, away) run once, so that its code and SQLite's cache are in.
work 120
start_pss=$(pss) start_uss=$(uss) start_anon=$(anon) start_fds=$(fds) start_threads=$(threads)
start_isolated=$(isolated)
start_load=$(cut -d' ' -f1-3 /proc/loadavg)
work $((minutes * 60))
# Let the last answers land, then let GLib's helper threads end as at the start.
xdotool mousemove_relative -- 1 1
sleep 20
end_pss=$(pss) end_uss=$(uss) end_anon=$(anon) end_fds=$(fds) end_threads=$(threads)
end_isolated=$(isolated)
end_load=$(cut -d' ' -f1-3 /proc/loadavg)

shown=$(grep '"method":"Notify"' "$notify_log" | grep -c '"skip"' || true)
logged=$("$cli" log --json --all | grep -c '"event":"prompt"' || true)
records=$("$cli" log --json --all | wc -l)
echo "soak: ${minutes} min, interval 10 s; load average ${start_load} at the start, ${end_load} at the end"
echo "soak: PSS ${start_pss} -> ${end_pss} kB ($(growth "$start_pss" "$end_pss")%)"
echo "soak: private memory ${start_uss} -> ${end_uss} kB ($(growth "$start_uss" "$end_uss")%)"
echo "soak: anonymous memory (heap; resident or swapped) ${start_anon} -> ${end_anon} kB ($(growth "$start_anon" "$end_anon")%)"
if [ "$start_isolated" != "-" ]; then
  echo "soak: isolated PSS ${start_isolated} -> ${end_isolated} kB ($(growth "$start_isolated" "$end_isolated")%)"
fi
echo "soak: open fds ${start_fds} -> ${end_fds}, threads ${start_threads} -> ${end_threads}"
echo "soak: ${records} records written; prompts shown ${shown}, logged ${logged}; ${answers} answers given to $(grep -c '"method":"Notify"' "$notify_log") notifications"
echo "soak: records by kind: $("$cli" log --json --all | grep -o '"event":"[a-z]*"' | cut -d'"' -f4 | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}')"
if grep -qiE "sanitizer|assert|terminate|abort" "$work/daemon.log"; then
  echo "soak: the daemon's log shows a failure:"
  grep -iE "sanitizer|assert|terminate|abort" "$work/daemon.log" | head -5
fi
kill -0 "$dpid" || { echo "soak: the daemon died"; exit 1; }
failed=0
awk -v a="$start_anon" -v b="$end_anon" 'BEGIN {exit !((b - a) * 100 / a >= 2)}' && failed=1
[ "$end_fds" -le "$start_fds" ] || failed=1
[ "$end_threads" -le "$start_threads" ] || failed=1
[ "$shown" -eq "$logged" ] || failed=1
if [ "$failed" -ne 0 ]; then echo "soak: a target was missed"; exit 1; fi
echo "soak: every target met"
