#!/usr/bin/env bash
# Builds REV and the working tree in release mode and times them side by side, in one hyperfine run per
# command, on validate, each export, the briefs and the portfolio; prints the ratio of the working tree's
# median to REV's per command (above 1.05 is slower and must be explained or fixed).
#
#   Benchmarks/compare.sh REV [OBSERVATIONS]     (default 1000000; the XLSX export takes a tenth of them)
#
# REV is built from a clean checkout of that commit (a git worktree under Benchmarks/work), with its own
# build folder, so nothing of the working tree leaks into it. Installs hyperfine itself.
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: Benchmarks/compare.sh REV [OBSERVATIONS]}
N=${2:-1000000}
WORK=${WORK:-Benchmarks/work}
RUNS=${RUNS:-5}
mkdir -p "$WORK"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

commit=$(git rev-parse --verify "$REV^{commit}")
base="$WORK/compare-$commit"
[ -d "$base" ] || git worktree add --detach "$base" "$commit" >/dev/null
echo "building $REV ($commit) and the working tree (release)" >&2
(cd "$base" && swift build -c release --product bilateral --scratch-path .build-compare >/dev/null)
swift build -c release --product bilateral >/dev/null
old="$base/.build-compare/release/bilateral"
new="$(swift build -c release --show-bin-path)/bilateral"

large="$WORK/data-100-$N"
small="$WORK/data-100-$((N / 10))"
portfolio="$WORK/portfolio-50-200-2000"
[ -s "$large/observations.csv" ] || python3 Benchmarks/generate.py 100 "$N" "$large" >/dev/null
[ -s "$small/observations.csv" ] || python3 Benchmarks/generate.py 100 "$((N / 10))" "$small" >/dev/null
[ -s "$portfolio/shared/countries.yaml" ] || python3 Benchmarks/generate_portfolio.py 50 200 2000 "$portfolio" >/dev/null
out="$WORK/compare-out"
mkdir -p "$out"

# time_both NAME ARGUMENTS...: the two builds on the same arguments ({out} is a per-build output path);
# a command that REV does not have yet (it fails there) is listed as such, not timed.
results=()
time_both() {
  local name=$1; shift
  local arguments="$*"
  if ! $old ${arguments//\{out\}/$out/old-$name} >/dev/null 2>&1; then
    results+=("$name=")
    return
  fi
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/compare-$name.json" \
    -n "$REV" "$old ${arguments//\{out\}/$out/old-$name}" \
    -n "working tree" "$new ${arguments//\{out\}/$out/new-$name}" >/dev/null
  results+=("$name=$WORK/compare-$name.json")
}
time_both validate "validate $large/dataset.yaml"
time_both export-csv "export $large/dataset.yaml --format csv --output {out}"
time_both export-json "export $large/dataset.yaml --format json --output {out}.json"
time_both export-sqlite "export $large/dataset.yaml --format sqlite --output {out}"
time_both export-xlsx "export $small/dataset.yaml --format xlsx --output {out}.xlsx"
time_both brief "brief --output {out}.txt"
time_both brief-docx "brief --format docx --output {out}.docx"
time_both brief-html "brief --format html --output {out}.html"
time_both portfolio-validate "validate $portfolio"
time_both portfolio-brief "brief --quiet $portfolio --output-dir {out}"

python3 - "$REV" "${results[@]}" <<'PY'
import json, statistics, sys
rev = sys.argv[1]
print(f"| command | {rev} | working tree | ratio |\n|---|---|---|---|")
for argument in sys.argv[2:]:
    name, path = argument.split("=", 1)
    if not path:
        print(f"| {name} | (not in {rev}) | | |")
        continue
    old, new = (statistics.median(r["times"]) for r in json.load(open(path))["results"])
    flag = "  (slower)" if new / old > 1.05 else ""
    print(f"| {name} | {old * 1000:,.1f} ms | {new * 1000:,.1f} ms | {new / old:.2f}{flag} |")
PY
