"""A trail's last crumb that is the page's own name spelt otherwise is dropped from ``breadcrumbs``,
as ``section`` already skips it: the shop's title with its store suffix, a slug-cased name."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata


def crumbs(title: str, trail: tuple[str, ...]) -> tuple[str, ...]:
    items = "".join(f'<li><a href="/{n}/">{c}</a></li>' for n, c in enumerate(trail))
    html = (
        f"<html><head><title>{title}</title></head><body>"
        f'<nav aria-label="Breadcrumb"><ol class="breadcrumb">{items}</ol></nav>'
        f"<article><h1>{title}</h1><p>Some words about it.</p></article></body></html>"
    )
    return read_metadata(LexborHTMLParser(html), url="https://shop.example.com/x/").record.breadcrumbs


def test_a_last_crumb_the_title_closes_with_is_the_page() -> None:
    assert crumbs("8 Recent Trends in Photography", ("Home", "Articles", "Recent Trends in Photography")) == (
        "Home",
        "Articles",
    )


def test_a_slug_cased_last_crumb_is_the_page() -> None:
    assert crumbs("Mesh Office Chair", ("Home", "Mesh-office-chair")) == ("Home",)


def test_a_short_section_the_title_opens_with_stays() -> None:
    assert crumbs("World Cup final tonight", ("Home", "World")) == ("Home", "World")


def ld_record(last: str) -> tuple[tuple[str, ...], str | None]:
    trail = (
        '{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": ['
        '{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.example.com/"},'
        '{"@type": "ListItem", "position": 2, "name": "Guides", "item": "https://www.example.com/guides/"},'
        f'{{"@type": "ListItem", "position": 3, "name": "Class Fees"{last}}}]}}'
    )
    html = (
        "<html><head><title>What a yoga class costs</title>"
        f'<script type="application/ld+json">{trail}</script></head>'
        "<body><article><h1>What a yoga class costs</h1><p>Prices vary.</p></article></body></html>"
    )
    meta = read_metadata(LexborHTMLParser(html), url="https://www.example.com/guides/class-fees/").record
    return meta.breadcrumbs, meta.section


def test_a_json_ld_item_linking_to_the_page_is_the_page() -> None:
    assert ld_record(', "item": "https://www.example.com/guides/class-fees/"') == (
        ("Home", "Guides"),
        "Guides",
    )


def test_a_json_ld_last_item_without_a_link_is_the_page() -> None:
    assert ld_record("") == (("Home", "Guides"), "Guides")


def test_a_json_ld_last_item_linking_elsewhere_stays() -> None:
    assert ld_record(', "item": "https://www.example.com/fees/"') == (
        ("Home", "Guides", "Class Fees"),
        "Class Fees",
    )
