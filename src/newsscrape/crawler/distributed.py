"""Beyond one machine: URLs grouped by host for a Dask cluster (``newsscrape.dask.crawl_bag``).

URLs are partitioned by origin (scheme, host, port), so every host is crawled by exactly one
partition and its politeness (one request at a time, delay, robots.txt, Retry-After pauses)
holds across the whole cluster. Each partition is an ordinary :func:`crawl_sync` run with
in-process extraction (``workers=0``): Dask's workers are the parallelism, so no process pool
is started inside them. Install with ``pip install -e '.[dask]'`` from a checkout (newsscrape is not on PyPI).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from ._urls import InvalidUrl, many_urls, normalize_url, origin, url_of_line


def partition_by_host(urls: Iterable[str], npartitions: int) -> list[list[str]]:
    """Split URLs into ``npartitions`` lists so that all URLs of one origin share a list.

    Invalid lines go to the first list, where the crawl records them as errors. The order of
    the input is kept inside each list.

        >>> partition_by_host(["http://a.test/1", "http://b.test/2", "http://a.test/3"], 2)
        [['http://a.test/1', 'http://a.test/3'], ['http://b.test/2']]
    """
    if npartitions < 1:
        raise ValueError(f"npartitions must be >= 1, got {npartitions!r}")
    parts: list[list[str]] = [[] for _ in range(npartitions)]
    for line in many_urls(urls):
        if not isinstance(line, str):  # None, bytes from an untyped caller: the crawl records it
            parts[0].append(line)
            continue
        url = url_of_line(line)
        if url is None:
            continue
        try:
            key = origin(normalize_url(url))
        except InvalidUrl:
            parts[0].append(url)
            continue
        # crc32, not hash(): the same host must land in the same partition in every process.
        parts[zlib.crc32(key.encode()) % npartitions].append(url)
    return parts


def __getattr__(name: str) -> object:
    """``crawl_bag`` moved to :mod:`newsscrape.dask` (Dask is imported only there); this name
    stays for code written against it. Imported late: ``newsscrape.dask`` sits above the crawler."""
    if name == "crawl_bag":
        from ..dask import crawl_bag

        return crawl_bag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
