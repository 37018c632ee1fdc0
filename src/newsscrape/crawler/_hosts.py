"""Per-origin state of a crawl: the URLs waiting for an origin, and its politeness window.

A window runs start to start: once a request to an origin starts, the next may not start before
``next_start``. It runs from the end of the exchange as well: the server sees a request only when
it goes out, which work on the event loop can put off past the start (a host's first HTTP client
is made then: its TLS context alone is some 40 ms of CPU, several times that on a busy machine), so
the window is held off again when the response is in. A host's own workers and redirect hops into
it take turns through the same two calls, so neither can slip past the other: ``wait_turn`` (sleep
until the window has passed; it may move while sleeping) and ``hold_off`` (a request starts now or
has ended, or a retry pause begins).

    For example::

        if await wait_turn(host, sleep=crawler_sleep):
            hold_off(host, request_interval(config, host.crawl_delay, rng))
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# Sleeps the given seconds; False when cut short (the crawl is stopping).
Sleep = Callable[[float], Awaitable[bool]]

# Hosts reached only by redirects, remembered before those with a closed window are dropped.
PASSING_MAX = 1024


@dataclass(slots=True)
class Job:
    url: str
    attempt: int = 0


@dataclass(slots=True)
class Host:
    origin: str
    queue: deque[Job] = field(default_factory=deque)
    workers: int = 0
    next_start: float = 0.0  # loop time before which no request to this origin may start
    crawl_delay: float | None = None


class TargetBusy(Exception):
    """A redirect's target will not be free before the limit a fetch may wait: try the URL later."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"redirect target busy for {wait:.1f}s")
        self.wait = wait


async def wait_turn(host: Host, *, sleep: Sleep, limit: float | None = None) -> bool:
    """Sleep until ``host``'s window has passed; False if ``sleep`` was cut short.

    Raises TargetBusy when the window ends after the loop time ``limit``.

        For example::

            await wait_turn(host, sleep=crawler_sleep, limit=loop.time() + 30)
            # True
    """
    loop = asyncio.get_running_loop()
    while (wait := host.next_start - loop.time()) > 0:
        if limit is not None and host.next_start > limit:
            raise TargetBusy(wait)
        if not await sleep(wait):
            return False
    return True


def hold_off(host: Host, seconds: float) -> None:
    """No request to ``host`` may start within ``seconds`` from now (nor before its window already
    ends): after a request starts, after its exchange ends, or for a retry's pause.

    For example::

        hold_off(host, 1.2); host.next_start - loop.time()
        # 1.2
    """
    host.next_start = max(host.next_start, asyncio.get_running_loop().time() + seconds)


class PassingHosts:
    """Hosts only redirects have reached, each kept while its window is open so that concurrent
    hops into it share one window; a crawl through a million redirectors stays small.

        >>> passing = PassingHosts(); passing.add(Host(origin="https://t.example:443"))
        >>> passing.pop("https://t.example:443").origin
        'https://t.example:443'
    """

    def __init__(self, *, max_size: int = PASSING_MAX) -> None:
        self._hosts: dict[str, Host] = {}
        self._max = max_size

    def get(self, key: str) -> Host | None:
        return self._hosts.get(key)

    def pop(self, key: str) -> Host | None:
        """Take ``key``'s host out, as its URLs become listed ones (its window goes with it)."""
        return self._hosts.pop(key, None)

    def add(self, host: Host) -> None:
        if len(self._hosts) >= self._max:
            now = asyncio.get_running_loop().time()
            self._hosts = {k: h for k, h in self._hosts.items() if h.next_start > now}
        self._hosts[host.origin] = host


C = TypeVar("C")


class HostClients(Generic[C]):
    """One connection pool per origin, so a request never scans the connections of other hosts.

    httpcore looks at every connection of a pool (a ``getpeername`` and a ``poll`` each, and a
    count of the idle ones per idle one) whenever a request starts or ends: with one pool for a
    whole crawl that work grows with the square of ``concurrency``. A pool per origin holds at
    most ``per_host`` connections, kept alive between that host's pages.

    Pools in use stay open; at most ``idle_max`` unused ones are kept (the least recently used
    is closed first), so a crawl over many hosts holds a bounded number of sockets.

        For example::

            async with HostClients(lambda: async_client(cfg, keepalive=2), close, idle_max=32) as clients:
                async with clients.use("https://example.com:443") as client: ...
    """

    def __init__(
        self, make: Callable[[], C], close: Callable[[C], Awaitable[object]], *, idle_max: int
    ) -> None:
        self._make, self._close, self._idle_max = make, close, idle_max
        self._busy: dict[str, tuple[C, int]] = {}  # origin -> (client, requests using it)
        self._idle: OrderedDict[str, C] = OrderedDict()

    def __len__(self) -> int:
        return len(self._busy) + len(self._idle)

    @contextlib.asynccontextmanager
    async def use(self, key: str) -> AsyncIterator[C]:
        """The pool of origin ``key`` for one request (made on first use)."""
        if key in self._busy:
            client, users = self._busy[key]
        else:
            client, users = self._idle.pop(key, None) or self._make(), 0
        self._busy[key] = (client, users + 1)
        try:
            yield client
        finally:
            client, users = self._busy.pop(key)
            if users > 1:
                self._busy[key] = (client, users - 1)
            else:
                self._idle[key] = client
                if len(self._idle) > self._idle_max:
                    await self._close(self._idle.popitem(last=False)[1])

    async def __aenter__(self) -> HostClients[C]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close every pool (the crawl is over: nothing uses them)."""
        clients = [c for c, _ in self._busy.values()] + list(self._idle.values())
        self._busy.clear()
        self._idle.clear()
        for client in clients:
            with contextlib.suppress(Exception):
                await self._close(client)
