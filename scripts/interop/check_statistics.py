#!/usr/bin/env python3
"""Imports a series of each real SDMX sample with `bilateral import` and checks its figures against what
pysdmx (the SDMX working group's Python library) reads from the same file: the same number of values,
and the same values in the same order of periods, digit for digit.

    python check_statistics.py BILATERAL FILE...
"""
import decimal
import os
import shutil
import subprocess
import sys
import tempfile

import yaml
from pysdmx.io import read_sdmx

binary, files = sys.argv[1], sys.argv[2:]
repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check(path, directory):
    """None when bilateral's import of the file's first series agrees with pysdmx, else what differs."""
    shutil.copytree(os.path.join(repository, "Fixtures/archive"), os.path.join(directory, "archive"))
    os.makedirs(os.path.join(directory, "data"))
    dataset = os.path.join(directory, "data/relations.yaml")
    shutil.copy(os.path.join(repository, "Fixtures/valid/minimal.yaml"), dataset)
    base = [binary, "import", path, "--into", dataset, "--root", directory]
    # The dimensions as bilateral reads them (pysdmx's frame also has a generic message's series
    # attributes as columns): the hint for a selection of no dimension lists them.
    probe = subprocess.run(base + ["--series", "probe", "--select", "NO_SUCH_DIMENSION=x"], capture_output=True, text=True)
    if "its dimensions are " not in probe.stdout:
        return f"bilateral did not list the file's dimensions:\n{probe.stdout}{probe.stderr}"
    listed = probe.stdout.split("its dimensions are ", 1)[1].splitlines()[0].split(", ")
    frame = read_sdmx(path).data[0].data
    dimensions = [name for name in listed if name in frame.columns]
    first = frame.iloc[0]
    selected = frame
    for dimension in dimensions:
        selected = selected[selected[dimension].astype(str) == str(first[dimension])]
    expected = [decimal.Decimal(str(value)) for _, value in
                sorted((str(row["TIME_PERIOD"]), row["OBS_VALUE"]) for _, row in selected.iterrows())
                if str(value) not in ("", "nan", "None", "NaN")]
    command = base + ["--series", "checked", "--unit", "figures", "--retrieved", "2026-12-01", "--title", "Checked"]
    for dimension in dimensions:
        command += ["--select", f"{dimension}={first[dimension]}"]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        return f"bilateral import failed ({run.returncode}):\n{run.stdout}{run.stderr}"
    with open(dataset) as document:
        records = yaml.safe_load(document)
    observations = sorted((o for o in records["observations"] if o["series"] == "checked"), key=lambda o: str(o["period"]))
    found = [decimal.Decimal(str(o["value"])) for o in observations]
    if found != expected or not found:
        return f"bilateral imported {len(found)} values {found[:5]}…, pysdmx reads {len(expected)} {expected[:5]}…"
    print(f"{path}: {len(found)} values agree with pysdmx")
    return None


failures = 0
for path in files:
    with tempfile.TemporaryDirectory() as directory:
        problem = check(path, directory)
    if problem:
        print(f"{path}: {problem}")
        failures += 1
sys.exit(1 if failures else 0)
