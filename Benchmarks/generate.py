#!/usr/bin/env python3
"""Writes a benchmark dataset: RECORDS records in YAML plus OBSERVATIONS rows in a referenced CSV.

    generate.py RECORDS OBSERVATIONS DIR   -> DIR/dataset.yaml, DIR/observations.csv,
                                              DIR/observations.tableschema.json

The CSV rows are the trade-flow rows of ../shared/bench/gen_trade.py (same seed, same values), as
monthly observations with their HS code, description, flow and partner as dimensions.
"""
import csv
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "bench"))
from gen_trade import gen_rows  # noqa: E402

records, observations, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)

with open(os.path.join(out, "observations.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["period", "value", "flow", "hs_code", "description", "partner"])
    for row in gen_rows(observations):
        w.writerow([f"{row['year']:04d}-{row['month']:02d}", f"{row['value_usd']:.2f}", row["flow"],
                    row["hs_code"], row["description"], row["partner"]])

schema = {"fields": [
    {"name": "period", "type": "yearmonth", "constraints": {"required": True}},
    {"name": "value", "type": "number", "constraints": {"required": True}},
    {"name": "flow", "type": "string", "constraints": {"required": True, "enum": ["export", "import"]}},
    {"name": "hs_code", "type": "string", "constraints": {"required": True, "pattern": "[0-9]{6}"}},
    {"name": "description", "type": "string", "constraints": {"required": True}},
    {"name": "partner", "type": "string", "constraints": {"required": True}},
]}
json.dump(schema, open(os.path.join(out, "observations.tableschema.json"), "w"), indent=2)

with open(os.path.join(out, "dataset.yaml"), "w", encoding="utf-8") as f:
    f.write("""format: bilateral/1
dataset:
  title: Benchmark relations
  countries: [pk, jp]
  version: 1.0.0
  as_of: 2024-06-01
  licence: CC0-1.0
sources:
  - {id: src, title: Generated source, url: "https://example.org/source", tier: official}
countries:
  - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan, names: {ur: پاکستان}}
  - {id: jp, alpha2: JP, alpha3: JPN, name: Japan, names: {ja: 日本}}
series:
  - id: trade-monthly
    title: Monthly trade by HS code
    indicator: trade
    reporter: pk
    partner: jp
    currency: USD
    period_kind: month
    dimensions: [flow, hs_code, description, partner]
    observations_file: observations.csv
    sources: [src]
""")
    people = records // 4
    f.write("people:\n")
    for i in range(people):
        f.write(f"  - id: person-{i}\n    name: \"Person {i}\"\n    country: {'pk' if i % 2 else 'jp'}\n    sources: [src]\n")
    f.write("offices:\n")
    for i in range(people):
        f.write(f"  - id: office-{i}\n    person: person-{i}\n    title: Minister number {i}\n    start: {1990 + i % 30}\n    sources: [src]\n")
    f.write("events:\n")
    for i in range(people):
        f.write(f"  - id: event-{i}\n    kind: visit\n    title: Visit number {i}\n    start: {2020 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                f"    place: Tokyo\n    country: jp\n    visitors: [person-{i}]\n    sources: [src]\n")
    f.write("statements:\n")
    for i in range(records - 3 * people):
        f.write(f"  - id: statement-{i}\n    topic: trade\n    text: >-\n      Statement {i}: trade in textiles, machinery, electronics and automobiles.\n    sources: [src]\n")
print(out)
