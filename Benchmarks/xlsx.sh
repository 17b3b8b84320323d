#!/usr/bin/env bash
# Times `bilateral export --format xlsx` (release build, end to end: load, validate, write) side by
# side, in one run, with the XLSX writers of ../shared/bench on the same number of rows:
#   c_xlsx (C, libxlsxwriter in constant-memory mode, rows generated in memory: the reference),
#   Python XlsxWriter in constant-memory mode, openpyxl in write-only mode (both load the rows from JSON first).
# Peak memory of the export is measured against the input's size.
#
#   Benchmarks/xlsx.sh [OBSERVATIONS] [RECORDS]     (defaults 1000000 and 100)
# Needs ../shared/bench; installs libxlsxwriter, hyperfine and the Python peers itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
PEERS="xlsxwriter openpyxl lxml orjson"
C_PEERS="c_xlsx"
source Benchmarks/common.sh

hyperfine -N --warmup 1 --runs 3 --export-json "$WORK/export-xlsx.json" \
  -n "bilateral export --format xlsx" "$bin export $data/dataset.yaml --format xlsx --output $out/dataset.xlsx" \
  -n "c_xlsx (C reference, constant memory)" "$WORK/peers/c_xlsx $N $out/c.xlsx" \
  -n "Python XlsxWriter, constant memory" "$PY $WORK/peers/py_write.py xlsxwriter_cm $N $WORK/peers/out" \
  -n "openpyxl, write-only" "$PY $WORK/peers/py_write.py openpyxl_wo $N $WORK/peers/out"

peak xlsx "$out/dataset.xlsx"
python3 Benchmarks/ratios.py "XLSX export=$WORK/export-xlsx.json"
