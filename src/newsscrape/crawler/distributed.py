"""Beyond one machine: the same crawl on a Dask cluster, one partition per group of hosts.

URLs are partitioned by origin (scheme, host, port), so every host is crawled by exactly one
partition and its politeness (one request at a time, delay, robots.txt, Retry-After pauses)
holds across the whole cluster. Each partition is an ordinary :func:`crawl_sync` run with
in-process extraction (``workers=0``): Dask's workers are the parallelism, so no process pool
is started inside them. Install with ``pip install 'newsscrape[dask]'``.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..config import CrawlConfig
from ..models import Record
from ._engine import crawl_sync
from ._urls import InvalidUrl, normalize_url, origin, read_url_lines

if TYPE_CHECKING:
    import dask.bag


def partition_by_host(urls: Iterable[str], npartitions: int) -> list[list[str]]:
    """Split URLs into ``npartitions`` lists so that all URLs of one origin share a list.

    Invalid lines go to the first list, where the crawl records them as errors. The order of
    the input is kept inside each list.

        >>> partition_by_host(["https://a.example/1", "https://b.example/2", "https://a.example/3"], 2)
        [['https://a.example/1', 'https://a.example/3'], ['https://b.example/2']]
    """
    if npartitions < 1:
        raise ValueError(f"npartitions must be >= 1, got {npartitions!r}")
    parts: list[list[str]] = [[] for _ in range(npartitions)]
    for url in read_url_lines(urls):
        try:
            key = origin(normalize_url(url))
        except InvalidUrl:
            parts[0].append(url)
            continue
        # crc32, not hash(): the same host must land in the same partition in every process.
        parts[zlib.crc32(key.encode()) % npartitions].append(url)
    return parts


def crawl_bag(
    urls: Iterable[str], *, config: CrawlConfig | None = None, npartitions: int = 16
) -> dask.bag.Bag:
    """A Dask bag of records (Article or ErrorRecord), one per distinct input URL.

        >>> bag = crawl_bag(open("urls.txt"), npartitions=64)
        >>> bag.map(lambda r: json.dumps(r.to_dict())).to_textfiles("out/*.jsonl")

    The URL list is read on the client to group it by host (about 100 bytes a URL).
    """
    import dask.bag as db

    cfg = dataclasses.replace(config or CrawlConfig(), workers=0)
    parts = [p for p in partition_by_host(urls, npartitions) if p]
    bag = db.from_sequence(parts, npartitions=max(1, len(parts)))  # type: ignore[no-untyped-call]
    records: dask.bag.Bag = bag.map_partitions(_crawl_partition, cfg)
    return records


def _crawl_partition(partition: Iterable[list[str]], config: CrawlConfig) -> Iterator[Record]:
    for urls in partition:
        yield from crawl_sync(urls, config=config)
