"""Threads of our own for CPU work that must not run on the event loop (reading a sitemap,
parsing a robots.txt): the loop goes on reading other sockets, keeping their timeouts and
deadlines, meanwhile. Below the fetcher and the crawler, which both use it.

Not the loop's default executor: asyncio resolves host names there (``loop.getaddrinfo``, which
the fetcher uses), so CPU work queued in it would hold up other requests' DNS lookups.

    For example::

        article = await Threads(2, "newsscrape-extract").run(extract, html, url)
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Threads:
    """``count`` threads named ``name``-N, started on first use; a forked child gets fresh ones (it
    has the parent's executor but none of its threads: work handed to it would never run)."""

    def __init__(self, count: int, name: str) -> None:
        self._count = count
        self._name = name
        self._reset()
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._executor = ThreadPoolExecutor(self._count, thread_name_prefix=self._name)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on one of the threads. A caller cancelled meanwhile ends at once
        (the call runs on to its end, its result dropped); one cancelled before the call's turn
        came, and the call is never made."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))
