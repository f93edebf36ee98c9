#!/usr/bin/env bash
# The fault corpus beyond tests/bad/: inputs that need a layout, a font, the environment or a
# special file made for them. Each case gives its exit code and message, the same from `check`
# as from `build`, and no PDF left behind.
# usage: input_faults.sh LEAFPRESS SOURCE_DIR
set -uo pipefail
lp=$(readlink -f "$1")
src=$(readlink -f "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
. "$src/tests/e2e/checks.sh"

# fault NAME EXIT MESSAGE [ARGS...]: `check` and `build` of ./case/$report, with ARGS.
report=report.yaml
fault() {
  local name=$1 code=$2 message=$3
  shift 3
  for command in check build; do
    local out=()
    [ "$command" = build ] && out=(--edition booklet -o "$work/$name.pdf")
    (cd case && timeout 20 "$lp" "$command" "./$report" "$@" "${out[@]}") 2>"$name-$command.err"
    local got=$?
    check "$name: $command exits $code" test "$got" -eq "$code"
    check "$name: $command says why" contains "$name-$command.err" "$message"
  done
  check "$name: no PDF" test ! -e "$work/$name.pdf"
}
fresh() {  # a copy of the report, its layouts and fonts in ./case
  rm -rf case && mkdir case && cp -r "$src/report.yaml" "$src/artwork" "$src/layout" "$src/fonts" case/
}

fresh
sed -i 's/^page: .*/page: {size: A5, bleed: 10000mm}/' case/layout/booklet.yaml
fault bleed 1 "layout/booklet.yaml:3:25: error: 'bleed' must be from 0 to 25 mm"
fresh
sed -i 's/^page: .*/page: {width: 6000mm, height: 210mm, bleed: 3mm}/' case/layout/booklet.yaml
fault page-width 1 "error: the page's width with its bleed is over PDF's limit of 14400 pt (5080 mm)"
fresh
sed -i 's/^page: .*/page: {width: 2mm, height: 210mm, bleed: 3mm}/' case/layout/booklet.yaml
fault page-tiny 1 "error: the page's width must be at least 10 mm"
fresh
sed -i 's/^\(  heading: *{font: \)heading/\1no-such-role/' case/layout/booklet.yaml
fault font-role 1 "layout/booklet.yaml:34:26: error: style 'heading' names font role 'no-such-role', which is not in"

# A font cut short (the search path "." is the fonts folder): check fails where build would.
fresh
mkdir -p case/fonts/lato
lato=/usr/share/fonts/truetype/lato/Lato-Regular.ttf
head -c $(($(stat -c %s "$lato") * 9 / 10)) "$lato" >case/fonts/lato/Lato-Regular.ttf
fault truncated-font 1 "error: cannot load font './fonts/./lato/Lato-Regular.ttf' of family 'lato': the file is truncated"

# A font whose tables all lie inside the file but which HarfBuzz cannot subset (its 'post'
# table's version is one no font has): `check` tries every face of fonts.yaml, a build finds the
# faces it embeds by cutting them; either way one error, at the face, and nothing written.
damage_post() {  # damage_post FONT COPY
  python3 - "$1" "$2" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
for i in range(struct.unpack(">H", data[4:6])[0]):
    record = 12 + 16 * i
    if data[record:record + 4] == b"post":
        start = struct.unpack(">I", data[record + 8:record + 12])[0]
        data[start:start + 4] = struct.pack(">I", 0x00070000)
open(sys.argv[2], "wb").write(data)
PY
}
fresh
mkdir -p case/fonts/lato
damage_post "$lato" case/fonts/lato/Lato-Regular.ttf
fault damaged-font 1 "font './fonts/./lato/Lato-Regular.ttf' of family 'lato': HarfBuzz cannot subset it (a damaged font)"
check "damaged-font: check says where in fonts.yaml" contains damaged-font-check.err "fonts/fonts.yaml:10:3: error: cannot load font"
check "damaged-font: build says it once for the two editions that embed it" \
  test "$(cd case && "$lp" build ./report.yaml --out-dir "$work/damaged-all" 2>&1 | grep -c 'HarfBuzz cannot subset')" -eq 1
check "damaged-font: no PDF of any edition" test -z "$(ls -A "$work/damaged-all" 2>/dev/null)"
# A damaged face that no edition embeds changes nothing in the PDFs: the build writes them,
# `check` still reports the face.
fresh
mkdir -p case/fonts/dejavu
damage_post /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf case/fonts/dejavu/DejaVuSans.ttf
(cd case && "$lp" build ./report.yaml --edition booklet -o "$work/unused-damaged.pdf") 2>unused-damaged.err
check "unused damaged font: build writes the PDF" test -s "$work/unused-damaged.pdf"
(cd case && "$lp" check ./report.yaml) 2>unused-damaged-check.err
check "unused damaged font: check reports it" contains unused-damaged-check.err "of family 'dejavu-sans': HarfBuzz cannot subset it (a damaged font)"

# FIFOs as inputs are refused at once (opening one waits for a writer, for ever).
fresh
mkfifo case/pipe.yaml
report=pipe.yaml fault fifo-report 1 "pipe.yaml: error: cannot read file: it is a FIFO, not a regular file"
fault fifo-fonts 1 "pipe.yaml: error: cannot read file: it is a FIFO, not a regular file" --fonts pipe.yaml

# Texts too long for a PDF string (32767 bytes), at their line.
fresh
long=$(head -c 20000 /dev/zero | tr '\0' 'x')
sed -i "s/^  title: .*/  title: $long/" case/report.yaml
fault long-title 1 "report.yaml:6:10: error: 'title' is too long for a PDF string: 40002 bytes as UTF-16, over the limit of 32767"
fresh
long=$(head -c 40000 /dev/zero | tr '\0' 'x')
printf '  - section:\n      title: Links\n      blocks:\n        - p: "[a link](https://example.org/%s)"\n' "$long" >>case/report.yaml
fault long-link 1 "error: a link target of 40020 bytes is too long for a PDF string (the limit is 32767)"

fresh
long=$(head -c 40000 /dev/zero | tr '\0' '1')
printf '  - section:\n      title: Phones\n      blocks:\n        - contact: {items: [{label: A, phone: "%s"}]}\n' "$long" >>case/report.yaml
fault long-phone 1 "error: 'phone' is too long for a PDF string (the limit is 32767 bytes)"

# The environment: a SOURCE_DATE_EPOCH no PDF date can give is a usage error.
fresh
for epoch in -1 soon 253402300800; do
  SOURCE_DATE_EPOCH=$epoch fault "epoch$epoch" 2 "leafpress: SOURCE_DATE_EPOCH=$epoch is not a time a PDF can give"
done
SOURCE_DATE_EPOCH=253402300799 "$lp" build case/report.yaml --edition booklet -o last-second.pdf 2>/dev/null
check "the last second of 9999 is a time" qpdf --check last-second.pdf

echo "e2e input faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
