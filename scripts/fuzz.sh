#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside input (Fuzz/, libFuzzer with AddressSanitizer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (all by default) for SECONDS (default 30; CI runs it briefly, a person for hours),
# starting from seeds taken from Fixtures/ and Reports/ and from Fuzz/corpus/TARGET (inputs found
# earlier, committed), with the target's token dictionary from Fuzz/dictionaries/. The corpus grown
# goes to .build-fuzz/corpus/TARGET. Prints each target's executions and coverage; exits non-zero when a
# target crashes, hangs (-timeout) or takes too much memory (-rss_limit_mb, -malloc_limit_mb: memory that
# grows input after input fails there), leaving the input in .build-fuzz/crashes/: make it a fixture of
# Fuzz/corpus/TARGET with the fix, so that every later run and FuzzCorpusTests replay it. Leak reports
# are off: LeakSanitizer takes the field declarations' arrays, made once per process, for leaks.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(FuzzDataset FuzzRecordDocument FuzzObservationsCSV FuzzJSONDataset FuzzBriefMarkdown FuzzWorkbook FuzzStatisticsCSV FuzzStatisticsXML FuzzStatisticsJSON FuzzComtrade FuzzWorldBank FuzzLanguageServer)
WORK=.build-fuzz
flags=(-c debug --scratch-path "$WORK")
# libFuzzer's runtime without its main (each target's main calls its driver), from the Swift toolchain.
swiftc=$(readlink -f "$(command -v swiftc)")
BILATERAL_FUZZ=$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a | head -1)
[ -f "$BILATERAL_FUZZ" ] || { echo "no libFuzzer runtime in the Swift toolchain"; exit 2; }
export BILATERAL_FUZZ

seeds() { # seeds TARGET: the seed files from the repository for TARGET
  case $1 in
    FuzzDataset) ls Fixtures/pakistan-japan.yaml Fixtures/valid/*.yaml Fixtures/invalid/*.yaml Fixtures/diff/*.yaml ;;
    FuzzRecordDocument) find Fixtures/portfolio Fixtures/portfolio-errors Fixtures/diff -name '*.yaml' | xargs grep -l 'bilateral-records/1' ;;
    FuzzObservationsCSV) ls Fixtures/valid/*.csv Fixtures/invalid/*.csv Fixtures/diff/*.csv ;;
    FuzzJSONDataset) ls Fixtures/valid/*.json Fixtures/invalid/*.json ;;
    FuzzBriefMarkdown) ls Reports/*.md Tests/Golden/brief/*.md ;;
    FuzzWorkbook) ls Fixtures/workbooks/calamine/*.xlsx Fixtures/workbooks/saved/*.xlsx Tests/Golden/*/xlsx/xl/worksheets/sheet8.xml ;;
    FuzzStatisticsCSV) ls Fixtures/statistics/sdmx-csv/*.csv Fixtures/statistics/sdmx-csv/made/*.csv ;;
    FuzzStatisticsXML) ls Fixtures/statistics/sdmx-ml/*.xml | grep -v bis-der-generic.xml ;;
    FuzzStatisticsJSON) ls Fixtures/statistics/sdmx-json/*.json ;;
    FuzzComtrade) ls Fixtures/statistics/comtrade/made/* ;;
    FuzzWorldBank) ls Fixtures/statistics/world-bank/made/* ;;
    FuzzLanguageServer) ;; # its seeds are in Fuzz/corpus/FuzzLanguageServer
  esac
}
dictionary() {
  case $1 in
    FuzzDataset|FuzzRecordDocument) echo Fuzz/dictionaries/yaml.dict ;;
    FuzzObservationsCSV) echo Fuzz/dictionaries/csv.dict ;;
    FuzzJSONDataset) echo Fuzz/dictionaries/json.dict ;;
    FuzzBriefMarkdown) echo Fuzz/dictionaries/markdown.dict ;;
    FuzzWorkbook) echo Fuzz/dictionaries/xlsx.dict ;;
    FuzzStatisticsCSV) echo Fuzz/dictionaries/sdmx-csv.dict ;;
    FuzzStatisticsXML) echo Fuzz/dictionaries/sdmx-ml.dict ;;
    FuzzStatisticsJSON) echo Fuzz/dictionaries/sdmx-json.dict ;;
    FuzzComtrade) echo Fuzz/dictionaries/comtrade.dict ;;
    FuzzWorldBank) echo Fuzz/dictionaries/world-bank.dict ;;
    FuzzLanguageServer) echo Fuzz/dictionaries/lsp.dict ;;
  esac
}

mkdir -p "$WORK"
for target in "${TARGETS[@]}"; do
  swift build "${flags[@]}" --product "$target" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 2; }
done
bin=$(swift build "${flags[@]}" --show-bin-path)
mkdir -p "$WORK/crashes"
status=0
for target in "${TARGETS[@]}"; do
  corpus="$WORK/corpus/$target" seed="$WORK/seed/$target"
  mkdir -p "$corpus" "$seed" "Fuzz/corpus/$target"
  for file in $(seeds "$target"); do cp "$file" "$seed/$(echo "$file" | tr / _)"; done
  log="$WORK/$target.log"
  set +e
  ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$corpus" "$seed" "Fuzz/corpus/$target" -dict="$(dictionary "$target")" -max_total_time="$SECONDS_PER_TARGET" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 -print_final_stats=1 -detect_leaks=0 -artifact_prefix="$WORK/crashes/$target-" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || echo 0)
  coverage=$(grep -oE '(#[0-9]+|DONE).*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo "cov: ?")
  if [ $code = 0 ]; then
    echo "$target: $runs runs in ${SECONDS_PER_TARGET} s, $coverage, corpus $(ls "$corpus" | wc -l) inputs"
  else
    echo "$target: FAILED (exit $code) after $runs runs; the input is in $WORK/crashes/"
    grep -E 'ERROR|SUMMARY|Fatal|panic|deadly' "$log" | head -5
    status=1
  fi
done
exit $status
