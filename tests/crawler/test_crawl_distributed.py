"""The Dask integration: hosts stay whole inside one partition; one record per distinct URL."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from crawl_support import FAST, by_url

from faultserver import FaultServer
from newsscrape.crawler import normalize_url
from newsscrape.crawler.distributed import crawl_bag, partition_by_host
from newsscrape.models import Article, ErrorRecord


def test_every_url_of_a_host_lands_in_the_same_partition() -> None:
    urls = [f"https://host{i % 7}.example/{i}" for i in range(200)]
    parts = partition_by_host(urls, 4)
    assert sorted(u for p in parts for u in p) == sorted(urls)
    for host in {u.split("/")[2] for u in urls}:
        assert sum(any(host in u for u in p) for p in parts) == 1, host


def test_partitioning_keeps_input_order_and_sends_invalid_lines_first() -> None:
    parts = partition_by_host(["# comment", "", "ftp://x/1", "https://a.example/1", "https://a.example/2"], 3)
    assert parts[0][0] == "ftp://x/1"
    [a_part] = [p for p in parts if "https://a.example/1" in p]
    assert a_part.index("https://a.example/1") < a_part.index("https://a.example/2")


def test_partition_count_must_be_positive() -> None:
    with pytest.raises(ValueError, match="npartitions"):
        partition_by_host([], 0)


def test_crawl_bag_yields_one_record_per_distinct_url(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    urls = [f"{base}/page/a", f"{base}/page/b", f"{base}/status/404", f"{base}/page/a#again", "not a url"]
    bag = crawl_bag(urls, config=dataclasses.replace(FAST, workers=2), npartitions=3)
    records = by_url(bag.compute(scheduler="synchronous"))
    assert set(records) == {f"{base}/page/a", f"{base}/page/b", f"{base}/status/404", "not a url"}
    assert isinstance(records[f"{base}/page/a"], Article)
    assert isinstance(records[f"{base}/status/404"], ErrorRecord)
    assert records["not a url"].kind == "invalid_url"  # type: ignore[union-attr]
    assert normalize_url(f"{base}/page/a#again") == normalize_url(f"{base}/page/a")


def test_a_site_spelled_several_ways_is_one_partition() -> None:
    # http -> https and example.com -> www.example.com are the redirects sites make most.
    urls = [
        "http://example.com/a",
        "https://example.com/b",
        "https://www.example.com/c",
        "http://example.com:8080/d",
    ]
    assert [len(p) for p in partition_by_host(urls, 64) if p] == [4]


def test_a_redirect_to_another_origin_of_the_host_keeps_that_origin_polite() -> None:
    # The redirected URLs and the target's own ones are crawled by one partition, so the target
    # gets one request at a time, the delay apart (two partitions at once broke it).
    with FaultServer("127.0.0.2") as target, FaultServer("127.0.0.2") as hop:
        urls = [hop.url(f"/redirect?to={target.url(f'/page/r{i}')}") for i in range(3)]
        urls += [target.url(f"/page/x{i}") for i in range(3)]
        config = dataclasses.replace(FAST, delay=0.4, jitter=0)
        records = crawl_bag(urls, config=config, npartitions=16).compute(scheduler="threads")
        assert all(isinstance(r, Article) for r in records)
        times = [r.time for r in target.requests if r.path != "/robots.txt"]
        assert len(times) == 6
        assert min(b - a for a, b in itertools.pairwise(times)) >= 0.35
