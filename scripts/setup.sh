#!/usr/bin/env bash
# Installs what leafpress needs to build, run and test on Debian 12 (run as root).
set -euo pipefail
packages=(
  g++ cmake pkg-config make
  libhpdf-dev libdeflate-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev libicu-dev libjemalloc-dev
  libpng-dev libjpeg62-turbo-dev liblcms2-dev libxml2-dev
  libhyphen-dev hyphen-en-gb hyphen-en-us hyphen-fr hyphen-pl libmd4c-dev libcli11-dev libfmt-dev
  wbritish wamerican wfrench wpolish
  libgtest-dev libbenchmark-dev
  poppler-utils qpdf mupdf-tools unicode-data ghostscript python3-pil libjpeg-turbo-progs afl++-doc
  argyll icc-profiles-free libqpdf-dev
  clang-14 libclang-rt-14-dev python3 time hyperfine
  fonts-lato fonts-quicksand fonts-sil-andika fonts-dejavu-core fonts-noto-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# PDF.js (npm pdfjs-dist, Firefox's reader) for the end-to-end tests' structure-tree checks,
# at the version tests/e2e/pdfjs/package-lock.json pins; node and npm come with the machine.
if command -v npm >/dev/null; then
  (cd "$(dirname "$0")/../tests/e2e/pdfjs" && npm ci --no-audit --no-fund --silent)
else
  echo "setup: npm not found; the PDF.js checks of tests/e2e/run.sh will fail" >&2
fi
