#!/usr/bin/env python3
"""Reads an XLSX export with openpyxl and checks it against the CSV export of the same dataset
(written with --keep-formulas, so that text is compared as it is):

- every table's sheet, and its continuation sheets "Title (2)"..., has the CSV file's header and rows,
  row for row and cell for cell, with the row counts of the CSV export;
- numbers are numbers, booleans booleans, dates are dates at the first day of their precision with a
  format that shows that precision (years 'yyyy', months 'mmm yyyy', days 'd mmm yyyy'), and every
  other cell is a string, never a formula, equal to the CSV text;
- URLs are hyperlinks to themselves, and source ids link to the Sources row of the first id;
- the About sheet lists every sheet with its row count; a chart sheet exists for each chart listed;
  the Chart data values are numbers.

Strings are decoded as Excel decodes them (ECMA-376 ST_Xstring: `_xHHHH_` is the character HHHH, so
`_x005F_x0041_` reads `_x0041_`); openpyxl decodes those escapes in shared strings only, and the
workbook writes inline strings.

    check_xlsx.py WORKBOOK.xlsx CSV_DIRECTORY       (exit 0 when everything matches)
"""
import csv
import datetime
import json
import os
import re
import sys

import openpyxl

workbook_path, csv_dir = sys.argv[1], sys.argv[2]
package = json.load(open(os.path.join(csv_dir, "datapackage.json"), encoding="utf-8"))
book = openpyxl.load_workbook(workbook_path)
problems = []
DATE = re.compile(r"^\[0-9\]\{4\}\(-\[0-9\]\{2\}\(-\[0-9\]\{2\}\)\?\)\?$")
FORMATS = {1: "yyyy", 2: "mmm yyyy", 3: "d mmm yyyy"}


def xstring(value):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value) if isinstance(value, str) else value


def problem(where, message):
    if len(problems) < 50:
        problems.append(f"{where}: {message}")


def kind(field):
    pattern = field.get("constraints", {}).get("pattern", "")
    if field["type"] in ("number", "integer", "boolean"):
        return field["type"]
    if DATE.match(pattern.strip("^$")) or DATE.match(pattern):
        return "date"
    if field.get("format") == "uri":
        return "url"
    return "string"


