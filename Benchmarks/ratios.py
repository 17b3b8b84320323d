#!/usr/bin/env python3
"""Prints hyperfine results as Markdown tables of medians and ratios to the first command (bilateral).

    ratios.py TITLE=RESULTS.json ...
"""
import json
import statistics
import sys

for argument in sys.argv[1:]:
    title, path = argument.split("=", 1)
    results = json.load(open(path))["results"]
    ours = statistics.median(results[0]["times"])
    print(f"\n{title}\n| command | median | time ÷ bilateral's |\n|---|---|---|")
    for r in results:
        m = statistics.median(r["times"])
        print(f"| {r['command']} | {m * 1000:,.1f} ms | {m / ours:.2f}x |")
