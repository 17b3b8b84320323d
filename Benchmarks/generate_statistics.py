#!/usr/bin/env python3
"""Writes one statistics message in two encodings, for Benchmarks/statistics.sh: OBSERVATIONS
observations in SERIES monthly series (FREQ=M, REF_AREA, COUNTERPART_AREA), as SDMX-CSV 2.0
(`statistics.csv`) and as SDMX-ML 2.1 generic data (`statistics.xml`), and a dataset to import into.
The figures are made up (a deterministic pseudo-random walk); the series key `M.PK.JP` is among them.

    python3 Benchmarks/generate_statistics.py OBSERVATIONS SERIES DIRECTORY
"""
import os
import sys

observations, series_count, directory = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(directory, exist_ok=True)
periods = observations // series_count
areas = ["PK", "JP"] + [code for code in (chr(65 + i // 26) + chr(65 + i % 26) for i in range(26 * 26)) if code not in ("PK", "JP")]
keys = []
for reference in areas:
    for counterpart in areas:
        if reference != counterpart:
            keys.append((reference, counterpart))
        if len(keys) == series_count:
            break
    if len(keys) == series_count:
        break
months = [f"{1900 + m // 12}-{m % 12 + 1:02d}" for m in range(periods)]

with open(os.path.join(directory, "statistics.csv"), "w") as csv, open(os.path.join(directory, "statistics.xml"), "w") as xml:
    csv.write("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,UNIT_MEASURE\n")
    xml.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
              'xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic" '
              'xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">\n'
              '<message:Header><message:ID>BENCH</message:ID><message:Test>true</message:Test>'
              '<message:Prepared>2026-12-01T00:00:00</message:Prepared><message:Sender id="XX"/>'
              '<message:Structure structureID="XX_TRADE" dimensionAtObservation="TIME_PERIOD">'
              '<common:Structure><Ref agencyID="XX" id="TRADE" version="1.0"/></common:Structure></message:Structure>'
              '</message:Header>\n<message:DataSet structureRef="XX_TRADE" action="Information">\n')
    seed = 12345
    for reference, counterpart in keys:
        xml.write(f'<generic:Series><generic:SeriesKey><generic:Value id="FREQ" value="M"/>'
                  f'<generic:Value id="REF_AREA" value="{reference}"/><generic:Value id="COUNTERPART_AREA" value="{counterpart}"/>'
                  '</generic:SeriesKey><generic:Attributes><generic:Value id="UNIT_MULT" value="6"/>'
                  '<generic:Value id="UNIT_MEASURE" value="USD"/></generic:Attributes>\n')
        value = 1000.0
        for index, month in enumerate(months):
            seed = (seed * 1103515245 + 12345) % 2**31
            value = max(1.0, value + (seed % 2001 - 1000) / 100)
            status = "P" if index == periods - 1 else ""
            text = f"{value:.2f}"
            csv.write(f"dataflow,XX:TRADE(1.0),I,M,{reference},{counterpart},{month},{text},{status},6,USD\n")
            xml.write(f'<generic:Obs><generic:ObsDimension value="{month}"/><generic:ObsValue value="{text}"/>'
                      + (f'<generic:Attributes><generic:Value id="OBS_STATUS" value="{status}"/></generic:Attributes>' if status else "")
                      + '</generic:Obs>\n')
        xml.write("</generic:Series>\n")
    xml.write("</message:DataSet>\n</message:GenericData>\n")

with open(os.path.join(directory, "dataset.yaml"), "w") as dataset:
    dataset.write("""format: bilateral/1
dataset:
  title: Statistics import benchmark
  countries: [pk, jp]
  version: 1.0.0
  as_of: 2026-12-01
  licence: CC-BY-4.0
sources:
  - {id: made-up, title: "[Made-up figures for a benchmark]", tier: official}
countries:
  - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
  - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
statements:
  - {id: made-up-statement, topic: overview, text: A statement to cite the source., sources: [made-up]}
""")
print(f"{len(keys)} series of {periods} months in {directory}")
