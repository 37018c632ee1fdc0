"""Extraction workers start with the crawl, not with its first page (time to the first record)."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from faultserver import FaultServer, article_html
from newsscrape.config import ExtractConfig
from newsscrape.crawler import _pool
from newsscrape.crawler._pool import ExtractPool
from newsscrape.models import Article

PAGE = article_html("warm").encode()


def pid_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article whose title is the pid of the process that made it. Module-level: workers import it."""
    return Article(url=url, final_url=final_url, title=str(os.getpid()))


def warmth_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article whose tags say what the worker had loaded before it was handed this page."""
    from newsscrape.extractor.metadata import _language

    loaded = (
        ("langid",) * bool(_language._identifier.cache_info().currsize)
        + ("trafilatura",) * ("trafilatura" in sys.modules)
        + ("dateparser",) * ("dateparser" in sys.modules)
    )
    return Article(url=url, final_url=final_url, tags=loaded)


# Loaded by the crawl's own process only: a worker that had them paid for them before its first page.
CRAWL_ONLY = ("httpx", "newsscrape.crawler._engine", "newsscrape.discovery", "warcio")


def modules_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article whose tags are the crawl-only modules this worker has loaded."""
    return Article(url=url, final_url=final_url, tags=tuple(m for m in CRAWL_ONLY if m in sys.modules))


async def _started_workers(pool: ExtractPool, count: int) -> list[int]:
    """The pids of the pool's workers once ``count`` have started (or failed after 60 s)."""
    for _ in range(6000):
        if len(pool._workers) == count:
            return [w.process.pid for w in pool._workers if w.process.pid is not None]
        await asyncio.sleep(0.01)
    raise AssertionError("the workers did not start")


def _spawned(kwargs: dict[str, Any]) -> bool:
    """Whether a ``_Worker`` made with ``kwargs`` is the early one (spawned, warming nothing)."""
    return kwargs.get("warm", True) is False


def test_a_page_before_any_forkserver_worker_is_ready_goes_to_a_spawned_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The forkserver's workers are held (as a slow start of the forkserver would): the first page
    is extracted all the same, by the early worker, in a process of its own. The second page,
    there at the same time, waits for the forkserver's worker (the early one takes only the first
    record's page), and the early worker is gone once it is done."""
    release = threading.Event()

    class HeldForkserver(_pool._Worker):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not _spawned(kwargs):
                release.wait(120)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(_pool, "_Worker", HeldForkserver)

    async def go() -> tuple[Article, Article, list[int], bool]:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=pid_extract) as pool:
            first = asyncio.ensure_future(pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None))
            second = asyncio.ensure_future(pool.extract(PAGE, "http://e.com/2", final_url=None, charset=None))
            try:  # a bound for a failure, not a speed check: the held workers wait 120 s
                early = await asyncio.wait_for(first, 60)
            finally:
                release.set()
            later = await asyncio.wait_for(second, 60)
            ready = await _started_workers(pool, 1)
            for _ in range(6000):  # the early worker ends once its page is answered
                if pool._early is None:
                    break
                await asyncio.sleep(0.01)
            return early, later, ready, pool._early is None

    early, later, ready, early_gone = asyncio.run(go())
    assert early.title not in (str(os.getpid()), str(ready[0]))  # neither here nor the held one
    assert later.title == str(ready[0])
    assert early_gone


def test_workers_started_before_the_first_page_extract_it() -> None:
    async def go() -> None:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=pid_extract) as pool:
            pool.start()  # no page yet
            (worker,) = await _started_workers(pool, 1)
            article = await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)
            assert article.title == str(worker)  # the page went to the worker already running

    asyncio.run(go())


def test_a_pool_closed_while_its_workers_start_leaves_none_running(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[_pool._Worker] = []
    one_made = threading.Event()

    class Recorded(_pool._Worker):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)
            one_made.set()
            if _spawned(kwargs):  # the early worker, up and not yet handed to the pool when close()
                time.sleep(3)  # comes (as on a busy machine): the pool still stops it

    monkeypatch.setattr(_pool, "_Worker", Recorded)
    pool = ExtractPool(workers=2, timeout=30.0, extract_fn=pid_extract)
    pool.start()
    # a crawl that needed no extraction (every URL refused) ends at once: here as soon as one worker
    # is up, the others still starting (waiting for it makes the test the same on a loaded machine)
    assert one_made.wait(60)
    pool.close()
    for slot in pool._slots:  # the background starts (the early worker's too) see the pool closed and stop
        slot.join(60)
    assert not any(w.process.is_alive() for w in made)


