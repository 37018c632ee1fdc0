"""One fast crawl configuration for every test that crawls (crawler, discovery, archive tests).

No politeness waits and tiny backoffs, so each test takes a fraction of a second; tests that are
about waiting set their own values. workers=0 extracts in-process: no process start-up.
"""

from __future__ import annotations

from newsscrape.config import CrawlConfig, FetchConfig

FAST_CRAWL = CrawlConfig(
    delay=0.0,
    jitter=0.0,
    backoff=0.01,
    retries=1,
    workers=0,
    max_retry_after=5.0,
    fetch=FetchConfig(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0),
)
