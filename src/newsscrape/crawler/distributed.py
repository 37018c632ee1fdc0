"""Beyond one machine: URLs grouped by host for a Dask cluster (``newsscrape.dask.crawl_bag``).

URLs are partitioned by site (a host under every scheme and port, with and without ``www.``), so
every host is crawled by exactly one partition and its politeness (one request at a time, delay,
robots.txt, Retry-After pauses) holds across the whole cluster, through the redirects a site makes
among its own spellings; a redirect to an unrelated host is polite only within its partition.
Each partition is an ordinary :func:`crawl_sync` run with in-process extraction (``workers=0``):
Dask's workers are the parallelism, so no process pool is started inside them. Install with
``pip install -e '.[dask]'`` from a checkout (newsscrape is not on PyPI).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from urllib.parse import urlsplit

from ._urls import InvalidUrl, UrlSet, many_urls, normalize_url, origin, url_key, url_of_line


def partition_by_host(
    urls: Iterable[str], npartitions: int, *, recorded: UrlSet | None = None
) -> list[list[str]]:
    """Split URLs into ``npartitions`` lists so that all URLs of one site share a list: one host
    under every scheme and port, with and without ``www.`` (see ``_site``).

    Invalid lines go to the first list, where the crawl records them as errors. The order of
    the input is kept inside each list. A URL in ``recorded`` (it has a record in an earlier
    run's output, as ``load_recorded`` reads it) is left out, as ``crawl --resume`` leaves it.

        >>> partition_by_host(["http://a.test/1", "http://c.test/2", "https://www.a.test/3"], 2)
        [['http://c.test/2'], ['http://a.test/1', 'https://www.a.test/3']]
    """
    if npartitions < 1:
        raise ValueError(f"npartitions must be >= 1, got {npartitions!r}")
    parts: list[list[str]] = [[] for _ in range(npartitions)]
    for line in many_urls(urls):
        if not isinstance(line, str):  # None, bytes from an untyped caller: the crawl records it
            parts[0].append(line)
            continue
        url = url_of_line(line)
        if url is None or (recorded is not None and url_key(url) in recorded):
            continue
        try:
            key = _site(normalize_url(url))
        except InvalidUrl:
            parts[0].append(url)
            continue
        # crc32, not hash(): the same host must land in the same partition in every process.
        parts[zlib.crc32(key.encode()) % npartitions].append(url)
    return parts


def _site(url: str) -> str:
    """The partition key: the host without a leading ``www.``, whatever the scheme and port.

    Politeness is kept per origin inside one crawl, redirect hops included; across partitions
    nothing is shared. The redirects a site makes among its own spellings (http -> https,
    example.com -> www.example.com, another port) would send two partitions to one origin at once,
    so all its spellings share a partition. A redirect to an unrelated host still can.
    """
    origin(url)  # raises InvalidUrl on a URL the crawl records as invalid
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def __getattr__(name: str) -> object:
    """``crawl_bag`` moved to :mod:`newsscrape.dask` (Dask is imported only there); this name
    stays for code written against it. Imported late: ``newsscrape.dask`` sits above the crawler."""
    if name == "crawl_bag":
        from ..dask import crawl_bag

        return crawl_bag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
