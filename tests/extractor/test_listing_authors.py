"""A listing's printed bylines are its cards': the writers of the stories it lists, not the page's
authors. What its metadata credits stays (a blog's index names its owner there)."""

from __future__ import annotations

import newsscrape
from newsscrape.extractor import explain

SITE = "https://news.example.com"
TEASER = (
    "The council met late into the evening to weigh the cost of keeping the harbour ferry running "
    "through the winter, and the vote was closer than anyone expected."
)
WRITERS = ("Jane Doe", "John Roe", "Ana Silva", "Ken Ito", "Mia Berg", "Tom Hart")


def _front(head: str = "") -> str:
    cards = "".join(
        f'<article class="card"><h2><a href="{SITE}/2024/05/0{n}/story-{n}/">Harbour story {n}</a></h2>'
        f'<p class="byline">By <a href="/author/w{n}/">{writer}</a></p>'
        f"<p>{TEASER} Story {n}.</p></article>"
        for n, writer in enumerate(WRITERS, start=1)
    )
    return (
        f"<html><head><title>Local news</title>{head}</head><body>"
        f'<main><h1>Local news</h1><div class="posts">{cards}</div></main></body></html>'
    )


def test_a_listings_card_bylines_credit_nobody() -> None:
    article = newsscrape.extract(_front(), url=f"{SITE}/local/")
    assert article.page_type == "listing"
    assert article.authors == ()


def test_a_listing_keeps_the_author_its_metadata_credits() -> None:
    article = newsscrape.extract(_front('<meta name="author" content="Lena Park">'), url=f"{SITE}/local/")
    assert article.page_type == "listing"
    assert article.authors == ("Lena Park",)


def test_explain_agrees_with_the_record_on_a_listings_authors() -> None:
    # the card's byline read first must show as lost, not as the winner of an empty field
    report = explain(_front(), url=f"{SITE}/local/")
    assert report.article.authors == ()
    assert [c for c in report.candidates if c.field == "authors" and c.won] == []


def test_explain_shows_the_metadata_credit_of_a_listing_as_the_winner() -> None:
    report = explain(_front('<meta name="author" content="Lena Park">'), url=f"{SITE}/local/")
    won = [(c.source, c.value) for c in report.candidates if c.field == "authors" and c.won]
    assert won == [("meta", ("Lena Park",))]
