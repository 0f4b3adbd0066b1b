#!/usr/bin/env bash
# Statistics benchmark: a year of dense records (about 275,000) in a fresh log, then
# `sitstretch stats --days 365` the first time (every day counted from the records, the finished
# ones kept in the log) and again (kept days read back, today counted), and
# `sitstretch report --days 90`; best of five runs each.
# Needs the test build (tests/stats/stats_bench_fill) next to the CLI.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${SITSTRETCH_BUILD:-build/release}
bin=${SITSTRETCH_BIN:-$build/daemon/cli/sitstretch}
fill=${SITSTRETCH_FILL:-$build/tests/stats/stats_bench_fill}
state=$(mktemp -d /tmp/sitstretch-stats-bench-XXXXXX)
trap 'rm -rf "$state"' EXIT
export XDG_STATE_HOME=$state
log=$state/sitstretch/log.sqlite3

records=$("$fill" "$log" 365)
size=$(du -k "$log" | cut -f1)
cp "$log" "$state/unkept.sqlite3"

# Wall time of one run in ms, from bash's own clock (no process started to read it).
time_ms() {
  local start=$EPOCHREALTIME
  "$@" > /dev/null
  local end=$EPOCHREALTIME
  echo $(( (${end/./} - ${start/./}) / 1000 ))
}

# Best of five: `best_of_5 PREPARE COMMAND...` runs PREPARE (untimed) before each run.
best_of_5() {
  local prepare=$1 best="" ms
  shift
  for _ in 1 2 3 4 5; do
    $prepare
    ms=$(time_ms "$@")
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

unkept() { rm -f "$log"-wal "$log"-shm; cp "$state/unkept.sqlite3" "$log"; }

first_ms=$(best_of_5 unkept "$bin" stats --days 365)
again_ms=$(best_of_5 true "$bin" stats --days 365)
report_ms=$(best_of_5 true "$bin" report --days 90 -o "$state/report.html")
report_kb=$(du -k "$state/report.html" | cut -f1)
echo "log: $records records over 365 days, ${size} KB"
echo "stats --days 365, first time (counts 365 days, keeps 364): ${first_ms} ms (best of 5)"
echo "stats --days 365, again (364 kept days, today counted): ${again_ms} ms (best of 5)"
echo "report --days 90: ${report_ms} ms (best of 5), ${report_kb} KB of HTML"
