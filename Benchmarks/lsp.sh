#!/usr/bin/env bash
# Times the language server as an editor meets it, driving `bilateral lsp` (release build) as a client
# does (Benchmarks/drive_lsp.py), with `bilateral validate` timed in the same run as the reference:
#   1. a recorded session of CHANGES edits to the dataset of record: diagnostics published after each
#      change (target p95 <= 30 ms) and completion of a reference field (target p95 <= 10 ms);
#   2. the 20,000-record benchmark dataset (1,000,000 observations in a CSV it references): the
#      diagnostics of one change, against `bilateral validate` of the same dataset (target <= 1.2x);
#   3. the 200-relationship portfolio: a change to one relationship (that relationship only, target
#      p95 <= 50 ms) and to a shared record document (every relationship that includes it), on both
#      cores and with --jobs 1.
#
#   Benchmarks/lsp.sh [CHANGES]     (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
CHANGES=${1:-1000}
WORK=${WORK:-Benchmarks/work}
mkdir -p "$WORK"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral

echo "## 1. A recorded session of $CHANGES changes to the dataset of record"
record="$WORK/lsp-record"
rm -rf "$record" && mkdir -p "$record" && cp Fixtures/pakistan-japan.yaml "$record/" && cp -r Fixtures/archive "$record/"
"$bin" validate --strict "$record/pakistan-japan.yaml" | tail -1
python3 Benchmarks/drive_lsp.py session "$bin" "$record/pakistan-japan.yaml" "$CHANGES" | tee "$WORK/lsp-session.json"

echo "## 2. One change to the 20,000-record dataset, against validate"
data="$WORK/data-20000-1000000"
[ -s "$data/observations.csv" ] || python3 Benchmarks/generate.py 20000 1000000 "$data" >/dev/null
hyperfine -N --warmup 2 --runs 10 --export-json "$WORK/lsp-validate.json" -n "bilateral validate (reference)" "$bin validate $data/dataset.yaml"
python3 Benchmarks/drive_lsp.py one-change "$bin" "$data/dataset.yaml" 20 | tee "$WORK/lsp-one-change.json"
python3 - "$WORK/lsp-validate.json" "$WORK/lsp-one-change.json" <<'PY'
import json, sys
validate = json.load(open(sys.argv[1]))["results"][0]["median"] * 1000
change = json.load(open(sys.argv[2]))["diagnostics after one change"]
print(f"validate median {validate:.1f} ms; diagnostics after one change p50 {change['p50_ms']} ms = {change['p50_ms'] / validate:.2f}x, p95 {change['p95_ms']} ms = {change['p95_ms'] / validate:.2f}x")
PY

echo "## 3. The 200-relationship portfolio"
portfolio="$WORK/portfolio-200-200-5000"
[ -s "$portfolio/shared/countries.yaml" ] || python3 Benchmarks/generate_portfolio.py 200 200 5000 "$portfolio" >/dev/null
hyperfine -N --warmup 1 --runs 5 -n "bilateral validate DIR (reference)" "$bin validate $portfolio"
echo "### both cores"
python3 Benchmarks/drive_lsp.py portfolio "$bin" "$portfolio" 100 | tee "$WORK/lsp-portfolio.json"
echo "### --jobs 1"
python3 Benchmarks/drive_lsp.py portfolio "$bin" "$portfolio" 100 --jobs 1 | tee "$WORK/lsp-portfolio-1.json"
