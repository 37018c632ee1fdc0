"""A page the classifier nearly calls a listing is read as one; its label stays the classifier's.

The page is a news site's technology section front: story cards, each a linked ``h2`` headline
over a standfirst, under the section's name. A service's reading drops a heading that links
within the site (another story's title); a listing's keeps it, the cards are the page. The
classifier is held to a label with chosen probabilities, so the routing alone is tested.
"""

from __future__ import annotations

import pytest

from newsscrape import extract
from newsscrape.extractor import _core
from newsscrape.extractor._pagetype import PageType, PageTypeName
from newsscrape.extractor.content._content import LISTING_SHARES, reading_type

SITE = "https://news.example.com"
URL = f"{SITE}/news/technology"
STANDFIRST = (
    "Engineers testing the new grid batteries say the winter trial held the town's supply steady "
    "through two storms, and the council wants the scheme extended to the harbour district."
)


def _page() -> str:
    cards = "".join(
        f'<div class="promo" data-testid="card"><h2 class="promo-heading">'
        f'<a href="{SITE}/news/articles/c{n}x7">Technology story headline {n}</a></h2>'
        f'<p class="promo-summary">{STANDFIRST} Card {n}.</p></div>'
        for n in range(1, 9)
    )
    return (
        "<html><head><title>Technology - News Example</title></head><body>"
        '<main id="main-content"><h1>Technology</h1>'
        f'<section class="section-cards">{cards}</section></main></body></html>'
    )


def _classified(label: PageTypeName, listing: float) -> PageType:
    rest = 1.0 - listing
    return PageType(label=label, probabilities=((label, rest), ("listing", listing)), signals={})


def _read(monkeypatch: pytest.MonkeyPatch, label: PageTypeName, listing: float) -> tuple[str, str | None]:
    monkeypatch.setattr(_core, "classify", lambda signals: _classified(label, listing))
    article = extract(_page(), url=URL)
    return article.body, article.page_type


def test_a_service_page_with_the_listing_a_close_second_keeps_its_cards_headlines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "service" in LISTING_SHARES  # fitted: a service label can be read as a listing
    body, page_type = _read(monkeypatch, "service", 0.499)
    assert "Technology story headline 5" in body
    assert f"{STANDFIRST} Card 5." in body
    assert page_type == "service"  # the label is the classifier's


def test_a_service_page_with_the_listing_far_behind_is_read_as_a_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body, page_type = _read(monkeypatch, "service", 0.1)
    assert "Technology story headline 5" not in body
    assert f"{STANDFIRST} Card 5." in body
    assert page_type == "service"


def test_reading_type_follows_the_fitted_shares() -> None:
    share = LISTING_SHARES["service"]
    assert reading_type("service", [("service", 0.5), ("listing", share * 0.5)]) == "listing"
    assert reading_type("service", [("service", 0.5), ("listing", share * 0.5 - 0.01)]) == "service"
    assert reading_type("forum", [("forum", 0.5), ("listing", 0.5)]) == "forum"  # not routed
