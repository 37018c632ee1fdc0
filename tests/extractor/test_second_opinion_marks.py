"""trafilatura's text, when it replaces the native reading, written as the record writes text: no
headline (the record's title), list marks or table bars, and the blocks the native pass read too kept
as it read them (a list, a table, a link)."""

from __future__ import annotations

import pytest

from newsscrape.config import ExtractConfig
from newsscrape.extractor import explain
from newsscrape.extractor.content import _content
from newsscrape.models import ListBlock, Paragraph, Table

URL = "https://valleynews.example/local/2024/10/18/council-votes-to-raise-transit-fares.html"
PAGE = """<html lang="en"><head><title>Council votes to raise transit fares - Valley News</title></head>
<body><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<article><h1>Council votes to raise transit fares</h1><div class="byline">By Maria Keller</div>
<p>The city council voted to raise fares, citing a deficit reported by the
<a href="https://valleynews.example/transit-authority/">transit authority</a>.</p>
<p>The increase comes in three steps:</p>
<ul><li>single tickets rise by ten cents in January,</li>
<li>monthly passes rise by two dollars in April,</li></ul>
<table><tr><th>Ticket</th><th>Price</th></tr><tr><td>Single</td><td>$2.10</td></tr></table>
</article><footer>Valley News</footer></body></html>"""
# trafilatura's plain text of the story, marks and all, with a paragraph the native pass missed
SECOND_OPINION = "\n".join(
    (
        "The city council voted to raise fares, citing a deficit reported by the transit authority.",
        "The increase comes in three steps:",
        "- single tickets rise by ten cents in January,",
        "- monthly passes rise by two dollars in April,",
        "| Ticket | Price |",
        "|---|---|",
        "| Single | $2.10 |",
        "Council members who voted against the plan said the authority should first cut its own costs, "
        "and a public hearing on the budget will be held before the final vote next month.",
    )
)


def test_trafilatura_text_keeps_the_native_blocks_and_drops_its_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_content, "trafilatura_text", lambda html: SECOND_OPINION)
    report = explain(PAGE, url=URL, config=ExtractConfig(links=True))
    assert report.method == "trafilatura"
    article = report.article
    blocks = [block for section in article.sections for block in section.blocks]
    assert [type(block) for block in blocks] == [Paragraph, Paragraph, ListBlock, Table, Paragraph]
    first, _, items, table, added = blocks
    assert isinstance(first, Paragraph)
    assert [link.url for link in first.links] == ["https://valleynews.example/transit-authority/"]
    assert isinstance(items, ListBlock)
    assert items.items == (
        "single tickets rise by ten cents in January,",
        "monthly passes rise by two dollars in April,",
    )
    assert isinstance(table, Table)
    assert table.rows == (("Ticket", "Price"), ("Single", "$2.10"))
    assert isinstance(added, Paragraph)
    assert added.text.startswith("Council members who voted against")
    lines = article.body.split("\n\n")
    assert "single tickets rise by ten cents in January," in lines
    assert "Ticket | Price" in lines
    assert not [line for line in lines if line.startswith(("- ", "|"))]


def test_trafilatura_text_leaves_the_headline_to_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura reads the story's <h1> as its first line; the native walk reads it as the record's
    # title, never its body (the title's words tipped a short story's weighing to trafilatura, and
    # the body then opened with the headline)
    headline = "Council votes to raise transit fares"
    monkeypatch.setattr(_content, "trafilatura_text", lambda html: f"{headline}\n{SECOND_OPINION}")
    report = explain(PAGE, url=URL)
    assert report.method == "trafilatura"
    assert report.article.title == headline
    assert report.article.body.split("\n\n")[0].startswith("The city council voted")
    assert headline not in report.article.body
