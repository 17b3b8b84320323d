#!/usr/bin/env python3
"""Reads a CSV export with Python's csv module and compares every cell with the JSON export of the
same dataset, following the documented cell rules:

- ids in list fields are separated by single spaces; other lists and maps are compact JSON, keys sorted;
- numbers and dates are written as in the dataset; booleans as true/false; absent values as empty cells;
- a text cell that starts with =, +, -, @, tab or carriage return (or an apostrophe and one of those)
  carries one leading apostrophe (spreadsheet formula protection), removed here before comparing.

    compare_csv_json.py CSV_DIRECTORY DATASET.json      (exit 0 when every cell matches)
"""
import csv
import json
import os
import sys

csv_dir, json_path = sys.argv[1], sys.argv[2]
dataset = json.load(open(json_path, encoding="utf-8"), parse_float=str, parse_int=str)
package = json.load(open(os.path.join(csv_dir, "datapackage.json"), encoding="utf-8"))
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def unguard(text):
    rest = text[1:]
    if text.startswith("'") and (rest.startswith(TRIGGERS) or (rest.startswith("'") and rest[1:].startswith(TRIGGERS))):
        return rest
    return text


def render(value, field):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if field["type"] == "array":
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return " ".join(item if isinstance(item, str) else item["source"] for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return value


def expected_rows(resource):
    fields = resource["schema"]["fields"]
    name = resource["name"]
    if name == "citations":
        for collection, records in dataset.items():
            if not isinstance(records, list):
                continue
            for record in records:
                for citation in record.get("sources", []):
                    source, quote = (citation, None) if isinstance(citation, str) else (citation["source"], citation.get("quote"))
                    yield [record.get("id", ""), collection, source, quote or ""]
        return
    for record in dataset.get(name, []):
        row = []
        for field in fields:
            if name == "observations" and field["name"] not in record and field["name"] in record.get("dimensions", {}):
                row.append(record["dimensions"][field["name"]])
            else:
                row.append(render(record.get(field["name"]), field))
        yield row


problems = 0
cells = 0
for resource in package["resources"]:
    with open(os.path.join(csv_dir, resource["path"]), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = [field["name"] for field in resource["schema"]["fields"]]
    if rows[0] != header:
        print(f"{resource['path']}: header {rows[0]} != {header}")
        problems += 1
    expected = list(expected_rows(resource))
    if len(rows) - 1 != len(expected):
        print(f"{resource['path']}: {len(rows) - 1} rows, the JSON export has {len(expected)}")
        problems += 1
    for number, (got, want) in enumerate(zip(rows[1:], expected), start=2):
        for column, (a, b) in enumerate(zip(got, want)):
            cells += 1
            if unguard(a) != b:
                problems += 1
                if problems <= 20:
                    print(f"{resource['path']}:{number}: column {header[column]}: CSV {a!r}, JSON {b!r}")
print(f"{csv_dir}: {cells} cells compared with {json_path}, {problems} differences")
sys.exit(1 if problems else 0)
