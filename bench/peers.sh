#!/usr/bin/env bash
# leafpress against Typst 0.14 (typst.ts from npm), side by side in one run, and the figures of
# issue 16's done-when: all three editions of the real report against Typst's one booklet
# (target <= 0.2), the ~500-page A4 stress report against Typst's (target <= 0.1), the booklet
# alone in wall time (target < 20 ms) and the stress report's peak RSS (target < 64 MB); then
# the per-stage figures of `leafpress build --timings`. bench/README.md says how to set it up.
#   bash bench/peers.sh build-release/leafpress [RUNS]
# PEERS (default ../shared/peers beside the repository) holds gen.py, stress_yaml.py and
# typst-ts/; SEED the seed text; TYPST_TS the folder typst.ts is installed into (made on the
# first run with npm; without npm or the registry the Typst ratios are skipped, said so).
set -euo pipefail
lp=$(readlink -f "${1:?usage: peers.sh LEAFPRESS [RUNS]}")
runs=${2:-11}
src=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS:-$src/../shared/peers}
seed=${SEED:-$src/../shared/seed/000_0b512698a1dd7ed1.txt}
typst_ts=${TYPST_TS:-${XDG_CACHE_HOME:-$HOME/.cache}/leafpress-bench/typst-ts}
dejavu=/usr/share/fonts/truetype/dejavu
[ -f "$peers/gen.py" ] || { echo "peers.sh: no $peers/gen.py (set PEERS)" >&2; exit 2; }
[ -f "$seed" ] || { echo "peers.sh: no seed text $seed (set SEED)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

# The inputs: Typst's booklet and stress documents, the stress text as a leafpress report, and
# an A4 layout and font roles like Typst's (DejaVu Sans 11/14.5 pt, 25 mm margins, justified,
# hyphenated) for it.
python3 "$peers/gen.py" "$seed" "$work" >/dev/null
python3 "$peers/stress_yaml.py" "$seed" "$work/stress.yaml"
mkdir -p "$work/stress-layout"
python3 - "$src/layout/booklet.yaml" "$work/stress-layout/booklet.yaml" "$src/fonts/fonts.yaml" "$work/fonts.yaml" <<'EOF'
import re, sys
booklet, out, fonts, fonts_out = sys.argv[1:5]
s = open(booklet).read()
s = re.sub(r"^page: .*$", "page: {size: A4}", s, flags=re.M)
s = re.sub(r"^margins: .*$", "margins: {top: 25mm, bottom: 25mm, inside: 25mm, outside: 25mm}", s, flags=re.M)
s = re.sub(r"^  pad-to-multiple: .*\n", "", s, flags=re.M)
s = re.sub(r"section-start: [a-z-]+", "section-start: continue", s)
s = re.sub(r"^  body: .*$", "  body:           {font: body, size: 11pt, leading: 14.5pt, colour: ink, align: justify, space-after: 6pt}", s, flags=re.M)
s = re.sub(r"^  section-title: .*$", "  section-title:  {font: body, size: 16pt, leading: 19pt, colour: ink, bold: true, align: left, space-before: 14pt, space-after: 8pt}", s, flags=re.M)
open(out, "w").write(s)
f = open(fonts).read()
f = re.sub(r"^search-paths:\n(  - .*\n)+", "search-paths:\n  - /usr/share/fonts/truetype\n  - /usr/share/fonts/opentype\n", f, flags=re.M)
f = re.sub(r"^(  (body|body-large-print|heading)): .*$", r"\1: dejavu-sans", f, flags=re.M)
open(fonts_out, "w").write(f)
EOF

# typst.ts, installed once into a scratch folder of its own.
typst=""
if [ -d "$typst_ts/node_modules/@myriaddreamin" ]; then
  typst=$typst_ts
elif command -v npm >/dev/null && mkdir -p "$(dirname "$typst_ts")" && rm -rf "$typst_ts" && cp -r "$peers/typst-ts" "$typst_ts" &&
  (cd "$typst_ts" && npm install --no-audit --no-fund --silent >"$work/npm.log" 2>&1); then
  typst=$typst_ts
else
  echo "peers.sh: typst.ts could not be installed (no npm, or the npm registry is unreachable): the Typst ratios are skipped"
  [ -f "$work/npm.log" ] && tail -n 3 "$work/npm.log"
fi

seconds() {  # the wall time of one run of COMMAND...
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>"$work/err.txt" || { echo "failed: $*" >&2; cat "$work/err.txt" >&2; exit 1; }
  awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.5f\n", e - s }'
}
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

lp_all() { "$lp" build "$src/report.yaml" --layout-dir "$src/layout" --fonts "$src/fonts/fonts.yaml" --out-dir "$work/all" "$@"; }
lp_booklet() { "$lp" build "$src/report.yaml" --edition booklet --layout-dir "$src/layout" --fonts "$src/fonts/fonts.yaml" -o "$work/booklet.pdf" "$@"; }
lp_stress() { "$lp" build "$work/stress.yaml" --layout-dir "$work/stress-layout" --fonts "$work/fonts.yaml" -o "$work/stress.pdf" "$@"; }
typst_booklet() { node "$typst/compile.js" "$work/booklet.typ" "$work/typst-booklet.pdf" "$dejavu"; }
typst_stress() { node "$typst/compile.js" "$work/stress.typ" "$work/typst-stress.pdf" "$dejavu"; }

# Each case in turn, RUNS times, so that the machine's noise falls on all of them alike, and
# each round begins one case further on: a case run just after Typst's 2-second stress build
# (node frees a few hundred MB as it ends) took ~1.2 times as long as the same case one step
# later, so in a fixed order the case that always came next bore that alone.
cases=(lp_all lp_booklet lp_stress)
[ -n "$typst" ] && cases+=(typst_booklet typst_stress)
for c in "${cases[@]}"; do : >"$work/$c.times"; done
for round in $(seq 0 $((runs - 1))); do
  for k in "${!cases[@]}"; do
    c=${cases[$(((round + k) % ${#cases[@]}))]}
    seconds "$c" >>"$work/$c.times"
  done
done
ms() { awk -v s="$(median "$work/$1.times")" 'BEGIN { printf "%.1f", s * 1000 }'; }
echo "leafpress: $lp"
echo "medians of $runs runs, wall clock, cases alternating:"
printf '  %-44s %9s ms\n' "leafpress, report.yaml, 3 editions" "$(ms lp_all)" "leafpress, report.yaml, booklet" "$(ms lp_booklet)" \
  "leafpress, stress report ($(pdfinfo "$work/stress.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }') pages)" "$(ms lp_stress)"
if [ -n "$typst" ]; then
  printf '  %-44s %9s ms\n' "Typst 0.14, booklet.typ" "$(ms typst_booklet)" \
    "Typst 0.14, stress.typ ($(pdfinfo "$work/typst-stress.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }') pages)" "$(ms typst_stress)"
  ratio() { awk -v a="$(median "$work/$1.times")" -v b="$(median "$work/$2.times")" 'BEGIN { printf "%.3f", a / b }'; }
  printf '  %-60s %s (target <= 0.2)\n' "3 editions / Typst's booklet:" "$(ratio lp_all typst_booklet)"
  printf '  %-60s %s (target <= 0.1)\n' "stress report / Typst's stress:" "$(ratio lp_stress typst_stress)"
fi
printf '  %-60s %s ms (target < 20 ms)\n' "booklet alone, wall:" "$(ms lp_booklet)"
/usr/bin/time -v "$lp" build "$work/stress.yaml" --layout-dir "$work/stress-layout" --fonts "$work/fonts.yaml" \
  -o "$work/stress.pdf" >/dev/null 2>"$work/time.txt"
printf '  %-60s %s MiB (target < 64 MB)\n' "stress report, peak RSS:" \
  "$(awk '/Maximum resident set size/ { printf "%.1f", $6 / 1024 }' "$work/time.txt")"

echo "per stage (leafpress build --timings, one run each):"
for c in lp_all lp_booklet lp_stress; do
  echo "  $c:"
  "$c" --timings 2>&1 >/dev/null | sed -n 's/^ *timings: /    /p'
done
