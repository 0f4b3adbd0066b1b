#!/usr/bin/env bash
# Trace benchmark: a month of dense presence (50,000 changes, busy spells, a daemon start a day)
# in a fresh log, then `sitstretch log --trace` over the month and `sitstretch whatif --days 30`
# (two replays of it); best of five runs each. Target: under 200 ms each.
# Needs the test build (tests/store/trace_bench_fill) next to the CLI.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${SITSTRETCH_BUILD:-build/release}
bin=${SITSTRETCH_BIN:-$build/daemon/cli/sitstretch}
fill=${SITSTRETCH_FILL:-$build/tests/store/trace_bench_fill}
work=$(mktemp -d /tmp/sitstretch-trace-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config HOME=$work
log=$XDG_STATE_HOME/sitstretch/log.sqlite3

changes=$("$fill" "$log" 30 50000)
size=$(du -k "$log" | cut -f1)
printf '[sitting]\ninterval = "60m"\n' > "$work/hour.toml"

# One run as "WALL CPU" in ms, from bash's own `time` (CPU: user + system). On a shared machine
# the wall time waits for other processes; the CPU time is what the command itself costs.
run_ms() {
  local TIMEFORMAT='%3R %3U %3S' times
  times=$( { time "$@" > /dev/null; } 2>&1 )
  read -r wall user sys <<< "$times"
  echo "$(( 10#${wall/./} )) $(( 10#${user/./} + 10#${sys/./} ))"
}

# Best of five, by wall time: "WALL ms wall, CPU ms CPU".
best_of_5() {
  local best="" cpu="" wall c
  for _ in 1 2 3 4 5; do
    read -r wall c <<< "$(run_ms "$@")"
    if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then best=$wall cpu=$c; fi
  done
  echo "${best} ms wall, ${cpu} ms CPU"
}

lines=$("$bin" log --trace --all | wc -l)
trace_ms=$(best_of_5 "$bin" log --trace --all)
whatif_ms=$(best_of_5 "$bin" whatif "$work/hour.toml" --days 30)
echo "log: $changes presence changes over 30 days, ${size} KB"
echo "log --trace --all: ${trace_ms} (best of 5), $lines lines"
echo "whatif --days 30: ${whatif_ms} (best of 5; two replays of the month)"
