#!/usr/bin/env bash
# The workbook round trip through the programs people save with (scripts/test.sh runs it):
# export Fixtures/import/relations.yaml as a workbook, edit it in PROGRAM (openpyxl, libreoffice or
# gnumeric; scripts/interop/edit_workbook.py says what the edits are), import it back, and compare the
# printed diff and every edited file with Fixtures/import/expected/, byte for byte.
#
#   check_import.sh BILATERAL PYTHON PROGRAM
set -euo pipefail
bilateral=$(realpath "$1"); python=$2; program=$3
case $python in */*) python=$(cd "$(dirname "$python")" && pwd)/$(basename "$python") ;; esac
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Fixtures"
cp -r "$here/Fixtures/import" "$here/Fixtures/archive" "$work/Fixtures/"
rm -rf "$work/Fixtures/import/expected"
cd "$work/Fixtures/import"
"$bilateral" export relations.yaml --root .. --format xlsx --output exported.xlsx --quiet
"$python" "$here/scripts/interop/edit_workbook.py" "$program" exported.xlsx edited.xlsx
"$bilateral" import edited.xlsx --into relations.yaml --root .. > diff.txt
expected="$here/Fixtures/import/expected"
status=0
for file in diff.txt relations.yaml shared/people.yaml observations.csv; do
  if ! cmp -s "$file" "$expected/$file"; then
    echo "$program: $file differs from Fixtures/import/expected/$file:" >&2
    diff "$expected/$file" "$file" >&2 || true
    status=1
  fi
done
# Importing the same workbook again finds nothing left to do.
"$bilateral" import edited.xlsx --into relations.yaml --root .. --dry-run > again.txt
grep -q "nothing to import" again.txt || { echo "$program: a second import still finds edits:" >&2; cat again.txt >&2; status=1; }
exit $status
