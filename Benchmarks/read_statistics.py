#!/usr/bin/env python3
"""Reads a statistics file with a Python peer and counts its observations, for Benchmarks/statistics.sh.

    python read_statistics.py sdmx1|pysdmx|pandas FILE
"""
import sys

peer, path = sys.argv[1], sys.argv[2]
if peer == "sdmx1":
    import sdmx
    message = sdmx.read_sdmx(path)
    count = sum(len(series) for data_set in message.data for series in data_set.series.values())
elif peer == "pysdmx":
    from pysdmx.io import read_sdmx
    message = read_sdmx(path)
    count = sum(len(data_set.data) for data_set in message.data)
elif peer == "pandas":
    import pandas
    count = len(pandas.read_csv(path, dtype={"OBS_VALUE": str}))
else:
    sys.exit(f"unknown peer {peer}")
print(count)
