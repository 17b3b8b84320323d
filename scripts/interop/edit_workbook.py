"""Makes the round-trip edits to a workbook that `bilateral export` wrote from Fixtures/import/relations.yaml,
as a desk officer would, in one of the programs people save workbooks with, and saves it as XLSX.

    edit_workbook.py openpyxl|libreoffice|gnumeric IN.xlsx OUT.xlsx

The edits (the same in every program; Fixtures/import/expected/ has what they make of the dataset):
- Events: the title of visit-2019-10 changes and its end date moves a day earlier (a date cell);
  visit-2019-04-qureshi is deleted; a new event is added as a row, with its quote on the Citations sheet.
- People (a record document the dataset includes): taro-kono's name changes.
- Observations: exports for 2019-02 becomes 3.25 (an observations file), community for 2023 becomes
  19500 (the document); a new exports row for 2019-04 is added.
"""
import datetime
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

NEW_EVENT = {"id": "meeting-2019-10-enthronement", "kind": "meeting", "title": "Enthronement Ceremony of the Emperor of Japan Naruhito",
             "start": "2019-10", "country": "jp", "visitors": "arif-alvi", "sources": "brief"}
NEW_QUOTE = ["meeting-2019-10-enthronement", "events", "brief", "to attend the Enthronement Ceremony of the Emperor of Japan Naruhito"]
NEW_OBSERVATION = {"series": "exports", "period": "2019-04", "value": 7.5, "hs_code": "0306", "description": "Frozen fish, fillets"}


def edit_with_openpyxl(source, target):
    import openpyxl
    book = openpyxl.load_workbook(source)

    def columns(sheet):
        return {cell.value: cell.column for cell in sheet[1] if cell.value}

    def find(sheet, column, value, where=None):
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, column).value == value and (where is None or where(row)):
                return row
        raise SystemExit(f"no row with {value} on {sheet.title}")

    events = book["Events"]
    c = columns(events)
    row = find(events, c["id"], "visit-2019-10")
    events.cell(row, c["title"]).value = "President visits Tokyo for the enthronement"
    events.cell(row, c["end"]).value = datetime.datetime(2019, 10, 23)
    events.delete_rows(find(events, c["id"], "visit-2019-04-qureshi"))
    new = events.max_row + 1
    for name, value in NEW_EVENT.items():
        events.cell(new, c[name]).value = value
    citations = book["Citations"]
    citations.append(NEW_QUOTE)

    people = book["People"]
    c = columns(people)
    people.cell(find(people, c["id"], "taro-kono"), c["name"]).value = "Taro Kōno"

    observations = book["Observations"]
    c = columns(observations)
    row = find(observations, c["period"], "2019-02", lambda r: observations.cell(r, c["series"]).value == "exports")
    observations.cell(row, c["value"]).value = 3.25
    row = find(observations, c["period"], "2023", lambda r: observations.cell(r, c["series"]).value == "community")
    observations.cell(row, c["value"]).value = 19500
    new = observations.max_row + 1
    for name, value in NEW_OBSERVATION.items():
        observations.cell(new, c[name]).value = value
    book.save(target)


def edit_with_libreoffice(source, target):
    """Opens the workbook in LibreOffice through its UNO bridge, edits cells, deletes and adds rows, saves as XLSX."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libreoffice_edit.py")
    subprocess.run(["/usr/bin/python3", script, os.path.abspath(source), os.path.abspath(target)], check=True, timeout=300)


def edit_with_gnumeric(source, target):
    """Converts the workbook to Gnumeric's own file with ssconvert, edits its cells there, and has ssconvert save it as XLSX."""
    work = tempfile.mkdtemp()
    try:
        native = os.path.join(work, "book.gnumeric")
        subprocess.run(["ssconvert", "--import-type=Gnumeric_Excel:xlsx", source, native], check=True, capture_output=True, timeout=300)
        with gzip.open(native, "rt", encoding="utf-8") as f:
            xml = f.read()
        xml = gnumeric_edits(xml)
        with gzip.open(native, "wt", encoding="utf-8") as f:
            f.write(xml)
        subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", native, target], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(work)


