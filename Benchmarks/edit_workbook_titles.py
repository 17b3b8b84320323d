#!/usr/bin/env python3
"""Changes the titles of the first EDITS events on the Events sheet of a workbook `bilateral export`
wrote, in the sheet's XML (every other part copied as it is), for Benchmarks/import.sh.

    edit_workbook_titles.py IN.xlsx EDITS OUT.xlsx
"""
import re
import sys
import zipfile

source, edits, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with zipfile.ZipFile(source) as book:
    names = book.namelist()
    workbook = book.read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet name="([^"]*)" sheetId="(\d+)"', workbook)
    events = "xl/worksheets/sheet%d.xml" % ([name for name, _ in sheets].index("Events") + 1)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            data = book.read(name)
            if name == events:
                xml = data.decode()
                count = 0

                def change(match):
                    global count
                    if count >= edits:
                        return match.group(0)
                    count += 1
                    return match.group(1) + match.group(2) + " (revised)" + match.group(3)

                xml = re.sub(r'(<c r="D(?:[2-9]|\d{2,})"[^>]*><is><t>)([^<]*)(</t>)', change, xml)
                if count < edits:
                    sys.exit(f"only {count} events to edit")
                data = xml.encode()
            out.writestr(book.getinfo(name), data)
