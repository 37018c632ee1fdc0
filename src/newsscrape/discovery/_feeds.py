"""RSS 2.0 (and RDF/RSS 1.0), Atom and JSON Feed: a feed's bytes in, its items' links and dates out.

    >>> body = (
    ...     b'<rss version="2.0"><channel><lastBuildDate>Mon, 06 May 2024 09:00:00 GMT</lastBuildDate>'
    ...     b"<item><link>/news/1</link><pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate></item>"
    ...     b"</channel></rss>"
    ... )
    >>> feed = read_feed(body, "https://example.com/feed.xml")
    >>> feed.items[0].url, feed.items[0].published.isoformat(), feed.updated.isoformat()
    ('https://example.com/news/1', '2024-05-06T08:00:00+00:00', '2024-05-06T09:00:00+00:00')
    >>> [note.kind for note in feed.notes]
    ['relative_links']

Feeds are small (a few dozen items) and capped like sitemaps, so they are read whole; the XML goes
through the same hardened reader. Relative links are resolved against the feed's URL and noted;
items without a date are noted (``--since`` then falls back on the feed's own date).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Final
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ._dates import parse_date
from ._model import Note
from ._sitemap import MAX_BYTES, MAX_URLS
from ._xml import Unusable, XmlStream, forget, local, looks_like_html, text_of

XML_ROOTS: Final = ("rss", "RDF", "feed")
ITEMS: Final = ("item", "entry")
# Item dates in order of preference: when it was published, then when it last changed.
PUBLISHED: Final = ("pubDate", "published", "date", "issued", "created")
UPDATED: Final = ("updated", "modified", "lastBuildDate")
FEED_DATES: Final = ("lastBuildDate", "pubDate", "updated", "date", "modified")


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    url: str
    published: datetime | None = None
    modified: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    url: str
    items: tuple[FeedItem, ...]
    updated: datetime | None  # the feed's own date (RSS lastBuildDate/pubDate, Atom <updated>)
    notes: tuple[Note, ...] = ()


def read_feed(body: bytes, url: str, *, max_items: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> Feed:
    """The items of a feed. Raises Unusable when ``body`` is no feed at all (HTML, malformed, hostile).

    Items read before a fault later in the document are kept (the fault is a note).
    """
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{":
        return _json_feed(body, url, max_items)
    if looks_like_html(body[:256]):
        raise Unusable("not_a_feed", "an HTML page, not a feed")
    return _xml_feed(body, url, max_items, max_bytes)


def _xml_feed(body: bytes, url: str, max_items: int, max_bytes: int) -> Feed:
    stream = XmlStream(max_bytes=max_bytes)
    raw: list[tuple[str, datetime | None, datetime | None]] = []
    updated: datetime | None = None
    notes: list[Note] = []

    def take(elements: Iterator[etree._Element]) -> None:
        nonlocal updated
        for element in elements:
            if stream.root not in XML_ROOTS:
                raise Unusable("not_a_feed", f"root element <{stream.root}>, not an RSS or Atom feed")
            name = local(element.tag)
            if name in ("channel", "feed") or (
                name in FEED_DATES and _parent(element) in ("channel", "feed")
            ):
                if name in FEED_DATES and updated is None:
                    updated = parse_date(element.text)
                continue
            if name not in ITEMS:
                continue
            link = _item_link(element)
            if link:
                if len(raw) >= max_items:
                    raise Unusable("too_many_urls", f"more than {max_items} items: the rest is ignored")
                raw.append((link, _first_date(element, PUBLISHED), _first_date(element, UPDATED)))
            forget(element)

    try:
        for chunk in _chunks(body):
            take(stream.feed(chunk))
        take(stream.close())
    except Unusable as exc:
        if not raw:
            raise
        notes.append(Note(url=url, kind=exc.kind, message=exc.message))
    return _finish(url, raw, updated, notes)


def _json_feed(body: bytes, url: str, max_items: int) -> Feed:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unusable("malformed", f"malformed JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise Unusable("not_a_feed", "JSON without an 'items' list, not a JSON Feed")
    raw: list[tuple[str, datetime | None, datetime | None]] = []
    notes: list[Note] = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if isinstance(link, str) and link.strip():
            if len(raw) >= max_items:
                notes.append(Note(url=url, kind="too_many_urls", message=f"more than {max_items} items"))
                break
            raw.append((link.strip(), _json_date(item, "date_published"), _json_date(item, "date_modified")))
    return _finish(url, raw, None, notes)


def _finish(
    url: str,
    raw: list[tuple[str, datetime | None, datetime | None]],
    updated: datetime | None,
    notes: list[Note],
) -> Feed:
    items, relative, undated = [], 0, 0
    for link, published, modified in raw:
        absolute = urljoin(url, link)
        relative += absolute != link
        undated += published is None and modified is None
        items.append(FeedItem(url=absolute, published=published, modified=modified))
    if relative:
        message = f"{relative} relative link(s), resolved against the feed's URL"
        notes.append(Note(url=url, kind="relative_links", message=message))
    if undated:
        notes.append(Note(url=url, kind="undated", message=f"{undated} item(s) without a date"))
    return Feed(url=url, items=tuple(items), updated=updated, notes=tuple(notes))


def _item_link(item: etree._Element) -> str | None:
    # Atom: <link rel="alternate" href=...> (rel defaults to alternate); RSS: <link>text</link>,
    # else a <guid> that is a permalink.
    for child in item:
        if local(child.tag) != "link":
            continue
        href = child.get("href")
        if href is not None:
            if child.get("rel", "alternate") == "alternate" and href.strip():
                return str(href).strip()
        elif child.text and child.text.strip():
            return str(child.text).strip()
    for child in item:
        if local(child.tag) == "guid" and child.get("isPermaLink", "true") != "false":
            text = (child.text or "").strip()
            if urlsplit(text).scheme in ("http", "https"):
                return text
    return None


def _first_date(item: etree._Element, names: tuple[str, ...]) -> datetime | None:
    for name in names:
        found = parse_date(text_of(item, name))
        if found is not None:
            return found
    return None


def _json_date(item: dict[str, object], key: str) -> datetime | None:
    value = item.get(key)
    return parse_date(value) if isinstance(value, str) else None


def _parent(element: etree._Element) -> str:
    parent = element.getparent()
    return local(parent.tag) if parent is not None else ""


def _chunks(body: bytes, size: int = 64 * 1024) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)] or [b""]
