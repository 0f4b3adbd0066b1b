#!/usr/bin/env bash
# Statistics benchmark: a year of dense records (about 275,000) in a fresh log, then
# `sitstretch stats --days 365` and `sitstretch report --days 90`, best of five runs each.
# Needs the test build (tests/stats/stats_bench_fill) next to the CLI.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${SITSTRETCH_BUILD:-build/release}
bin=${SITSTRETCH_BIN:-$build/daemon/cli/sitstretch}
fill=${SITSTRETCH_FILL:-$build/tests/stats/stats_bench_fill}
state=$(mktemp -d /tmp/sitstretch-stats-bench-XXXXXX)
trap 'rm -rf "$state"' EXIT
export XDG_STATE_HOME=$state

records=$("$fill" "$state/sitstretch/log.sqlite3" 365)
size=$(du -k "$state/sitstretch/log.sqlite3" | cut -f1)

# Best wall time in ms of five runs of the command given.
best_of_5() {
  local best="" start ms
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" > /dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

stats_ms=$(best_of_5 "$bin" stats --days 365)
report_ms=$(best_of_5 "$bin" report --days 90 -o "$state/report.html")
report_kb=$(du -k "$state/report.html" | cut -f1)
echo "log: $records records over 365 days, ${size} KB"
echo "stats --days 365: ${stats_ms} ms (best of 5)"
echo "report --days 90: ${report_ms} ms (best of 5), ${report_kb} KB of HTML"
