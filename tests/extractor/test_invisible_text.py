"""A paragraph or heading of invisible format characters alone (a page builder's spacer: one
zero-width joiner) is no block of the story: nothing a reader sees."""

from __future__ import annotations

from prose import HARBOUR

from newsscrape import extract


def test_spacer_paragraphs_and_headings_are_no_blocks() -> None:
    spacer = "<p>&#8205;</p><p>&#8203; &#8203;</p><p>\ufeff</p>"
    page = (
        "<html><head><title>Ferries run later</title></head><body><article><h1>Ferries run later</h1>"
        f"<p>{HARBOUR}</p>{spacer}<h2>&#8203;&#8203;</h2><h2>Evening boats</h2>{spacer}<p>{HARBOUR}</p>"
        f"<p>Tickets cost the same, the operators said.&#8205;</p></article></body></html>"
    )
    article = extract(page, url="https://harbour.example/news/2025/ferries-run-later")
    assert article.headings == ("Evening boats",)
    assert article.body.split("\n\n") == [
        HARBOUR,
        "Evening boats",
        HARBOUR,
        "Tickets cost the same, the operators said.\u200d",
    ]
