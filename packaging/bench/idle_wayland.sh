#!/usr/bin/env bash
# Wayland idle sources' cost: a process holding one source (tests/wayland/wayland_idle_hold)
# while the user moves the pointer every second, against a real headless compositor; prints its
# CPU time and wakeups (context switches) per minute. The goal is 0 wakeups while typing: the
# compositor times idleness and writes to the client only on transitions.
#   ext-idle-notify and kde-idle on kwin_wayland (input: org_kde_kwin_fake_input)
#   kde-idle on sway (input: swaymsg seat - cursor move; as root, sway runs as sitstretch-test)
# Usage: packaging/bench/idle_wayland.sh [SECONDS]   (each measurement; default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:-60}
build=${SITSTRETCH_BUILD:-build/release}
hold=$(realpath "$build/tests/wayland/wayland_idle_hold")
fake=$(realpath "$build/tests/wayland/kwin_fake_input")

work=$(mktemp -d /tmp/sitstretch-bench-wl-XXXXXX)
chmod 711 "$work"  # sway's user must reach its runtime directory inside
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# wait_for_socket DIR PREFIX: prints the path of the first socket DIR/PREFIX* once it exists.
wait_for_socket() {
  local s
  for _ in $(seq 600); do
    for s in "$1/$2"*; do [ -S "$s" ] && { echo "$s"; return; }; done
    sleep 0.05
  done
  echo "no socket $1/$2* appeared" >&2
  exit 1
}

# "cpu_ns context_switches" summed over the threads of pid $1.
snapshot() {
  local cpu=0 switches=0 t
  for t in /proc/$1/task/*; do
    cpu=$((cpu + $(cut -d' ' -f1 "$t/schedstat")))
    switches=$((switches + $(awk '/ctxt_switches/ {s += $2} END {print s}' "$t/status")))
  done
  echo "$cpu $switches"
}

boot_ms() { awk '{printf "%d", $1 * 1000}' /proc/uptime; }

# measure NAME SOURCE SOCKET INPUT_COMMAND...: holds SOURCE on SOCKET for $phase seconds while
# INPUT_COMMAND runs once a second, then prints the figures. Then input stops, and the source's
# `idle` must come, dated at the last input, as a check that the input reached the compositor.
measure() {
  local name=$1 source=$2 socket=$3 out=$work/hold.$RANDOM
  shift 3
  "$hold" "$source" "$socket" 3000 > "$out" &
  local hpid=$!
  pids+=($hpid)
  until grep -q ready "$out" 2>/dev/null; do sleep 0.05; done
  "$@"
  sleep 1  # the source's first flush and the compositor's first reply
  read -r cpu0 sw0 <<< "$(snapshot $hpid)"
  for ((i = 0; i < phase; i++)); do "$@"; sleep 1; done
  read -r cpu1 sw1 <<< "$(snapshot $hpid)"
  local events=$(($(wc -l < "$out") - 1))
  "$@"
  local last=$(boot_ms)
  for _ in $(seq 100); do grep -q '^idle' "$out" && break; sleep 0.1; done
  local idle_at=$(awk '/^idle/ {print $2; exit}' "$out")
  kill $hpid
  awk -v n="$name" -v t="$phase" -v c=$((cpu1 - cpu0)) -v s=$((sw1 - sw0)) -v e=$events \
    -v d="${idle_at:+$((idle_at - last))}" \
    'BEGIN {printf "idle source %s: while typing (input every second): %.3f ms CPU/min, %.1f wakeups/min, %d events; then idle dated %s ms after the last input\n", n, c / 1e6 * 60 / t, s * 60 / t, e, d == "" ? "(none came)" : d}'
}

# kwin_wayland, copied out of /usr/bin (its file capability fails in containers).
kwin_dir=$work/kwin
mkdir -m 700 "$kwin_dir" "$kwin_dir/bin"
cp /usr/bin/kwin_wayland "$kwin_dir/bin/kwin_wayland"
XDG_RUNTIME_DIR=$kwin_dir XDG_CONFIG_HOME=$kwin_dir/config KWIN_COMPOSE=Q \
  KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 WAYLAND_DISPLAY= DISPLAY= \
  "$kwin_dir/bin/kwin_wayland" --virtual --no-lockscreen --no-global-shortcuts --no-kactivities \
  --socket wayland-bench > "$kwin_dir/log" 2>&1 &
pids+=($!)
kwin_socket=$(wait_for_socket "$kwin_dir" wayland-bench)
exec 4> >(exec "$fake" "$kwin_socket")
pids+=($!)
kwin_move() { echo >&4; }
measure "ext-idle-notify (kwin_wayland)" ext-idle-notify "$kwin_socket" kwin_move
measure "kde-idle (kwin_wayland)" kde-idle "$kwin_socket" kwin_move

# sway 1.7, as an unprivileged user when run as root (sway refuses root).
sway_dir=$work/sway
mkdir -m 700 "$sway_dir"
printf 'xwayland disable\n' > "$sway_dir/sway.conf"
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
sway_socket=$(wait_for_socket "$sway_dir" wayland-)
export SWAYSOCK=$(wait_for_socket "$sway_dir" sway-ipc.)
step=1
sway_move() { step=$((-step)); swaymsg -- seat - cursor move $step $step > /dev/null; }
measure "kde-idle (sway)" kde-idle "$sway_socket" sway_move
