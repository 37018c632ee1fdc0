"""Fairness: a slow host listed first cannot hold back the hosts listed after it, and the URLs
set aside for it are still done, each once."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from crawl_support import FAST, by_url, quick_extract, run_crawl

from faultserver import FaultServer, robots_disallow
from newsscrape.crawler import crawl_sync
from newsscrape.models import Article


def test_a_host_listed_late_starts_before_a_slow_backlog_is_done(
    fault_servers: Callable[[str], FaultServer],
) -> None:
    slow, late = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    slow.set_robots(robots_disallow("/private/", crawl_delay=0.4))
    urls = [slow.url(f"/page/{i}") for i in range(40)] + [late.url(f"/page/{i}") for i in range(3)]
    config = dataclasses.replace(FAST, max_pending=20, max_pending_per_host=5)
    seen: list[str] = []
    for record in crawl_sync(urls, config=config, extract_fn=quick_extract):
        seen.append(record.url)
        if sum(url.startswith(late.base_url) for url in seen) == 3:
            break  # every URL of the late host is done: how many of the slow host's went first?
    slow_done = sum(url.startswith(slow.base_url) for url in seen)
    # Without fairness the late host waits until the slow one's queue is under max_pending (21 pages).
    assert slow_done <= 3, seen


def test_urls_set_aside_are_each_done_once(fault_servers: Callable[[str], FaultServer]) -> None:
    hosts = [fault_servers(f"127.0.0.{i}") for i in (2, 3, 4)]
    urls = [h.url(f"/page/{i}") for h in hosts for i in range(12)] + [hosts[0].url("/page/0")]
    records = by_url(run_crawl(urls, max_pending=6, max_pending_per_host=2, extract_fn=quick_extract))
    assert set(records) == set(urls)
    assert all(isinstance(r, Article) for r in records.values())
    for host in hosts:
        pages = [p for p in host.paths() if p.startswith("/page/")]
        assert sorted(pages) == sorted(set(pages))  # fetched once each
        assert len(pages) == 12
