"""Article or not, from the URL's shape and the source that listed it."""

from __future__ import annotations

import pytest

from newsscrape.discovery import classify, read_page
from newsscrape.discovery._classify import is_listing

SITE = "https://example.com"


@pytest.mark.parametrize(
    "path",
    [
        "/tag/russia/",
        "/topics/climate",
        "/author/min-ji-park/",
        "/category/world/",
        "/search?q=summit",
        "/?s=summit",
        "/login",
        "/about/",
        "/contact-us",
        "/privacy-policy",
        "/",
        "/world/page/2/",
        "/world/?page=3",
        "/images/2024/05/12/photo.jpg",
    ],
)
@pytest.mark.parametrize("source", ["sitemap", "news_sitemap", "feed", "page"])
def test_never_an_article(path: str, source: str) -> None:
    assert not classify(SITE + path, source=source).article  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/2024/05/12/summit", "date in path"),
        ("/world/20240512-summit", "date in path"),
        ("/world/kim-putin-summit-vostochny", "slug of several words"),
        ("/news/world-europe-68912345", "numeric id"),
        ("/story/1234567", "numeric id"),
    ],
)
def test_page_links_need_a_sign_of_an_article(path: str, reason: str) -> None:
    assert classify(SITE + path, source="page") == classify(SITE + path, source="page").__class__(
        True, reason
    )


def test_a_sitemap_is_trusted_where_page_links_are_not() -> None:
    assert classify(SITE + "/news/brexit", source="sitemap").article
    assert not classify(SITE + "/news/brexit", source="page").article
    assert not classify(SITE + "/politics", source="sitemap").article  # a one-word section


def test_sections_and_pagination_are_walked_distractors_not() -> None:
    assert is_listing(SITE + "/world/")
    assert is_listing(SITE + "/world/page/2/")
    assert not is_listing(SITE + "/about/")
    assert not is_listing(SITE + "/2024/05/12/a-story-here")


def test_page_links_feeds_and_next() -> None:
    html = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">
    <meta property="og:type" content="website"></head><body>
    <a href="/world/#top">World</a><a href="https://www.example.com/a-b-c">www</a>
    <a href="https://other.example/x-y-z">other</a><a rel="next" href="?page=2">next</a>
    <a href="mailto:x@example.com">mail</a></body></html>"""
    links = read_page(html, SITE + "/world/")
    assert links.feeds == (SITE + "/feed.xml",)
    assert links.links == (SITE + "/world/", "https://www.example.com/a-b-c", SITE + "/world/?page=2")
    assert links.next_pages == (SITE + "/world/?page=2",)
    assert links.page_type == "website"
