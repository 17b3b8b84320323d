#!/usr/bin/env python3
"""Writes the observations-csv fixture with N generated observations, for the check that a table
longer than a sheet continues on further sheets with nothing lost.

    large_dataset.py N DIR      -> DIR/observations-csv.yaml, DIR/observations.csv
"""
import os
import shutil
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
here = os.path.join(os.path.dirname(__file__), "..", "..", "Fixtures")
text = open(os.path.join(here, "valid", "observations-csv.yaml"), encoding="utf-8").read()
# A file reference may not leave the dataset's root, so the archived texts are copied beside it.
for name in os.listdir(os.path.join(here, "archive")):
    shutil.copy(os.path.join(here, "archive", name), os.path.join(out, name))
open(os.path.join(out, "observations-csv.yaml"), "w", encoding="utf-8").write(text.replace("../archive/", ""))
with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("period,value,hs_code,description,period_kind,note\r\n")
    for i in range(n):
        f.write(f"{2000 + i % 25}-{1 + i % 12:02d},{i % 100000}.{i % 100:02d},{i:07d},item {i},,\r\n")
