"""Serves a SQLite export with Datasette on 127.0.0.1, queries it through its JSON API, reads every
table with sqlite-utils, and compares both with the CSV export of the same dataset.

usage: check_sqlite_datasette.py SQLITE-EXPORT-DIR CSV-EXPORT-DIR SEARCH-WORD

- Datasette starts with the export's metadata.json and shows the dataset's title;
- every table's row count through the JSON API equals the CSV export's row count for that table;
- a full-text search for SEARCH-WORD in statements finds a statement containing it;
- an observation's series is expanded to its title (a foreign key with a label);
- sqlite-utils reads every table, with the same counts;
- the server is stopped whatever happens.
"""
import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import sqlite_utils

export, csv_dir, word = sys.argv[1:4]
database = os.path.join(export, "dataset.sqlite")
csv.field_size_limit(sys.maxsize)
expected = {}
for name in sorted(os.listdir(csv_dir)):
    if name.endswith(".csv"):
        with open(os.path.join(csv_dir, name), newline="", encoding="utf-8-sig") as f:
            expected[name[:-4]] = sum(1 for _ in csv.reader(f)) - 1

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
datasette = os.path.join(os.path.dirname(sys.executable), "datasette")
server = subprocess.Popen([datasette, "serve", database, "--metadata", os.path.join(export, "metadata.json"),
                           "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def get(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return json.load(response)


try:
    for _ in range(600):
        try:
            get("/-/versions.json")
            break
        except OSError:
            if server.poll() is not None:
                sys.exit("datasette exited: " + server.stderr.read().decode())
            time.sleep(0.1)
    else:
        sys.exit("datasette did not start within a minute")
    metadata = json.load(open(os.path.join(export, "metadata.json"), encoding="utf-8"))
    assert get("/-/metadata.json")["title"] == metadata["title"]
    for table, count in expected.items():
        rows = get(f"/dataset/{table}.json?_size=0")["filtered_table_rows_count"]
        assert rows == count, f"{table}: Datasette counts {rows} rows, the CSV export {count}"
    found = get(f"/dataset/statements.json?_search={word}&_shape=array")
    assert found and all(word.lower() in row["text"].lower() for row in found), f"search for {word!r}: {found}"
    first = get("/dataset/observations.json?_labels=on&_shape=array&_size=1")
    if first:
        series = first[0]["series"]
        assert isinstance(series, dict) and series.get("label"), f"series not expanded: {series}"
finally:
    server.terminate()
    server.wait(timeout=30)

db = sqlite_utils.Database(database)
for table, count in expected.items():
    rows = sum(1 for _ in db[table].rows)
    assert rows == count, f"sqlite-utils reads {rows} rows of {table}, the CSV export has {count}"
print(f"{database}: Datasette and sqlite-utils read {len(expected)} tables with the CSV export's row counts; "
      f"search for {word!r} found {len(found)}")
