#!/usr/bin/env bash
# Replay benchmark: a dense 30-day trace (about 50,000 lines) through `sitstretch replay`.
# Prints lines, records, wall time and records per second; best of five runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${SITSTRETCH_BIN:-${SITSTRETCH_BUILD:-build/release}/daemon/cli/sitstretch}
trace=$(mktemp /tmp/sitstretch-month-XXXXXX.trace)
trap 'rm -f "$trace"' EXIT

# Each workday: bursts of input with short pauses, breaks, locks, answers and a lunch pause.
awk 'BEGIN {
  srand(42); t = 0; lines = 0
  for (day = 0; day < 30; day++) {
    t = day * 86400 + 8 * 3600 + int(rand() * 1800)
    end = day * 86400 + 18 * 3600
    while (t < end) {
      printf "%d active\n", t; lines++
      t += 3 + int(rand() * 30)
      r = rand()
      if (r < 0.02) { printf "%d done\n", t; lines++ }
      else if (r < 0.03) { printf "%d pause 20m\n", t; lines++; t += 60; printf "%d resume\n", t; lines++ }
      else if (r < 0.04) { printf "%d locked\n", t; lines++; t += 60 + int(rand() * 900); printf "%d unlocked\n", t; lines++ }
      else if (r < 0.05) { printf "%d side right\n", t; lines++ }
      printf "%d idle\n", t; lines++
      t += 2 + int(rand() * (rand() < 0.02 ? 900 : 25))
    }
  }
  printf "%d end\n", 30 * 86400
}' > "$trace"

lines=$(wc -l < "$trace")
records=$("$bin" replay "$trace" | wc -l)
best=""
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin" replay "$trace" > /dev/null
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
per_s=$(( records * 1000 / (best > 0 ? best : 1) ))
echo "replay: $lines trace lines, $records records, ${best} ms (best of 5), $per_s records/s"
