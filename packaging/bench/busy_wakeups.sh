#!/usr/bin/env bash
# Busy sources' cost (SPEC §2 rule 9): sitstretchd on a private Xvfb with openbox, a session bus
# and a notification server, a window in front and a stand-in camera device, while nothing
# changes. Prints CPU and wakeups (context switches) per minute with busy.when = ["user"] (no
# source runs) and with ["fullscreen", "camera"] (the X11 fullscreen source and the camera
# source on SITSTRETCH_CAMERA_DIR), and, as a check of the measurement, with a camera opened once
# a second. The goal is 0 wakeups more while nothing changes: both sources only wait on their
# fds, and the X server and inotify write only on a change. Then the same in a sway session
# (sway 1.7 headless with Xwayland, as an unprivileged user when run as root), where the
# fullscreen source follows sway's IPC.
# Usage: packaging/bench/busy_wakeups.sh [SECONDS]   (each measurement; default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:-60}
build=${SITSTRETCH_BUILD:-build/release}
daemon=$build/daemon/app/sitstretchd
cli=$build/daemon/cli/sitstretch
fake=$build/tests/notify/fake_notification_server

work=$(mktemp -d /tmp/sitstretch-bench-busy-XXXXXX)
chmod 711 "$work"  # sway's user must reach its runtime directory inside
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_RUNTIME_DIR=$work/run DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/none
export XDG_SESSION_TYPE=x11 WAYLAND_DISPLAY=
export SITSTRETCH_CAMERA_DIR=$work/cameras
mkdir -m 700 "$XDG_RUNTIME_DIR"
mkdir "$SITSTRETCH_CAMERA_DIR"
: > "$SITSTRETCH_CAMERA_DIR/video0"

exec 3< <(exec Xvfb -displayfd 1 -nolisten tcp -screen 0 640x480x24 2>/dev/null)
pids+=($!)
read -r display <&3
export DISPLAY=:$display
openbox --sm-disable --startup "touch $work/openbox.ready" > "$work/openbox.log" 2>&1 &
pids+=($!)
until [ -e "$work/openbox.ready" ]; do sleep 0.05; done
xmessage "a window in front" > /dev/null 2>&1 &
pids+=($!)
until wmctrl -l | grep -q xmessage; do sleep 0.05; done
dbus_out=$work/dbus.address
dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$dbus_out" 2>/dev/null
export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$dbus_out")
pids+=($(sed -n 2p "$dbus_out"))
"$fake" "$work/notify.jsonl" > "$work/fake.out" &
pids+=($!)
until grep -q ready "$work/fake.out" 2>/dev/null; do sleep 0.05; done

# "cpu_ns context_switches" summed over the threads of pid $1.
snapshot() {
  local cpu=0 switches=0 t
  for t in /proc/$1/task/*; do
    cpu=$((cpu + $(cut -d' ' -f1 "$t/schedstat")))
    switches=$((switches + $(awk '/ctxt_switches/ {s += $2} END {print s}' "$t/status")))
  done
  echo "$cpu $switches"
}

# measure NAME WHEN [CHANGE_COMMAND...]: the daemon with busy.when = WHEN for $phase seconds,
# running CHANGE_COMMAND once a second if given (nothing changes otherwise).
measure() {
  local name=$1 when=$2 config=$work/config.$RANDOM.toml
  shift 2
  printf '[sitting]\ninterval = "4h"\nbreak_after = "1h"\n[busy]\nwhen = %s\n' "$when" > "$config"
  "$daemon" --config "$config" 2> "$work/daemon.log" &
  local dpid=$!
  pids+=($dpid)
  until "$cli" status > /dev/null 2>&1; do sleep 0.05; done
  local sources
  sources=$("$cli" status --json | grep -o '"busy_sources":"[^"]*"' | cut -d'"' -f4)
  sleep 20  # start-up work, and GLib's helper threads, which end after 15 s of idleness
  local logged0
  logged0=$("$cli" log --json --all | grep -c '"busy"' || true)
  read -r cpu0 sw0 <<< "$(snapshot $dpid)"
  if [ $# -eq 0 ]; then
    sleep "$phase"
  else
    for ((i = 0; i < phase; i++)); do "$@"; sleep 1; done
  fi
  read -r cpu1 sw1 <<< "$(snapshot $dpid)"
  local logged
  logged=$(($("$cli" log --json --all | grep -c '"busy"' || true) - logged0))
  kill "$dpid"
  wait "$dpid" 2>/dev/null || true
  awk -v n="$name" -v t="$phase" -v c=$((cpu1 - cpu0)) -v s=$((sw1 - sw0)) -v src="$sources" \
    -v b="$logged" \
    'BEGIN {printf "%s: %.3f ms CPU/min, %.1f wakeups/min, %d busy records meanwhile (sources: %s)\n", n, c / 1e6 * 60 / t, s * 60 / t, b, src}'
}

# A camera app that opens the camera for a moment, once a second: the check that the
# measurement sees the source wake when something does change.
camera_blink() { : < "$SITSTRETCH_CAMERA_DIR/video0"; }

measure 'busy.when ["user"], nothing changing' '["user"]'
measure 'busy.when ["fullscreen", "camera"], nothing changing' '["fullscreen", "camera"]'
measure 'busy.when ["fullscreen", "camera"], the camera opened once a second' \
  '["fullscreen", "camera"]' camera_blink

# sway, with one X client window in front.
sway_dir=$work/sway
mkdir -m 755 "$sway_dir"
printf 'xwayland enable\n' > "$sway_dir/sway.conf"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  id sitstretch-test > /dev/null 2>&1 ||
    useradd --system --no-create-home --shell /usr/sbin/nologin sitstretch-test
  chown sitstretch-test: "$sway_dir"
  as_user=(setpriv "--reuid=$(id -u sitstretch-test)" "--regid=$(id -g sitstretch-test)"
           --clear-groups --pdeathsig TERM)
fi
XDG_RUNTIME_DIR=$sway_dir HOME=$sway_dir WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 \
  WLR_RENDERER=pixman WAYLAND_DISPLAY= DISPLAY= \
  "${as_user[@]}" sway -c "$sway_dir/sway.conf" > "$sway_dir/log" 2>&1 &
pids+=($!)
until ls "$sway_dir"/sway-ipc.*.sock > /dev/null 2>&1; do sleep 0.05; done
export SWAYSOCK=$(ls "$sway_dir"/sway-ipc.*.sock)
wayland_socket=""
until [ -n "$wayland_socket" ]; do
  for s in "$sway_dir"/wayland-*; do [ -S "$s" ] && wayland_socket=$s; done
  sleep 0.05
done
swaymsg exec 'xmessage a-window-in-front' > /dev/null
until swaymsg -t get_tree | grep -q '"xmessage"'; do sleep 0.05; done
export XDG_SESSION_TYPE=wayland WAYLAND_DISPLAY=$wayland_socket
measure 'sway: busy.when ["user"], nothing changing' '["user"]'
measure 'sway: busy.when ["fullscreen", "camera"], nothing changing' '["fullscreen", "camera"]'
