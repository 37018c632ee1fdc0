"""Orchestration over fetcher, extractor, exporter: one URL (``fetch``/``afetch``), batches (``crawl``)."""

from ._discover import Discoverer, discover, discover_sync
from ._engine import Crawler, CrawlStats, crawl, crawl_sync
from ._job import EXIT_PIPE_CLOSED, CrawlJobError, open_output, run_crawl_job
from ._offline import extract_pages
from ._pool import ExtractFn
from ._resume import load_recorded
from ._sitejob import run_discover_job, run_site_job
from ._urls import UrlSet, check_url, normalize_url, read_url_lines, url_key
from .single import afetch, afetch_one, fetch

__all__ = [
    "EXIT_PIPE_CLOSED",
    "CrawlJobError",
    "CrawlStats",
    "Crawler",
    "Discoverer",
    "ExtractFn",
    "UrlSet",
    "afetch",
    "afetch_one",
    "check_url",
    "crawl",
    "crawl_sync",
    "discover",
    "discover_sync",
    "extract_pages",
    "fetch",
    "load_recorded",
    "normalize_url",
    "open_output",
    "read_url_lines",
    "run_crawl_job",
    "run_discover_job",
    "run_site_job",
    "url_key",
]
