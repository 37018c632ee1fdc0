"""Extraction in killable workers: a runaway page is stopped, recorded, and the crawl goes on."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from pathlib import Path

import pytest
from crawl_support import by_url, run_crawl

from faultserver import FaultServer, Response, article_html
from newsscrape.config import ExtractConfig
from newsscrape.crawler._pool import ExtractPool
from newsscrape.errors import ExtractError
from newsscrape.extractor import extract
from newsscrape.models import Article, ErrorRecord


def runaway_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """``extract``, except that a URL containing "runaway" never finishes (it leaves its pid in
    the file named by the ``pidfile`` query parameter). Module-level: worker processes import it."""
    if url and "runaway" in url:
        pidfile = url.split("pidfile=", 1)[1]
        Path(pidfile).write_text(str(os.getpid()))
        time.sleep(120)
    return extract(html, url, final_url=final_url, charset=charset, config=config)


def failing_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    raise RuntimeError("a bug in a stage")


def pid_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """``extract``, appending the worker's pid to the file named by the URL's ``pidfile`` parameter
    (one line per attempt); a URL containing "die" ends the worker instead (a crash in a C library,
    as far as the pool can tell)."""
    assert url is not None
    with open(url.split("pidfile=", 1)[1], "a") as log:
        log.write(f"{os.getpid()}\n")
    if "die" in url:
        os._exit(1)
    return extract(html, url, final_url=final_url, charset=charset, config=config)


def group_signalled_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """``extract``, after the signals a stop of the whole process group brings (Ctrl-C in a
    terminal, systemd's stop, ``kill -- -PGID``) reach this worker mid-page."""
    os.kill(os.getpid(), signal.SIGINT)
    os.kill(os.getpid(), signal.SIGTERM)
    return extract(html, url, final_url=final_url, charset=charset, config=config)


PAGE = article_html("pool").encode()


def pids(pidfile: Path) -> list[int]:
    return [int(line) for line in pidfile.read_text().split()]


def wait_until_gone(pid: int) -> None:
    """Block until process ``pid`` no longer exists (its parent, the forkserver, reaps it)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} still exists")


async def extract_page(pool: ExtractPool, url: str) -> Article:
    return await pool.extract(PAGE, url, final_url=None, charset=None)


def test_a_worker_killed_while_idle_is_replaced_before_the_next_page(tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"

    async def go() -> None:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=pid_extract) as pool:
            await extract_page(pool, f"http://e.com/1?pidfile={pidfile}")
            (first,) = pids(pidfile)
            with contextlib.suppress(ProcessLookupError):  # it may have retired by itself meanwhile
                os.kill(first, signal.SIGKILL)
            wait_until_gone(first)
            assert isinstance(await extract_page(pool, f"http://e.com/2?pidfile={pidfile}"), Article)
            second = pids(pidfile)[1:]
            assert len(second) == 1  # handed over once, to a fresh worker
            assert second[0] != first

    asyncio.run(go())


def test_a_page_that_kills_its_worker_is_recorded_not_retried(tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"

    async def go() -> None:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=pid_extract) as pool:
            with pytest.raises(ExtractError) as caught:
                await extract_page(pool, f"http://e.com/die?pidfile={pidfile}")
            assert caught.value.reason == "worker_died"
            assert "exit status 1" in caught.value.message
            assert len(pids(pidfile)) == 1  # tried once: its worker died on it, not before it
            assert isinstance(await extract_page(pool, f"http://e.com/2?pidfile={pidfile}"), Article)
            killer, fresh = pids(pidfile)
            assert fresh != killer

    asyncio.run(go())


def test_a_runaway_extraction_is_killed_and_the_crawl_goes_on(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    pidfile = tmp_path / "pid"
    runaway = fault_server.url(f"/page/runaway?pidfile={pidfile}")
    urls = [runaway, fault_server.url("/page/a"), fault_server.url("/page/b")]
    started = time.monotonic()
    # a limit the two good pages meet on a loaded machine too, far below the runaway's 120 s sleep
    records = by_url(run_crawl(urls, workers=1, extract_timeout=5.0, extract_fn=runaway_extract))
    assert time.monotonic() - started < 60  # nowhere near the 120 s sleep
    stuck = records[runaway]
    assert isinstance(stuck, ErrorRecord)
    assert (stuck.kind, stuck.reason) == ("extract", "timed_out")
    assert isinstance(records[urls[1]], Article)
    assert isinstance(records[urls[2]], Article)
    pid = int(pidfile.read_text())
    with pytest.raises(ProcessLookupError):  # the worker is gone, not left sleeping
        os.kill(pid, 0)


def test_without_workers_a_runaway_page_is_abandoned_after_the_limit() -> None:
    async def go() -> None:
        with ExtractPool(workers=0, timeout=0.5, extract_fn=runaway_extract) as pool:
            with pytest.raises(ExtractError) as caught:
                await pool.extract(
                    b"<p>x</p>", "http://e.com/runaway?pidfile=/dev/null", final_url=None, charset=None
                )
            assert caught.value.reason == "timed_out"

    asyncio.run(go())


def test_a_bug_in_the_extractor_becomes_an_internal_error_record(fault_server: FaultServer) -> None:
    (record,) = run_crawl([fault_server.url("/page/a")], workers=1, extract_fn=failing_extract)
    assert isinstance(record, ErrorRecord)
    assert (record.kind, record.reason) == ("extract", "internal")


def test_a_page_without_text_keeps_its_metadata_across_the_worker(fault_server: FaultServer) -> None:
    # the ExtractError crosses from a worker process with what the page's metadata gave
    shell = (
        "<html><head><title>Where do I start?</title>"
        '<meta property="article:published_time" content="2026-01-24T07:02:34+00:00">'
        "</head><body><div id='app'></div></body></html>"
    )
    fault_server.add_route("/shell", lambda req: Response(body=shell.encode(), content_type="text/html"))
    (record,) = run_crawl([fault_server.url("/shell")], workers=1)
    assert isinstance(record, ErrorRecord)
    assert record.reason == "no_body"
    assert record.metadata is not None
    assert record.metadata.title == "Where do I start?"
    assert record.to_dict()["metadata"]["published"] == "2026-01-24T07:02:34+00:00"


def test_a_stop_of_the_process_group_lets_the_worker_finish_its_page() -> None:
    # The parent drains pages in flight on SIGTERM; a worker that died of the same SIGTERM recorded
    # its page as "extraction worker died", an error --resume alone never does again.
    async def go() -> None:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=group_signalled_extract) as pool:
            assert isinstance(await extract_page(pool, "http://e.com/1"), Article)

    asyncio.run(go())
