"""Run a coroutine from synchronous code, whether or not an event loop is running in this thread.

``crawl_sync`` and ``fetch`` are for code without ``await``: a script, but also a Jupyter cell
or a sync helper called from async code, where a loop is already running in the thread and
``asyncio.run`` refuses to start. There the coroutine runs in a private loop on a worker thread,
and the caller's thread waits for it (as any blocking call would); elsewhere it runs in a loop of
this thread, so signals and Ctrl-C behave as usual.

    For example::

        with SyncRunner() as runner:
            page = runner.run(afetch_page(url))
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, Coroutine, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
_UNWIND = 10.0  # seconds an interrupted coroutine gets to finish its cleanup


class SyncRunner:
    """``run(coro)`` as many times as needed, on one loop; ``close()`` finalises it (async generators too)."""

    def __init__(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self._runner: asyncio.Runner | None = asyncio.Runner()
            self._loop: asyncio.AbstractEventLoop | None = None
            return
        self._runner = None
        loop = self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=loop.run_forever, name="newsscrape-loop", daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` to its end and return its result (or raise its exception)."""
        if self._runner is not None:
            return self._runner.run(coro)
        assert self._loop is not None
        finished = threading.Event()

        async def tracked() -> T:
            try:
                return await coro
            finally:
                finished.set()

        future: Future[T] = asyncio.run_coroutine_threadsafe(tracked(), self._loop)
        try:
            return future.result()
        except BaseException:
            # Interrupted while waiting (Ctrl-C in a notebook): cancel the coroutine and let it
            # unwind, so the loop is idle again for close() and nothing runs on behind our back.
            future.cancel()
            finished.wait(_UNWIND)
            raise

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()
            return
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        asyncio.run_coroutine_threadsafe(_finish(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join()
        loop.close()

    def __enter__(self) -> SyncRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


async def _finish() -> None:
    """What ``asyncio.Runner.close`` does before closing: cancel leftovers, close async generators."""
    loop = asyncio.get_running_loop()
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks(loop) if t is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run one coroutine from sync code (see the module docstring).

    For example::

        article = run_sync(afetch("https://example.com/news/1"))
    """
    with SyncRunner() as runner:
        return runner.run(coro)


def iterate_sync(agen: AsyncGenerator[T, None]) -> Iterator[T]:
    """An async generator as a plain iterator, on a SyncRunner (so in a notebook cell too); the
    generator is closed on the same loop when the iterator ends or is dropped.

    For example::

        for record in iterate_sync(Crawler(config).run(urls)):
            print(record.url)
    """

    async def step() -> T:
        return await anext(agen)

    # close() also finalises async generators left open inside httpx and cancels leftovers.
    with SyncRunner() as runner:
        try:
            while True:
                try:
                    yield runner.run(step())
                except StopAsyncIteration:
                    return
        finally:
            runner.run(agen.aclose())
