"""Sitemaps (sitemaps.org 0.9) and Google News sitemaps, read while the bytes stream in.

    >>> body = (
    ...     b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     b"<url><loc>https://example.com/news/1</loc><lastmod>2024-05-06</lastmod></url></urlset>"
    ... )
    >>> reader = SitemapReader("https://example.com/sitemap.xml")
    >>> entries = [*reader.feed(body), *reader.close()]     # Unusable says why it stopped
    >>> reader.is_index, entries[0].loc, entries[0].lastmod.isoformat()
    (False, 'https://example.com/news/1', '2024-05-06T00:00:00+00:00')

Limits are the protocol's: ``MAX_URLS`` entries and ``MAX_BYTES`` uncompressed per file, counted
while reading, so a gzip bomb or an endless file is cut off at the limit and what came before
stays usable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from lxml import etree

from ._dates import parse_date
from ._xml import Unusable, XmlStream, forget, local, text_of

MAX_URLS: Final = 50_000
MAX_BYTES: Final = 50 * 1024 * 1024
ROOTS: Final = ("urlset", "sitemapindex")


@dataclass(frozen=True, slots=True, kw_only=True)
class SitemapEntry:
    """One ``<url>`` or ``<sitemap>`` element."""

    loc: str
    lastmod: datetime | None = None
    published: datetime | None = None  # <news:news><news:publication_date>
    news: bool = False  # from a Google News sitemap entry


class SitemapReader:
    """One sitemap file, fed in chunks; ``is_index`` once the root element was seen."""

    def __init__(self, url: str, *, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> None:
        self.url = url
        self._xml = XmlStream(
            max_bytes=max_bytes, tags=(*(f"{{*}}{r}" for r in ROOTS), "{*}url", "{*}sitemap")
        )
        self._max_urls = max_urls
        self.count = 0

    @property
    def is_index(self) -> bool:
        return self._xml.root == "sitemapindex"

    def feed(self, data: bytes) -> Iterator[SitemapEntry]:
        """The entries completed within ``data``; Unusable when a limit is reached or the XML is bad."""
        yield from self._entries(self._xml.feed(data))

    def close(self) -> Iterator[SitemapEntry]:
        yield from self._entries(self._xml.close())
        root = self._xml.root
        if root is None:
            raise Unusable("malformed", "empty document")
        if root not in ROOTS:
            raise Unusable("not_a_feed", f"root element <{root}>, not <urlset> or <sitemapindex>")

    def _entries(self, elements: Iterator[etree._Element]) -> Iterator[SitemapEntry]:
        for element in elements:
            root = self._xml.root
            if root not in ROOTS:
                raise Unusable("not_a_feed", f"root element <{root}>, not <urlset> or <sitemapindex>")
            name = local(element.tag)
            if name not in ("url", "sitemap"):
                continue
            entry = _entry(element)
            forget(element)
            if entry is None:
                continue
            self.count += 1
            if self.count > self._max_urls:
                raise Unusable("too_many_urls", f"more than {self._max_urls} entries: the rest is ignored")
            yield entry


def _entry(element: etree._Element) -> SitemapEntry | None:
    loc = text_of(element, "loc")
    if not loc:
        return None
    published, news = None, False
    for child in element:
        if local(child.tag) == "news":
            news = True
            published = parse_date(text_of(child, "publication_date"))
    return SitemapEntry(
        loc=loc,
        lastmod=parse_date(text_of(element, "lastmod")),
        published=published,
        news=news,
    )
