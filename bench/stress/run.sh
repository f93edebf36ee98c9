#!/usr/bin/env bash
# Times leafpress as whole processes (/usr/bin/time -v; hyperfine when installed) and per stage
# (--timings): every edition of the real report, and generated stress reports of 500 and 1,000
# A4 pages (prose; then prose with every component). Run by hand on a quiet machine, from a
# Release build:
#   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
#   cmake --build build-release -j2 && bash bench/stress/run.sh build-release/leafpress
# Targets (issue 5): the real report's editions together < 0.1 s wall; 500 pages < 0.5 s and
# < 100 MB peak RSS; 1,000 pages in at most 2.2x the time of 500.
set -euo pipefail
lp=$(readlink -f "${1:?usage: run.sh LEAFPRESS}")
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
fonts=(--fonts "$src/fonts/fonts.yaml")

# The stress edition: the booklet's type and spacing on A4, sections running on, no padding.
mkdir -p "$work/layout"
sed -e 's/^name: booklet/name: a4/' -e 's/size: A5/size: A4/' -e '/pad-to-multiple/d' \
  -e 's/sections-on-new-page: true/sections-on-new-page: false/' \
  -e 's/section-start: [a-z-]*/section-start: continue/' "$src/layout/booklet.yaml" >"$work/layout/a4.yaml"

# The fastest of three runs (one run is at the mercy of whatever else the machine does): its
# wall seconds, its cpu seconds (user + system, every thread) and the peak RSS, from GNU time.
measure() {  # measure LABEL COMMAND...
  local label=$1
  shift
  local best="" run wall rss cpu
  for run in 1 2 3; do
    # GNU time gives the wall time in hundredths only; the shell's clock, in microseconds.
    local start=$EPOCHREALTIME
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; return 1; }
    wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    cpu=$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$work/time.txt" | awk '{ s += $1 } END { print s }')
    if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best="$wall $cpu $rss"; fi
  done
  read -r wall cpu rss <<<"$best"
  printf '%-34s wall %6.3f s   cpu %6.3f s   peak RSS %6.1f MB   (fastest of 3)\n' "$label" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo "$wall" >"$work/last-wall"
}
pages_of() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
stress() {  # stress NAME: the build command for a generated report
  echo build "$work/$1.yaml" --layout-dir "$work/layout" "${fonts[@]}" -o "$work/$1.pdf"
}

echo "== the real report, every edition (out/ in a scratch folder)"
real=(build "$src/report.yaml" --layout-dir "$src/layout" "${fonts[@]}" --out-dir "$work/out")
measure "report.yaml, all editions" "$lp" "${real[@]}"
"$lp" "${real[@]}" --timings 2>&1 | grep '^timings'
for pdf in "$work"/out/*.pdf; do echo "$(basename "$pdf"): $(pages_of "$pdf") pages"; done

for kind in prose components; do
  flag=()
  [ "$kind" = components ] && flag=(--components)
  # Calibrate words per page on 100 pages, so that "500" means 500 pages in this layout.
  python3 "$src/bench/stress/generate.py" 100 "$work/calibrate.yaml" "${flag[@]}"
  # shellcheck disable=SC2046
  if ! "$lp" $(stress calibrate) 2>"$work/calibrate.err"; then
    echo "== $kind stress: this leafpress cannot build it:"; head -n 3 "$work/calibrate.err"; continue
  fi
  wpp=$(awk -v p="$(pages_of "$work/calibrate.pdf")" 'BEGIN { print 537 * 100 / p }')
  for pages in 500 1000; do
    python3 "$src/bench/stress/generate.py" "$pages" "$work/$kind-$pages.yaml" "${flag[@]}" --words-per-page "$wpp"
    echo "== $kind stress, $pages pages asked"
    # shellcheck disable=SC2046
    measure "$kind $pages" "$lp" $(stress "$kind-$pages")
    cp "$work/last-wall" "$work/wall-$kind-$pages"
    echo "pages written: $(pages_of "$work/$kind-$pages.pdf"), YAML $(($(stat -c %s "$work/$kind-$pages.yaml") / 1024)) KiB"
    # shellcheck disable=SC2046
    "$lp" $(stress "$kind-$pages") --timings 2>&1 | grep '^timings'
  done
  awk -v a="$(cat "$work/wall-$kind-500")" -v b="$(cat "$work/wall-$kind-1000")" -v k="$kind" \
    'BEGIN { printf "== %s linearity: 1000 pages take %.2fx the time of 500 (target <= 2.2)\n", k, b / a }'
done

if command -v hyperfine >/dev/null; then
  echo "== hyperfine"
  runs=(-n "report.yaml, all editions" "$lp ${real[*]}")
  for name in prose-500 prose-1000 components-500; do
    [ -e "$work/$name.yaml" ] && runs+=(-n "$name" "$lp $(stress "$name")")
  done
  hyperfine -N --warmup 2 --runs 10 "${runs[@]}"
fi
