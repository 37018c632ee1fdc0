"""``extract`` over many pages on disk: one record per page, in input order, in parallel if asked.

The pages come lazily from ``archive.read_inputs`` (files, directories, WARC records). With
``workers`` > 0 they are extracted by the crawl's :class:`ExtractPool` (worker processes that are
killed when a page runs away); at most ``2 * workers`` pages are read ahead and in flight, so memory
stays bounded whatever the archive's size, and records come out in the order the pages were read.
With ``workers=0`` each page is extracted in this process, one after the other.

    For example::

        for record in extract_pages(read_inputs(["crawl.warc.gz"]), workers=4):
            print(record.url, record.source)
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import cast

from ..archive import ArchivedPage, InputError
from ..config import CrawlConfig, ExtractConfig
from ..errors import NewsscrapeError
from ..models import ErrorRecord, Record
from ._pool import ExtractFn, ExtractPool
from ._sync import SyncRunner

Item = ArchivedPage | InputError


def extract_pages(
    items: Iterable[Item],
    *,
    workers: int = 0,
    config: ExtractConfig | None = None,
    timeout: float = CrawlConfig().extract_timeout,
    extract_fn: ExtractFn | None = None,
) -> Iterator[Record]:
    """One record per item, in order; every record carries its ``source``.

    >>> import os
    >>> from newsscrape.archive import read_inputs
    >>> os.makedirs("saved")
    >>> with open("saved/a.html", "w") as f:
    ...     _ = f.write("<title>Rain returns</title><p>The rain came back to the valley on Monday.</p>")
    >>> records = list(extract_pages(read_inputs(["saved/"]), workers=0))  # workers=2: in 2 processes
    >>> [(r.title, r.source) for r in records]
    [('Rain returns', 'saved/a.html')]
    """
    cfg = config or ExtractConfig()
    if workers == 0:
        from ..extractor import extract

        fn: ExtractFn = extract_fn or extract
        for item in items:
            yield _in_process(item, fn, cfg)
        return
    with ExtractPool(workers=workers, timeout=timeout, config=cfg, extract_fn=extract_fn) as pool:
        yield from _pooled(items, pool, window=2 * workers)


def _in_process(item: Item, fn: ExtractFn, config: ExtractConfig) -> Record:
    if isinstance(item, InputError):
        return _unreadable(item)
    try:
        article = fn(item.content, item.url, final_url=None, charset=item.charset, config=config)
    except NewsscrapeError as exc:
        return replace(ErrorRecord.from_exception(item.label, exc), source=item.source)
    return replace(article, url=article.url or item.label, source=item.source)


def _pooled(items: Iterable[Item], pool: ExtractPool, *, window: int) -> Iterator[Record]:
    async def one(item: ArchivedPage) -> Record:
        try:
            # The pool hands url on to extract(), which takes None (a saved file without --url).
            article = await pool.extract(
                item.content, cast(str, item.url), final_url=None, charset=item.charset
            )
        except NewsscrapeError as exc:
            return replace(ErrorRecord.from_exception(item.label, exc), source=item.source)
        return replace(article, url=article.url or item.label, source=item.source)

    async def submit(item: ArchivedPage) -> asyncio.Task[Record]:
        return asyncio.ensure_future(one(item))

    async def wait(task: asyncio.Task[Record]) -> Record:
        return await task

    def settled(entry: asyncio.Task[Record] | Record) -> Record:
        return runner.run(wait(entry)) if isinstance(entry, asyncio.Task) else entry

    pending: deque[asyncio.Task[Record] | Record] = deque()
    with SyncRunner() as runner:
        try:
            for item in items:
                pending.append(
                    _unreadable(item) if isinstance(item, InputError) else runner.run(submit(item))
                )
                while len(pending) >= window or (pending and not isinstance(pending[0], asyncio.Task)):
                    yield settled(pending.popleft())
            while pending:
                yield settled(pending.popleft())
        finally:
            for task in pending:
                if isinstance(task, asyncio.Task):
                    task.cancel()


def _unreadable(item: InputError) -> ErrorRecord:
    return ErrorRecord(
        url=item.url, kind="extract", reason="unreadable", message=item.message, source=item.source
    )
