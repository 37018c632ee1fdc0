"""newsscrape: news pages in, clean article records out.

>>> import newsscrape
>>> html_bytes = (
...     b"<html><head><title>Rain returns | Daily</title>"
...     b'<meta property="article:published_time" content="2024-05-06T08:00:00+02:00"></head><body>'
...     b"<article><h1>Rain returns</h1><p>The rain came back to the valley after a dry month.</p>"
...     b"<h2>Farmers</h2><p>Farmers welcomed the change and said most crops would recover.</p>"
...     b"</article></body></html>"
... )
>>> article = newsscrape.extract(html_bytes, url="https://example.com/news/1")
>>> article.title, article.headings, article.published.isoformat()
('Rain returns', ('Farmers',), '2024-05-06T08:00:00+02:00')

The public names are imported on first use (PEP 562 ``__getattr__``): ``import newsscrape``
loads neither the crawler (httpx, the discovery stack) nor the extractor, so a process that
needs one of them (``newsscrape crawl``, the crawl's extraction workers) does not pay for the
other at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._lazy import lazy_names
from .config import CrawlConfig, DiscoverConfig, ExtractConfig, FetchConfig, __version__

if TYPE_CHECKING:  # the names as mypy and IDEs see them; at run time ``__getattr__`` imports them
    from .crawler import afetch, crawl, crawl_sync, discover, discover_sync, fetch
    from .discovery import Found
    from .errors import ExportError, ExtractError, FetchError, NewsscrapeError
    from .extractor import extract
    from .models import Article, ErrorRecord, Record, Section

# Public name -> the submodule that defines it.
_LAZY: Final[dict[str, str]] = {
    **dict.fromkeys(("afetch", "crawl", "crawl_sync", "discover", "discover_sync", "fetch"), ".crawler"),
    "Found": ".discovery",
    **dict.fromkeys(("ExportError", "ExtractError", "FetchError", "NewsscrapeError"), ".errors"),
    "extract": ".extractor",
    **dict.fromkeys(("Article", "ErrorRecord", "Record", "Section"), ".models"),
}


__all__ = [
    "Article",
    "CrawlConfig",
    "DiscoverConfig",
    "ErrorRecord",
    "ExportError",
    "ExtractConfig",
    "ExtractError",
    "FetchConfig",
    "FetchError",
    "Found",
    "NewsscrapeError",
    "Record",
    "Section",
    "__version__",
    "afetch",
    "crawl",
    "crawl_sync",
    "discover",
    "discover_sync",
    "extract",
    "fetch",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
