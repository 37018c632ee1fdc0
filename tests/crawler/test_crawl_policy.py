"""The crawler's pure decisions: what is retried, how long it waits, what counts against a host."""

from __future__ import annotations

import random

import pytest

from newsscrape.config import CrawlConfig
from newsscrape.crawler._policy import (
    is_host_failure,
    is_retryable,
    request_interval,
    retry_wait,
    wait_refused,
)
from newsscrape.errors import FetchError


def error(kind: str, status: int | None = None, retry_after: float | None = None) -> FetchError:
    return FetchError("test", url="http://e.com/", kind=kind, status=status, retry_after=retry_after)


@pytest.mark.parametrize(
    ("exc", "retry"),
    [
        (error("connect"), True),
        (error("timeout"), True),
        (error("http_status", 429), True),
        (error("http_status", 503), True),
        (error("http_status", 501), False),
        (error("http_status", 404), False),
        (error("not_html"), False),
        (error("too_large"), False),
        (error("dns"), False),
    ],
)
def test_only_passing_trouble_is_retried(exc: FetchError, retry: bool) -> None:
    assert is_retryable(exc) is retry


def test_a_404_does_not_count_against_the_host_but_a_500_does() -> None:
    assert not is_host_failure(error("http_status", 404))
    assert is_host_failure(error("http_status", 500))
    assert is_host_failure(error("connect"))
    assert not is_host_failure(error("not_html"))


def test_retry_after_is_honoured_and_capped() -> None:
    config = CrawlConfig(max_retry_after=10.0)
    rng = random.Random(1)
    assert retry_wait(1, error("http_status", 503, retry_after=3.0), config, rng) == 3.0
    assert retry_wait(1, error("http_status", 429, retry_after=3600.0), config, rng) == 10.0


def test_only_a_retry_after_beyond_the_max_wait_is_refused() -> None:
    config = CrawlConfig(max_retry_after=120.0)
    assert wait_refused(error("http_status", 503, retry_after=120.0), config) is None
    assert wait_refused(error("http_status", 503), config) is None
    why = wait_refused(error("http_status", 429, retry_after=3600.0), config)
    assert why == "retry-after 3600s exceeds max wait 120s"


def test_backoff_doubles_with_jitter() -> None:
    config = CrawlConfig(backoff=1.0)
    rng = random.Random(2)
    waits = [retry_wait(n, error("timeout"), config, rng) for n in (1, 2, 3)]
    assert 1.0 <= waits[0] <= 1.5
    assert 2.0 <= waits[1] <= 3.0
    assert 4.0 <= waits[2] <= 6.0


def test_crawl_delay_raises_the_interval_up_to_the_cap() -> None:
    rng = random.Random(3)
    config = CrawlConfig(delay=1.0, jitter=0.0, max_crawl_delay=30.0)
    assert request_interval(config, None, rng) == 1.0
    assert request_interval(config, 5.0, rng) == 5.0
    assert request_interval(config, 600.0, rng) == 30.0
    assert request_interval(config, 0.1, rng) == 1.0  # our own delay is the floor


def test_jitter_adds_at_most_its_fraction() -> None:
    rng = random.Random(4)
    config = CrawlConfig(delay=2.0, jitter=0.5)
    values = [request_interval(config, None, rng) for _ in range(200)]
    assert all(2.0 <= v <= 3.0 for v in values)
    assert len(set(values)) > 1
