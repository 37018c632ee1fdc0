"""Orchestration over fetcher, extractor, exporter: one URL (``fetch``/``afetch``), batches (``crawl``)."""

from ._engine import Crawler, CrawlStats, crawl, crawl_sync
from ._job import CrawlJobError, run_crawl_job
from ._pool import ExtractFn
from ._resume import load_recorded
from ._urls import check_url, normalize_url, read_url_lines
from .single import afetch, fetch

__all__ = [
    "CrawlJobError",
    "CrawlStats",
    "Crawler",
    "ExtractFn",
    "afetch",
    "check_url",
    "crawl",
    "crawl_sync",
    "fetch",
    "load_recorded",
    "normalize_url",
    "read_url_lines",
    "run_crawl_job",
]
