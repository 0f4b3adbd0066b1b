#!/usr/bin/env bash
# The Mutter idle source's cost: sitstretchd in a GNOME Wayland session with no X display, idle
# from a real headless mutter 43 on a private session bus, while the user moves the pointer every
# second (through Mutter's RemoteDesktop), then while away. Prints the daemon's CPU time and
# wakeups (context switches, summed over its threads) per minute. The goal is 0 wakeups while
# typing: Mutter times idleness and sends WatchFired only on transitions.
# Usage: packaging/bench/idle_mutter.sh [SECONDS]   (each measuring phase; default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:-60}
build=${SITSTRETCH_BUILD:-build/release}
daemon=$build/daemon/app/sitstretchd
cli=$build/daemon/cli/sitstretch
tool=$build/tests/idle/mutter_input_tool

work=$(mktemp -d /tmp/sitstretch-bench-mutter-XXXXXX)
pids=()
cleanup() {
  exec 4>&- 2>/dev/null || true
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_RUNTIME_DIR=$work/run DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/none
export XDG_SESSION_TYPE=wayland WAYLAND_DISPLAY=sitstretch-mutter
unset DISPLAY
mkdir -m 700 "$XDG_RUNTIME_DIR"
dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$work/dbus" 2>/dev/null
export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$work/dbus")
pids+=($(sed -n 2p "$work/dbus"))

# mutter, fed one line per input on fd 4.
mkfifo "$work/input"
"$tool" < "$work/input" > "$work/tool.out" 2> "$work/mutter.log" &
pids+=($!)
exec 4> "$work/input"
until grep -q ready "$work/tool.out" 2>/dev/null; do sleep 0.05; done
move() { echo >&4; }

config=$work/config.toml
printf '[sitting]\ninterval = "4h"\nbreak_after = "5s"\n' > "$config"
"$daemon" --config "$config" 2> "$work/daemon.log" &
dpid=$!
pids+=($dpid)
until "$cli" status > /dev/null 2>&1; do sleep 0.05; done
"$cli" status --json | grep -q '"idle_source":"mutter"' || { echo "idle source is not mutter" >&2; exit 1; }

# "cpu_ns context_switches" summed over the daemon's threads.
snapshot() {
  local cpu=0 switches=0 t
  for t in /proc/$dpid/task/*; do
    cpu=$((cpu + $(cut -d' ' -f1 "$t/schedstat")))
    switches=$((switches + $(awk '/ctxt_switches/ {s += $2} END {print s}' "$t/status")))
  done
  echo "$cpu $switches"
}

# measure SECONDS INPUT(yes|no) → "cpu_ms_per_min wakeups_per_min"
measure() {
  read -r cpu0 sw0 <<< "$(snapshot)"
  for ((i = 0; i < $1; i++)); do
    if [ "$2" = yes ]; then move; fi
    sleep 1
  done
  read -r cpu1 sw1 <<< "$(snapshot)"
  awk -v t="$1" -v c=$((cpu1 - cpu0)) -v s=$((sw1 - sw0)) \
    'BEGIN {printf "%.2f %.1f", c / 1e6 * 60 / t, s * 60 / t}'
}

# Settle first: start-up work, and GLib's helper threads, which end after 15 s of idleness.
measure 20 yes > /dev/null
read -r busy_cpu busy_wake <<< "$(measure "$phase" yes)"
until "$cli" log --json --all | grep -q '"away"'; do sleep 0.5; done
read -r idle_cpu idle_wake <<< "$(measure "$phase" no)"
move
until "$cli" log --json --all | grep -q '"back"'; do sleep 0.1; done

echo "idle source mutter: while typing (input every second): ${busy_cpu} ms CPU/min, ${busy_wake} wakeups/min"
echo "idle source mutter: while away: ${idle_cpu} ms CPU/min, ${idle_wake} wakeups/min"
