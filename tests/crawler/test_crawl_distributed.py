"""The Dask integration: hosts stay whole inside one partition; one record per distinct URL."""

from __future__ import annotations

import dataclasses

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
