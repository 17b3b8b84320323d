#!/usr/bin/env bash
# Times `bilateral export --format sqlite` against `--format csv` of the same generated dataset in one run
# (release build, end to end: load, validate, write), with the SQLite export's peak memory against the
# input's size. Target: within 2x the CSV export's time, in constant memory.
#
#   Benchmarks/sqlite.sh [OBSERVATIONS] [RECORDS]     (defaults 1000000 and 100)
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS="orjson"
C_PEERS=""
source Benchmarks/common.sh

hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/export-sqlite.json" \
  -n "bilateral export --format csv" "$bin export $data/dataset.yaml --format csv --output $out/csv" \
  -n "bilateral export --format sqlite" "$bin export $data/dataset.yaml --format sqlite --output $out/sqlite"
peak csv "$out/csv"
peak sqlite "$out/sqlite"
python3 Benchmarks/ratios.py "SQLite export=$WORK/export-sqlite.json"
