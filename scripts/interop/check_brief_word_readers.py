"""Opens a Word brief in LibreOffice headless and in pandoc, and checks what each reads against the
Markdown brief of the same dataset.

usage: check_brief_word_readers.py BRIEF.docx BRIEF.md OUT.pdf [MARKING]

- LibreOffice converts the document to PDF without error; pdftotext finds every section heading, "Page N
  of M" on every page, and the marking, when given, at the top and bottom of every page;
- pandoc reads the document to Markdown with one footnote per source mark of the Markdown brief, and
  every section as a level-1 heading.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text).replace("*", "")


def main(path, markdown_path, pdf, marking=None):
    markdown = open(markdown_path, encoding="utf-8").read().splitlines()
    headings = [unescape(line[3:]) for line in markdown if line.startswith("## ")]
    marks = sum(len(re.findall(r"(?<!\\)\[\d+\]", line)) for line in markdown if not re.match(r"\d+\. ", line))

    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/profile", "--headless",
                                 "--convert-to", "pdf", "--outdir", scratch, path], capture_output=True, text=True, timeout=300)
        converted = os.path.join(scratch, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        assert result.returncode == 0 and os.path.exists(converted), f"LibreOffice failed: {result.stdout}{result.stderr}"
        shutil.copy(converted, pdf)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    flat = re.sub(r"\s+", " ", text)
    for heading in headings:
        assert heading in flat, f"section {heading!r} is not in LibreOffice's PDF"
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page, f"page {number} lacks 'Page {number} of {len(pages)}'"
        if marking:
            assert page.count(marking) >= 2, f"page {number} lacks the marking at its top and bottom"

    back = subprocess.run(["pandoc", "--from", "docx", "--to", "markdown", "--wrap", "none", path],
                          capture_output=True, text=True, check=True).stdout
    notes = re.findall(r"^\[\^(\d+)\]:", back, re.MULTILINE)
    # Every [^N] that does not start a note's definition is a reference.
    references = len(re.findall(r"\[\^\d+\]", back)) - len(notes)
    assert references == len(notes) == marks, f"pandoc read {references} footnote references and {len(notes)} notes; the Markdown brief has {marks} marks"
    read_headings = [unescape(line[2:]) for line in back.splitlines() if line.startswith("# ")]
    assert read_headings == headings, f"pandoc read the headings {read_headings}, not {headings}"
    print(f"{path}: LibreOffice printed {len(pages)} pages; pandoc read {len(notes)} footnotes and {len(headings)} headings")


if __name__ == "__main__":
    main(*sys.argv[1:])
