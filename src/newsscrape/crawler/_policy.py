"""Pure decisions of the crawler: what is retried, how long to wait, what counts against a host.

Kept apart from the event loop so each rule can be tested with a made-up FetchError.
"""

from __future__ import annotations

import random
from typing import Final

from ..config import CrawlConfig
from ..errors import FetchError, FetchKind

# Failures that may pass by themselves: a dropped connection, a slow answer, an overloaded server.
RETRYABLE_KINDS: Final[frozenset[FetchKind]] = frozenset({"connect", "timeout", "protocol"})
# Statuses that mean "not now" rather than "no": too many requests, and server-side trouble.
RETRYABLE_STATUSES = frozenset({429}) | frozenset(range(500, 600)) - {501, 505}  # 501/505 will not change

# Failures that say the *host* is in trouble (not this one page): these count towards
# host_failure_limit. A 404 or a PDF shows a healthy host, and resets the count.
HOST_FAILURE_KINDS: Final[frozenset[FetchKind]] = frozenset({"connect", "timeout", "dns", "tls", "protocol"})


def is_retryable(exc: FetchError) -> bool:
    """Is another attempt worth it?

    >>> is_retryable(FetchError("GET u: HTTP 503", url="u", kind="http_status", status=503))
    True
    """
    if exc.kind == "http_status":
        return exc.status in RETRYABLE_STATUSES
    return exc.kind in RETRYABLE_KINDS


def is_host_failure(exc: FetchError) -> bool:
    """Does this final failure count against the host (towards ``host_failed``)?

    >>> is_host_failure(FetchError("GET u: HTTP 404", url="u", kind="http_status", status=404))
    False
    """
    if exc.kind == "http_status":
        return exc.status is not None and (exc.status == 429 or exc.status >= 500)
    return exc.kind in HOST_FAILURE_KINDS


def wait_refused(exc: FetchError, config: CrawlConfig) -> str | None:
    """Why the server's Retry-After is not waited for (it asks more than ``max_retry_after``), else None.

    >>> busy = FetchError("GET u: HTTP 429", url="u", kind="http_status", status=429, retry_after=3600.0)
    >>> wait_refused(busy, CrawlConfig())
    'retry-after 3600s exceeds max wait 120s'
    """
    # Sleeping an hour holds the host's queue (and its worker) for that hour; a capped wait and a
    # retry asks again long before the server said to. Neither is polite nor useful: the caller
    # gives up at once and says why.
    if exc.retry_after is None or exc.retry_after <= config.max_retry_after:
        return None
    return f"retry-after {exc.retry_after:.0f}s exceeds max wait {config.max_retry_after:g}s"


def retry_wait(attempt: int, exc: FetchError, config: CrawlConfig, rng: random.Random) -> float:
    """Seconds before retry number ``attempt`` (1, 2, ...): the server's Retry-After when it gave one
    (capped at max_retry_after; the crawl does not retry beyond it: ``wait_refused``), else
    exponential backoff with jitter.

    >>> retry_wait(2, FetchError("x", url="u", kind="timeout"), CrawlConfig(backoff=1.0), random.Random(0))
    2.8...
    """
    if exc.retry_after is not None:
        return min(max(float(exc.retry_after), 0.0), config.max_retry_after)
    return backoff_wait(attempt, config, rng)


def backoff_wait(attempt: int, config: CrawlConfig, rng: random.Random) -> float:
    """Seconds before retry number ``attempt`` when the server named no time (a page, or robots.txt).

    >>> backoff_wait(1, CrawlConfig(backoff=2.0), random.Random(0))
    2.8...
    """
    # Jitter spreads retries of many URLs that failed together (one outage) instead of a thundering herd.
    return float(config.backoff * 2 ** (attempt - 1) * rng.uniform(1.0, 1.5))


def request_interval(config: CrawlConfig, crawl_delay: float | None, rng: random.Random) -> float:
    """Seconds between two requests to one host: our delay or the site's Crawl-delay (up to
    max_crawl_delay), whichever is longer, plus up to ``jitter`` of it at random.

    >>> request_interval(CrawlConfig(delay=1.0, jitter=0.0), crawl_delay=5.0, rng=random.Random())
    5.0
    """
    base = config.delay
    if crawl_delay is not None:
        base = max(base, min(crawl_delay, config.max_crawl_delay))
    return base * (1.0 + rng.uniform(0.0, config.jitter))
