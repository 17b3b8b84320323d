"""Reads the Markdown of a `bilateral diff` with markdown-it-py (GitHub-flavoured tables) and checks it
against the JSON report of the same diff: one table row per changed field (a record with no changed
field gets one row), each row's change, field and values as the JSON has them once the Markdown is
rendered, a row per series with its counts, and a row per changed archived text with its quotes.

    python check_diff.py DIFF.md DIFF.json
"""
import html
import json
import re
import sys

from markdown_it import MarkdownIt


def rows(tokens, start):
    """The cells of each body row of the table that opens at tokens[start], as rendered text."""
    table, row, cell, index = [], None, None, start
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type in ("td_open", "th_open"):
            cell = ""
        elif token.type == "inline" and cell is not None:
            cell = "".join(c.content if c.type in ("text", "code_inline") else "\n" if c.type == "html_inline" else ""
                           for c in token.children)
        elif token.type in ("td_close", "th_close"):
            row.append(html.unescape(cell))
            cell = None
        elif token.type == "tr_close":
            table.append(row)
        index += 1
    return table[1:]


def main(markdown_path, json_path):
    report = json.load(open(json_path, encoding="utf-8"))
    tokens = MarkdownIt("commonmark").enable("table").parse(open(markdown_path, encoding="utf-8").read())
    tables = [rows(tokens, i) for i, t in enumerate(tokens) if t.type == "table_open"]
    expected_records = [["changed", "dataset", f["field"], f["old"], f["new"]] for f in report["metadata"]]
    for record in report["records"]:
        for f in record["fields"] or [{"field": "", "old": "", "new": ""}]:
            expected_records.append([record["change"], record["id"], f["field"], f["old"], f["new"]])
    wanted_tables = (1 if expected_records else 0) + (1 if report["observations"] else 0) + (1 if report["archives"] else 0)
    assert len(tables) == wanted_tables, f"{len(tables)} tables, expected {wanted_tables}"
    if expected_records:
        found = tables[0]
        assert len(found) == len(expected_records), f"{len(found)} record rows, expected {len(expected_records)}"
        change, name = None, None
        for cells, (want_change, want_id, field, old, new) in zip(found, expected_records):
            change, name = cells[0] or change, cells[1] or name
            assert change == want_change and (want_id in name), f"row {cells} is not {want_change} {want_id}"
            assert cells[2] == field, f"field {cells[2]!r}, expected {field!r}"
            for got, want in ((cells[3], old), (cells[4], new)):
                assert got == ("—" if want is None else want), f"{field}: {got!r}, expected {want!r}"
    if report["archives"]:
        archives = tables.pop()
        assert len(archives) == len(report["archives"]), f"{len(archives)} archive rows, expected {len(report['archives'])}"
        for cells, archive in zip(archives, report["archives"]):
            assert cells[0] == archive["source"], cells
            assert cells[2] == f"+{archive['lines_added']} −{archive['lines_removed']} lines", cells
            for quote in archive["quotes"]:
                assert quote["quote"] in cells[3], (quote, cells)
    if report["observations"]:
        for cells, series in zip(tables[-1], report["observations"]):
            assert cells[0] == series["series"], cells
            assert [int(c) for c in cells[1:4]] == [series["added"], series["removed"], series["revised"]], cells
    print(f"{len(expected_records)} record rows and {len(report['observations'])} series read back")


if __name__ == "__main__":
    main(*sys.argv[1:])
