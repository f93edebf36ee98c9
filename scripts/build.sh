#!/usr/bin/env bash
# Installs what is needed, builds leafpress and compiles report.yaml into out/ (one PDF per edition).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/leafpress build report.yaml
