"""Discovery: from a site's address to its article URLs. Bytes in, URLs out: pure and offline.

Sitemaps (indexes, gzip, Google News), RSS/Atom/JSON feeds, and page links are read here; whether
a URL is an article is decided here (``classify``). The crawler does the fetching
(``crawler/_discover.py``) and drives a :class:`Discovery` plan.

    >>> plan = Discovery("https://example.com/")
    >>> plan.start(robots_sitemaps=[], allowed=lambda url: True); want = plan.next()
"""

from ._classify import Verdict, classify
from ._feeds import Feed, FeedItem, read_feed
from ._html import PageLinks, read_page, same_site
from ._model import Found, Note, NoteKind, Source, Want, WantKind
from ._plan import Discovery, Outcome
from ._sitemap import MAX_BYTES, MAX_URLS, SitemapEntry, SitemapReader
from ._xml import Unusable

__all__ = [
    "MAX_BYTES",
    "MAX_URLS",
    "Discovery",
    "Feed",
    "FeedItem",
    "Found",
    "Note",
    "NoteKind",
    "Outcome",
    "PageLinks",
    "SitemapEntry",
    "SitemapReader",
    "Source",
    "Unusable",
    "Verdict",
    "Want",
    "WantKind",
    "classify",
    "read_feed",
    "read_page",
    "same_site",
]