def test_the_first_page_does_not_wait_for_every_worker_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers start side by side and each takes pages once it is ready: a slow second worker
    (held here until the first page is done) does not hold up the first record."""
    release = threading.Event()
    starts = itertools.count()

    class SlowSecond(_pool._Worker):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if _spawned(kwargs):  # the forkserver's workers alone, here
                raise _pool._Unborn
            if next(starts) == 1:
                release.wait(120)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(_pool, "_Worker", SlowSecond)

    async def go() -> Article:
        with ExtractPool(workers=2, timeout=30.0, extract_fn=pid_extract) as pool:
            try:  # a bound for a failure, not a speed check: the held worker waits 120 s
                return await asyncio.wait_for(
                    pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None), 60
                )
            finally:
                release.set()

    assert isinstance(asyncio.run(go()), Article)


def log_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article as large as the page (so answers, like pages, overflow any pipe buffer); appends
    the URL's path to the file named by its ``log`` parameter once done."""
    assert url is not None
    with open(url.split("log=", 1)[1], "a") as log:
        log.write(url.split("?", 1)[0].rsplit("/", 1)[1] + "\n")
    return Article(url=url, final_url=final_url, body=html.decode())


def test_a_worker_goes_to_its_next_page_while_the_event_loop_is_busy(tmp_path: Path) -> None:
    """The next page is handed to the worker by its own thread, not by the event loop: with the
    loop held up (by downloads, in a crawl), one worker still extracts both pages, each larger
    than a pipe's buffer, and both records arrive whole."""
    log = tmp_path / "log"
    log.touch()
    big = b"<p>" + b"x" * (4 << 20) + b"</p>"

    async def go() -> list[Article]:
        with ExtractPool(workers=1, timeout=60.0, extract_fn=log_extract) as pool:
            pool.start()
            await _started_workers(pool, 1)
            pages = [
                asyncio.ensure_future(
                    pool.extract(big, f"http://e.com/{n}?log={log}", final_url=None, charset=None)
                )
                for n in ("a", "b")
            ]
            await asyncio.sleep(0)  # both handed to the pool
            for _ in range(6000):  # the event loop is held up here, on purpose (60 s at most)
                if log.read_text().split() == ["a", "b"]:
                    break
                time.sleep(0.01)  # noqa: ASYNC251 - holding the loop is the point
            assert log.read_text().split() == ["a", "b"]
            return list(await asyncio.gather(*pages))

    first, second = asyncio.run(go())
    assert first.body == second.body == big.decode()


def test_idle_workers_load_the_heavy_models_before_pages_need_them() -> None:
    async def go() -> tuple[str, ...]:
        with ExtractPool(workers=1, timeout=60.0, extract_fn=warmth_extract) as pool:
            pool.start()
            await _started_workers(pool, 1)
            loaded: tuple[str, ...] = ()
            for _ in range(120):  # the worker loads them while it waits; each look is one page
                await asyncio.sleep(0.5)
                article = await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)
                loaded = article.tags
                if len(loaded) == 3:
                    break
            return loaded

    assert asyncio.run(go()) == ("langid", "trafilatura", "dateparser")


def held_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """In a worker process: note that the page started (file ``started``), then never finish. In
    the crawl's own process: an Article titled with that process's pid."""
    assert url is not None
    parent, started = url.split("parent=", 1)[1].split("&started=")
    if os.getpid() != int(parent):
        Path(started).touch()
        time.sleep(120)
    return Article(url=url, final_url=final_url, title=str(os.getpid()))


def test_a_page_in_flight_when_the_pool_falls_back_is_extracted_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The second worker dies before it is ready while the first has a page under way: the pool
    falls back to this process, and that page is extracted here, not recorded as a dead worker's."""
    release = threading.Event()
    starts = itertools.count()

    class DiesSecond(_pool._Worker):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if _spawned(kwargs):  # the forkserver's workers alone, here
                raise _pool._Unborn
            if next(starts) == 1:
                release.wait(120)
                raise _pool._Unborn
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(_pool, "_Worker", DiesSecond)
    started = tmp_path / "started"
    url = f"http://e.com/1?parent={os.getpid()}&started={started}"

    async def go() -> Article:
        with ExtractPool(workers=2, timeout=60.0, extract_fn=held_extract) as pool:
            page = asyncio.ensure_future(pool.extract(PAGE, url, final_url=None, charset=None))
            try:
                for _ in range(6000):  # until the first worker has the page under way (60 s at most)
                    if started.exists():
                        break
                    await asyncio.sleep(0.01)
                assert started.exists()
            finally:
                release.set()
            return await asyncio.wait_for(page, 60)

    assert asyncio.run(go()).title == str(os.getpid())


def test_a_worker_loads_the_extractor_not_the_crawler() -> None:
    async def go() -> Article:
        with ExtractPool(workers=1, timeout=60.0, extract_fn=modules_extract) as pool:
            return await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)

    assert asyncio.run(go()).tags == ()


