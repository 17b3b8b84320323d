#!/usr/bin/env bash
# Regenerates the writers' golden files in Tests/Golden from the test fixtures (CSV, JSON, XLSX). Run it on purpose,
# when a writer's output is meant to change, and review `git diff Tests/Golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product bilateral
bin=$(swift build --show-bin-path)/bilateral
for fixture in Fixtures/valid/minimal.yaml Fixtures/valid/observations-csv.yaml Fixtures/valid/edge-cases.yaml; do
  golden=Tests/Golden/$(basename "$fixture" .yaml)
  mkdir -p "$golden"
  "$bin" export "$fixture" --format csv --output "$golden/csv"
  "$bin" export "$fixture" --format json --output "$golden/dataset.json"
done
# The workbooks' normalised XML parts (Tests/Golden/*/xlsx), written by the golden test itself.
BILATERAL_UPDATE_GOLDENS=1 swift test --filter XLSXTests.workbookPartsMatchTheirGoldenFiles >/dev/null
git status --short Tests/Golden
