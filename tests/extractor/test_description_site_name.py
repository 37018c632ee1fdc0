"""A description that is only the site's name (the shop's generic meta description) is no description."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata


def description(value: str) -> str | None:
    html = (
        '<html><head><title>About | Lumen</title><meta property="og:site_name" content="Lumen">'
        f'<meta property="og:description" content="{value}"></head>'
        "<body><h1>About</h1><p>We make lamps.</p></body></html>"
    )
    return read_metadata(
        LexborHTMLParser(html), url="https://uk.lumen.example/pages/about"
    ).record.description


def test_the_site_name_alone_is_no_description() -> None:
    assert description("Lumen") is None


def test_a_description_naming_the_site_stays() -> None:
    assert description("Lumen makes lamps by hand in Leeds.") == "Lumen makes lamps by hand in Leeds."


def test_a_declared_site_name_without_a_letter_or_digit_is_none() -> None:
    # a template's separator left alone in og:site_name
    html = '<html><head><meta property="og:site_name" content="/"></head><body><h1>Tips</h1></body></html>'
    assert read_metadata(LexborHTMLParser(html), url="https://shop.example/tips").record.site_name is None
