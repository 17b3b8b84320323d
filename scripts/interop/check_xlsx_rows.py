#!/usr/bin/env python3
"""Streams the sheets of a large XLSX export (too large to load whole) and checks that the table's
sheets, "Observations", "Observations (2)", ..., hold exactly the rows of the CSV export, in order:
the row count of each sheet, the header on each, and the first and last rows of each sheet equal to
the CSV rows at those positions.

    check_xlsx_rows.py WORKBOOK.xlsx CSV_FILE SHEET_TITLE EXPECTED_SHEETS
"""
import csv
import re
import sys
import zipfile
from xml.etree.ElementTree import iterparse

path, csv_path, title, expected_sheets = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
archive = zipfile.ZipFile(path)
workbook = archive.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]*)"', workbook)
sheets = [(i, n) for i, n in enumerate(names) if n == title or re.fullmatch(re.escape(title) + r" \(\d+\)", n)]


def column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    value = 0
    for letter in letters:
        value = value * 26 + ord(letter) - 64
    return value - 1


def rows(index):
    with archive.open(f"xl/worksheets/sheet{index + 1}.xml") as f:
        for _, element in iterparse(f):
            if element.tag == NS + "row":
                cells = {}
                for c in element.iter(NS + "c"):
                    text = "".join(t.text or "" for t in c.iter(NS + "t")) if c.get("t") == "inlineStr" else (c.findtext(NS + "v") or "")
                    cells[column(c.get("r"))] = text
                yield [cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)]
                element.clear()


with open(csv_path, encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    data = list(reader)

def same(sheet_row, csv_row):
    return all(a == b or (b and a and float(a) == float(b) if re.fullmatch(r"-?[0-9.]+", b) else False)
               for a, b in zip(sheet_row + [""] * (len(csv_row) - len(sheet_row)), csv_row))

problems = []
position = 0
for index, name in sheets:
    got = list(rows(index))
    if got[0][: len(header)] != header:
        problems.append(f"{name}: header {got[0]}")
    body = got[1:]
    for offset in (0, len(body) - 1):
        if not same(body[offset], data[position + offset]):
            problems.append(f"{name} row {offset + 2}: {body[offset]} is not CSV row {position + offset + 2}: {data[position + offset]}")
    print(f"{name}: {len(body)} rows")
    position += len(body)
if len(sheets) != expected_sheets:
    problems.append(f"{len(sheets)} sheets named {title!r}, expected {expected_sheets}")
if position != len(data):
    problems.append(f"{position} rows on the sheets, the CSV export has {len(data)}")
for p in problems:
    print(p)
print(f"{title}: {position} rows on {len(sheets)} sheets, CSV {len(data)} rows, {len(problems)} problems")
sys.exit(1 if problems else 0)
