"""Crawler test helpers (imported by the test modules beside it): a fast configuration, a runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from fastcrawl import FAST_CRAWL
from newsscrape.config import ExtractConfig
from newsscrape.crawler import ExtractFn, crawl_sync
from newsscrape.models import Article, Record

FAST = FAST_CRAWL


def quick_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """A stand-in for ``extract`` for tests about requests (politeness, retries): they must not
    fail because an extractor change no longer takes the test page for an article, and with
    workers=0 real extraction would spend CPU in the test process, beside the fault server."""
    return Article(url=url, final_url=final_url, title="quick")


def run_crawl(urls: Iterable[str], *, extract_fn: ExtractFn | None = None, **overrides: Any) -> list[Record]:
    """Crawl with FAST plus config ``overrides``; all records, in order of completion."""
    return list(crawl_sync(list(urls), config=dataclasses.replace(FAST, **overrides), extract_fn=extract_fn))


def by_url(records: Iterable[Record]) -> dict[str, Record]:
    out: dict[str, Record] = {}
    for record in records:
        assert record.url is not None
        assert record.url not in out, f"two records for {record.url}"
        out[record.url] = record
    return out
