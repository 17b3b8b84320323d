#!/usr/bin/env bash
# Regenerates the two pictures of the briefs in docs/: the HTML brief of the dataset of record as headless
# Chromium shows it, and the first page of its Word brief as LibreOffice prints it. Run it on purpose, after
# scripts/install-test-tools.sh, when the look of a brief changes, and review the pictures before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product bilateral >/dev/null
bin=$(swift build --show-bin-path)/bilateral
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" brief --format html --marking RESTRICTED --output "$work/brief.html" --quiet
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1500 \
  --screenshot="$work/html.png" "file://$work/brief.html" 2>/dev/null
"$bin" brief --format docx --marking RESTRICTED --output "$work/brief.docx" --quiet
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/brief.docx" >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/brief.pdf" "$work/docx"
cp "$work/html.png" docs/brief-html.png
cp "$work/docx.png" docs/brief-docx.png
echo "wrote docs/brief-html.png and docs/brief-docx.png"
