"""Without meta tags, the lead image is the story's own picture: no picture that is small by its utility
classes, that links to another page (a card, a team member, a category tile), that shows another story
or a person, or that is a reaction button."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://shop.example.com/guides/choosing-a-kettle/"
STORY = '<figure><img src="/uploads/kettle-at-dawn.jpg" width="800" height="450"></figure>'


def page(before: str, picture: str = "") -> str:
    return (
        '<html lang="en"><head><title>Choosing a kettle | Example Shop</title></head><body><main>'
        f"<h1>Choosing a kettle</h1>{before}<p>Start with how much water you boil.</p>{picture}"
        "</main></body></html>"
    )


def image(html: str) -> str | None:
    return read_metadata(LexborHTMLParser(html), url=URL).record.image


@pytest.mark.parametrize(
    "small",
    [
        '<div class="flex items-center"><img class="w-6 h-6" src="/assets/check-8635.png"> Returns</div>',
        '<div class="flex"><img class="rounded ml-1.5 w-24 h-24" src="/assets/heart.jpg" alt="Hands"></div>',
        '<div class="flex items-center gap-2"><div class="size-14 overflow-hidden rounded-full">'
        '<img src="/people/jane.jpeg" width="400" height="400" alt="Jane Doe"></div>Jane Doe</div>',
    ],
)
def test_a_picture_sized_small_by_its_classes_is_skipped(small: str) -> None:
    assert image(page(small)) is None
    assert image(page(small, STORY)) == "https://shop.example.com/uploads/kettle-at-dawn.jpg"


def test_wide_utility_classes_do_not_hide_a_story_picture() -> None:
    html = page('<img class="w-full h-96 object-cover" src="/uploads/steam.jpg">')
    assert image(html) == "https://shop.example.com/uploads/steam.jpg"


@pytest.mark.parametrize(
    "card",
    [
        '<a class="people-card" href="/team/jane-doe/"><img src="/uploads/jane-340x430.jpg" '
        'width="340" height="430" alt="Jane Doe"></a>',
        '<a href="/collections/kettles?filter=steel"><img src="/tiles/steel.jpg" width="244"></a>',
        '<a href="https://shop.example.com/books/kettle-lore/"><img src="/covers/book-front.png"></a>',
        '<noscript><img src="https://stats.example.net/count/1/"></noscript>',
    ],
)
def test_a_picture_linking_to_another_page_or_hidden_from_browsers_is_skipped(card: str) -> None:
    assert image(page(card)) is None
    assert image(page(card, STORY)) == "https://shop.example.com/uploads/kettle-at-dawn.jpg"


@pytest.mark.parametrize("href", ["/uploads/kettle-large.jpg", "#top", URL])
def test_a_picture_linking_to_itself_or_this_page_stays(href: str) -> None:
    html = page(f'<a href="{href}"><img src="/uploads/kettle.jpg" width="800" height="450"></a>')
    assert image(html) == "https://shop.example.com/uploads/kettle.jpg"


def test_the_twitter_twin_of_a_share_card_is_no_lead_image() -> None:
    head = '<meta name="twitter:image" content="https://www.example.com/img/example-twtr-general.jpeg">'
    html = page("").replace("</title>", f"</title>{head}")
    assert read_metadata(LexborHTMLParser(html), url="https://www.example.com/a/").record.image is None


def test_a_picture_linking_to_the_story_it_shares_on_another_site_stays() -> None:
    html = page(
        '<a href="https://news.example.org/2024/kettles-recalled"><img src="/previews/recall.jpg"></a>'
    )
    assert image(html) == "https://shop.example.com/previews/recall.jpg"


@pytest.mark.parametrize(
    "box",
    [
        '<div class="related-reading"><div class="post-summary"><a href="/2024/04/x/">'
        '<img src="/images/thumb/slow-evenings.jpg"></a></div></div>',
        '<div class="view view-related-articles"><div class="views-row"><a href="/2024/03/y/">'
        '<img src="/styles/222x125/late-nights.png"></a></div></div>',
        '<div class="post-hero__author"><figure class="post-hero__author__image">'
        '<img src="/img/team/jane.jpg"></figure></div>',
        '<a class="ipsUserPhoto ipsUserPhoto--fluid" href="/profile/12-jane/">'
        '<img src="/monthly/jane.thumb.jpg"></a>',
    ],
)
def test_a_picture_of_another_story_or_a_person_is_skipped(box: str) -> None:
    assert image(page(box)) is None
    assert image(page(box, STORY)) == "https://shop.example.com/uploads/kettle-at-dawn.jpg"


def test_a_reaction_button_is_no_picture() -> None:
    assert (
        image(page('<ul class="reactions"><li><img src="/uploads/reactions/react_like.png"></li></ul>'))
        is None
    )
