#!/usr/bin/env bash
# Installs the real programs the tests read exports with, beyond what bilateral itself needs: LibreOffice
# headless (Calc and Writer, to convert workbooks and Word briefs to PDF, and its Python UNO bridge, to edit a
# workbook as a user would), Gnumeric's ssconvert (the same), poppler's pdftotext and pdfinfo,
# pandoc, Chromium (to render HTML briefs), fonts for Japanese, Java for the Nu Html Checker, and the
# sqlite3 shell (to check SQLite exports).
# scripts/test.sh runs it.
set -euo pipefail
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
packages="libreoffice-calc-nogui libreoffice-writer-nogui python3-uno gnumeric poppler-utils pandoc chromium fonts-noto-cjk sqlite3 neovim"
command -v java >/dev/null || packages="$packages default-jre-headless"
if ! dpkg -s $packages >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
fi
