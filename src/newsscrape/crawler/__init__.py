"""Orchestration over fetcher, extractor, exporter: one URL (``fetch``/``afetch``), batches (``crawl``)."""

from ._discover import Discoverer, discover, discover_sync
from ._engine import Crawler, CrawlStats, crawl, crawl_sync
from ._job import CrawlJobError, run_crawl_job
from ._pool import ExtractFn
from ._resume import load_recorded
from ._sitejob import run_discover_job, run_site_job
from ._urls import normalize_url, read_url_lines
from .single import afetch, fetch

__all__ = [
    "CrawlJobError",
    "CrawlStats",
    "Crawler",
    "Discoverer",
    "ExtractFn",
    "afetch",
    "crawl",
    "crawl_sync",
    "discover",
    "discover_sync",
    "fetch",
    "load_recorded",
    "normalize_url",
    "read_url_lines",
    "run_crawl_job",
    "run_discover_job",
    "run_site_job",
]
