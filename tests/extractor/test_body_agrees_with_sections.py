"""``body`` is the sections' text: their headings and paragraphs, joined by blank lines, whatever
blocks the walk read them from (the record's contract; the golden pages check it too)."""

from __future__ import annotations

from newsscrape import Article, extract

URL = "https://example.com/docs/setup"


def prose(topic: str) -> str:
    return (
        f"<p>{topic} is set once, before the first run, and kept in the project's settings file. " * 4
        + "</p>"
    )


def flat(article: Article) -> str:
    return "\n\n".join(
        p for s in article.sections for p in ((s.heading,) if s.heading else ()) + s.paragraphs
    )


def test_code_block_of_one_element_per_line_is_one_paragraph_of_body() -> None:
    # syntax highlighters print a <pre> as one <div> (or <span class="line"> block) per line
    lines = "".join(f'<div class="line">{line}</div>' for line in ("import os", "print(os.sep)", "exit(0)"))
    html = (
        "<html><head><title>Setup</title></head><body><article><h1>Setup</h1>"
        f"{prose('The path')}<pre><code>{lines}</code></pre>{prose('The port')}"
        f"<h2>Running</h2>{prose('The log level')}</article></body></html>"
    )
    article = extract(html, URL)
    code = [b for s in article.sections for b in s.blocks if b.kind == "code"]
    assert [b.to_dict()["text"] for b in code] == ["import os\nprint(os.sep)\nexit(0)"]
    assert article.body == flat(article)
    assert "\n\nimport os print(os.sep) exit(0)\n\n" in article.body
