"""newsscrape: news pages in, clean article records out.

>>> import newsscrape
>>> article = newsscrape.extract(html_bytes, url="https://example.com/news/1")
>>> article.title, article.headings, article.published
"""

from .config import CrawlConfig, DiscoverConfig, ExtractConfig, FetchConfig, __version__
from .crawler import afetch, crawl, crawl_sync, discover, discover_sync, fetch
from .discovery import Found
from .errors import ExportError, ExtractError, FetchError, NewsscrapeError
from .extractor import extract
from .models import Article, ErrorRecord, Record, Section

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
