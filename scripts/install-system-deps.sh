#!/usr/bin/env bash
# The Debian packages the test suite needs besides Node: LibreOffice Calc driven over UNO and
# Gnumeric (ssconvert) (the formulas are proven in two real spreadsheet engines), Python's openpyxl
# (a reader nobody here wrote must open every workbook), xmllint (the XML against the ISO/IEC 29500
# schemas), LibreOffice Writer and poppler-utils (the .docx report converted to PDF and its text
# read back with pdftotext; screenshots with pdftoppm), Chromium for the task pane's end-to-end
# tests, and CJK fonts so screenshots show Chinese. Installs only what is missing.
set -euo pipefail
packages=(libreoffice-calc libreoffice-writer python3-uno gnumeric python3-openpyxl libxml2-utils poppler-utils chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (LibreOffice Calc and Writer with python3-uno, Gnumeric, python3-openpyxl, libxml2-utils, poppler-utils, Chromium)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
