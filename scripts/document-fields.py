#!/usr/bin/env python3
"""Gives every model property that a field declares a doc comment: the field's own description.

Each record type declares its fields once, in its `fields` list, with a description that also goes into
the JSON Schema, the data package and the SQLite metadata. This copies that description above the
property it reads (`.text("title", \\.title, "Title.")` documents `public var title`), so the Swift
documentation says the same. FieldDocumentationTests fails when the two differ; run this to mend them.

    python3 scripts/document-fields.py
"""
import glob
import re
import textwrap

FIELD = re.compile(r'\.\w+\(\s*"[^"]*",\s*\\\.(\w+),(?:[^"\n]*?,)?\s*"((?:[^"\\]|\\.)*)"\)')
changed = 0
for path in sorted(glob.glob("Sources/Bilateral/Model/*.swift")):
    text = open(path, encoding="utf-8").read()
    descriptions = {prop: desc.replace('\\"', '"') for prop, desc in FIELD.findall(text)}
    lines = text.split("\n")
    out = []
    for line in lines:
        match = re.match(r"(\s*)public var (\w+):", line)
        if match and match.group(2) in descriptions:
            indent, prop = match.groups()
            doc = "\n".join(textwrap.wrap(descriptions[prop], width=110, initial_indent=f"{indent}/// ",
                                           subsequent_indent=f"{indent}/// ", break_on_hyphens=False, break_long_words=False))
            # Drop the comment the property had, if any, and put the field's description.
            while out and out[-1].strip().startswith("///"):
                out.pop()
            out.append(doc)
        out.append(line)
    new = "\n".join(out)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        changed += 1
print(f"{changed} files documented")
