#!/usr/bin/env bash
# Whole or absent: what leafpress leaves where a PDF was asked for when the disk is full, the
# output is a device, a folder, a FIFO or one of the inputs, two builds race, or it is killed.
# usage: output_faults.sh LEAFPRESS SOURCE_DIR
set -uo pipefail
lp=$(readlink -f "$1")
src=$(readlink -f "$2")
work=$(mktemp -d)
small=""
cleanup() {
  [ -n "$small" ] && umount "$small" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
. "$src/tests/e2e/checks.sh"
no_scratch() { [ -z "$(find "$1" -maxdepth 1 -name '.*' ! -name . ! -name .. -print -quit)" ]; }
mkdir report && cp -r "$src/report.yaml" "$src/artwork" "$src/layout" "$src/fonts" report/
cd report

# Outputs that are not regular files, or are inputs: refused with exit 2, before any work.
refused() {  # refused NAME EXPECTED_MESSAGE ARGS...
  local name=$1 message=$2
  shift 2
  "$lp" build ./report.yaml "$@" 2>"../$name.err"
  local code=$?
  check "$name: exit 2" test "$code" -eq 2
  check "$name: message" contains "../$name.err" "$message"
}
refused dev-null "-o /dev/null is a device, not a file a PDF can replace" --edition booklet -o /dev/null
check "/dev/null is still a device" test -c /dev/null
refused report "-o report.yaml is one of the build's inputs" --edition booklet -o report.yaml
check "the report is untouched" cmp report.yaml "$src/report.yaml"
refused layout "is one of the build's inputs" --edition booklet -o layout/booklet.yaml
refused fonts "is one of the build's inputs" --edition booklet -o fonts/fonts.yaml
refused folder "-o layout is a folder, not a file a PDF can replace" --edition booklet -o layout
mkfifo pipe.pdf
refused fifo "-o pipe.pdf is a FIFO, not a file a PDF can replace" --edition booklet -o pipe.pdf
touch plain-file
refused out-dir "--out-dir plain-file is not a folder" --out-dir plain-file
mkdir -p out/booklet.pdf
refused out-dir-entry "out/booklet.pdf is a folder, not a file a PDF can replace"
rmdir out/booklet.pdf

# A full disk: the good PDF already there stays, whole; nothing else is left.
mkdir -p small
# (The booklet, PDF/X-4, carries a 132 kB output profile: the small PDF is the screen edition.)
if mount -t tmpfs -o size=400k tmpfs small 2>/dev/null; then
  small=$PWD/small
  "$lp" build "$src/tests/data/scripts.yaml" --layout-dir layout --fonts fonts/fonts.yaml --edition screen -o small/b.pdf 2>/dev/null
  check "a small PDF fits" qpdf --check small/b.pdf
  cp small/b.pdf good.pdf
  head -c 200k /dev/zero >small/filler
  "$lp" build ./report.yaml --edition booklet -o small/b.pdf 2>full.err
  check "disk full: exit 3" test $? -eq 3
  check "disk full: message" contains full.err "b.pdf: error: cannot write the file: No space left on device"
  check "disk full: the old PDF is untouched" cmp small/b.pdf good.pdf
  check "disk full: no scratch file" no_scratch small
  umount small && small=""
else
  echo "skipped: the disk-full cases (mount -t tmpfs is not allowed here)"
fi

# Two builds of the same output at once: both succeed, and the file is one whole PDF.
for round in 1 2 3 4 5; do
  "$lp" build ./report.yaml --edition booklet -o race.pdf 2>"../race-a$round.err" &
  a=$!
  "$lp" build ./report.yaml --edition booklet -o race.pdf 2>"../race-b$round.err" &
  b=$!
  wait $a
  ca=$?
  wait $b
  cb=$?
  check "race $round: both builds succeed" test "$ca" -eq 0 -a "$cb" -eq 0
done
check "race: the PDF is whole" qpdf --check race.pdf
check "race: no scratch file" no_scratch .

# All editions or none: one edition's output cannot be written, and no edition's PDF appears.
mkdir -p all/large-print.pdf  # a folder where one edition's PDF would go: refused before any work
"$lp" build ./report.yaml --out-dir all 2>all.err
check "an edition that cannot be written: exit 2" test $? -eq 2
check "no edition written" test ! -e all/booklet.pdf -a ! -e all/screen.pdf
rm -rf all

# Killed while writing: no scratch file is left.
for sig in TERM INT; do
  mkdir -p "killed-$sig"
  "$lp" build ./report.yaml --out-dir "killed-$sig" 2>/dev/null &
  pid=$!
  sleep 0.05
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid"
  check "killed by SIG$sig: no scratch file" no_scratch "killed-$sig"
  for f in "killed-$sig"/*.pdf; do
    [ -e "$f" ] && check "killed by SIG$sig: $f is whole" qpdf --check "$f"
  done
done

echo "e2e output faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
