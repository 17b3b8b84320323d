#!/usr/bin/env bash
# Times `bilateral validate DIR` and `bilateral brief DIR --output-dir` on a generated portfolio (release
# build): RELATIONSHIPS datasets of about RECORDS records and OBSERVATIONS observations each, sharing two
# record documents; on both cores and with --jobs 1, for the speed-up, and a reference timed in the same run.
#
#   Benchmarks/portfolio.sh [RELATIONSHIPS] [RECORDS] [OBSERVATIONS]     (defaults 200, 200, 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
RELATIONSHIPS=${1:-200}
RECORDS=${2:-200}
OBSERVATIONS=${3:-5000}
WORK=${WORK:-Benchmarks/work}
data="$WORK/portfolio-$RELATIONSHIPS-$RECORDS-$OBSERVATIONS"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
[ -s "$data/shared/countries.yaml" ] || python3 Benchmarks/generate_portfolio.py "$RELATIONSHIPS" "$RECORDS" "$OBSERVATIONS" "$data"
"$bin" validate --strict "$data" | tail -1
# The reference, timed in the same run so that the figures compare across machines: Python's csv module
# reading every observation file of the portfolio once (what any validator must at least do).
cat >"$WORK/read_csv.py" <<'PY'
import csv, glob, sys
print(sum(1 for path in glob.glob(sys.argv[1] + "/**/*.csv", recursive=True) for _ in csv.reader(open(path, newline=""))))
PY
hyperfine -N --warmup 2 --runs 10 --export-json "$WORK/portfolio.json" \
  -n "reference: Python csv reads the observation files" "python3 $WORK/read_csv.py $data" \
  -n "validate DIR (2 cores)" "$bin validate $data" \
  -n "validate DIR --jobs 1" "$bin validate --jobs 1 $data" \
  -n "brief DIR (2 cores)" "$bin brief --quiet $data --output-dir $WORK/briefs" \
  -n "brief DIR --jobs 1" "$bin brief --quiet --jobs 1 $data --output-dir $WORK/briefs"
python3 - "$WORK/portfolio.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
reference = results["reference: Python csv reads the observation files"]
print(f"reference (Python csv): {reference * 1000:.1f} ms")
for command in ["validate DIR", "brief DIR"]:
    both, one = results[f"{command} (2 cores)"], results[f"{command} --jobs 1"]
    print(f"{command}: {both * 1000:.1f} ms on 2 cores ({both / reference:.2f}x the reference), {one * 1000:.1f} ms on 1; speed-up {one / both:.2f}x")
PY
