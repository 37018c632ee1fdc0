"""Authors: the post author WordPress's Google Tag Manager plugin (GTM4WP) states in its data layer, read
when the page prints no byline; a printed byline still wins."""

from __future__ import annotations

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"
URL = "https://www.example.com/blog/a-table-story/"


def _page(author: str, *, byline: str = "") -> str:
    layer = (
        '<script data-cfasync="false">var dataLayer_content = {"pagePostType":"post",'
        f'"pagePostType2":"single-post","pageCategory":["blog"],"pagePostAuthor":"{author}"}};'
        "dataLayer.push( dataLayer_content );</script>"
    )
    return (
        f"<html><head><title>A Table Story</title>{layer}</head><body><main><article>"
        f"<h1>A Table Story</h1>{byline}{BODY}</article></main></body></html>"
    )


def test_the_data_layer_names_the_author_when_no_byline_does() -> None:
    assert newsscrape.extract(_page("Jane Doe"), url=URL).authors == ("Jane Doe",)


def test_its_escapes_are_read() -> None:
    assert newsscrape.extract(_page("Jos\\u00e9 Ruiz"), url=URL).authors == ("José Ruiz",)


def test_a_printed_byline_wins() -> None:
    page = _page("site.editor", byline='<p class="byline">By John Roe</p>')
    assert newsscrape.extract(page, url=URL).authors == ("John Roe",)


def test_without_the_data_layer_nobody_is_credited() -> None:
    page = _page("Jane Doe").replace("pagePostAuthor", "pagePostTerms")
    assert newsscrape.extract(page, url=URL).authors == ()
