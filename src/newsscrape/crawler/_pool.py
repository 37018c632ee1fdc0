"""Extraction off the event loop, in worker processes that can be killed when a page runs away.

A stdlib ProcessPoolExecutor cannot cancel a running task: one pathological page would hold a
worker forever. So each worker here is a plain ``multiprocessing`` process with a pipe; the
parent waits for the answer with a deadline (``extract_timeout``), and on expiry kills that
process and starts a fresh one. A worker found dead before it was handed a page (killed while
idle: the out-of-memory killer, an operator) is replaced and the page goes to the fresh one; a
page its worker dies on is recorded (``internal``), never tried again.

The wait happens in a thread (one per worker) so the event loop never blocks; the extraction
itself uses the other cores. Workers come from a ``forkserver`` (a clean, single-threaded parent
with the extractor preloaded), never forked from the crawler's threads. ``workers=0`` extracts
in a daemon thread instead (tests, tiny runs); a runaway page then cannot be killed, only
abandoned after the timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from ..config import ExtractConfig
from ..errors import ExtractError
from ..models import Article


class ExtractFn(Protocol):
    """The shape of ``newsscrape.extract``; a replacement must be a picklable module-level function."""

    def __call__(
        self,
        html: bytes,
        url: str | None = ...,
        *,
        final_url: str | None,
        charset: str | None,
        config: ExtractConfig,
    ) -> Article: ...


Job = tuple[bytes, str, str | None, str | None]  # content, url, final_url, charset


def _context() -> BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["newsscrape.extractor"])
    return ctx


def _run_one(fn: ExtractFn, config: ExtractConfig, job: Job) -> Article | ExtractError:
    content, url, final_url, charset = job
    try:
        return fn(content, url, final_url=final_url, charset=charset, config=config)
    except ExtractError as exc:
        return exc
    except Exception as exc:  # a bug in an extractor stage must not end the batch
        return ExtractError(f"extractor failed: {type(exc).__name__}: {exc}", url=url, reason="internal")


def _worker_main(conn: Connection, fn: ExtractFn, config: ExtractConfig) -> None:
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        conn.send(_run_one(fn, config, job))


class _Gone(Exception):
    """The worker was dead before it was handed the page (killed while idle): the page is not to blame."""


class _Worker:
    def __init__(self, ctx: BaseContext, fn: ExtractFn, config: ExtractConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, fn, config), daemon=True, name="newsscrape-extract"
        )
        self.process.start()
        child.close()

    def call(self, job: Job, timeout: float) -> Article | ExtractError:
        """Send one page, wait for the answer.

        Raises _Gone (dead before it got the page), TimeoutError (it ran over and was killed), or
        EOFError/OSError (it died on the page).
        """
        if not self.process.is_alive():
            raise _Gone
        try:
            self.conn.send(job)
        except OSError as exc:  # a broken pipe: it died since, before reading anything
            raise _Gone from exc
        if not self.conn.poll(timeout):
            self.kill()
            raise TimeoutError
        result: Article | ExtractError = self.conn.recv()
        return result

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ExtractPool:
    """``await pool.extract(content, url, ...)`` -> Article, or ExtractError (``timed_out`` when killed).

    >>> with ExtractPool(workers=2, timeout=30.0) as pool:
    ...     article = await pool.extract(page.content, page.url, final_url=page.final_url, charset=None)
    """

    def __init__(
        self,
        *,
        workers: int,
        timeout: float,
        config: ExtractConfig | None = None,
        extract_fn: ExtractFn | None = None,
    ) -> None:
        if extract_fn is None:
            from ..extractor import extract as default_extract

            extract_fn = default_extract
        self._fn: ExtractFn = extract_fn
        self._config = config or ExtractConfig()
        self._timeout = timeout
        self._size = workers
        self._ctx = _context() if workers else None
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._threads = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="newsscrape-wait")
        self._closed = False

    async def extract(
        self, content: bytes, url: str, *, final_url: str | None, charset: str | None
    ) -> Article:
        job: Job = (content, url, final_url, charset)
        if self._ctx is None:
            result = await self._in_thread(job)
        else:
            result = await self._in_worker(job)
        if isinstance(result, ExtractError):
            raise result
        return result

    async def _in_worker(self, job: Job) -> Article | ExtractError:
        idle = await self._idle_queue()
        worker = await idle.get()
        loop = asyncio.get_running_loop()
        try:
            for _ in range(2):
                try:
                    return await loop.run_in_executor(self._threads, worker.call, job, self._timeout)
                except _Gone:  # killed while idle (out of memory, an operator): a fresh one, once
                    worker = await loop.run_in_executor(self._threads, self._replace, worker)
            return ExtractError("extraction workers die before taking a page", url=job[1], reason="internal")
        except TimeoutError:
            worker = await loop.run_in_executor(self._threads, self._replace, worker)
            return self._timed_out(job[1])
        except (EOFError, OSError) as exc:  # it died on this page (a crash in a C library): recorded
            worker = await loop.run_in_executor(self._threads, self._replace, worker)
            return ExtractError(f"extraction worker died: {exc!r}", url=job[1], reason="internal")
        finally:
            idle.put_nowait(worker)

    async def _idle_queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            loop = asyncio.get_running_loop()
            assert self._ctx is not None
            ctx = self._ctx
            self._workers = await loop.run_in_executor(
                None, lambda: [_Worker(ctx, self._fn, self._config) for _ in range(self._size)]
            )
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    def _replace(self, dead: _Worker) -> _Worker:
        dead.kill()
        if self._closed:  # stopping: do not start what close() would have to kill
            return dead
        assert self._ctx is not None
        fresh = _Worker(self._ctx, self._fn, self._config)
        self._workers = [fresh if w is dead else w for w in self._workers]
        return fresh

    async def _in_thread(self, job: Job) -> Article | ExtractError:
        # A daemon thread, not the default executor: a runaway page must not hold up interpreter exit.
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Article | ExtractError] = loop.create_future()

        def run() -> None:
            result = _run_one(self._fn, self._config, job)
            # An abandoned runaway page may finish after its crawl (and loop) ended: nobody waits.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, future, result)

        threading.Thread(target=run, daemon=True, name="newsscrape-extract").start()
        try:
            return await asyncio.wait_for(future, self._timeout)
        except TimeoutError:
            return self._timed_out(job[1])

    def _timed_out(self, url: str) -> ExtractError:
        return ExtractError(
            f"extraction ran over {self._timeout:g}s; worker stopped", url=url, reason="timed_out"
        )

    def close(self) -> None:
        """Kill every worker now (a crawl that stops does not wait for pages in extraction)."""
        if self._closed:
            return
        self._closed = True
        for worker in self._workers:
            worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> ExtractPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _settle(future: asyncio.Future[Any], result: object) -> None:
    if not future.done():
        future.set_result(result)
