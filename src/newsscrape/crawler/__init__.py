"""Orchestration over fetcher, extractor, exporter: one URL (``fetch``/``afetch``), batches (``crawl``).

The names are imported on first use (PEP 562 ``__getattr__``): a crawl's extraction worker
unpickles its entry point from ``_pool`` and must not pay for httpx and the discovery stack, and
``newsscrape crawl`` does not load discovery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_names

if TYPE_CHECKING:  # the names as mypy and IDEs see them; at run time ``__getattr__`` imports them
    from ._discover import Discoverer, check_site, discover, discover_sync
    from ._engine import Crawler, CrawlStats, crawl, crawl_sync
    from ._job import EXIT_PIPE_CLOSED, CrawlJobError, OutputInUse, lock_output, open_output, run_crawl_job
    from ._offline import extract_pages
    from ._pool import ExtractFn
    from ._resume import add_recorded, load_recorded
    from ._sitejob import run_discover_job, run_site_job
    from ._urls import UrlSet, check_url, normalize_url, read_url_lines, url_key
    from .single import afetch, afetch_one, fetch

# Public name -> the submodule that defines it.
_LAZY: Final[dict[str, str]] = {
    **dict.fromkeys(("Discoverer", "check_site", "discover", "discover_sync"), "._discover"),
    **dict.fromkeys(("Crawler", "CrawlStats", "crawl", "crawl_sync"), "._engine"),
    **dict.fromkeys(
        ("EXIT_PIPE_CLOSED", "CrawlJobError", "OutputInUse", "lock_output", "open_output", "run_crawl_job"),
        "._job",
    ),
    "extract_pages": "._offline",
    "ExtractFn": "._pool",
    **dict.fromkeys(("add_recorded", "load_recorded"), "._resume"),
    **dict.fromkeys(("run_discover_job", "run_site_job"), "._sitejob"),
    **dict.fromkeys(("UrlSet", "check_url", "normalize_url", "read_url_lines", "url_key"), "._urls"),
    **dict.fromkeys(("afetch", "afetch_one", "fetch"), ".single"),
}


__all__ = [
    "EXIT_PIPE_CLOSED",
    "CrawlJobError",
    "CrawlStats",
    "Crawler",
    "Discoverer",
    "ExtractFn",
    "OutputInUse",
    "UrlSet",
    "add_recorded",
    "afetch",
    "afetch_one",
    "check_site",
    "check_url",
    "crawl",
    "crawl_sync",
    "discover",
    "discover_sync",
    "extract_pages",
    "fetch",
    "load_recorded",
    "lock_output",
    "normalize_url",
    "open_output",
    "read_url_lines",
    "run_crawl_job",
    "run_discover_job",
    "run_site_job",
    "url_key",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
