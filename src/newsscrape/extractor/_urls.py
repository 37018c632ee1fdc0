"""URLs as pages write them, split and resolved without raising.

Anyone writes a page's links: ``https://[zz::]/x`` or ``http://[::1`` make ``urllib.parse`` raise
ValueError ("Invalid IPv6 URL"). Every URL the extractor reads goes through these helpers, so a bad
one costs only its own field (the image, the canonical URL, a link's host), never the article.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


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


def absolute(link: str | None, base: str | None) -> str | None:
    """``link`` resolved against the page's URL, if it is then an http(s) URL; else None.

    >>> absolute("/img/a.jpg", "https://example.com/news/1"), absolute("http://[::1/a.jpg", None)
    ('https://example.com/img/a.jpg', None)
    """
    if not link:
        return None
    link = link.strip()
    if link.startswith("//"):
        link = ("https:" if not base or base.startswith("https") else "http:") + link
    elif base:
        try:
            link = urljoin(base, link)
        except ValueError:
            return None
    parts = split_url(link)
    return link if parts is not None and parts.scheme in ("http", "https") else None