def check_cell(where, cell, text, field, source_rows):
    value = xstring(cell.value)
    if cell.data_type == "f":
        problem(where, f"is a formula: {value!r}")
        return
    if text == "":
        if value not in (None, ""):
            problem(where, f"should be empty, holds {value!r}")
        return
    expected = kind(field)
    if expected in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or float(value) != float(text):
            problem(where, f"should be the number {text}, holds {value!r}")
    elif expected == "boolean":
        if value is not (text == "true"):
            problem(where, f"should be the boolean {text}, holds {value!r}")
    elif expected == "date" and int(text[:4]) >= 1900:
        parts = [int(p) for p in text.split("-")]
        want = datetime.datetime(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        if not isinstance(value, datetime.datetime) or value != want:
            problem(where, f"should be the date {text}, holds {value!r}")
        elif cell.number_format != FORMATS[len(parts)]:
            problem(where, f"date {text} shows as {cell.number_format!r}, not {FORMATS[len(parts)]!r}")
    else:
        if not isinstance(value, str) or value != text:
            problem(where, f"should be the text {text!r}, holds {value!r}")
    if expected == "url" and (cell.hyperlink is None or cell.hyperlink.target != text):
        problem(where, f"the URL {text} is not a live link")
    if field["name"] == "sources" or (field["name"] == "source" and expected == "string" and source_rows):
        link = cell.hyperlink
        first = text.split(" ")[0]
        if link is not None:
            target = source_rows.get(first)
            if link.location != target:
                problem(where, f"source {first} links to {link.location!r}, not {target!r}")
        elif link_counts.get(cell.parent.title, 0) < 65530:
            problem(where, f"source ids {text!r} are not a link")


# Where each source is on the Sources sheet.
source_rows = {}
sources_sheet = book["Sources"]
for number, row in enumerate(sources_sheet.iter_rows(min_row=2, max_col=1, values_only=True), start=2):
    source_rows[row[0]] = f"'Sources'!A{number}"

link_counts = {ws.title: len(ws._hyperlinks) for ws in book.worksheets}
counts = {}
for resource in package["resources"]:
    fields = resource["schema"]["fields"]
    with open(os.path.join(csv_dir, resource["path"]), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    sheets = [resource["title"]]
    while f"{resource['title']} ({len(sheets) + 1})" in book.sheetnames:
        sheets.append(f"{resource['title']} ({len(sheets) + 1})")
    written = []
    for name in sheets:
        ws = book[name]
        got = list(ws.iter_rows(values_only=False))
        if [c.value for c in got[0]][: len(header)] != header:
            problem(name, f"header {[c.value for c in got[0]]} is not {header}")
        for c in got[0]:
            if c.value is not None and not c.font.b:
                problem(name, "header is not bold")
                break
        if ws.freeze_panes != "A2":
            problem(name, f"header is not frozen ({ws.freeze_panes})")
        if not ws.auto_filter.ref:
            problem(name, "has no autofilter")
        written += [(name, index + 2, row) for index, row in enumerate(got[1:])]
        counts[name] = len(got) - 1
    if len(written) != len(data):
        problem(resource["title"], f"{len(written)} rows, the CSV export has {len(data)}")
    for (name, number, cells), texts in zip(written, data):
        for column, (field, text) in enumerate(zip(fields, texts)):
            cell = cells[column] if column < len(cells) else None
            where = f"{name}!{openpyxl.utils.get_column_letter(column + 1)}{number}"
            if cell is None:
                if text != "":
                    problem(where, f"is missing, should be {text!r}")
                continue
            check_cell(where, cell, text, field, source_rows)
    for field in fields:
        choices = field.get("constraints", {}).get("enum")
        if choices and not any(field["name"] == header[i] for i in range(len(header))):
            continue
        if choices:
            ws = book[sheets[0]]
            column = openpyxl.utils.get_column_letter(header.index(field["name"]) + 1)
            lists = [dv for dv in ws.data_validations.dataValidation
                     if dv.type == "list" and any(str(r).startswith(column) for r in dv.sqref.ranges)]
            # Excel offers an inline list of at most 255 characters, commas included; a longer one is drawn
            # from a range of the hidden Choices sheet.
            fits = len(",".join(choices)) <= 255
            if not lists:
                problem(sheets[0], f"column {field['name']} has no drop-down of {choices}")
                continue
            formula = lists[0].formula1
            if fits:
                offered = formula.strip('"').split(",")
            else:
                match = re.fullmatch(r"'?Choices'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", formula)
                if not match or match.group(1) != match.group(3):
                    problem(sheets[0], f"the drop-down of {field['name']} is {formula}, not a column of the Choices sheet")
                    continue
                if book["Choices"].sheet_state != "hidden":
                    problem("Choices", "is not hidden")
                column_cells = book["Choices"][f"{match.group(1)}{match.group(2)}:{match.group(3)}{match.group(4)}"]
                offered = [row[0].value for row in column_cells]
            if offered != choices:
                problem(sheets[0], f"the drop-down of {field['name']} offers {offered}, not {choices}")

about = book["About"]
if book.sheetnames[0] != "About":
    problem("About", "is not the first sheet")
listed = {}
charts = []
section = None
for row in about.iter_rows(values_only=True):
    if row[0] in ("Sheet", "Chart", "Notes", "Sources in use"):
        section = row[0]
        continue
    if section == "Sheet" and row[0] is not None and row[1] is not None:
        listed[row[0]] = row[1]
    if section == "Chart" and row[0] is not None:
        charts.append(row[0])
for name, count in counts.items():
    if listed.get(name) != count:
        problem("About", f"lists {name} with {listed.get(name)} rows, it has {count}")
chart_sheets = [sheet.title for sheet in book.chartsheets]
if chart_sheets != charts:
    problem("About", f"lists charts {charts}, the workbook has chart sheets {chart_sheets}")
if charts:
    for row in book["Chart data"].iter_rows(min_row=4, values_only=True):
        for value in row:
            if value is not None and not isinstance(value, (str, int, float)):
                problem("Chart data", f"holds {value!r}")

for line in problems:
    print(line)
total = sum(counts.values())
print(f"{workbook_path}: {len(book.sheetnames)} sheets, {total} rows checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
