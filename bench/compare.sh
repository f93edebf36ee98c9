#!/usr/bin/env bash
# Two leafpress binaries side by side, in one run, on the same inputs: each case is run by the
# two in turn, RUNS times (the machine is shared and noisy: alternating spreads the noise over
# both), and the medians and their ratio (B / A) are printed. Usage, from Release builds:
#   bash bench/compare.sh OLD/leafpress NEW/leafpress [RUNS]
# Cases: the real report's three editions together, its booklet alone, and generated A4 stress
# reports of about 500 pages, prose and every component.
set -euo pipefail
a=$(readlink -f "${1:?usage: compare.sh A B [RUNS]}")
b=$(readlink -f "${2:?usage: compare.sh A B [RUNS]}")
runs=${3:-11}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$work/layout"
# The layouts without their `components:` settings and the ua-1 claim, which older binaries do
# not know (a binary that tags does so all the same: ua-1 only adds its XMP claim).
for f in "$src"/layout/*.yaml; do
  sed -e '/^components:/,$d' -e 's/^pdf-standard: \[x-4, ua-1\]/pdf-standard: [x-4]/' -e '/^pdf-standard: \[ua-1\]/d' "$f" >"$work/layout/$(basename "$f")"
done
sed -e 's/^name: booklet/name: a4/' -e 's/size: A5/size: A4/' -e '/pad-to-multiple/d' \
  -e 's/section-start: [a-z-]*/section-start: continue/' "$work/layout/booklet.yaml" >"$work/layout/a4.yaml"
python3 "$src/bench/stress/generate.py" 500 "$work/prose.yaml"
python3 "$src/bench/stress/generate.py" 500 "$work/components.yaml" --components
common=(--fonts "$src/fonts/fonts.yaml")

seconds() {  # seconds COMMAND...: the wall time of one run
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.5f\n", e - s }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

case_of() {  # case_of LABEL ARGS...: both binaries in turn, RUNS times each
  local label=$1
  shift
  : >"$work/a.times"
  : >"$work/b.times"
  for round in $(seq "$runs"); do  # who goes first changes every round
    for x in $([ $((round % 2)) = 1 ] && echo a b || echo b a); do
      local bin=$a
      [ "$x" = b ] && bin=$b
      seconds "$bin" "$@" -o "$work/$x.pdf" >>"$work/$x.times" 2>/dev/null || seconds "$bin" "$@" --out-dir "$work/$x" >>"$work/$x.times"
    done
  done
  local ma mb
  ma=$(median <"$work/a.times")
  mb=$(median <"$work/b.times")
  awk -v l="$label" -v a="$ma" -v b="$mb" -v n="$runs" \
    'BEGIN { printf "%-30s A %7.1f ms   B %7.1f ms   B/A %.3f   (medians of %d)\n", l, a * 1000, b * 1000, b / a, n }'
}

echo "A = $a"
echo "B = $b"
# Every edition needs --out-dir; one edition -o.
all() { seconds "$1" build "$src/report.yaml" --layout-dir "$work/layout" "${common[@]}" --out-dir "$work/out-$2"; }
: >"$work/a.times"
: >"$work/b.times"
for round in $(seq "$runs"); do
  if [ $((round % 2)) = 1 ]; then
    all "$a" a >>"$work/a.times"
    all "$b" b >>"$work/b.times"
  else
    all "$b" b >>"$work/b.times"
    all "$a" a >>"$work/a.times"
  fi
done
awk -v a="$(median <"$work/a.times")" -v b="$(median <"$work/b.times")" -v n="$runs" \
  'BEGIN { printf "%-30s A %7.1f ms   B %7.1f ms   B/A %.3f   (medians of %d)\n", "report.yaml, 3 editions", a * 1000, b * 1000, b / a, n }'
case_of "report.yaml, booklet" build "$src/report.yaml" --edition booklet --layout-dir "$work/layout" "${common[@]}"
case_of "500 pages of prose" build "$work/prose.yaml" --layout-dir "$work/layout" "${common[@]}"
case_of "500 pages of components" build "$work/components.yaml" --layout-dir "$work/layout" "${common[@]}"
