#!/usr/bin/env bash
# Times `bilateral diff` (release build) against `bilateral validate` of one version, in one run, on a
# generated dataset of RECORDS records and OBSERVATIONS rows in a referenced CSV and an edited copy whose
# observations differ in CHANGES places (Benchmarks/edit.py: 60% revised, 20% removed, 20% added).
# Target: the diff within 2x validate. GNU diff of the two CSV files (lines, not records) is timed
# beside them for scale. The script first checks that the diff finds exactly the edits made.
#
#   Benchmarks/diff.sh [RECORDS] [OBSERVATIONS] [CHANGES]     (defaults 2000, 1000000 and 1000)
# Installs hyperfine itself.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-2000}
OBSERVATIONS=${2:-1000000}
CHANGES=${3:-1000}
WORK=${WORK:-Benchmarks/work}
mkdir -p "$WORK"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
old="$WORK/data-$RECORDS-$OBSERVATIONS"
new="$old-edited-$CHANGES"
[ -s "$old/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" "$OBSERVATIONS" "$old" >/dev/null
read -r revised removed added < <(python3 Benchmarks/edit.py "$old" "$CHANGES" "$new")

"$bin" diff "$old/dataset.yaml" "$new/dataset.yaml" --format json >"$WORK/diff.json" || [ $? = 1 ]
python3 - "$WORK/diff.json" "$revised" "$removed" "$added" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]["observations"]
found = (summary["revised"], summary["removed"], summary["added"])
expected = tuple(int(n) for n in sys.argv[2:5])
assert found == expected, f"diff found {found} (revised, removed, added), expected {expected}"
print(f"diff finds the {sum(expected)} edits: {expected[0]} revised, {expected[1]} removed, {expected[2]} added")
PY

echo "## $RECORDS records + $OBSERVATIONS observations, $CHANGES observations changed"
hyperfine -N --warmup 1 --runs 10 --export-json "$WORK/diff-large.json" -i \
  -n "bilateral validate (one version)" "$bin validate $old/dataset.yaml" \
  -n "bilateral diff (two versions)" "$bin diff $old/dataset.yaml $new/dataset.yaml" \
  -n "bilateral diff --format json" "$bin diff $old/dataset.yaml $new/dataset.yaml --format json" \
  -n "bilateral diff of identical versions" "$bin diff $old/dataset.yaml $old/dataset.yaml" \
  -n "GNU diff of the two CSV files (lines)" "diff $old/observations.csv $new/observations.csv"

input=$(( 2 * $(stat -c %s "$old/dataset.yaml") + $(stat -c %s "$old/observations.csv") + $(stat -c %s "$new/observations.csv") ))
/usr/bin/time -f %M -o "$WORK/peak.txt" "$bin" diff "$old/dataset.yaml" "$new/dataset.yaml" >/dev/null || true
peak=$(tail -1 "$WORK/peak.txt")
echo
echo "input (both versions): $input bytes; diff peak RSS: ${peak} KiB = $(python3 -c "print(round($peak * 1024 / $input, 2))") x the input"
python3 Benchmarks/ratios.py "$RECORDS records + $OBSERVATIONS observations, $CHANGES changed=$WORK/diff-large.json"
