#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) in build-fuzz, replays every regression input, then fuzzes
# each target for the given seconds (default 30) from its seed corpus. Exits non-zero on any crash, leak or
# sanitizer report; the input that caused it is saved under tests/fuzz/crashes/. See docs/reliability.md.
#   tests/fuzz/run.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET=${1:-30}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
TARGETS=(sseparser translate configloader colinkmessage httpresponseparser)

# What the gateway library needs (as in ./dev), and clang with libFuzzer instead of gcc.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
  qtkeychain-qt6-dev libyaml-cpp-dev
  clang-14 libfuzzer-14-dev
)

source .ci/install-missing.sh # cwd is the repository root

install_missing "${PACKAGES[@]}"
build_start=$(date +%s)
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DSWITCHYARD_FUZZ=ON -DSWITCHYARD_BUILD_GUI=OFF -DSWITCHYARD_BUILD_TESTS=OFF "${launcher[@]}"
fi
cmake --build "$BUILD_DIR" -j "$JOBS"
echo "==> fuzz build: $(($(date +%s) - build_start)) s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Qt's logging would flood the fuzzer's output with every rejected input.
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-"*=false"}

fuzzer() { echo "$BUILD_DIR/tests/fuzz/fuzz_$1"; }
failed=0

# Every input that once crashed, first: a fixed bug must stay fixed whatever the fuzzer finds this time.
for t in "${TARGETS[@]}"; do
  dir=tests/fuzz/regressions/$t
  [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] || continue
  count=$(find "$dir" -type f | wc -l)
  if "$(fuzzer "$t")" -runs=1 "$dir"/* >"$BUILD_DIR/regressions-$t.log" 2>&1; then
    echo "==> $t: $count regression input(s) pass"
  else
    echo "==> $t: a regression input fails again:" >&2
    tail -40 "$BUILD_DIR/regressions-$t.log" >&2
    failed=1
  fi
done

mkdir -p tests/fuzz/crashes
printf '%-20s %12s %8s %8s  %s\n' target executions cov: seconds result
for t in "${TARGETS[@]}"; do
  # New inputs go to a working corpus in the build folder; the committed seeds stay as they are.
  work=$BUILD_DIR/corpus/$t
  mkdir -p "$work"
  log=$BUILD_DIR/fuzz-$t.log
  start=$(date +%s)
  result=ok
  "$(fuzzer "$t")" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="tests/fuzz/crashes/$t-" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1 || result=CRASH
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]*' | tail -1 | grep -o '[0-9]*' || true)
  printf '%-20s %12s %8s %8s  %s\n' "$t" "${runs:-?}" "${cov:-?}" "$(($(date +%s) - start))" "$result"
  if [ "$result" != ok ]; then
    failed=1
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -10 >&2 || true
    echo "    full log: $log" >&2
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "==> fuzzing found a crash: inputs in tests/fuzz/crashes/ (add each, once fixed, to tests/fuzz/regressions/<target>/)" >&2
  exit 1
fi
