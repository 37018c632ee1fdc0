"""Headings that link within the site: on an article, two or more, each followed by a section of its
own, are the story's items (a round-up's restaurants, each linking to its page) and stay; one
alone, or one heading a card of one excerpt, is another story's title. A reading whose fitted
profile turns this off (documentation, product, service) keeps dropping them."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape.extractor import explain
from newsscrape.extractor.content._profiles import ARTICLE, profile_for
from profiled import read_as, walk_lines

SITE = "https://eats.example.com"
URL = f"{SITE}/guides/best-new-restaurants/"


def item(slug: str, name: str, first: str, second: str) -> str:
    return (
        f'<div class="venue"><h3><a href="{SITE}/venues/{slug}">{name}</a></h3>'
        f"<p>{first}</p><p>{second}</p></div>"
    )


def page(body: str) -> str:
    return (
        "<html><head><title>The best new restaurants</title></head><body>"
        '<header class="site"><a href="/">Home</a></header>'
        f"<article><h1>The best new restaurants</h1><p>{PARA}</p>{body}</article>"
        "</body></html>"
    )


ITEMS = item("harbour-table", "Harbour Table", PARA2, PARA3) + item(
    "the-olive-room", "The Olive Room", PARA3, PARA2
)


def test_several_linked_headings_each_with_its_section_stay_on_an_article() -> None:
    lines = read_as(page(ITEMS), URL, ARTICLE).splitlines()
    assert lines[1:3] == ["Harbour Table", PARA2]
    assert "The Olive Room" in lines


def test_one_linked_heading_alone_is_another_story() -> None:
    html = page(item("harbour-table", "Harbour Table", PARA2, PARA3))
    assert "Harbour Table" not in read_as(html, URL, ARTICLE)


def test_linked_headings_with_one_excerpt_each_are_cards_of_other_stories() -> None:
    cards = "".join(
        f'<div class="card"><h3><a href="{SITE}/guides/{slug}">{title}</a></h3><p>{PARA2}</p></div>'
        for slug, title in (("pizza", "Where to eat pizza now"), ("brunch", "The brunch list"))
    )
    body = read_as(page(f"<p>{PARA3}</p>{cards}"), URL, ARTICLE)
    assert "Where to eat pizza now" not in body
    assert "The brunch list" not in body


def test_a_reading_with_the_switch_off_still_drops_them() -> None:
    documentation = profile_for("documentation")
    assert not documentation.linked_items
    assert "Harbour Table" not in read_as(page(ITEMS), URL, documentation)


def test_the_walk_alone_drops_them_unless_asked() -> None:
    assert not any("Harbour Table" in line for line in walk_lines(page(ITEMS), URL))
    assert "Harbour Table" in walk_lines(page(ITEMS), URL, linked_items=True)


def test_the_page_type_model_weighs_the_reading_without_them() -> None:
    # it was fitted on readings that dropped such headings: the first reading (as an article) keeps
    # them, and the page's signals count no heading
    kind = explain(page(ITEMS), url=URL, config=NATIVE).page_type
    assert kind is not None
    assert kind.signals["heading_share"] == 0.0
