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

Scripts and notebooks. multiprocessing's forkserver and spawn start a child by re-importing the
parent's ``__main__`` (so that functions defined there can be unpickled): a script that crawls at
its top level, without ``if __name__ == "__main__":``, would run again in every worker. So:

* the extract function lives in a real module (``newsscrape.extract``, the default, or a user's
  own module): workers are started with ``__main__``'s ``__file__``/``__spec__`` hidden, so they
  never import the caller's script; a guard is not needed.
* it is defined in ``__main__``: workers must import the script to find it. That is done when the
  crawl is started from inside an ``if __name__ == "__main__":`` block (read from the script's
  syntax tree); otherwise (no guard, a notebook, a REPL) pages are extracted in this process and
  one line on stderr says why.
* a worker that dies before it is ready (whatever the reason) falls back the same way: a page is
  never turned into an error because workers could not start.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterator
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

_READY = "ready"  # a worker's first message: it started, imported what it needs, and waits for pages
START_TIMEOUT = 120.0  # seconds for a worker to become ready (imports on a loaded machine)
_MAIN_LOCK = threading.Lock()  # one worker start at a time may hide __main__


def _context() -> BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    # with the language model (``extractor/_preload.py``): one copy shared by every worker
    ctx.set_forkserver_preload(["newsscrape.extractor", "newsscrape.extractor._preload"])
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
    conn.send(_READY)
    from ..extractor._warm import WARM_STEPS

    cold = list(WARM_STEPS)
    while True:
        _warm_while_idle(conn, cold)
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        conn.send(_run_one(fn, config, job))


def _warm_while_idle(conn: Connection, cold: list[Callable[[], None]]) -> None:
    """Take the next steps of ``cold`` (what extraction loads lazily, ``extractor/_warm.py``) while
    no page is waiting: between pages, a page never waits for more than the step under way.

    The language model, large, is loaded by the forkserver instead (shared by every worker); the
    rest is not, as loading all of it there pushed the first record from ~2 s to ~4.5 s on a loaded
    machine. Here a page waits for at most the step under way, and the pages after it find them
    loaded instead of paying inside their time limit.
    """
    while cold and not conn.poll(0):
        step = cold.pop(0)
        with contextlib.suppress(Exception):  # a part that fails to load stays lazy
            step()


class _Gone(Exception):
    """The worker was dead before it was handed the page (killed while idle): the page is not to blame."""


class _Unborn(Exception):
    """A worker died (or hung) before it was ready: worker processes cannot be used here."""


@contextlib.contextmanager
def _main_hidden(hide: bool) -> Iterator[None]:
    """Start a child without telling it where ``__main__`` came from, so it does not import the
    caller's script (multiprocessing reads ``__spec__`` and ``__file__`` at ``start()``)."""
    main = sys.modules.get("__main__")
    if not hide or main is None:
        yield
        return
    with _MAIN_LOCK:
        saved = {k: v for k, v in vars(main).items() if k in ("__file__", "__spec__")}
        main.__spec__ = None
        vars(main).pop("__file__", None)
        try:
            yield
        finally:
            vars(main).update(saved)


def _defined_in_main(fn: object) -> bool:
    return getattr(fn, "__module__", None) == "__main__"


def main_unusable() -> str | None:
    """Why worker processes cannot import ``__main__`` safely (to unpickle a function defined
    there), or None: the crawl runs inside the script's ``if __name__ == "__main__":`` block."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path:
        return "it is defined in an interactive session (a notebook or a REPL)"
    frame = sys._current_frames().get(threading.main_thread().ident or 0)
    while frame is not None and not (frame.f_code.co_name == "<module>" and frame.f_globals is vars(main)):
        frame = frame.f_back
    if frame is None:  # the script's top level has finished: a child would re-run it, but not the crawl
        return None
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
    except (OSError, SyntaxError, ValueError):
        return "its script cannot be read"
    line = frame.f_lineno
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and _tests_main(node.test)
            and node.lineno <= line <= (node.end_lineno or node.lineno)
        ):
            return None
    return 'the script crawls outside `if __name__ == "__main__":`, and workers would re-run it'


def _tests_main(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


class _Worker:
    def __init__(self, ctx: BaseContext, fn: ExtractFn, config: ExtractConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, fn, config), daemon=True, name="newsscrape-extract"
        )
        with _main_hidden(not _defined_in_main(fn)):
            self.process.start()
        child.close()
        try:
            ready = self.conn.poll(START_TIMEOUT) and self.conn.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise _Unborn

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
        if self._ctx is not None and _defined_in_main(extract_fn):
            why = main_unusable()
            if why is not None:
                self._in_process(f"the extract function is in __main__ and {why}")
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._started: asyncio.Future[None] | None = None
        self._threads = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="newsscrape-wait")
        self._closed = False

    async def extract(
        self, content: bytes, url: str, *, final_url: str | None, charset: str | None
    ) -> Article:
        job: Job = (content, url, final_url, charset)
        if self._ctx is not None:
            await self._idle_queue()  # workers start here, or the pool falls back to this process
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

    def start(self) -> None:
        """Start the worker processes now, in the background (call from the running event loop).

        A crawl calls this before its first request, so the forkserver's interpreter and imports
        and the workers' start overlap with robots.txt and the first downloads instead of
        following them: the first record comes out one extraction after the first page, not one
        pool start-up after it. Without it, workers start with the first ``extract``.
        """
        if self._ctx is not None and self._idle is None:
            self._idle = asyncio.Queue()
            self._started = asyncio.get_running_loop().run_in_executor(None, self._start_workers)

    async def _idle_queue(self) -> asyncio.Queue[_Worker]:
        self.start()
        assert self._idle is not None
        assert self._started is not None
        await asyncio.shield(self._started)
        return self._idle

    def _start_workers(self) -> None:
        assert self._ctx is not None
        assert self._idle is not None
        started: list[_Worker] = []
        try:
            while len(started) < self._size and not self._closed:
                started.append(_Worker(self._ctx, self._fn, self._config))
                self._workers = list(started)  # close() kills what has started so far
        except _Unborn:
            for worker in started:
                worker.kill()
            self._workers = []
            self._in_process("extraction worker processes died before they were ready")
            return
        if self._closed:  # the crawl ended while they started (start() runs in the background)
            for worker in started:
                worker.kill()
            return
        for worker in started:
            self._idle.put_nowait(worker)

    def _in_process(self, why: str) -> None:
        """No worker processes: extract in this process (threads), and say so once."""
        self._ctx = None
        sys.stderr.write(f"newsscrape: extracting in this process: {why} (see README: scripts)\n")

    def _replace(self, dead: _Worker) -> _Worker:
        dead.kill()
        if self._closed:  # stopping: do not start what close() would have to kill
            return dead
        assert self._ctx is not None
        try:
            fresh = _Worker(self._ctx, self._fn, self._config)
        except _Unborn:  # it cannot be replaced now: the next page finds it dead and tries again
            return dead
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
