"""The crawl's input as an async stream, read off the event loop when reading may block.

A list or an async iterable is taken as it is. Any other iterable (a file, stdin) may block on
read, so it is read by a daemon thread: never one that interpreter exit would wait for, should
stdin hang; the event loop keeps serving the crawl meanwhile, and takes each line as soon as it
is read (what piled up meanwhile in one batch).

    For example::

        async for url in stream_lines(open("urls.txt")):
            print(url)
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator

READ_BATCH = 512  # input lines the reader thread may hold before the crawl takes them


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
    feed = _Feed(iter(urls), asyncio.get_running_loop())
    threading.Thread(target=feed.read, daemon=True, name="newsscrape-read").start()
    try:
        while True:
            lines = await feed.take()
            if not lines:
                return
            for url in lines:
                yield url
    finally:
        feed.close()


class _Feed:
    """Lines handed from the reader thread to the event loop: each line as soon as it is read (a
    pipe that gives one URL now and the next in an hour has the first crawled now), in batches of
    what has piled up meanwhile, at most ``READ_BATCH`` held (the thread waits for room)."""

    def __init__(self, it: Iterator[str], loop: asyncio.AbstractEventLoop) -> None:
        self._it, self._loop = it, loop
        self._cond = threading.Condition()
        self._lines: deque[str] = deque()
        self._end = False
        self._error: BaseException | None = None
        self._closed = False
        self._waiter: asyncio.Future[None] | None = None

    def read(self) -> None:  # the reader thread
        try:
            for line in self._it:
                with self._cond:
                    while len(self._lines) >= READ_BATCH and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    self._lines.append(line)
                    self._wake()
        except BaseException as exc:  # a decoding error, a closed file: raised in the crawl
            with self._cond:
                self._error = exc
                self._wake()
        else:
            with self._cond:
                self._end = True
                self._wake()

    async def take(self) -> list[str]:
        """The lines read since the last call (waiting for one); [] at the end of the input."""
        while True:
            with self._cond:
                if self._lines:
                    lines = list(self._lines)
                    self._lines.clear()
                    self._cond.notify()
                    return lines
                if self._error is not None:
                    raise self._error
                if self._end:
                    return []
                waiter = self._waiter = self._loop.create_future()
            await waiter

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def _wake(self) -> None:  # with the lock held
        waiter, self._waiter = self._waiter, None
        if waiter is not None:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (the crawl was cancelled)
                self._loop.call_soon_threadsafe(_settle, waiter)


def _settle(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
