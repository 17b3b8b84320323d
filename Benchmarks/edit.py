#!/usr/bin/env python3
"""Writes an edited copy of a benchmark dataset (generate.py's output) whose observations differ in
CHANGES places: 60% of them values revised, 20% rows removed and 20% rows added, spread evenly through
the file, so that `bilateral diff` has a known answer.

    edit.py DIR CHANGES OUT   -> OUT/dataset.yaml (the same document), OUT/observations.csv

Prints the expected counts as `revised removed added`.
"""
import os
import shutil
import sys

source, changes, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
shutil.copy(os.path.join(source, "dataset.yaml"), os.path.join(out, "dataset.yaml"))
with open(os.path.join(source, "observations.csv"), encoding="utf-8", newline="") as f:
    text = f.read()
newline = "\r\n" if "\r\n" in text[:1000] else "\n"
header, *rows = text.splitlines()
revised, removed = changes * 6 // 10, changes * 2 // 10
added = changes - revised - removed
step = len(rows) // (revised + removed)
edited = list(rows)
for n in range(revised + removed):
    index = n * step + step // 2
    if n < revised:
        period, value, rest = edited[index].split(",", 2)
        edited[index] = f"{period},{float(value) + 1000.5:.2f},{rest}"
    else:
        edited[index] = None
edited = [row for row in edited if row is not None]
for n in range(added):
    edited.insert(n * (len(edited) // added), f"2099-{n % 12 + 1:02d},{n}.25,export,999{n:03d},Added row {n},JP")
with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="") as f:
    f.write(newline.join([header] + edited) + newline)
print(revised, removed, added)
