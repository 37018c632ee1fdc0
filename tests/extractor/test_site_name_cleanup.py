"""A declared site name loses a separator a template leaves at its end ("Gazette |")."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://shop.example.com/blog/spring-sale/"


@pytest.mark.parametrize("declared", ["Example Shop -", "Example Shop |", "| Example Shop"])
def test_a_separator_left_at_the_end_of_the_site_name_is_dropped(declared: str) -> None:
    html = (
        f'<html><head><title>Spring sale</title><meta property="og:site_name" content="{declared}"></head>'
        "<body><article><h1>Spring sale</h1><p>Our spring sale opens on Friday.</p></article></body></html>"
    )
    meta = read_metadata(LexborHTMLParser(html), url=URL)
    assert meta.record.site_name == "Example Shop"
