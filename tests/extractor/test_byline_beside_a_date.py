"""Authors: a byline whose date or reading time follows the name in an element of its own, with no
comma or bar between them, names the person and not "Jane Doe May 1, 2025"."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"
URL = "https://www.example.com/news/2025/05/a-table-story/"


def _authors(meta: str) -> tuple[str, ...]:
    page = (
        "<html><head><title>A Table Story</title></head><body><main><article>"
        f"<h1>A Table Story</h1>{meta}{BODY}</article></main></body></html>"
    )
    return newsscrape.extract(page, url=URL).authors


@pytest.mark.parametrize(
    "meta",
    [
        # a byline element with the story's <time> inside it
        '<div class="byline">By <a href="/staff/jane">Jane Doe</a>'
        ' <time datetime="2025-05-01">May 1, 2025</time></div>',
        # an author element: the name, then the day
        '<div class="article-author"><a href="/staff/jane">Jane Doe</a> <span>May 1, 2025</span></div>',
        # no byline markup: "By" in a span of its own, the name, the day
        '<div class="meta"><span>By</span> <a href="/staff/jane">Jane Doe</a> <span>May 1, 2025</span></div>',
        '<div class="meta">By <a href="/staff/jane">Jane Doe</a> Published 3:04 p.m. ET May 1, 2025</div>',
        # the headline's next sibling
        "<p>By <b>Jane Doe</b> <span>5 min read</span></p>",
    ],
)
def test_a_byline_with_the_date_in_an_element_after_the_name(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)


def test_a_name_whose_parts_sit_in_elements_of_their_own_is_read_whole() -> None:
    # (only the texts with digits are set apart)
    meta = '<div class="byline">By <span>Jane</span> <span>Doe</span> <time>May 1, 2025</time></div>'
    assert _authors(meta) == ("Jane Doe",)


def test_a_text_after_a_list_of_authors_is_not_the_last_authors() -> None:
    # A news theme's byline: the label, the authors as list items, then the time after the list.
    meta = (
        '<div class="byline"><span class="byline__label">By</span><ul class="byline__authors">'
        '<li><a href="/p/jane">Jane Doe</a></li><li><a href="/p/john">John Roe</a></li></ul>'
        "<time>May 1, 2025</time></div>"
    )
    assert _authors(meta) == ("Jane Doe", "John Roe")


@pytest.mark.parametrize(
    "meta",
    [
        # a hand-made theme's meta line: the day, then "by" and the name, in one text or the next element
        '<p class="meta">May 1, 2025 by Jane Doe</p>',
        '<div class="entry-meta">1 May 2025 by <a href="/?author=2">Jane Doe</a> | 3 Comments</div>',
        "<p>05/01/2025 by <b>Jane Doe</b></p>",
    ],
)
def test_the_day_then_by_and_the_name(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)


def test_a_copyright_line_is_not_a_day_then_by() -> None:
    assert _authors("<p>Copyright 2004 - 2026 by Example Media</p>") == ()


@pytest.mark.parametrize(
    "meta",
    [
        "<p>By Jane Doe Updated May 1, 2025</p>",
        "<p>By Jane Doe Published 3:04 PM ET May 1, 2025</p>",
        '<div class="byline"><a href="/staff/jane">Jane Doe</a> Last updated: <span>May 1, 2025</span></div>',
    ],
)
def test_the_name_ends_where_its_update_label_begins(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)
