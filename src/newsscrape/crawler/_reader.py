"""The crawl's input as an async stream, read off the event loop when reading may block.

A list or an async iterable is taken as it is. Any other iterable (a file, stdin) may block on
read, so it is read in batches by a daemon thread: never one that interpreter exit would wait
for, should stdin hang; the event loop keeps serving the crawl meanwhile.

    For example::

        async for url in stream_lines(open("urls.txt")):
            print(url)
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable
from typing import Any

READ_BATCH = 512  # input lines read per hop to the reader thread


async def stream_lines(urls: Iterable[str] | AsyncIterable[str]) -> AsyncIterator[str]:
    """Yield the items of ``urls`` without blocking the event loop on a slow source."""
    if isinstance(urls, AsyncIterable):
        async for url in urls:
            yield url
        return
    if isinstance(urls, list | tuple):
        for url in urls:
            yield url
        return
    it = iter(urls)
    loop = asyncio.get_running_loop()
    while True:
        batch: asyncio.Future[list[str]] = loop.create_future()

        def read(batch: asyncio.Future[list[str]] = batch) -> None:
            try:
                lines = list(itertools.islice(it, READ_BATCH))
            except BaseException as exc:  # a decoding error, a closed file: raised in the reader
                _call(loop, _fail, batch, exc)
            else:
                _call(loop, _settle, batch, lines)

        threading.Thread(target=read, daemon=True, name="newsscrape-read").start()
        lines = await batch
        if not lines:
            return
        for url in lines:
            yield url


def _call(loop: asyncio.AbstractEventLoop, fn: Callable[..., None], *args: Any) -> None:
    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (the crawl was cancelled)
        loop.call_soon_threadsafe(fn, *args)


def _settle(future: asyncio.Future[list[str]], lines: list[str]) -> None:
    if not future.done():
        future.set_result(lines)


def _fail(future: asyncio.Future[list[str]], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
