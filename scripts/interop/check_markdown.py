"""Reads a Markdown brief with markdown-it-py (CommonMark) and checks it against the plain-text brief of
the same dataset: the same title and section headings in the same order, as many sources, and rendered
text in which every escape has resolved (no stray backslash, amounts such as US$12.42 intact).

    python check_markdown.py BRIEF.md BRIEF.txt
"""
import html
import re
import sys

from markdown_it import MarkdownIt


def main(markdown_path, text_path):
    markdown = open(markdown_path, encoding="utf-8").read()
    text = open(text_path, encoding="utf-8").read()
    tokens = MarkdownIt("commonmark").parse(markdown)

    headings = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((token.tag, tokens[index + 1].content))
    lines = text.split("\n")
    expected = [("h1", lines[0])] + [
        ("h2", lines[i]) for i in range(2, len(lines) - 1) if lines[i] and re.fullmatch(r"-+", lines[i + 1])
    ]
    assert headings == expected, f"headings differ:\n{headings}\n{expected}"

    sources_md = [t for t in tokens if t.type == "ordered_list_open"]
    assert len(sources_md) == 1, "one ordered list: the sources"
    start = tokens.index(sources_md[0])
    items = sum(1 for t in tokens[start:] if t.type == "list_item_open" and t.level == sources_md[0].level + 1)
    text_sources = len(re.findall(r"(?m)^\[\d+\] ", text.split("\nSources\n-------\n")[1]))
    assert items == text_sources, f"{items} sources in Markdown, {text_sources} in text"

    rendered = html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(markdown)))
    assert "\\" not in rendered, "an escape did not resolve: " + rendered[max(0, rendered.find("\\") - 40):][:80]
    for amount in re.findall(r"(?:US\$|¥|Rs )[0-9][0-9,.]*", text):
        assert amount in rendered, f"{amount} missing from the rendered Markdown"
    words = lambda s: re.findall(r"[^\W_]+", s)
    missing = set(words(text)) - set(words(rendered))
    assert not missing, f"words of the text brief missing from the Markdown: {sorted(missing)[:10]}"
    print(f"{markdown_path}: {len(headings)} headings, {items} sources, text matches {text_path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
