"""Without meta tags, the lead image is the story's own picture: not a related story's card or a portrait."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://blog.example.com/2024/05/quiet-mornings/"


def page(before: str, picture: str = "") -> str:
    return (
        '<html lang="en"><head><title>Quiet mornings | Example Blog</title></head><body><article>'
        f"<h1>Quiet mornings</h1>{before}<p>Wake up before the house does.</p>{picture}"
        "</article></body></html>"
    )


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
    assert read_metadata(LexborHTMLParser(page(box)), url=URL).record.image is None
    story = '<figure><img src="/uploads/kettle-at-dawn.jpg" width="800" height="450"></figure>'
    image = read_metadata(LexborHTMLParser(page(box, story)), url=URL).record.image
    assert image == "https://blog.example.com/uploads/kettle-at-dawn.jpg"


def test_a_reaction_button_is_no_picture() -> None:
    html = page('<ul class="reactions"><li><img src="/uploads/reactions/react_like.png"></li></ul>')
    assert read_metadata(LexborHTMLParser(html), url=URL).record.image is None
