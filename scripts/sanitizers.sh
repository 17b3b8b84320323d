#!/usr/bin/env bash
# The code under the sanitizers of the Swift toolchain, each in a build folder of its own:
# - AddressSanitizer: the whole test suite (swift test --sanitize=address);
# - ThreadSanitizer: the commands that use both cores (validate, brief, export and diff of a portfolio
#   with --jobs 2, and the language server re-checking a portfolio's relationships) and the SQLite writer, whose reading thread hands rows to its writing thread, on a
#   dataset large enough for the two to overlap.
# Any report fails the run. scripts/test.sh runs it; it needs scripts/install-dependencies.sh first.
#
#   scripts/sanitizers.sh [address|thread]...     (both by default)
set -euo pipefail
cd "$(dirname "$0")/.."
KINDS=("$@")
[ ${#KINDS[@]} -gt 0 ] || KINDS=(address thread)
status=0

for kind in "${KINDS[@]}"; do
  case $kind in
  address)
    echo "== the test suite under AddressSanitizer"
    # Leaks are not errors here: the Swift runtime keeps metadata caches for the life of the process.
    log=$(mktemp)
    if ! ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1 \
        swift test --sanitize=address --scratch-path .build-asan >"$log" 2>&1; then
      status=1
    fi
    grep -E "Test run with|Executed [0-9]+ tests" "$log" | tail -2
    if grep -q "ERROR: AddressSanitizer" "$log"; then grep -A30 "ERROR: AddressSanitizer" "$log" | head -40; status=1; fi
    if [ $status != 0 ]; then grep -E "✘|error:" "$log" | head -20; fi
    rm -f "$log"
    ;;
  thread)
    echo "== the parallel commands and the SQLite writer under ThreadSanitizer"
    swift build --sanitize=thread --scratch-path .build-tsan --product bilateral >/dev/null
    bin=$(swift build --sanitize=thread --scratch-path .build-tsan --show-bin-path)/bilateral
    work=$(mktemp -d)
    python3 scripts/interop/large_dataset.py 50000 "$work/large"
    run() { # run DESCRIPTION COMMAND...: fails on a ThreadSanitizer report or an unexpected exit status
      local what=$1; shift
      set +e
      TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$@" >"$work/out.log" 2>&1
      local code=$?
      set -e
      if [ $code = 66 ] || grep -q "ThreadSanitizer" "$work/out.log"; then
        echo "FAILED under ThreadSanitizer: $what"; grep -A30 "WARNING: ThreadSanitizer" "$work/out.log" | head -40; status=1
      elif [ $code -gt 1 ]; then
        echo "FAILED (exit $code): $what"; tail -5 "$work/out.log"; status=1
      else
        echo "clean: $what"
      fi
    }
    run "validate a portfolio on two cores" "$bin" validate --jobs 2 Fixtures/portfolio
    run "brief a portfolio on two cores" "$bin" brief --jobs 2 --quiet Fixtures/portfolio --output-dir "$work/briefs"
    run "export a portfolio on two cores" "$bin" export --jobs 2 --quiet Fixtures/portfolio --format json --output-dir "$work/exports"
    run "diff two portfolios on two cores" "$bin" diff --jobs 2 Fixtures/diff/portfolio-old Fixtures/diff/portfolio-new
    python3 Benchmarks/generate_portfolio.py 6 20 50 "$work/portfolio" >/dev/null
    run "the language server checking every relationship that includes a changed shared document, on two cores" \
      python3 Benchmarks/drive_lsp.py portfolio "$bin" "$work/portfolio" 4 --jobs 2
    run "the SQLite writer's two threads, 50,000 observations" "$bin" export --quiet "$work/large/observations-csv.yaml" --format sqlite --output "$work/large.sqlite"
    rm -rf "$work"
    ;;
  *) echo "unknown sanitizer '$kind': address or thread"; exit 2 ;;
  esac
done
exit $status
