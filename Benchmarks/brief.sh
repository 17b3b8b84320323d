#!/usr/bin/env bash
# Times `bilateral brief` (release build) against `bilateral validate` of the same dataset in one run, so
# the ratio shows what rendering adds to reading and validating:
#   1. the dataset of record (targets: the brief under 50 ms end to end, the Word and HTML briefs each
#      under 60 ms);
#   2. a generated dataset of RECORDS records and OBSERVATIONS rows in a referenced CSV, which the brief
#      streams keeping only each series' latest periods; with peak memory.
#
#   Benchmarks/brief.sh [RECORDS] [OBSERVATIONS]     (defaults 2000 and 1000000)
# Installs hyperfine itself.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-2000}
OBSERVATIONS=${2:-1000000}
WORK=${WORK:-Benchmarks/work}
mkdir -p "$WORK"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
data="$WORK/data-$RECORDS-$OBSERVATIONS"
[ -s "$data/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" "$OBSERVATIONS" "$data" >/dev/null

echo "## Dataset of record"
hyperfine -N --warmup 3 --runs 30 --export-json "$WORK/brief-record.json" \
  -n "bilateral validate" "$bin validate" \
  -n "bilateral brief" "$bin brief" \
  -n "bilateral brief --template markdown" "$bin brief --template markdown" \
  -n "bilateral brief --format docx" "$bin brief --format docx --output $WORK/brief.docx --quiet" \
  -n "bilateral brief --format html" "$bin brief --format html --output $WORK/brief.html --quiet"

echo "## $RECORDS records + $OBSERVATIONS observations"
hyperfine -N --warmup 1 --runs 5 --export-json "$WORK/brief-large.json" \
  -n "bilateral validate" "$bin validate $data/dataset.yaml" \
  -n "bilateral brief" "$bin brief $data/dataset.yaml"

input=$(( $(stat -c %s "$data/dataset.yaml") + $(stat -c %s "$data/observations.csv") ))
/usr/bin/time -f %M -o "$WORK/peak.txt" "$bin" brief "$data/dataset.yaml" >/dev/null
peak=$(tail -1 "$WORK/peak.txt")
echo
echo "input: $input bytes; brief peak RSS: ${peak} KiB = $(python3 -c "print(round($peak * 1024 / $input, 2))") x the input"
python3 Benchmarks/ratios.py "Dataset of record=$WORK/brief-record.json" "$RECORDS records + $OBSERVATIONS observations=$WORK/brief-large.json"