def test_the_cli_crawl_with_workers_gives_its_first_record(fault_server: FaultServer, tmp_path: Path) -> None:
    # The whole start-up path of ``newsscrape crawl`` (lazy imports, the forkserver, the worker
    # importing the extractor where it runs): the first record is a real extraction.
    source = tmp_path / "urls.txt"
    source.write_text(fault_server.url("/page/first?title=First+story") + "\n")
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "--delay", "0", "--workers", "1"]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        assert proc.wait(120) == 0
    assert first["url"] == fault_server.url("/page/first?title=First+story")
    assert first["title"] == "First story"


def test_a_forkserver_worker_has_the_heavy_models_loaded_before_its_first_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The forkserver loads what extraction loads lazily, once for every worker: a page queued
    before the worker is ready, and handed over the moment it is, finds all of it loaded (a worker
    loading them on its own would have had no idle time for it)."""
    monkeypatch.setattr(_pool, "EARLY_PAGES", 0)  # the page is the forkserver worker's

    async def go() -> tuple[str, ...]:
        with ExtractPool(workers=1, timeout=60.0, extract_fn=warmth_extract) as pool:
            article = await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)
            return article.tags

    assert asyncio.run(go()) == ("langid", "trafilatura", "dateparser")


# A module the forkserver imports before the crawl's own preload: its exit handler, registered
# first, runs last, after any handler the preload registers, so it only runs if the forkserver
# tears itself down on the way out.
EXIT_MARKER = """
import atexit, os
atexit.register(lambda: open(os.environ["EXIT_MARKER"], "w").close())
"""

# A crawl's extraction pool in a process of its own; prints its forkserver's pid, then imports the
# preload itself (as a test or a curious user might) and exits with 3.
POOL_THEN_EXIT = """
import asyncio, sys
from multiprocessing import forkserver
from newsscrape.crawler import _pool

plain = _pool._context
def with_marker():
    ctx = plain()
    ctx.set_forkserver_preload(["exit_marker", *forkserver._forkserver._preload_modules])
    return ctx
_pool._context = with_marker

async def one() -> None:
    with _pool.ExtractPool(workers=1, timeout=60.0) as pool:
        await pool.extract(sys.argv[1].encode(), "http://e.com/1", final_url=None, charset=None)

asyncio.run(one())
print(forkserver._forkserver._forkserver_pid, flush=True)
import newsscrape.crawler._preload
sys.exit(3)
"""


def _wait_gone(pid: int) -> None:
    """Block until process ``pid`` has ended (gone, or a zombie nobody reaped yet)."""
    for _ in range(6000):
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    return
        except FileNotFoundError:
            return
        time.sleep(0.01)
    raise AssertionError(f"the forkserver {pid} did not end")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_forkserver_ends_without_tearing_down_what_it_preloaded(tmp_path: Path) -> None:
    """The forkserver holds the crawl's stdout and stderr: it ends the moment the crawl's process
    does, without the teardown of everything it loaded, so that a reader of the crawl's output
    sees its end when the crawl ends. An exit handler registered before the preload never runs
    there; any other process importing the preload keeps its own exit (code 3 here)."""
    (tmp_path / "exit_marker.py").write_text(EXIT_MARKER)
    marker = tmp_path / "torn-down"
    path = os.pathsep.join([str(tmp_path), *sys.path])
    env = {**os.environ, "EXIT_MARKER": str(marker), "PYTHONPATH": path}
    args = [sys.executable, "-c", POOL_THEN_EXIT, PAGE.decode()]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    _wait_gone(int(done.stdout.split()[-1]))
    assert not marker.exists()


def test_the_workers_start_before_the_crawl_makes_its_http_client(
    monkeypatch: pytest.MonkeyPatch, fault_server: FaultServer
) -> None:
    """The forkserver's start-up is the longest wait before extraction runs at full speed: the pool
    starts first, and the HTTP client (its TLS context takes tens of ms) is made meanwhile."""
    # Imported here: a worker unpickling this module's extract functions must not load the crawler.
    from crawl_support import quick_extract, run_crawl

    from newsscrape.crawler import _engine

    order: list[str] = []
    start, make_client = ExtractPool.start, _engine.async_client

    def started(pool: ExtractPool) -> None:
        order.append("workers")
        start(pool)

    def client(*args: Any, **kwargs: Any) -> Any:
        order.append("http client")
        return make_client(*args, **kwargs)

    monkeypatch.setattr(ExtractPool, "start", started)
    monkeypatch.setattr(_engine, "async_client", client)
    records = run_crawl([fault_server.url("/page/1")], extract_fn=quick_extract)
    assert [r.url for r in records] == [fault_server.url("/page/1")]
    assert order[:2] == ["workers", "http client"]
