"""A paragraph or heading of invisible format characters alone (a page builder's spacer: one
zero-width joiner) is no block of the story: nothing a reader sees."""

from __future__ import annotations

from newsscrape import extract

STORY = (
    "The harbour authority approved the new ferry timetable on Monday after a month of talks with "
    "the operators, and the first boats on the extended evening schedule sail next week."
)


def test_spacer_paragraphs_and_headings_are_no_blocks() -> None:
    spacer = "<p>&#8205;</p><p>&#8203; &#8203;</p><p>\ufeff</p>"
    page = (
        "<html><head><title>Ferries run later</title></head><body><article><h1>Ferries run later</h1>"
        f"<p>{STORY}</p>{spacer}<h2>&#8203;&#8203;</h2><h2>Evening boats</h2>{spacer}<p>{STORY}</p>"
        f"<p>Tickets cost the same, the operators said.&#8205;</p></article></body></html>"
    )
    article = extract(page, url="https://harbour.example/news/2025/ferries-run-later")
    assert article.headings == ("Evening boats",)
    assert article.body.split("\n\n") == [
        STORY,
        "Evening boats",
        STORY,
        "Tickets cost the same, the operators said.\u200d",
    ]
