#!/usr/bin/env bash
# Regenerates the writers' golden files in Tests/Golden from the test fixtures (CSV, JSON, XLSX, briefs, diffs) and the
# committed briefs of the dataset of record in Reports/ (text, Markdown, Word and HTML). A Word brief's diff is best
# read unzipped: `unzip -p FILE word/document.xml`. Run it on purpose, when a writer's output or a template is
# meant to change, and review `git diff Tests/Golden Reports Fixtures/portfolio-errors` before committing.
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
# The SQLite export of the dataset of record: its schema (read back with the sqlite3 shell) and Datasette's metadata.
sqlite_export=$(mktemp -d)
"$bin" export --format sqlite --output "$sqlite_export/out" --quiet
mkdir -p Tests/Golden/sqlite
sqlite3 "$sqlite_export/out/dataset.sqlite" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name" >Tests/Golden/sqlite/schema.sql
cp "$sqlite_export/out/metadata.json" Tests/Golden/sqlite/metadata.json
rm -rf "$sqlite_export"
# The briefs: the dataset of record's in Reports/, and the golden briefs of the edge cases, another pair of
# countries and an earlier as-of date.
"$bin" brief --output Reports/pakistan-japan.txt
"$bin" brief --template markdown --output Reports/pakistan-japan.md
"$bin" brief --format docx --output Reports/pakistan-japan.docx
"$bin" brief --format html --output Reports/pakistan-japan.html
mkdir -p Tests/Golden/brief
"$bin" brief --as-of 2019-12-31 --output Tests/Golden/brief/pakistan-japan-as-of-2019-12-31.txt
"$bin" brief Fixtures/valid/edge-cases.yaml --output Tests/Golden/brief/edge-cases.txt
"$bin" brief Fixtures/valid/edge-cases.yaml --width 40 --output Tests/Golden/brief/edge-cases-width-40.txt
"$bin" brief Fixtures/valid/edge-cases.yaml --template markdown --output Tests/Golden/brief/edge-cases.md
"$bin" brief Fixtures/valid/other-pair.yaml --output Tests/Golden/brief/other-pair.txt
"$bin" brief Fixtures/valid/united-states-mexico.yaml --output Tests/Golden/brief/united-states-mexico.txt
"$bin" brief Fixtures/valid/united-states-mexico.yaml --template markdown --output Tests/Golden/brief/united-states-mexico.md
"$bin" brief Fixtures/valid/united-states-mexico.yaml --format docx --marking "FOR OFFICIAL USE ONLY" --output Tests/Golden/brief/united-states-mexico.docx
"$bin" brief Fixtures/valid/united-states-mexico.yaml --format html --marking "FOR OFFICIAL USE ONLY" --output Tests/Golden/brief/united-states-mexico.html
# The briefs of the portfolio fixture, one per relationship.
"$bin" brief Fixtures/portfolio --output-dir Tests/Golden/portfolio --quiet
"$bin" brief Fixtures/portfolio --template markdown --output-dir Tests/Golden/portfolio --quiet
# The diff of two versions with one change of every kind, and of two versions of a small portfolio, in each format
# (they exit 1: they differ).
mkdir -p Tests/Golden/diff
for format in text:txt markdown:md json:json; do
  "$bin" diff Fixtures/diff/old.yaml Fixtures/diff/new.yaml --format ${format%:*} >Tests/Golden/diff/diff.${format#*:} || [ $? = 1 ]
  "$bin" diff Fixtures/diff/portfolio-old Fixtures/diff/portfolio-new --format ${format%:*} >Tests/Golden/diff/portfolio.${format#*:} || [ $? = 1 ]
done
# The portfolio fixture's overview in each format, measured from a fixed date.
mkdir -p Tests/Golden/portfolio-overview
for format in text:txt markdown:md json:json; do
  "$bin" portfolio Fixtures/portfolio --today 2026-12-02 --format ${format%:*} >Tests/Golden/portfolio-overview/overview.${format#*:}
done
# The portfolio error cases: each case's 'expected' transcript starts with the command it runs ('$ bilateral ARGS'),
# then holds its standard output, its standard error and its exit status.
for expected in Fixtures/portfolio-errors/*/expected; do
  command=$(head -n 1 "$expected")
  read -r -a arguments <<<"${command#\$ bilateral }"
  status=0
  { echo "$command"; "$bin" "${arguments[@]}" 2>/tmp/bilateral-stderr.$$ || status=$?; cat /tmp/bilateral-stderr.$$; echo "[exit $status]"; } >"$expected.new"
  rm -f /tmp/bilateral-stderr.$$
  mv "$expected.new" "$expected"
done
# The workbooks' normalised XML parts (Tests/Golden/*/xlsx), written by the golden test itself.
BILATERAL_UPDATE_GOLDENS=1 swift test --filter XLSXTests.workbookPartsMatchTheirGoldenFiles >/dev/null
git status --short Tests/Golden Reports Fixtures/portfolio-errors
