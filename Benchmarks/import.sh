#!/usr/bin/env bash
# Times `bilateral import` (release build, end to end) side by side, in one hyperfine run:
#
# 1. Reading back the exported workbook of OBSERVATIONS observations, nothing changed
#    (`import --dry-run`: load and validate the dataset, read every cell of every sheet, compare),
#    against openpyxl's read-only mode and python-calamine (Rust) reading every cell of the same
#    workbook. Peak memory of the import is measured against the workbook's size.
# 2. Applying EDITS edits (titles of EDITS events changed on the Events sheet) to the benchmark
#    dataset of RECORDS records, written in place, against `bilateral validate` on the same dataset.
#
#   Benchmarks/import.sh [OBSERVATIONS] [RECORDS] [EDITS]     (defaults 1000000, 20000, 1000)
# Needs ../shared/bench (for the rows); installs hyperfine and the Python peers itself.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}; RECORDS=${2:-20000}; EDITS=${3:-1000}
WORK=${WORK:-Benchmarks/work}
mkdir -p "$WORK/import"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$WORK/venv/bin/python" ] || python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -c "import openpyxl, python_calamine" 2>/dev/null || "$WORK/venv/bin/pip" install -q openpyxl python-calamine
PY="$WORK/venv/bin/python"
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral

# 1. Reading a workbook of N observations back.
read="$WORK/data-100-$N"
[ -s "$read/observations.csv" ] || python3 Benchmarks/generate.py 100 "$N" "$read" >/dev/null
# Exported afresh each run: the import compares the fingerprint this build computes.
"$bin" export "$read/dataset.yaml" --format xlsx --output "$WORK/import/read.xlsx" --quiet
"$bin" import "$WORK/import/read.xlsx" --into "$read/dataset.yaml" --dry-run | grep -q "nothing to import"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/import-read.json" \
  -n "bilateral import --dry-run (validate, read every cell, compare)" "$bin import $WORK/import/read.xlsx --into $read/dataset.yaml --dry-run" \
  -n "python-calamine (Rust), every cell" "$PY Benchmarks/read_workbook.py calamine $WORK/import/read.xlsx" \
  -n "openpyxl read-only, every cell" "$PY Benchmarks/read_workbook.py openpyxl $WORK/import/read.xlsx"
/usr/bin/time -f %M -o "$WORK/peak.txt" "$bin" import "$WORK/import/read.xlsx" --into "$read/dataset.yaml" --dry-run >/dev/null
kib=$(tail -1 "$WORK/peak.txt")
echo "import of $N observations: workbook $(stat -c %s "$WORK/import/read.xlsx") bytes; peak RSS ${kib} KiB"

# 2. EDITS edits to the dataset of RECORDS records.
edit="$WORK/data-$RECORDS-edits"
[ -s "$edit/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" 10000 "$edit" >/dev/null
"$bin" export "$edit/dataset.yaml" --format xlsx --output "$WORK/import/records.xlsx" --quiet
python3 Benchmarks/edit_workbook_titles.py "$WORK/import/records.xlsx" "$EDITS" "$WORK/import/edited.xlsx"
cp "$edit/dataset.yaml" "$WORK/import/dataset.yaml.orig"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/import-edits.json" \
  --prepare "cp $WORK/import/dataset.yaml.orig $edit/dataset.yaml" \
  -n "bilateral import, $EDITS edits written" "$bin import $WORK/import/edited.xlsx --into $edit/dataset.yaml" \
  -n "bilateral validate (the reference)" "$bin validate $edit/dataset.yaml"
cp "$WORK/import/dataset.yaml.orig" "$edit/dataset.yaml"
python3 Benchmarks/ratios.py "import, reading back=$WORK/import-read.json" "import, applying edits=$WORK/import-edits.json"
