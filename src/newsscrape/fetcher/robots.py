"""robots.txt per RFC 9309: fetched once per origin (scheme, host, port), parsed with protego, cached.

What a robots.txt answer means (RFC 9309 section 2.3.1):

    2xx                        the rules apply (the first 512 KiB are parsed; the RFC asks for >= 500 KiB)
    4xx (not 429), >5 redirects "unavailable": no rules, everything is allowed
    a refused address          not fetched (block_private...): allowed, as the fetcher refuses the pages
    429, 5xx, no connection    "unreachable": everything is disallowed for now; asked once more after
                               ``retry_delay`` seconds, then the answer holds for the rest of the crawl

The second try is why a brief outage of a site's robots.txt does not turn all its URLs into
``robots`` error records, while a host that keeps failing is not asked forever.
"""

from __future__ import annotations

import asyncio
import socket
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

import httpx
from protego import Protego

from ..config import FetchConfig
from . import _address
from ._address import DEFAULT_POLICY, Addresses, AddressPolicy

ROBOTS_MAX_BYTES = 512 * 1024
MAX_REDIRECTS = 5  # RFC 9309 2.3.1.2: follow at least five

Verdict = Literal["rules", "allow_all", "unreachable"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RobotsRules:
    """What one origin's robots.txt says; ``reason``: how it was learnt ("HTTP 404", "ConnectError: ...")."""

    origin: str
    verdict: Verdict
    reason: str
    parser: Protego | None = None

    def allowed(self, url: str, user_agent: str) -> bool:
        """May ``user_agent`` fetch ``url``?

        >>> rules.allowed("https://example.com/news/1", "newsscrape/0.1")
        True
        """
        if self.verdict == "unreachable":
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        """Seconds the site asks between requests (Crawl-delay, or Request-rate), if it says.

        >>> rules.crawl_delay("newsscrape/0.1")  # robots.txt: "Crawl-delay: 2"
        2.0
        """
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        if delay is None:
            rate = self.parser.request_rate(user_agent)
            if rate is not None and rate.requests:
                delay = rate.seconds / rate.requests
        return None if delay is None else float(delay)


async def afetch_robots(
    origin: str, *, client: httpx.AsyncClient, config: FetchConfig, policy: AddressPolicy | None = None
) -> RobotsRules:
    """Download and parse ``origin + "/robots.txt"``; never raises for network or HTTP trouble.

    >>> rules = await afetch_robots("https://example.com:443", client=client, config=FetchConfig())
    >>> rules.allowed("https://example.com/news/1", config.user_agent)
    """
    policy = policy or DEFAULT_POLICY
    url = httpx.URL(origin + "/robots.txt")
    previous: Addresses | None = None
    try:
        for hop in range(MAX_REDIRECTS + 1):
            # The fetcher's address policy (SSRF) holds for robots.txt too, redirects included.
            if _address.needs_lookup(redirected=hop > 0, config=config):
                target = await _addresses(url)
                refusal = policy.decide(previous=previous, target=target, config=config)
                if refusal is not None:  # the pages will be refused by the fetcher in turn
                    return RobotsRules(origin=origin, verdict="allow_all", reason=f"not fetched: {refusal}")
                previous = target
            async with client.stream(
                "GET",
                url,
                follow_redirects=False,
                timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
                headers={"User-Agent": config.user_agent},
            ) as resp:
                status = resp.status_code
                location = resp.headers.get("location")
                if 300 <= status < 400 and location:
                    if previous is None and config.block_private_redirects:
                        # Only a redirect needs the first host's addresses: to judge where it leads.
                        previous = await _addresses(url)
                    url = url.join(location)
                    continue
                body = await _read_capped(resp) if 200 <= status < 300 else b""
                break
        else:  # RFC 9309 2.3.1.2: more than five redirects may be taken as "unavailable"
            return RobotsRules(origin=origin, verdict="allow_all", reason="too many redirects")
    except (httpx.HTTPError, OSError, UnicodeError) as exc:  # no connection, timeout, bad name, broken reply
        return RobotsRules(origin=origin, verdict="unreachable", reason=f"{type(exc).__name__}: {exc}")
    if 200 <= status < 300:
        # Parsing a big file is CPU work: off the event loop.
        parser = await asyncio.to_thread(Protego.parse, body.decode("utf-8", "replace"))
        return RobotsRules(origin=origin, verdict="rules", reason=f"HTTP {status}", parser=parser)
    if status == 429 or status >= 500:
        return RobotsRules(origin=origin, verdict="unreachable", reason=f"HTTP {status}")
    return RobotsRules(origin=origin, verdict="allow_all", reason=f"HTTP {status}")


async def _addresses(url: httpx.URL) -> Addresses:
    host = url.raw_host.decode("ascii")  # IDNA-encoded, as getaddrinfo wants it (as the fetcher asks)
    found = _address.literal(host)
    if found is not None:
        return found
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return _address.from_addrinfo(infos)


async def _read_capped(resp: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in resp.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= ROBOTS_MAX_BYTES:
            break
    return b"".join(chunks)[:ROBOTS_MAX_BYTES]


class RobotsCache:
    """robots.txt rules per origin, each fetched once (concurrent askers wait for the one fetch).

    Holds at most ``max_entries`` origins, least recently used dropped first, so a crawl over a
    million hosts does not keep a million parsed files; a dropped origin is fetched again if needed.

        >>> cache = RobotsCache(client=client, config=FetchConfig())
        >>> (await cache.rules("https://example.com:443")).allowed(url, ua)
    """

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        config: FetchConfig,
        retry_delay: float = 5.0,
        max_entries: int = 10_000,
    ) -> None:
        self._client = client
        self._config = config
        self._retry_delay = retry_delay
        self._max = max_entries
        self._rules: OrderedDict[str, RobotsRules] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}
        self.fetches = 0  # robots.txt requests made, for tests and the summary

    async def rules(self, origin: str) -> RobotsRules:
        """The rules of ``origin`` (``scheme://host:port``), fetched on first use, then cached.

        >>> rules = await cache.rules("https://example.com:443")
        >>> rules.allowed("https://example.com/news/1", ua), rules.crawl_delay(ua)
        """
        cached = self._cached(origin)
        if cached is not None:
            return cached
        lock = self._locks.setdefault(origin, asyncio.Lock())
        try:
            async with lock:
                cached = self._cached(origin)
                if cached is not None:
                    return cached
                rules = await self._fetch(origin)
                if rules.verdict == "unreachable":  # maybe a blip: one more try before refusing the host
                    await asyncio.sleep(self._retry_delay)
                    rules = await self._fetch(origin)
                self._store(rules)
                return rules
        finally:
            if not lock.locked():
                self._locks.pop(origin, None)

    async def _fetch(self, origin: str) -> RobotsRules:
        self.fetches += 1
        return await afetch_robots(origin, client=self._client, config=self._config)

    def _cached(self, origin: str) -> RobotsRules | None:
        rules = self._rules.get(origin)
        if rules is not None:
            self._rules.move_to_end(origin)
        return rules

    def _store(self, rules: RobotsRules) -> None:
        self._rules[rules.origin] = rules
        while len(self._rules) > self._max:
            self._rules.popitem(last=False)
