#!/usr/bin/env python3
"""Reads every cell of every sheet of a workbook, as a peer of `bilateral import` reading an export back.

    read_workbook.py openpyxl|calamine FILE.xlsx   -> prints the number of cells read

openpyxl in read-only mode (its streaming reader) and python-calamine (calamine, in Rust) both turn
each cell into a Python value, dates included.
"""
import sys

reader, path = sys.argv[1], sys.argv[2]
cells = 0
if reader == "openpyxl":
    import openpyxl
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
    book.close()
else:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += sum(1 for value in row if value != "")
print(cells)
