#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan and UBSan, build/fuzz) and runs each one.
#
#   packaging/fuzz.sh ci          every target a fixed number of runs from its seeds, the same
#                                 inputs each time (about a minute in all on 2 cores); what
#                                 `packaging/dev.sh test` runs
#   packaging/fuzz.sh [SECONDS]   every target SECONDS (default 600), growing its corpus in
#                                 build/fuzz/corpus/TARGET across runs
#
# Fails on the first crash, leak, undefined behaviour, timeout or broken property; libFuzzer
# leaves the input as build/fuzz/crash-* (or leak-*, timeout-*): replay it with
# build/fuzz/fuzz/TARGET FILE, and make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-600}
targets=(config_fuzz trace_fuzz control_fuzz store_fuzz duration_fuzz when_fuzz)
# Runs per target in CI, sized by speed: the store writes its rows to SQLite on every input.
declare -A ci_runs=(
  [config_fuzz]=25000 [trace_fuzz]=40000 [control_fuzz]=100000 [store_fuzz]=4000
  [duration_fuzz]=200000 [when_fuzz]=100000)

say() { printf 'fuzz.sh: [%ds] %s\n' "$SECONDS" "$*" >&2; }

say "build the fuzz targets (clang, build/fuzz)"
# CMAKE_BUILD_TYPE Fuzz: no flags of its own; the top-level CMakeLists.txt sets them.
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DSITSTRETCH_FUZZ=ON -DSITSTRETCH_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=Fuzz > /dev/null
cmake --build build/fuzz -j "$(nproc)" --target sitstretch_fuzzers

export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
common=(-max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=0
        -artifact_prefix=build/fuzz/)
for t in "${targets[@]}"; do
  seeds=fuzz/corpus/$t
  if [ "$mode" = ci ]; then
    # New inputs go to a scratch directory, so the repository's seeds stay as they are.
    scratch=$(mktemp -d)
    say "$t: ${ci_runs[$t]} runs"
    build/fuzz/fuzz/$t "${common[@]}" -seed=1 -runs="${ci_runs[$t]}" "$scratch" "$seeds" \
      2> "build/fuzz/$t.log" || { tail -60 "build/fuzz/$t.log"; rm -rf "$scratch"; exit 1; }
    rm -rf "$scratch"
  else
    mkdir -p "build/fuzz/corpus/$t"
    say "$t: ${mode} s"
    build/fuzz/fuzz/$t "${common[@]}" -max_total_time="$mode" "build/fuzz/corpus/$t" "$seeds" \
      2> "build/fuzz/$t.log" || { tail -60 "build/fuzz/$t.log"; exit 1; }
  fi
  grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)' "build/fuzz/$t.log" | tail -1 >&2 || true
done
say "no crash, leak or undefined behaviour in ${#targets[@]} targets"
