"""The block walk's link rules per page type: a listing's cards are its content, an article's rails are not.

The page is a news site's section front in the WordPress style: each card an ``<article>`` with
its linked ``h2.entry-title`` and a teaser, some teasers set as one link, and a box of short
linked items. Read with the article profile these are other stories and go; read with a profile
that turns one rule off, what that rule dropped stays (and nothing else changes).
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import ARTICLE, ContentProfile
from profiled import read_as

SITE = "https://news.example.com"
TEASER = (
    "Researchers who spent the winter on the ice shelf say the melt season began three weeks "
    "earlier than in any year on record, and the water reached the sea before the spring tides."
)
LINKED_TEASER = "Town council votes to keep the harbour ferry running through the winter months"
SHORT_ITEM = "Harbour ferry timetable for the winter"


def _page() -> str:
    cards = "".join(
        f'<article class="post type-post"><h2 class="entry-title">'
        f'<a href="{SITE}/2024/05/0{n}/card-story-{n}/">Card headline number {n}</a></h2>'
        f'<div class="entry-summary"><p>{TEASER} Card {n}.</p></div></article>'
        for n in range(1, 6)
    )
    linked = (
        f'<article class="post"><h2 class="entry-title"><a href="{SITE}/2024/05/09/ferry/">Ferry</a></h2>'
        f'<p>{TEASER} Ferry.</p><p><a href="{SITE}/2024/05/09/ferry/">{LINKED_TEASER}</a></p></article>'
    )
    box = '<ul class="wp-block-list">' + "".join(
        f'<li><a href="{SITE}/2024/05/1{n}/item-{n}/">{SHORT_ITEM} {n}</a> by staff today</li>'
        for n in range(3)
    )
    return (
        '<html><body><main id="main" class="site-main"><h1 class="page-title">Climate</h1>'
        f'<div class="posts">{cards}{linked}{box}</ul></div></main></body></html>'
    )


def _body(profile: ContentProfile) -> str:
    return read_as(_page(), f"{SITE}/category/climate/", profile)


def test_without_story_headings_a_cards_linked_heading_stays() -> None:
    assert "Card headline number 3" not in _body(ARTICLE)
    body = _body(ContentProfile(story_headings=False))
    assert "Card headline number 3" in body
    assert f"{TEASER} Card 3." in body
    assert LINKED_TEASER not in body  # the other rules still hold


def test_a_higher_para_link_share_keeps_a_teaser_set_as_one_link() -> None:
    assert LINKED_TEASER not in _body(ARTICLE)
    body = _body(ContentProfile(para_link_share=1.01))
    assert LINKED_TEASER in body
    assert "Card headline number 3" not in body


def test_a_higher_box_link_share_keeps_a_box_of_linked_items() -> None:
    assert SHORT_ITEM not in _body(ARTICLE)
    body = _body(ContentProfile(box_link_share=1.01))
    assert f"{SHORT_ITEM} 2 by staff today" in body
    assert LINKED_TEASER not in body
