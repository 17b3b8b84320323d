"""Makes the round-trip edits of edit_workbook.py in LibreOffice: starts a headless soffice listening on a
private pipe, opens the workbook through the UNO bridge (Debian's python3-uno, run by /usr/bin/python3),
edits cells, deletes and inserts rows through Calc's API, and saves as XLSX ("Calc MS Excel 2007 XML").

    libreoffice_edit.py IN.xlsx OUT.xlsx
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from edit_workbook import NEW_EVENT, NEW_QUOTE, NEW_OBSERVATION  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(source, target):
    profile = tempfile.mkdtemp(prefix="bilateral-lo-")
    pipe = f"bilateral{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        edit(document)
        document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        subprocess.run(["rm", "-rf", profile])


def edit(document):
    sheets = document.Sheets

    def header(sheet):
        names = {}
        for col in range(0, 64):
            text = sheet.getCellByPosition(col, 0).String
            if text:
                names[text] = col
        return names

    def last_row(sheet):
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        return cursor.RangeAddress.EndRow

    def find(sheet, col, value, where=None):
        for row in range(1, last_row(sheet) + 1):
            if sheet.getCellByPosition(col, row).String == value and (where is None or where(row)):
                return row
        raise SystemExit(f"no row with {value}")

    def put(sheet, col, row, value):
        cell = sheet.getCellByPosition(col, row)
        if isinstance(value, str):
            cell.String = value
        else:
            cell.Value = value

    events = sheets.getByName("Events")
    c = header(events)
    row = find(events, c["id"], "visit-2019-10")
    put(events, c["title"], row, "President visits Tokyo for the enthronement")
    events.getCellByPosition(c["end"], row).Value = 43761  # 2019-10-23; the cell keeps its date format
    events.Rows.removeByIndex(find(events, c["id"], "visit-2019-04-qureshi"), 1)
    new = last_row(events) + 1
    for name, value in NEW_EVENT.items():
        put(events, c[name], new, value)
    citations = sheets.getByName("Citations")
    new = last_row(citations) + 1
    for col, value in enumerate(NEW_QUOTE):
        put(citations, col, new, value)

    people = sheets.getByName("People")
    c = header(people)
    put(people, c["name"], find(people, c["id"], "taro-kono"), "Taro Kōno")

    observations = sheets.getByName("Observations")
    c = header(observations)
    series = lambda name: (lambda row: observations.getCellByPosition(c["series"], row).String == name)
    put(observations, c["value"], find(observations, c["period"], "2019-02", series("exports")), 3.25)
    put(observations, c["value"], find(observations, c["period"], "2023", series("community")), 19500)
    new = last_row(observations) + 1
    for name, value in NEW_OBSERVATION.items():
        put(observations, c[name], new, value)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
