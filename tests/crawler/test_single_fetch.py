"""afetch extracts off the event loop: the loop runs on while a page is extracted, the result and
errors come through unchanged, and a task cancelled meanwhile ends at once.

The fake extractions below block until a coroutine on the test's own loop releases them (with a
bounded wait, so a frozen loop fails the test instead of hanging it).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Callable
from typing import Any

import pytest

import newsscrape
from faultserver import FaultServer, Request, Response
from newsscrape import ExtractConfig, ExtractError
from newsscrape.crawler import single
from newsscrape.models import Article

WAIT = 5.0  # seconds a fake extraction waits to be released: a frozen loop never releases it


class Blocking:
    """An extraction that says it started, then waits until the test releases it."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.started = asyncio.Event()
        self.released = threading.Event()
        self.finished = threading.Event()
        self.waited: list[bool] = []  # per call: released in time (False: the wait ran out)
        self.threads: list[str] = []

    def __call__(self, html: bytes | str, url: str | None = None, **kwargs: Any) -> Article:
        self.threads.append(threading.current_thread().name)
        self.loop.call_soon_threadsafe(self.started.set)
        try:
            self.waited.append(self.released.wait(WAIT))
            return newsscrape.extract(html, url, **kwargs)
        finally:
            self.finished.set()

    async def release_once_started(self) -> None:
        await self.started.wait()
        self.released.set()


@pytest.mark.anyio
async def test_afetch_extracts_while_the_loop_runs_on(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocking = Blocking()
    monkeypatch.setattr(single, "extract", blocking)
    async with asyncio.TaskGroup() as group:
        fetched = group.create_task(newsscrape.afetch(fault_server.url("/page/rain")))
        group.create_task(blocking.release_once_started())  # runs only if the loop is free
    assert blocking.waited == [True]
    assert fetched.result().title == "Article rain"
    assert blocking.threads[0].startswith("newsscrape-extract")


@pytest.mark.anyio
async def test_another_page_is_fetched_and_extracted_while_one_is_extracted(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The long page holds one extraction thread; the other page gets the other one.
    blocking = Blocking()
    extract = newsscrape.extract

    def one_long_page(html: bytes | str, url: str | None = None, **kwargs: Any) -> Article:
        return (blocking if url is not None and url.endswith("/long") else extract)(html, url, **kwargs)

    monkeypatch.setattr(single, "extract", one_long_page)

    async def the_other_page() -> Article:
        await blocking.started.wait()
        try:
            return await newsscrape.afetch(fault_server.url("/page/short"))
        finally:
            blocking.released.set()

    long, short = await asyncio.gather(newsscrape.afetch(fault_server.url("/page/long")), the_other_page())
    assert blocking.waited == [True]
    assert (long.title, short.title) == ("Article long", "Article short")


@pytest.mark.anyio
async def test_afetch_cancelled_during_extraction_ends_at_once(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocking = Blocking()
    monkeypatch.setattr(single, "extract", blocking)
    task = asyncio.create_task(newsscrape.afetch(fault_server.url("/page/rain")))
    await blocking.started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not blocking.released.is_set()  # ended while its page was still being extracted
    blocking.released.set()
    # the thread runs on to the end of its extraction, and nothing waits for it
    assert await asyncio.to_thread(blocking.finished.wait, WAIT)
    assert blocking.waited == [True]


def raising(error: BaseException) -> Callable[..., Article]:
    def fake(html: bytes | str, url: str | None = None, **kwargs: Any) -> Article:
        raise error

    return fake


@pytest.mark.parametrize("reason", ["no_body", "timed_out"])
@pytest.mark.anyio
async def test_extract_errors_come_through_afetch_unchanged(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch, reason: Any
) -> None:
    error = ExtractError("no article here", url=fault_server.url("/page/a"), reason=reason)
    monkeypatch.setattr(single, "extract", raising(error))
    with pytest.raises(ExtractError) as info:
        await newsscrape.afetch(fault_server.url("/page/a"))
    assert info.value is error


@pytest.mark.parametrize("reason", ["no_body", "timed_out"])
def test_extract_errors_come_through_fetch_unchanged(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch, reason: Any
) -> None:
    error = ExtractError("no article here", url=fault_server.url("/page/a"), reason=reason)
    monkeypatch.setattr(single, "extract", raising(error))
    with pytest.raises(ExtractError) as info:
        newsscrape.fetch(fault_server.url("/page/a"))
    assert info.value is error


@pytest.mark.anyio
async def test_afetch_returns_the_extracted_article(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Article] = []

    def kept(html: bytes | str, url: str | None = None, **kwargs: Any) -> Article:
        made.append(newsscrape.extract(html, url, **kwargs))
        return made[-1]

    monkeypatch.setattr(single, "extract", kept)
    article = await newsscrape.afetch(fault_server.url("/page/rain"))
    assert [article] == made
    assert newsscrape.fetch(fault_server.url("/page/rain")) is made[-1]


# 20,000 paragraphs: some 2 s of extraction (warm, alone), far over the limit below.
LONG_PAGE = (
    "<html><body><article>"
    + "".join(f"<p>Line {i} of the words, and a few more of them here.</p>" for i in range(20_000))
    + "</article></body></html>"
).encode()


def long_page(req: Request) -> Response:
    return Response(body=LONG_PAGE)


@pytest.mark.anyio
async def test_the_time_limit_holds_in_the_extraction_thread(fault_server: FaultServer) -> None:
    fault_server.add_route("/long", long_page)
    limit = ExtractConfig(time_limit=0.05)
    with pytest.raises(ExtractError) as info:
        await newsscrape.afetch(fault_server.url("/long"), extract_config=limit)
    assert info.value.reason == "timed_out"
    with pytest.raises(ExtractError) as info:
        newsscrape.fetch(fault_server.url("/long"), extract_config=limit)  # in a running loop, too
    assert info.value.reason == "timed_out"


def fetch_in_child(url: str, out: Any) -> None:
    out.put(asyncio.run(newsscrape.afetch(url)).title)


# Python 3.12+ warns of a fork in a process with threads (the fault server's); this test means to.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_extracts_on_threads_of_its_own(fault_server: FaultServer) -> None:
    # The parent's extraction threads are started and idle: a child forked now has the executor
    # but not its threads, and a page handed to that executor would never be extracted.
    assert newsscrape.fetch(fault_server.url("/page/parent")).title == "Article parent"
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=fetch_in_child, args=(fault_server.url("/page/child"), out))
    child.start()
    child.join(30)
    if child.is_alive():
        child.kill()
        child.join()
    assert child.exitcode == 0
    assert out.get(timeout=5) == "Article child"
