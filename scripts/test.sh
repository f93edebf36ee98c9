#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
# The figures the conformance and paragraph tests measure, for the log.
ctest --test-dir build -R "Conformance|TotalFit|e2e" -V 2>/dev/null |
  grep -E "cases pass|total demerits|in-order coverage|report checks:|e2e: [0-9]+ passed" | sed 's/^[0-9]*: /  /'
