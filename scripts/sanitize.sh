#!/usr/bin/env bash
# The test suite with AddressSanitizer and UBSan (build-asan/), then leafpress with
# ThreadSanitizer building several editions at once (build-tsan/).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLP_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
ctest --test-dir build-asan --output-on-failure -j"$jobs"

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLP_SANITIZE_THREAD=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target leafpress
export TSAN_OPTIONS=halt_on_error=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build-tsan/leafpress build report.yaml --out-dir "$out/report" -j 3
build-tsan/leafpress build tests/data/scripts.yaml --layout-dir layout --fonts fonts/fonts.yaml \
  --edition booklet --edition large-print --edition screen --out-dir "$out/scripts" -j 3
echo "tsan: editions built in parallel without a data race"
