#!/usr/bin/env bash
# Times `bilateral import FILE --series ID --dry-run` (release build, end to end: load the dataset, read
# the file, select the series, edit, validate the edited dataset against the file, diff) on a statistics
# file of OBSERVATIONS observations in SERIES series, side by side in one hyperfine run:
#
# 1. SDMX-CSV, against pandas reading the same CSV (read_csv, every row);
# 2. SDMX-ML 2.1 (generic) of the same content, against sdmx1 and pysdmx reading it (both from PyPI).
#
# Peak memory of each import is measured against the file's size.
#
#   Benchmarks/statistics.sh [OBSERVATIONS] [SERIES]     (defaults 1000000, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}; SERIES=${2:-1000}
WORK=${WORK:-Benchmarks/work}
data="$WORK/statistics-$N"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$WORK/venv/bin/python" ] || python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -c "import sdmx, pysdmx.io, pandas, lxml" 2>/dev/null || "$WORK/venv/bin/pip" install -q sdmx1 "pysdmx[xml,data]" pandas
PY="$WORK/venv/bin/python"
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
[ -s "$data/statistics.xml" ] || python3 Benchmarks/generate_statistics.py "$N" "$SERIES" "$data" >/dev/null
import() { echo "$bin import $data/statistics.$1 --series pk-jp --select REF_AREA=PK --select COUNTERPART_AREA=JP --title T --into $data/dataset.yaml --dry-run"; }
# Each side must read what the other does.
$(import csv) 2>/dev/null | grep -q "observations added in 1 series"
test "$($PY Benchmarks/read_statistics.py pysdmx "$data/statistics.xml")" = "$N"

hyperfine -N --warmup 1 --runs 10 --export-json "$WORK/statistics-csv.json" \
  -n "bilateral import, SDMX-CSV (read, select, edit, validate, diff)" "$(import csv)" \
  -n "pandas read_csv, the same file" "$PY Benchmarks/read_statistics.py pandas $data/statistics.csv"
hyperfine -N --warmup 0 --runs 2 --export-json "$WORK/statistics-xml.json" \
  -n "bilateral import, SDMX-ML (read, select, edit, validate, diff)" "$(import xml)" \
  -n "sdmx1 read_sdmx, the same file" "$PY Benchmarks/read_statistics.py sdmx1 $data/statistics.xml" \
  -n "pysdmx read_sdmx, the same file" "$PY Benchmarks/read_statistics.py pysdmx $data/statistics.xml"
for format in csv xml; do
  /usr/bin/time -f %M -o "$WORK/peak.txt" $(import $format) >/dev/null 2>&1
  echo "import of $N observations from SDMX-$format: file $(stat -c %s "$data/statistics.$format") bytes; peak RSS $(tail -1 "$WORK/peak.txt") KiB"
done
python3 Benchmarks/ratios.py "statistics, SDMX-CSV=$WORK/statistics-csv.json" "statistics, SDMX-ML=$WORK/statistics-xml.json"
