"""What runs in an extraction worker process (``_pool`` starts and feeds them).

Kept apart from ``_pool`` so that a worker imports only this, the extractor and the records: not
asyncio nor anything else the crawl's own process needs (a spawned worker, ``_pool``'s early one,
starts that much sooner).
"""

from __future__ import annotations

import contextlib
import queue
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Protocol

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

READY = "ready"  # a worker's first message: it started, imported what it needs, and waits for pages


def default_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """``newsscrape.extract``, imported where it runs: the workers have it from the forkserver, and
    the crawl's own process, which only hands pages over, never loads the extractor."""
    from ..extractor import extract

    return extract(html, url, final_url=final_url, charset=charset, config=config)


def run_one(fn: ExtractFn, config: ExtractConfig, job: Job) -> Article | ExtractError:
    content, url, final_url, charset = job
    try:
        return fn(content, url, final_url=final_url, charset=charset, config=config)
    except ExtractError as exc:
        return exc
    except Exception as exc:  # a bug in an extractor stage must not end the batch
        return ExtractError(f"extractor failed: {type(exc).__name__}: {exc}", url=url, reason="internal")


def worker_main(conn: Connection, fn: ExtractFn, config: ExtractConfig, warm: bool = True) -> None:
    # Ctrl-C reaches the whole process group, and so does a service manager's SIGTERM (systemd's
    # stop, `kill -- -PGID`): the parent decides when workers stop (it lets the pages in flight
    # finish, then kills them). A worker ended by the signal would record the page it was on as
    # "extraction worker died", an error only --retry-failed redoes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # A parent gone before this worker could say it started or answer (a crawl of a few URLs, done
    # before the worker was up) closed the pipe: the worker ends quietly, without a traceback.
    with contextlib.suppress(OSError, EOFError):  # BrokenPipeError is an OSError
        _serve(conn, fn, config, warm)


def _serve(conn: Connection, fn: ExtractFn, config: ExtractConfig, warm: bool) -> None:
    conn.send(READY)
    from ..extractor._warm import WARM_STEPS

    # Pages are read as they come, by a thread of their own: the parent may hand over the next page
    # while this one is extracted, and neither side ever blocks writing to the other (a page and an
    # answer both larger than the pipe's buffer would otherwise wait for each other for ever).
    jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
    threading.Thread(target=_read_jobs, args=(conn, jobs), daemon=True, name="newsscrape-pages").start()
    cold = list(WARM_STEPS) if warm else []
    while True:
        _warm_while_idle(jobs, cold)
        job = jobs.get()
        if job is None:  # the parent is gone
            return
        conn.send(run_one(fn, config, job))


def _read_jobs(conn: Connection, jobs: queue.SimpleQueue[Job | None]) -> None:
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            jobs.put(None)
            return
        jobs.put(job)


def _warm_while_idle(jobs: queue.SimpleQueue[Job | None], cold: list[Callable[[], None]]) -> None:
    """Take the next steps of ``cold`` (what extraction loads lazily, ``extractor/_warm.py``) while
    no page is waiting: between pages, a page never waits for more than the step under way.

    A forkserver's worker finds every step done already (the forkserver took them once for all,
    ``_preload``: the first record comes from ``_pool``'s early worker, which does not wait for
    it): here a step is a cheap no-op, or the retry of one that failed there. Here a page waits
    for at most the step under way, and the pages after it find them loaded instead of paying
    inside their time limit.
    """
    while cold and jobs.empty():
        step = cold.pop(0)
        with contextlib.suppress(Exception):  # a part that fails to load stays lazy
            step()
