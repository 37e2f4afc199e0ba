#!/usr/bin/env bash
# The Debian packages the test suite needs besides Node: LibreOffice Calc driven over UNO (the
# formulas are proven in a real spreadsheet engine), Chromium for the task pane's end-to-end tests,
# and CJK fonts so screenshots show Chinese. Installs only what is missing.
set -euo pipefail
packages=(libreoffice-calc python3-uno chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (LibreOffice Calc with python3-uno, Chromium)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
