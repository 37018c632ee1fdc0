"""The site name read from a logo's alt text: the words before "logo", not the picture's description
after it, and never an alt that says where the link goes or names an icon."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._site import logo_name


def name(alt: str) -> str | None:
    return logo_name(LexborHTMLParser(f'<header><a href="/"><img src="/l.svg" alt="{alt}"></a></header>'))


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        ("The Gazette logo on a dark background", "The Gazette"),
        ("Gazette logo white", "Gazette"),
        ("header logo The Gazette", "The Gazette"),
        ("The official logo of the Gazette Network", "the Gazette Network"),
        ("The Gazette logo", "The Gazette"),
    ],
)
def test_the_name_is_the_words_around_the_logo_word(alt: str, expected: str) -> None:
    assert name(alt) == expected


@pytest.mark.parametrize(
    "alt", ["Return to the home page (header)", "Welcome! Go to the Gazette homepage!", "Gazette Menu icon"]
)
def test_a_link_action_or_an_icon_is_no_name(alt: str) -> None:
    assert name(alt) is None
