"""Authors: a link to the list of a site's authors ("/authors/", a menu's "Author list" or "Author
Website") is no person's page, so its words credit nobody; a link to one author's page still does."""

from __future__ import annotations

import newsscrape

BODY = "<p>" + "Water the beds at dawn, then mulch them before the sun dries the soil. " * 6 + "</p>"
URL = "https://www.example-gardens.com/blog/spring-beds/"


def _authors(menu: str, byline: str = "") -> tuple[str, ...]:
    page = (
        f"<html><head><title>Spring beds</title></head><body><nav><ul>{menu}</ul></nav>"
        f"<article><h1>Spring beds</h1>{byline}{BODY}</article></body></html>"
    )
    return newsscrape.extract(page, url=URL).authors


def test_a_menu_link_to_the_authors_list_credits_nobody() -> None:
    assert _authors('<li><a href="/blog/authors/">Author list</a></li>') == ()


def test_a_menu_link_to_a_page_about_authors_credits_nobody() -> None:
    assert _authors('<li><a href="https://www.example-gardens.com/author/">Author Website</a></li>') == ()


def test_a_link_to_one_authors_page_still_credits_them() -> None:
    byline = '<p><a href="/author/jane-doe/">Jane Doe</a></p>'
    assert _authors('<li><a href="/authors/">Author list</a></li>', byline) == ("Jane Doe",)
