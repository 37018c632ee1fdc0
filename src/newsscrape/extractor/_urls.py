"""URLs as pages write them, split and resolved without raising.

Anyone writes a page's links: ``https://[zz::]/x`` or ``http://[::1`` make ``urllib.parse`` raise
ValueError ("Invalid IPv6 URL"). Every URL the extractor reads goes through these helpers, so a bad
one costs only its own field (the image, the canonical URL, a link's host), never the article.
Tracking parameters (``utm_source``, ``fbclid``, ...) name where a click came from, not the page: the
page-type signals read a URL without them, and the crawler's duplicate keys drop them.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import SplitResult, unquote, urljoin, urlsplit


def split_url(url: str | None) -> SplitResult | None:
    """``urlsplit(url)``, or None for no URL or one that urllib refuses (bad IPv6 host, bad port).

    >>> split_url("http://[::1") is None, split_url("https://example.com/a").path
    (True, '/a')
    """
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range ("http://[::1]:99999/")
    except ValueError:
        return None
    return parts


def host_of(url: str | None) -> str | None:
    """The URL's host name, lower-cased; None when it has none or cannot be parsed.

    >>> host_of("https://WWW.Example.com/a"), host_of("https://[zz::]/x")
    ('www.example.com', None)
    """
    parts = split_url(url)
    return parts.hostname if parts is not None else None


_URL_BREAKS: Final = re.compile("[\t\n\r]")  # removed from any URL by the URL parser


def absolute(link: str | None, base: str | None) -> str | None:
    """``link`` resolved against the page's URL, if it is then an http(s) URL; else None. As a
    browser's URL parser does (WHATWG URL), tabs and line breaks inside it are dropped and a space
    is written "%20": "/img/Wine types.jpg" is the address of "/img/Wine%20types.jpg".

    >>> absolute("/img/a.jpg", "https://example.com/news/1"), absolute("http://[::1/a.jpg", None)
    ('https://example.com/img/a.jpg', None)
    >>> absolute("/img/Wine types.jpg", "https://example.com/news/1")
    'https://example.com/img/Wine%20types.jpg'
    """
    if not link:
        return None
    link = link.strip()
    if not link.isprintable() or " " in link:  # one C scan; most links have neither
        link = _URL_BREAKS.sub("", link).replace(" ", "%20")
    if link.startswith("//"):
        link = ("https:" if not base or base.startswith("https") else "http:") + link
    elif base:
        try:
            link = urljoin(base, link)
        except ValueError:
            return None
    parts = split_url(link)
    return link if parts is not None and parts.scheme in ("http", "https") else None


def document_base(href: str | None, url: str | None) -> str | None:
    """The address a page's relative links resolve against: its first ``<base href>`` (``href``),
    itself resolved against the page's ``url``, when that gives an http(s) URL; else ``url``.

    >>> document_base("/", "https://forum.example/threads/a-thread.9/"), document_base(None, "https://a.example/x")
    ('https://forum.example/', 'https://a.example/x')
    >>> document_base("javascript:void(0)", "https://a.example/x")
    'https://a.example/x'
    """
    return absolute(href, url) or url


# Where a browser saved the page from, as it writes it at the top of the file: the "mark of the web"
# of Chrome, Edge and Internet Explorer ("<!-- saved from url=(0042)https://... -->", the number being
# the address's length) and the SingleFile extension's header ("Page saved with SingleFile", then
# "url: https://...").
_SAVED_FROM: Final = re.compile(
    r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->|<!--\s*Page saved with SingleFile\s+url:\s*(\S+)",
    re.IGNORECASE,
)
SAVED_FROM_CHARS: Final = 4096  # both marks open the file, after the doctype at most


def saved_from(text: str) -> str | None:
    """The http(s) address a browser saved the page from, as its saved file's first lines say; None
    when they do not (``about:internet``, a local file's mark, is no address).

    >>> saved_from('<!DOCTYPE html>\\n<!-- saved from url=(0030)https://example.com/news/1.html -->\\n<html>')
    'https://example.com/news/1.html'
    >>> saved_from("<!-- saved from url=(0014)about:internet -->") is None
    True
    """
    found = _SAVED_FROM.search(text, 0, SAVED_FROM_CHARS)
    return absolute(found.group(1) or found.group(2), None) if found else None


# Query parameters that only tell analytics where a click came from; the page is the same without them.
TRACKING_PARAMS: Final = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "dclid",  # Google Display
        "gbraid",  # Google Ads (iOS)
        "wbraid",  # Google Ads (iOS)
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "igshid",  # Instagram share
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp recipient
        "_ga",  # Google Analytics cross-domain
        "_gl",  # Google Analytics linker
        "oly_anon_id",  # Omeda newsletters
        "oly_enc_id",
        "vero_id",  # Vero mail
        "mkt_tok",  # Marketo mail
        "srsltid",  # Google Search's result tracking ID, added to shops' links
    }
)
# Whole families, by prefix: utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id ...
TRACKING_PREFIXES: Final = ("utm_",)


def without_tracking(query: str) -> str:
    """A URL's query without its tracking parameters (``TRACKING_PARAMS``, ``TRACKING_PREFIXES``),
    the others kept in their order and raw spelling.

    >>> without_tracking("utm_source=rss&id=3&fbclid=x&srsltid=AfmB")
    'id=3'
    """
    return "&".join(pair for pair in query.split("&") if pair and not _is_tracking(pair))


def _is_tracking(pair: str) -> bool:
    name = unquote(pair.partition("=")[0]).lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)
