"""What discovery reads in an HTML page: its feed links, its same-site links, its next page.

>>> html_bytes = (
...     b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
...     b'<a href="/news/1">Rain returns</a> <a href="https://other.example/">elsewhere</a>'
...     b'<a rel="next" href="/page/2">Next</a></body></html>'
... )
>>> links = read_page(html_bytes, "https://example.com/")
>>> links.feeds, links.next_pages, links.page_type
(('https://example.com/feed.xml',), ('https://example.com/page/2',), None)
>>> links.links[:3]  # same-site only
('https://example.com/news/1', 'https://example.com/page/2')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

# <link rel="alternate" type=...> values that announce a feed.
FEED_TYPES: Final = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "text/xml"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageLinks:
    feeds: tuple[str, ...]  # announced with <link rel="alternate">
    links: tuple[str, ...]  # same-site <a href>, absolute, without fragment, in page order
    next_pages: tuple[str, ...]  # rel="next" (link or a)
    page_type: str | None  # og:type, e.g. "article" or "website"


def read_page(html: bytes, url: str) -> PageLinks:
    """Links of a page (``url`` is its final URL, for relative links and the same-site test)."""
    tree = LexborHTMLParser(html)
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = urljoin(url, base_node.attributes.get("href") or "")
    feeds, links, nexts = [], [], []
    for node in tree.css("link[rel][href]"):
        rel = (node.attributes.get("rel") or "").lower().split()
        href = _absolute(base, node.attributes.get("href"))
        if href is None:
            continue
        kind = (node.attributes.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            feeds.append(href)
        if "next" in rel and same_site(href, url):
            nexts.append(href)
    for node in tree.css("a[href]"):
        href = _absolute(base, node.attributes.get("href"))
        if href is None or not same_site(href, url):
            continue
        links.append(href)
        if "next" in (node.attributes.get("rel") or "").lower().split():
            nexts.append(href)
    og = tree.css_first('meta[property="og:type"]')
    page_type = (og.attributes.get("content") or "").strip().lower() or None if og is not None else None
    return PageLinks(
        feeds=tuple(dict.fromkeys(feeds)),
        links=tuple(dict.fromkeys(links)),
        next_pages=tuple(dict.fromkeys(nexts)),
        page_type=page_type,
    )


def same_site(url: str, site: str) -> bool:
    """Same host, ``www.`` aside, and http(s).

    >>> same_site("https://www.example.com/a", "https://example.com/"), same_site("https://cdn.example.net/", "https://example.com/")
    (True, False)
    """
    mine = site_of(url)
    return mine is not None and mine == site_of(site)


def site_of(url: str) -> str | None:
    """The host of an http(s) URL without ``www.``: URLs of one site share it (None: not http(s)).

    >>> site_of("https://WWW.Example.com:8443/a"), site_of("mailto:x@example.com")
    ('example.com:8443', None)
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return None
    netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return _bare(netloc)


def _bare(netloc: str) -> str:
    host = netloc.lower().rpartition("@")[2]
    return host[4:] if host.startswith("www.") else host


def _absolute(base: str, href: str | None) -> str | None:
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    try:
        parts = urlsplit(urljoin(base, href.strip()))
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