def gnumeric_edits(xml):
    """The round-trip edits, made to the cells of a Gnumeric document (gnm:Cell elements, rows and columns from 0)."""
    import xml.etree.ElementTree as ET
    ns = {"gnm": "http://www.gnumeric.org/v10.dtd"}
    ET.register_namespace("gnm", ns["gnm"])
    root = ET.fromstring(xml)

    def sheet(name):
        for s in root.iter(f"{{{ns['gnm']}}}Sheet"):
            if s.find("gnm:Name", ns).text == name:
                return s
        raise SystemExit(f"no sheet {name}")

    def cells(s):
        return s.find("gnm:Cells", ns)

    def grid(s):
        table = {}
        for cell in cells(s):
            table[(int(cell.get("Row")), int(cell.get("Col")))] = cell
        return table

    def header(s):
        g = grid(s)
        return {g[(0, col)].text: col for (row, col) in g if row == 0 and g[(0, col)].text}

    def find(s, column, value, where=None):
        g = grid(s)
        for (row, col), cell in sorted(g.items()):
            if row > 0 and col == column and cell.text == value and (where is None or where(row, g)):
                return row
        raise SystemExit(f"no row with {value}")

    def put(s, row, col, value, value_type="60", fmt=None):
        g = grid(s)
        cell = g.get((row, col))
        if cell is None:
            cell = ET.SubElement(cells(s), f"{{{ns['gnm']}}}Cell", {"Row": str(row), "Col": str(col)})
        for name in list(cell.attrib):
            if name not in ("Row", "Col"):
                del cell.attrib[name]
        cell.set("ValueType", value_type)
        if fmt:
            cell.set("ValueFormat", fmt)
        cell.text = str(value)

    def delete_row(s, row):
        """Removes the row and moves what is below it up, cells and style regions alike, as Gnumeric does."""
        container = cells(s)
        for cell in list(container):
            r = int(cell.get("Row"))
            if r == row:
                container.remove(cell)
            elif r > row:
                cell.set("Row", str(r - 1))
        styles = s.find("gnm:Styles", ns)
        for region in list(styles):
            start, end = int(region.get("startRow")), int(region.get("endRow"))
            if start == row and end == row:
                styles.remove(region)
                continue
            if start > row:
                region.set("startRow", str(start - 1))
            if end >= row and end > 0:
                region.set("endRow", str(end - 1))

    def last_row(s):
        return max(int(cell.get("Row")) for cell in cells(s))

    events = sheet("Events")
    c = header(events)
    row = find(events, c["id"], "visit-2019-10")
    put(events, row, c["title"], "President visits Tokyo for the enthronement")
    put(events, row, c["end"], 43761, "40")  # 2019-10-23, keeping the cell's date format
    delete_row(events, find(events, c["id"], "visit-2019-04-qureshi"))
    new = last_row(events) + 1
    for name, value in NEW_EVENT.items():
        put(events, new, c[name], value)
    citations = sheet("Citations")
    new = last_row(citations) + 1
    for col, value in enumerate(NEW_QUOTE):
        put(citations, new, col, value)

    people = sheet("People")
    c = header(people)
    put(people, find(people, c["id"], "taro-kono"), c["name"], "Taro Kōno")

    observations = sheet("Observations")
    c = header(observations)
    is_series = lambda name: (lambda row, g: g.get((row, c["series"])) is not None and g[(row, c["series"])].text == name)
    put(observations, find(observations, c["period"], "2019-02", is_series("exports")), c["value"], 3.25, "40")
    put(observations, find(observations, c["period"], "2023", is_series("community")), c["value"], 19500, "40")
    new = last_row(observations) + 1
    for name, value in NEW_OBSERVATION.items():
        put(observations, new, c[name], value, "40" if isinstance(value, float) else "60")
    return ET.tostring(root, encoding="unicode")


if __name__ == "__main__":
    program, source, target = sys.argv[1:4]
    {"openpyxl": edit_with_openpyxl, "libreoffice": edit_with_libreoffice, "gnumeric": edit_with_gnumeric}[program](source, target)
