#!/usr/bin/env bash
# Installs what bilateral needs beyond the Swift toolchain on Debian: libxlsxwriter (the XLSX writer's
# C library), SQLite (the SQLite writer's), zlib (its CRC-32 checks workbook parts) and pkg-config, which
# SwiftPM uses to find them.
set -euo pipefail
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
if ! dpkg -s libxlsxwriter-dev libsqlite3-dev zlib1g-dev pkg-config >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq libxlsxwriter-dev libsqlite3-dev zlib1g-dev pkg-config >/dev/null
fi
