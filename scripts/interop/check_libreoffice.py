#!/usr/bin/env python3
"""Converts an XLSX export to PDF with LibreOffice headless (a real spreadsheet program) and reads the
PDF back with pdftotext, checking what a reader of the printed workbook sees:

- every chart's title (as the About sheet lists it) and its value axis's unit appear, and LibreOffice's
  placeholders "Chart Title" and "Axis Title" do not (a title that is only a cell reference shows them);
- the charts' categories are in words ("Jul–Dec 2019", "FY2018–19"), as the Chart data sheet has them,
  and no raw interval ("2019-07/2019-12") is among them;
- every page has "Page N of M" with M the PDF's page count, and the workbook prints on at most
  MAX_PAGES pages (fitted one page wide);
- the About sheet is on one page: the first page holds its first and last entries.

    check_libreoffice.py WORKBOOK.xlsx MAX_PAGES     (exit 0 when everything holds)
"""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import openpyxl

workbook_path, max_pages = sys.argv[1], int(sys.argv[2])
problems = []
book = openpyxl.load_workbook(workbook_path)

charts, section, about_texts = [], None, []
for row in book["About"].iter_rows(values_only=True):
    texts = [str(value) for value in row if value is not None]
    about_texts += texts
    if row[0] in ("Sheet", "Chart", "Notes", "Sources in use"):
        section = row[0]
        continue
    if section == "Chart" and row[0] is not None:
        charts.append((row[0], row[2]))
units, categories = [], []
if charts:
    data = list(book["Chart data"].iter_rows(values_only=True))
    units = [value for value in data[1] if isinstance(value, str)]
    for row in data[3:]:
        categories += [value for index, value in enumerate(row) if isinstance(value, str) and data[2][index] == "period"]

with tempfile.TemporaryDirectory() as scratch:
    profile = "file://" + os.path.join(scratch, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", scratch,
                    workbook_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdf = os.path.join(scratch, os.path.splitext(os.path.basename(workbook_path))[0] + ".pdf")
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], check=True, capture_output=True, text=True).stdout

words = " ".join(text.split())
for placeholder in ("Chart Title", "Axis Title"):
    if placeholder in words:
        problems.append(f"the PDF shows LibreOffice's placeholder {placeholder!r}: a chart label has no text")
for name, title in charts:
    if " ".join(str(title).split()) not in words:
        problems.append(f"chart {name}: its title {title!r} is not in the PDF")
for unit in units:
    if " ".join(unit.split()) not in words:
        problems.append(f"the axis title {unit!r} is not in the PDF")
for category in categories:
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?/\d{4}-\d{2}(-\d{2})?", category):
        problems.append(f"the category {category!r} is a raw interval, not words")
    if category not in words:
        problems.append(f"the category {category!r} is not in the PDF")
if pages > max_pages:
    problems.append(f"the workbook prints on {pages} pages, more than {max_pages}")
for page in range(1, pages + 1):
    if f"Page {page} of {pages}" not in words:
        problems.append(f"no 'Page {page} of {pages}' in the PDF")
def plain(text):
    """Words without format characters (the bidirectional marks pdftotext adds around right-to-left text)."""
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


first_words = plain(first_page)
for entry in (about_texts[0], about_texts[-1]):
    if plain(entry)[:40] not in first_words:
        problems.append(f"the About sheet's entry {entry[:40]!r} is not on the first page")

for line in problems:
    print(line)
print(f"{workbook_path}: {pages} pages, {len(charts)} charts, {len(categories)} categories, {len(problems)} problems")
sys.exit(1 if problems else 0)
