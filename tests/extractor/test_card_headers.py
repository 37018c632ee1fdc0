"""A ``<header>`` inside an ``<article>`` or a ``<section>`` heads that card or section, not the page.

The page is a news site's front in a plain CMS style: the site's banner (a ``<header>`` of the page),
then one ``<article>`` card per story, each headed by a ``<header>`` holding only a link to the story
(no heading tag), with a date line and a teaser below it. HTML's banner is the ``<header>`` whose
nearest sectioning ancestor is the body; one inside an ``<article>`` or ``<section>`` is that
element's own head. A listing reading (``scoped_headers``, fitted by ``benchmarks/fit_content.py``)
walks such a header and keeps its link as the card's title; the article reading still drops a
story's own header (its title and byline are metadata, not body), and no reading keeps the banner.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import profile_for
from profiled import read_as

SITE = "https://news.example.org"
TITLES = (
    "City council approves the new riverside tram line",
    "Harbour festival returns after a four-year pause",
    "Local library opens a repair cafe for old radios",
    "School board delays the vote on longer lunch breaks",
)


def _front() -> str:
    cards = "".join(
        f'<article class="story-card"><header><a href="{SITE}/news/story-{n}">{title}</a></header>'
        f'<div class="details">{n + 1} hours ago</div>'
        f"<p>A short teaser of story number {n}, telling the reader what happened and where, "
        f"written by the desk in a sentence or two.</p></article>"
        for n, title in enumerate(TITLES)
    )
    return (
        '<html><body><header class="masthead"><a href="/">The Riverside Courier</a>'
        "<p>Your town's paper since 1921</p></header>"
        f'<div id="main"><h1>Latest news</h1>{cards}</div></body></html>'
    )


def _story() -> str:
    return (
        '<html><body><article><header><h1>Harbour festival returns</h1><p class="byline">'
        "By Ann Example, staff writer</p></header>"
        "<p>The harbour festival returns this summer after a four-year pause, the organisers said on "
        "Monday, with boats, music and food stalls along the quay.</p>"
        "<p>Tickets go on sale next week; children under twelve go free, as in earlier years, and "
        "the council will run extra buses on both days.</p></article></body></html>"
    )


def test_a_listing_reading_keeps_the_cards_linked_titles() -> None:
    body = read_as(_front(), f"{SITE}/", profile_for("listing"))
    for title in TITLES:
        assert title in body
    assert "A short teaser of story number 2" in body


def test_the_pages_banner_stays_out_of_a_listing_reading() -> None:
    body = read_as(_front(), f"{SITE}/", profile_for("listing"))
    assert "Your town's paper since 1921" not in body


def test_an_article_reading_drops_the_storys_own_header() -> None:
    body = read_as(_story(), f"{SITE}/news/harbour-festival", profile_for("article"))
    assert "The harbour festival returns this summer" in body
    assert "By Ann Example" not in body
