"""Reads a Word brief back with python-docx and checks it against the Markdown brief of the same dataset.

usage: check_brief_docx.py BRIEF.docx BRIEF.md AS-OF [MARKING]

- the title and every section heading carry Word's Title and Heading 1 styles, in the Markdown brief's order;
- there is exactly one footnote per source mark of the Markdown brief, and every footnote has text;
- each footnote's source URL is a live hyperlink;
- the page is A4, the document was created on the as-of date (YYYY[-MM[-DD]]);
- the marking, when given, is in the header and the footer.
"""
import re
import sys
import zipfile

import docx
from docx.shared import Mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text).replace("*", "")


def main(path, markdown_path, created, marking=None):
    markdown = open(markdown_path, encoding="utf-8").read().splitlines()
    title = [unescape(line[2:]) for line in markdown if line.startswith("# ")]
    headings = [unescape(line[3:]) for line in markdown if line.startswith("## ")]
    marks = sum(len(re.findall(r"(?<!\\)\[\d+\]", line)) for line in markdown if not re.match(r"\d+\. ", line))

    document = docx.Document(path)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for style, text in styled if style == "Title"] == title, f"title: {title}"
    got = [text for style, text in styled if style == "Heading 1"]
    assert got == headings, f"Heading 1 paragraphs {got} != the Markdown brief's sections {headings}"

    with zipfile.ZipFile(path) as archive:
        from lxml import etree
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/footnotes.xml.rels"))
    footnotes = [n for n in notes.iter(W + "footnote") if int(n.get(W + "id")) > 0]
    references = list(body.iter(W + "footnoteReference"))
    assert len(footnotes) == len(references) == marks, \
        f"{len(footnotes)} footnotes, {len(references)} references, {marks} marks in the Markdown brief"
    assert marks > 0
    for note in footnotes:
        text = "".join(t.text or "" for t in note.iter(W + "t")).strip()
        assert text, f"footnote {note.get(W + 'id')} is empty"
    targets = {rel.get("Id"): rel for rel in rels}
    links = [link for note in footnotes for link in note.iter(W + "hyperlink")]
    assert links, "no footnote has a live link"
    for link in links:
        rel = targets[link.get(R + "id")]
        shown = "".join(t.text for t in link.iter(W + "t"))
        assert rel.get("TargetMode") == "External" and rel.get("Target") == shown, f"link {shown} -> {rel.get('Target')}"

    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1), "not A4"
    # A partial as-of date (2024-06) is created on its first day.
    assert document.core_properties.created.strftime("%Y-%m-%d").startswith(created), document.core_properties.created
    assert document.core_properties.title == title[0]
    if marking:
        for part in (section.header, section.footer):
            assert any(marking in p.text for p in part.paragraphs), f"{marking!r} not in the {part}"
    print(f"{path}: {len(headings)} sections, {len(footnotes)} footnotes, {len(links)} links, A4")


if __name__ == "__main__":
    main(*sys.argv[1:])
