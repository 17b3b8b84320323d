#!/usr/bin/env bash
# Times `bilateral export --format csv` and `--format json` (release build, end to end: load, validate,
# write) side by side with the reference writers and Python peers of ../shared/bench, in one run:
#   CSV:  c_csv (C, rows generated in memory), Python csv, pandas to_csv
#   JSON: c_json (C, rows generated in memory), orjson
# The Python peers load the same rows from JSON first (../shared/bench/py_write.py), as users would.
# Peak memory of both exports is measured against the input's size.
#
#   Benchmarks/export.sh [OBSERVATIONS] [RECORDS]     (defaults 1000000 and 100)
# Needs ../shared/bench; installs hyperfine and the Python peers itself.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS="orjson pandas"
C_PEERS="c_csv c_json"
source Benchmarks/common.sh

hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/export-csv.json" \
  -n "bilateral export --format csv" "$bin export $data/dataset.yaml --format csv --output $out/csv" \
  -n "c_csv (C reference)" "$WORK/peers/c_csv $N $out/c.csv" \
  -n "Python csv" "$PY $WORK/peers/py_write.py csv $N $out" \
  -n "pandas to_csv" "$PY $WORK/peers/py_write.py pandas_csv $N $out"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/export-json.json" \
  -n "bilateral export --format json" "$bin export $data/dataset.yaml --format json --output $out/dataset.json" \
  -n "c_json (C reference)" "$WORK/peers/c_json $N $out/c.json" \
  -n "orjson" "$PY $WORK/peers/py_write.py orjson $N $out"

peak csv "$out/csv"
peak json "$out/dataset.json"
python3 Benchmarks/ratios.py "CSV export=$WORK/export-csv.json" "JSON export=$WORK/export-json.json"
