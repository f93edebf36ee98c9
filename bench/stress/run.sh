#!/usr/bin/env bash
# Times leafpress as whole processes (/usr/bin/time -v; hyperfine when installed) and per stage
# (--timings): every edition of the real report, and generated stress reports of 500 and 1,000
# A4 pages. Run by hand on a quiet machine, from a Release build:
#   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release && cmake --build build-release -j2
#   bash bench/stress/run.sh build-release/leafpress
# Targets (issue 5): the real report's editions together < 0.1 s wall; 500 pages < 0.5 s and
# < 100 MB peak RSS; 1,000 pages in at most 2.2x the time of 500.
set -euo pipefail
lp=$(readlink -f "${1:?usage: run.sh LEAFPRESS}")
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
fonts=(--fonts "$src/fonts/fonts.yaml")

# "wall seconds" and "peak RSS MB" of one run, from GNU time's report.
measure() {  # measure LABEL COMMAND...
  local label=$1
  shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; return 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  printf '%-34s wall %6.3f s   peak RSS %6.1f MB\n' "$label" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo "$wall" >"$work/last-wall"
}

echo "== the real report, every edition (out/ in a scratch folder)"
real=(build "$src/report.yaml" --layout-dir "$src/layout" "${fonts[@]}" --out-dir "$work/out")
measure "report.yaml, all editions" "$lp" "${real[@]}"
"$lp" "${real[@]}" --timings 2>&1 | grep '^timings'

for pages in 500 1000; do
  python3 "$src/bench/stress/generate.py" "$pages" "$work/stress-$pages.yaml"
done
stress() { echo build "$work/stress-$1.yaml" --layout-dir "$src/bench/stress/layout" "${fonts[@]}" -o "$work/stress-$1.pdf"; }
for pages in 500 1000; do
  echo "== stress report, $pages pages asked"
  # shellcheck disable=SC2046
  measure "stress $pages" "$lp" $(stress "$pages")
  cp "$work/last-wall" "$work/wall-$pages"
  echo "pages written: $(pdfinfo "$work/stress-$pages.pdf" | sed -n 's/^Pages: *//p')"
  # shellcheck disable=SC2046
  "$lp" $(stress "$pages") --timings 2>&1 | grep '^timings'
done
awk -v a="$(cat "$work/wall-500")" -v b="$(cat "$work/wall-1000")" \
  'BEGIN { printf "== linearity: 1000 pages take %.2fx the time of 500 (target <= 2.2)\n", b / a }'

if command -v hyperfine >/dev/null; then
  echo "== hyperfine"
  # shellcheck disable=SC2046
  hyperfine -N --warmup 2 --runs 10 \
    -n "report.yaml, all editions" "$lp ${real[*]}" \
    -n "stress 500" "$lp $(stress 500)" \
    -n "stress 1000" "$lp $(stress 1000)"
fi
