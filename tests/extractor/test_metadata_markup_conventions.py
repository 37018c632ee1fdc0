"""Metadata: conventions the peers' unit tests hold (trafilatura 2.3.1's ``tests/metadata_tests.py``)
and the development pages show beside them: references a page escaped twice in its metas and
``<title>``, a relative canonical link on a page read without its URL, ``twitter:url`` as the last
word on the page's address, and the category links of WordPress block themes and Squarespace blogs.
Each page here is written in the convention's style."""

from __future__ import annotations

import pytest
from prose import PARA, PARA2, PARA3

import newsscrape

BODY = "<h1>Rain returns to the valley</h1>" + "".join(f"<p>{text}</p>" for text in (PARA, PARA2, PARA3))


def _read(head: str = "", before: str = "", url: str | None = None) -> newsscrape.Article:
    return newsscrape.extract(f"<html><head>{head}</head><body>{before}{BODY}</body></html>", url=url)


def test_references_escaped_twice_are_decoded() -> None:
    head = (
        "<title>Courses &amp;amp; degrees</title>"
        '<meta property="og:description" content="&amp;#13; A plan you&amp;#039;ll like. &amp;#13...">'
    )
    article = _read(head=head)
    assert article.title == "Courses & degrees"
    assert article.description == "A plan you'll like. ..."


def test_text_escaped_once_is_read_as_the_page_shows_it() -> None:
    assert _read(head='<meta name="description" content="Fish &amp; chips">').description == "Fish & chips"
    assert _read(head='<meta name="description" content="AT&T &c. & more">').description == "AT&T &c. & more"


@pytest.mark.parametrize("meta", ['property="og:url"', 'name="twitter:url"'])
def test_a_relative_canonical_link_is_resolved_against_the_pages_own_address(meta: str) -> None:
    head = (
        f'<link rel="canonical" href="/news/rain-returns"><meta {meta} content="https://example.org/amp/1">'
    )
    assert _read(head=head).canonical_url == "https://example.org/news/rain-returns"
    assert (
        _read(head=head, url="https://www.example.com/x").canonical_url
        == "https://www.example.com/news/rain-returns"
    )


def test_twitter_url_names_the_page_when_nothing_else_does() -> None:
    head = '<meta name="twitter:url" content="https://example.org/news/rain-returns">'
    assert _read(head=head).canonical_url == "https://example.org/news/rain-returns"
    head += '<meta property="og:url" content="https://example.org/news/rain">'
    assert _read(head=head).canonical_url == "https://example.org/news/rain"


@pytest.mark.parametrize(
    "terms",
    [
        # WordPress block themes: the Post Terms block of the category taxonomy
        '<div class="taxonomy-category wp-block-post-terms"><a href="https://example.org/category/weather/" '
        'rel="tag">Weather</a><span class="wp-block-post-terms__separator">, </span>'
        '<a href="https://example.org/category/farming/" rel="tag">Farming</a></div>',
        # Squarespace blogs
        '<div class="blog-meta-item blog-meta-item--categories"><span class="blog-item-category-wrapper">'
        '<a href="/blog/category/Weather" class="blog-item-category">Weather</a></span></div>',
    ],
)
def test_a_cms_category_link_names_the_section(terms: str) -> None:
    assert _read(before=terms, url="https://example.org/news/rain-returns").section == "Weather"


def test_a_box_named_after_categories_is_no_category_link() -> None:
    # a "categories" menu or a rail of one category's posts is not the story's category
    menu = '<div class="search-and-categories-menu"><a href="https://example.org/category/garden/">Garden</a></div>'
    assert _read(before=menu, url="https://example.org/news/rain-returns").section is None
