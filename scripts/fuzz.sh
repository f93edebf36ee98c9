#!/usr/bin/env bash
# Builds the libFuzzer targets (YAML loaders, inline Markdown, SVG, model+text+layout, the PNG and JPEG
# decoders, the whole pipeline to a PDF with pictures) with clang in build-fuzz/ and runs each for a bounded time from
# the committed seeds and regression inputs. usage: fuzz.sh [SECONDS_PER_TARGET] (default 25)
# A crash leaves its input in build-fuzz/findings/; add it to tests/fuzz/regressions/ with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-25}
CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLP_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target yaml_fuzz markdown_fuzz svg_fuzz layout_fuzz png_fuzz jpeg_fuzz pdf_fuzz
mkdir -p build-fuzz/findings
# layout_fuzz lays reports out, so it starts from the YAML seeds.
# The picture decoders also start from afl++'s test pictures, where Debian's afl++-doc is installed.
afl=/usr/share/doc/afl++-doc/afl/testcases/images
for target in yaml markdown svg layout png jpeg pdf; do
  kind=${target/layout/yaml}
  extra=()
  [ -d "$afl/$target" ] && extra=("$afl/$target")
  # A target with no regressions yet has no folder of them (git keeps no empty folder).
  [ -d "tests/fuzz/regressions/$kind" ] && extra+=("tests/fuzz/regressions/$kind")
  work=build-fuzz/corpus-$target  # new inputs go here, not into the committed seeds
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  build-fuzz/tests/fuzz/${target}_fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/findings/ \
    "$work" tests/fuzz/corpus/$kind "${extra[@]}" 2>build-fuzz/$target.log ||
    { tail -n 60 build-fuzz/$target.log; exit 1; }
  grep -E "^(Done|stat::number_of_executed_units)" build-fuzz/$target.log
done
