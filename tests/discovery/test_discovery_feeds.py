"""RSS 2.0, Atom and JSON Feed: links, dates, and the faults a feed can have."""

from __future__ import annotations

import json

import pytest

from newsscrape.discovery import Unusable, read_feed

URL = "https://example.com/feed"

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<lastBuildDate>Mon, 13 May 2024 09:00:00 GMT</lastBuildDate>
<item><title>A</title><link>https://example.com/2024/05/12/a-story</link>
<pubDate>Sun, 12 May 2024 10:00:00 +0200</pubDate></item>
<item><title>B</title><guid>https://example.com/b-story-here</guid></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><updated>2024-05-13T00:00:00Z</updated>
<entry><link rel="alternate" href="https://example.com/atom-one-story"/><link rel="edit" href="/edit/1"/>
<published>2024-05-12T08:00:00Z</published><updated>2024-05-12T09:00:00Z</updated></entry></feed>"""


def test_rss_items_dates_and_the_channel_date() -> None:
    feed = read_feed(RSS, URL)
    assert [i.url for i in feed.items] == [
        "https://example.com/2024/05/12/a-story",
        "https://example.com/b-story-here",
    ]
    assert feed.items[0].published is not None
    assert feed.items[0].published.isoformat() == "2024-05-12T10:00:00+02:00"
    assert feed.updated is not None
    assert feed.updated.day == 13
    assert [n.kind for n in feed.notes] == ["undated"]  # item B has no date


def test_atom_alternate_link_and_dates() -> None:
    feed = read_feed(ATOM, URL)
    (item,) = feed.items
    assert item.url == "https://example.com/atom-one-story"
    assert item.published is not None
    assert item.modified is not None
    assert item.published < item.modified
    assert feed.notes == ()


def test_json_feed() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{"id": "1", "url": "/j/one-two-three", "date_published": "2024-05-12T10:00:00Z"}],
        }
    ).encode()
    feed = read_feed(body, URL)
    assert [i.url for i in feed.items] == ["https://example.com/j/one-two-three"]
    assert [n.kind for n in feed.notes] == ["relative_links"]


def test_relative_links_are_resolved_and_noted() -> None:
    body = (
        b"<rss><channel><item><link>/2024/05/12/rel-story</link>"
        b"<pubDate>Sun, 12 May 2024 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    feed = read_feed(body, "https://example.com/news/feed.xml")
    assert feed.items[0].url == "https://example.com/2024/05/12/rel-story"
    assert [n.kind for n in feed.notes] == ["relative_links"]
    assert "1 relative link" in feed.notes[0].message


def test_html_served_as_a_feed() -> None:
    with pytest.raises(Unusable) as info:
        read_feed(b"<!doctype html><html><head><title>Feed</title></head></html>", URL)
    assert info.value.kind == "not_a_feed"


def test_malformed_feed_without_items() -> None:
    with pytest.raises(Unusable) as info:
        read_feed(b"<rss><channel><item><link>https://e.com/a</link></channel>", URL)
    assert info.value.kind == "malformed"


def test_malformed_feed_keeps_items_before_the_fault() -> None:
    body = b"<rss><channel><item><link>https://e.com/a-b-c</link></item><item><link>x</lnk></item></channel></rss>"
    feed = read_feed(body, URL)
    assert [i.url for i in feed.items] == ["https://e.com/a-b-c"]
    assert "malformed" in [n.kind for n in feed.notes]


def test_json_that_is_not_a_feed() -> None:
    with pytest.raises(Unusable) as info:
        read_feed(b'{"hello": "world"}', URL)
    assert info.value.kind == "not_a_feed"
