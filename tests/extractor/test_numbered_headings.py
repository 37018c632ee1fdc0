"""A heading numbered as an entry of the story's own list ("1. Harvard Business School") is one of the
items the story ranks, even when it links to that item's page on the site; an unnumbered heading
linking within the site is still another story's title."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://example.com/rankings/best-business-schools/"


def page(body: str) -> str:
    return (
        "<html><head><title>The best business schools</title></head><body>"
        '<header class="site"><a href="/">Home</a></header>'
        f"<article><header><h1>The best business schools</h1><p>By Jo Smith</p></header>{body}</article>"
        "</body></html>"
    )


def test_numbered_headings_linking_to_each_item_page_stay() -> None:
    html = page(
        f"<p>{PARA}</p>"
        '<h2><a href="/rankings/best-business-schools/northfield">1. Northfield School of Business</a></h2>'
        f"<p>{PARA2}</p>"
        '<h2><a href="/rankings/best-business-schools/lakeside">#2 Lakeside Graduate School</a></h2>'
        f"<p>{PARA3}</p>"
    )
    art = extract(html, url=URL, config=NATIVE)
    assert art.page_type == "article"
    assert art.headings == ("1. Northfield School of Business", "#2 Lakeside Graduate School")
    assert "Northfield School of Business" in art.body


def test_an_unnumbered_or_merely_counting_linked_heading_is_another_story() -> None:
    html = page(
        f"<p>{PARA}</p>"
        '<h2><a href="/news/other-story">Another story from the newsroom</a></h2>'
        f"<p>{PARA2}</p>"
        '<h2><a href="/news/ten-ways">10 ways to pick a business school</a></h2>'
        f"<p>{PARA3}</p>"
    )
    art = extract(html, url=URL, config=NATIVE)
    assert art.headings == ()
    assert "Another story" not in art.body
    assert "10 ways" not in art.body
