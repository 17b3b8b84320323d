#!/usr/bin/env bash
# Installs the real programs the tests read exports with, beyond what bilateral itself needs: LibreOffice
# headless (Calc, to convert workbooks to PDF) and poppler's pdftotext and pdfinfo. scripts/test.sh runs it.
set -euo pipefail
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
if ! dpkg -s libreoffice-calc-nogui poppler-utils >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-calc-nogui poppler-utils >/dev/null
fi
