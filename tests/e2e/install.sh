#!/usr/bin/env bash
# leafpress installed: `cmake --install` into a scratch prefix, then a report built in a folder
# holding only the report and its picture, with no flags; a layout beside the report overrides
# leafpress's own for that edition only; init, --version, and the .deb cpack makes.
# usage: install.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$(readlink -f "$1")
src=$(readlink -f "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$src/tests/e2e/checks.sh"
page_size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p'; }

check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
lp="$work/prefix/bin/leafpress"
check "installed: bin/leafpress" test -x "$lp"
check "installed: bin/leafpress-impose beside it" test -x "$work/prefix/bin/leafpress-impose"
check "leafpress build maps no qpdf" bash -c "! ldd '$lp' | grep -q qpdf"
# The four libraries the project is built on are the system's own, linked as shared libraries.
for lib in libhpdf libharfbuzz.so libfreetype libyaml-cpp; do
  check "leafpress links $lib" bash -c "readelf -d '$lp' | grep NEEDED | grep -q '$lib'"
done
for f in layout/booklet.yaml layout/large-print.yaml layout/screen.yaml layout/icons/health.svg fonts/fonts.yaml templates/report.yaml; do
  check "installed: share/leafpress/$f" test -s "$work/prefix/share/leafpress/$f"
done
"$lp" --version >version.txt 2>&1
check "--version" grep -Eq '^leafpress [0-9]+\.[0-9]+' version.txt

# A report and a picture, nothing else; run in that folder with no flags.
mkdir -p "$work/report"
cp "$src/tests/data/leaf.png" "$work/report/"
cat >"$work/report/report.yaml" <<'YAML'
report: {title: Installed}
content:
  - section:
      title: A section
      blocks:
        - p: A report with no editions listed is built in booklet, large-print and screen.
        - image: {src: leaf.png, alt: A leaf}
        - stats: {groups: [{name: Health, icon: health, items: [{value: 3, label: things}]}]}
YAML
(cd "$work/report" && "$lp" build) >"$work/build.log" 2>&1
check "build with no flags: exit 0" test $? -eq 0
check "the installed icons are found" bash -c "! grep -q 'no icon' '$work/build.log'"
for ed in booklet large-print screen; do
  check "$ed written" test -s "$work/report/out/$ed.pdf"
  check "$ed: the picture is drawn" bash -c "pdfimages -list '$work/report/out/$ed.pdf' | grep -q ' image '"
done
pdftotext "$work/report/out/screen.pdf" "$work/screen.txt"
check "screen: the text" contains "$work/screen.txt" "A report with no editions listed"

# impose, installed: leafpress runs the leafpress-impose beside it (a booklet's pages padded to four).
(cd "$work/report" && "$lp" build --edition booklet -o booklet4.pdf) >/dev/null 2>&1
"$lp" impose "$work/report/booklet4.pdf" -o "$work/spreads.pdf" 2>"$work/impose.err"
check "installed impose: exit 0" test $? -eq 0
check "installed impose: says what it wrote" contains "$work/impose.err" "wrote $work/spreads.pdf"
"$lp" impose "$work/report/booklet4.pdf" 2>/dev/null
check "installed impose without -o: usage error" test $? -eq 2

# A layout beside the report overrides leafpress's own, for that edition only.
mkdir -p "$work/report/layout"
sed 's/size: A5/size: A4/' "$work/prefix/share/leafpress/layout/booklet.yaml" >"$work/report/layout/booklet.yaml"
(cd "$work/report" && rm -rf out && "$lp" build) >"$work/build2.log" 2>&1
check "build with a local booklet: exit 0" test $? -eq 0
booklet_size=$(page_size "$work/report/out/booklet.pdf")
check "local booklet: A4 with 3 mm bleed" test "$booklet_size" = "612.283 x 858.898"
check "large print still leafpress's own" test -s "$work/report/out/large-print.pdf"

# A small layout over leafpress's own: large print at 24 pt.
cat >"$work/report/layout/large-print-24.yaml" <<'YAML'
extends: large-print
name: large-print-24
styles:
  body: {size: 24pt, leading: 34pt}
YAML
(cd "$work/report" && "$lp" build --edition large-print-24 --edition large-print) >"$work/build24.log" 2>&1
check "large print at 24 pt from a small layout: exit 0" test $? -eq 0
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
check "large print at 24 pt: no fewer pages than at 18 pt" \
  test "$(pages "$work/report/out/large-print-24.pdf")" -ge "$(pages "$work/report/out/large-print.pdf")"
# The text's sizes, as mutool reads them from the page.
font_sizes() { mutool draw -q -F stext -o - "$1" 2>/dev/null | grep -o '<font [^>]*size="[0-9.]*"' | sed 's/.*size="//; s/"$//' | sort -u; }
font_sizes "$work/report/out/large-print-24.pdf" >"$work/sizes24.txt"
font_sizes "$work/report/out/large-print.pdf" >"$work/sizes18.txt"
check "24 pt body text in the 24 pt edition" grep -qx 24 "$work/sizes24.txt"
check "none in leafpress's own large print" bash -c "! grep -qx 24 '$work/sizes18.txt'"

# A mistyped edition: did you mean, and the flag that fixes it.
(cd "$work/report" && "$lp" build --edition bookelt) 2>"$work/typo.err"
check "mistyped edition: exit 1" test $? -eq 1
check "mistyped edition: did you mean" contains "$work/typo.err" "edition 'bookelt' has no layout (did you mean 'booklet'?)"
check "mistyped edition: the flag" contains "$work/typo.err" "--layout-dir DIR"
(cd "$work/report" && "$lp" build --fonts no-such.yaml) 2>"$work/nofonts.err"
check "missing font configuration names --fonts" contains "$work/nofonts.err" "no font configuration: no-such.yaml does not exist (--fonts FILE names one)"

# init: a starter report that builds, and no second init over it.
check "init" "$lp" init "$work/starter"
check "init wrote the layouts" test -s "$work/starter/layout/large-print.yaml"
(cd "$work/starter" && "$lp" build) >"$work/starter.log" 2>&1
check "the starter report builds" test $? -eq 0
"$lp" init "$work/starter" 2>"$work/init2.err"
check "init refuses to overwrite" test $? -ne 0
check "init says why" contains "$work/init2.err" "exists already"

# The .deb.
if command -v dpkg-deb >/dev/null; then
  check "cpack -G DEB" cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb"
  deb=$(ls "$work"/deb/*.deb 2>/dev/null | head -n 1)
  dpkg-deb -c "$deb" >"$work/deb-files.txt" 2>&1
  dpkg-deb -f "$deb" Depends >"$work/deb-depends.txt" 2>&1
  check "deb: usr/bin/leafpress" contains "$work/deb-files.txt" "./usr/bin/leafpress"
  check "deb: usr/bin/leafpress-impose" contains "$work/deb-files.txt" "./usr/bin/leafpress-impose"
  check "deb: depends on qpdf (impose)" contains "$work/deb-depends.txt" "libqpdf29"
  check "deb: the booklet layout" contains "$work/deb-files.txt" "./usr/share/leafpress/layout/booklet.yaml"
  check "deb: depends on HarfBuzz" contains "$work/deb-depends.txt" "libharfbuzz0b"
  # Every shared library the two executables name is in a package the .deb depends on (but the
  # sanitizers' runtimes, which only the sanitizer builds name: no .deb of those is shipped).
  for exe in "$work/prefix/bin/leafpress" "$work/prefix/bin/leafpress-impose"; do
    for lib in $(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -Ev '^lib(a|ub|t|l)san\.so'); do
      pkg=$(dpkg -S "*/x86_64-linux-gnu/$lib" 2>/dev/null | grep -v '^diversion' | head -n 1 | cut -d: -f1)
      check "deb: depends on $pkg ($(basename "$exe") needs $lib)" bash -c "tr ',' '\n' <'$work/deb-depends.txt' | sed 's/^ *//; s/ .*//' | grep -qx '$pkg'"
    done
  done
  check "deb: depends on the fonts" contains "$work/deb-depends.txt" "fonts-lato"
fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
