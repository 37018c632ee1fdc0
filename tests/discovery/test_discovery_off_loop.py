"""Discovery reads its sources (a sitemap of 50,000 URLs takes seconds) off the event loop.

The first read blocks until a coroutine on the test's own loop releases it (with a bounded wait,
so a frozen loop fails the test instead of hanging it).
"""

from __future__ import annotations

import asyncio
import threading

import pytest
from newssite import NewsSite, fast

from faultserver import FaultServer
from newsscrape import discover
from newsscrape.discovery import Discovery, Outcome, Want

WAIT = 5.0  # seconds the first read waits to be released: a frozen loop never releases it


class FirstReadBlocks:
    """``Discovery.got`` whose first call says it started, then waits until the test releases it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loop = asyncio.get_running_loop()
        self.started = asyncio.Event()
        self.released = threading.Event()
        self.waited: list[bool] = []  # released in time (False: the wait ran out)
        self.events: list[str] = []
        got = Discovery.got

        def first_blocks(plan: Discovery, want: Want, body: bytes, *, final_url: str) -> Outcome:
            if self.waited:
                return got(plan, want, body, final_url=final_url)
            self.loop.call_soon_threadsafe(self.started.set)
            self.waited.append(self.released.wait(WAIT))
            try:
                return got(plan, want, body, final_url=final_url)
            finally:
                self.events.append("read ended")

        monkeypatch.setattr(Discovery, "got", first_blocks)

    async def release_once_started(self) -> None:
        await self.started.wait()
        self.released.set()


async def urls(server: FaultServer) -> list[str]:
    return [found.url async for found in discover(server.url("/"), config=fast())]


@pytest.mark.anyio
async def test_a_source_is_read_while_the_loop_runs_on(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = NewsSite(articles=12, per_file=10).mount(fault_server)
    reads = FirstReadBlocks(monkeypatch)
    async with asyncio.TaskGroup() as group:
        found = group.create_task(urls(fault_server))
        group.create_task(reads.release_once_started())  # runs only if the loop is free
    assert reads.waited == [True]
    assert sorted(found.result()) == sorted(site.urls())


@pytest.mark.anyio
async def test_a_cancelled_discovery_ends_after_the_read_under_way(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The read changes the plan's counts, which discovery reads as it stops: it waits for the read.
    NewsSite(articles=12, per_file=10).mount(fault_server)
    reads = FirstReadBlocks(monkeypatch)
    task = asyncio.create_task(urls(fault_server))
    task.add_done_callback(lambda _: reads.events.append("discovery ended"))
    await reads.started.wait()
    task.cancel()
    await asyncio.wait([task], timeout=1.0)  # ended by now if it did not wait for the read
    reads.released.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert reads.events == ["read ended", "discovery ended"]
