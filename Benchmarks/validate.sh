#!/usr/bin/env bash
# Times `bilateral validate` (release build) side by side with its peers, in one run:
#   1. the dataset of record: bilateral (built in) against check-jsonschema and frictionless on tiny inputs;
#   2. a generated dataset of RECORDS records in YAML plus OBSERVATIONS rows in a referenced CSV:
#      bilateral end to end against frictionless on the same CSV (equivalent table schema) and
#      check-jsonschema on the same YAML; peak memory of bilateral.
#
#   Benchmarks/validate.sh [RECORDS] [OBSERVATIONS]     (defaults 20000 and 1000000)
# Needs ../shared/bench (the row generator); installs hyperfine and the Python peers itself.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-20000}
OBSERVATIONS=${2:-1000000}
WORK=${WORK:-Benchmarks/work}
mkdir -p "$WORK"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$WORK/venv/bin/frictionless" ] || { python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q frictionless check-jsonschema; }
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
data="$WORK/data-$RECORDS-$OBSERVATIONS"
[ -s "$data/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" "$OBSERVATIONS" "$data" >/dev/null
"$bin" validate "$data/dataset.yaml" >/dev/null

echo "## Dataset of record"
hyperfine -N --warmup 3 --runs 30 --export-json "$WORK/record.json" \
  -n "bilateral validate" "$bin validate" \
  -n "check-jsonschema" "$WORK/venv/bin/check-jsonschema --schemafile Schemas/bilateral.schema.json Fixtures/pakistan-japan.yaml" \
  -n "frictionless validate (tiny CSV)" "$WORK/venv/bin/frictionless validate Fixtures/valid/observations.csv"

echo "## $RECORDS records + $OBSERVATIONS observations"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/large.json" -i \
  -n "bilateral validate" "$bin validate $data/dataset.yaml" \
  -n "frictionless validate (CSV only)" "$WORK/venv/bin/frictionless validate --schema $data/observations.tableschema.json $data/observations.csv" \
  -n "check-jsonschema (YAML only)" "$WORK/venv/bin/check-jsonschema --schemafile Schemas/bilateral.schema.json $data/dataset.yaml"

input=$(( $(stat -c %s "$data/dataset.yaml") + $(stat -c %s "$data/observations.csv") ))
peak=$( { /usr/bin/time -f %M "$bin" validate "$data/dataset.yaml" >/dev/null; } 2>&1 | tail -1)
rows=$(( RECORDS + OBSERVATIONS ))
echo
echo "input: $input bytes; bilateral peak RSS: ${peak} KiB = $(python3 -c "print(round($peak * 1024 / $input, 2))") x the input"
python3 Benchmarks/ratios.py "Dataset of record=$WORK/record.json" "$rows rows=$WORK/large.json"
python3 -c "import json, statistics; m = statistics.median(json.load(open('$WORK/large.json'))['results'][0]['times']); print(f'\nbilateral: {$rows / m:,.0f} rows per second end to end')"
