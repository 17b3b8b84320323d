#!/usr/bin/env python3
"""Writes a benchmark portfolio: RELATIONSHIPS dataset documents between France and other countries,
each with about RECORDS records and OBSERVATIONS rows in its own CSV, all including two shared record
documents (the countries and sources; the people and offices).

    generate_portfolio.py RELATIONSHIPS RECORDS OBSERVATIONS DIR
"""
import os
import re
import sys

relationships, records, observations, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
here = os.path.dirname(os.path.abspath(__file__))
iso = open(os.path.join(here, "..", "Sources", "Bilateral", "Validation", "ISOCodes.swift"), encoding="utf-8").read()
pairs = sorted(set(re.findall(r'"([A-Z]{2})": "([A-Z]{3})"', iso)))
partners = [p for p in pairs if p[0] != "FR"][:relationships]
if len(partners) < relationships:
    sys.exit(f"only {len(partners)} partner countries")
os.makedirs(os.path.join(out, "shared"), exist_ok=True)

with open(os.path.join(out, "shared", "countries.yaml"), "w", encoding="utf-8") as f:
    f.write("format: bilateral-records/1\ninclude: [people.yaml]\nsources:\n")
    f.write('  - {id: shared-source, title: Generated shared source, url: "https://example.org/shared", tier: official}\n')
    f.write("countries:\n  - {id: fr, alpha2: FR, alpha3: FRA, name: France}\n")
    for a2, a3 in partners:
        f.write(f"  - {{id: c-{a2.lower()}, alpha2: \"{a2}\", alpha3: {a3}, name: Country {a2}}}\n")
with open(os.path.join(out, "shared", "people.yaml"), "w", encoding="utf-8") as f:
    f.write("format: bilateral-records/1\npeople:\n")
    for i in range(50):
        f.write(f"  - {{id: person-{i}, name: Person {i}, country: fr, sources: [shared-source]}}\n")
    f.write("offices:\n")
    for i in range(50):
        f.write(f"  - {{id: office-{i}, person: person-{i}, title: Office {i}, country: fr, start: 2000, sources: [shared-source]}}\n")

for a2, _ in partners:
    code = f"c-{a2.lower()}"
    name = f"fr-{a2.lower()}"
    with open(os.path.join(out, f"{name}.csv"), "w", encoding="utf-8") as f:
        f.write("period,value,flow\n")
        for i in range(observations):
            year, month = 2000 + (i // 24) % 24, i % 12 + 1
            flow = "export" if i % 2 == 0 else "import"
            f.write(f"{year:04d}-{month:02d}-{(i // 12) % 28 + 1:02d},{(i * 37) % 100000 / 100:.2f},{flow}\n")
    with open(os.path.join(out, f"{name}.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""format: bilateral/1
include: [shared/countries.yaml]
dataset: {{title: France–{a2} relations, countries: [fr, {code}], version: 1.0.0, as_of: 2024-06-01, licence: CC0-1.0}}
series:
  - {{id: {name}-trade, title: Trade, indicator: trade, reporter: fr, partner: {code}, currency: EUR, period_kind: date, dimensions: [flow], observations_file: {name}.csv, sources: [shared-source]}}
events:
""")
        for i in range(records // 2):
            f.write(f"  - {{id: {name}-event-{i}, kind: meeting, title: Meeting {i}, start: {2000 + i % 24}-{i % 12 + 1:02d}, participants: [person-{i % 50}], sources: [shared-source]}}\n")
        f.write("statements:\n")
        for i in range(records - records // 2):
            f.write(f"  - {{id: {name}-statement-{i}, topic: overview, text: Statement {i} of the relationship, sources: [shared-source]}}\n")
