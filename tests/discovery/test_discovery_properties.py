"""Invariants: readers raise nothing but Unusable on any bytes; classification never raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from hypothesis import given
from hypothesis import strategies as st

from newsscrape.discovery import NoteKind, SitemapReader, Unusable, classify, read_feed, read_page

XMLISH = st.one_of(
    st.binary(max_size=2000),
    st.lists(
        st.sampled_from(
            [
                "<urlset>",
                "</urlset>",
                "<url>",
                "</url>",
                "<loc>",
                "</loc>",
                "<rss>",
                "<item>",
                "<link>",
                "</link>",
                "</item>",
                "<feed>",
                "<entry>",
                "&amp;",
                "&x;",
                "<!DOCTYPE a>",
                "{",
                "}",
                '"items"',
                ":",
                "[",
                "]",
                "https://e.com/a-b-c",
                "\x1f\x8b",
                "<?xml version='1.0'?>",
                "<!ENTITY",
            ]
        ),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode()),
)


def outcome(read: Callable[[], object]) -> str:
    """ "ok", or the kind of the Unusable raised: any other exception fails the test."""
    try:
        read()
    except Unusable as exc:
        return exc.kind
    return "ok"


@given(XMLISH)
def test_sitemap_reader_raises_only_unusable(body: bytes) -> None:
    reader = SitemapReader("https://e.com/s.xml")
    assert outcome(lambda: [*reader.feed(body), *reader.close()]) in {"ok", *get_args(NoteKind)}


@given(XMLISH)
def test_read_feed_raises_only_unusable(body: bytes) -> None:
    assert outcome(lambda: read_feed(body, "https://e.com/feed")) in {"ok", *get_args(NoteKind)}


@given(st.binary(max_size=3000))
def test_read_page_never_raises(html: bytes) -> None:
    links = read_page(html, "https://e.com/section/")
    assert all(link.startswith(("http://", "https://")) for link in links.links)


@given(st.text(max_size=200), st.sampled_from(["sitemap", "news_sitemap", "feed", "page"]))
def test_classify_never_raises(tail: str, source: str) -> None:
    verdict = classify("https://e.com/" + tail, source=source)  # type: ignore[arg-type]
    assert verdict.reason
