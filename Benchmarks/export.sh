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
N=${1:-1000000}
RECORDS=${2:-100}
WORK=${WORK:-Benchmarks/work}
BENCH=$(cd ../shared/bench && pwd)
mkdir -p "$WORK/peers/data" "$WORK/peers/out" "$WORK/export"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$WORK/venv/bin/python" ] || python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -c "import orjson, pandas" 2>/dev/null || "$WORK/venv/bin/pip" install -q orjson pandas
for p in c_csv c_json; do cc -O2 -o "$WORK/peers/$p" "$BENCH/$p.c" -I"$BENCH"; done
ln -sf "$BENCH/py_write.py" "$WORK/peers/py_write.py"
[ -s "$WORK/peers/data/trade_$N.json" ] || "$WORK/venv/bin/python" "$BENCH/gen_trade.py" "$N" "$WORK/peers/data" >/dev/null
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
data="$WORK/data-$RECORDS-$N"
[ -s "$data/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" "$N" "$data" >/dev/null
PY="$WORK/venv/bin/python"
out="$WORK/export"

hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/export-csv.json" \
  -n "bilateral export --format csv" "$bin export $data/dataset.yaml --format csv --output $out/csv" \
  -n "c_csv (C reference)" "$WORK/peers/c_csv $N $out/c.csv" \
  -n "Python csv" "$PY $WORK/peers/py_write.py csv $N $out" \
  -n "pandas to_csv" "$PY $WORK/peers/py_write.py pandas_csv $N $out"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/export-json.json" \
  -n "bilateral export --format json" "$bin export $data/dataset.yaml --format json --output $out/dataset.json" \
  -n "c_json (C reference)" "$WORK/peers/c_json $N $out/c.json" \
  -n "orjson" "$PY $WORK/peers/py_write.py orjson $N $out"

input=$(( $(stat -c %s "$data/dataset.yaml") + $(stat -c %s "$data/observations.csv") ))
for format in csv json; do
  target=$out/csv; [ $format = json ] && target=$out/dataset.json
  peak=$( { /usr/bin/time -f %M "$bin" export "$data/dataset.yaml" --format $format --output "$target" >/dev/null; } 2>&1 | tail -1)
  echo "$format export: input $input bytes; peak RSS ${peak} KiB = $(python3 -c "print(round($peak * 1024 / $input, 2))") x the input"
done
python3 Benchmarks/ratios.py "CSV export=$WORK/export-csv.json" "JSON export=$WORK/export-json.json"
