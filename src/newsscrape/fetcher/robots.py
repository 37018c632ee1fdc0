"""robots.txt per RFC 9309: fetched once per origin (scheme, host, port), parsed with protego, cached.

What a robots.txt answer means (RFC 9309 section 2.3.1):

    2xx                        the rules apply (the first 512 KiB are parsed; the RFC asks for >= 500 KiB)
    4xx (not 429), >5 redirects "unavailable": no rules, everything is allowed
    a redirect to an unusable  "unavailable" as well (``javascript:``, a malformed host ...): the
    target                     site has no robots.txt we can read, and it is no outage
    a refused address          not fetched (block_private...): allowed, as the fetcher refuses the pages
    429, 5xx, no connection,   "unreachable": everything is disallowed for now (``RobotsRules.retryable``);
    the total deadline         the cache asks once more after ``retry_delay`` seconds, then keeps the
                               answer until the caller ``forget``s it to retry later

A robots.txt fetch has a page's limits: the total deadline (``FetchConfig.total_timeout``, so a
server dripping robots.txt cannot hold its host), its own size cap enforced while the body
streams, every content-coding layer counted, the address policy on every hop, and the request
headers and cookies a page gets. A UTF-8 byte order mark is skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final, Literal

import httpx
from protego import Protego

from .._threads import Threads
from ..config import FetchConfig
from ..errors import FetchError, FetchKind
from . import _address, _plan, _response
from ._address import DEFAULT_POLICY, Addresses, AddressPolicy, IPAddress

ROBOTS_MAX_BYTES: Final = 512 * 1024
MAX_REDIRECTS: Final = 5  # RFC 9309 2.3.1.2: follow at least five
# Memory of the cached rules, estimated: protego's parsed form of a file takes about ten times its
# text (measured: 5.0 MB for a 512 KiB file); a small file still costs its objects.
PARSED_PER_BYTE: Final = 10
ENTRY_OVERHEAD: Final = 2048
DEFAULT_CACHE_BYTES: Final = 32 * 1024 * 1024
# robots.txt files parsed at once, in the whole process: two, so that a small file is not queued
# behind a huge one (the GIL runs one at a time anyway; more would only share it thinner).
_PARSERS: Final = Threads(2, "newsscrape-robots")

Verdict = Literal["rules", "allow_all", "unreachable"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RobotsRules:
    """What one origin's robots.txt says; ``reason``: how it was learnt ("HTTP 404", "ConnectError: ...")."""

    origin: str
    verdict: Verdict
    reason: str
    parser: Protego | None = None
    size: int = 0  # characters of robots.txt parsed, for the cache's memory bound

    @property
    def retryable(self) -> bool:
        """True when robots.txt was unreachable (5xx, 429, no connection, deadline): everything is
        disallowed for now, and asking again later may do better. A crawler retries such a host with
        backoff (``RobotsCache.forget`` drops the cached answer) and records ``host_unreachable``.

        >>> rules = RobotsRules(origin="https://example.com:443", verdict="unreachable", reason="HTTP 503")
        >>> rules.retryable, rules.reason
        (True, 'HTTP 503')
        """
        return self.verdict == "unreachable"

    def allowed(self, url: str, user_agent: str) -> bool:
        """May ``user_agent`` fetch ``url``?

        >>> robots = Protego.parse("User-agent: *\\nDisallow: /search")
        >>> origin = "https://example.com"
        >>> rules = RobotsRules(origin=origin, verdict="rules", reason="HTTP 200", parser=robots)
        >>> rules.allowed("https://example.com/news/1", "newsscrape/0.1")
        True
        >>> rules.allowed("https://example.com/search?q=rain", "newsscrape/0.1")
        False
        """
        if self.verdict == "unreachable":
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        """Seconds the site asks between requests (Crawl-delay, or Request-rate), if it says.

        >>> robots = Protego.parse("User-agent: *\\nCrawl-delay: 2")
        >>> origin = "https://example.com"
        >>> rules = RobotsRules(origin=origin, verdict="rules", reason="HTTP 200", parser=robots)
        >>> rules.crawl_delay("newsscrape/0.1")
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

    For example::

        rules = await afetch_robots("https://example.com:443", client=client, config=FetchConfig())
        rules.allowed("https://example.com/news/1", config.user_agent)

    Raises FetchError(kind="invalid_url") only when ``origin`` itself is not a usable URL (the
    message is ``check_url``'s).
    """
    url = _plan.parse_url(origin + "/robots.txt")
    try:
        async with asyncio.timeout(config.total_timeout):
            return await _fetch(origin, url, client=client, config=config, policy=policy or DEFAULT_POLICY)
    except TimeoutError:
        reason = f"not done within {config.total_timeout:g}s (total deadline)"
        return RobotsRules(origin=origin, verdict="unreachable", reason=reason)


async def _fetch(
    origin: str, url: httpx.URL, *, client: httpx.AsyncClient, config: FetchConfig, policy: AddressPolicy
) -> RobotsRules:
    previous: Addresses | None = None
    deadline = time.monotonic() + config.total_timeout
    trace = _plan.HopTrace()
    try:
        for hop in range(MAX_REDIRECTS + 1):
            # The fetcher's address policy (SSRF) holds for robots.txt too, redirects included, and
            # on the address each connection reached (see _plan.HopTrace).
            check: _plan.ConnectCheck | None = None
            if _address.needs_lookup(redirected=hop > 0, config=config):
                target = await _addresses(url)
                refusal = policy.decide(previous=previous, target=target, config=config)
                if refusal is not None:  # the pages will be refused by the fetcher in turn
                    return RobotsRules(origin=origin, verdict="allow_all", reason=f"not fetched: {refusal}")
                check = functools.partial(_connected, policy=policy, previous=previous, config=config)
                previous = target
            left = max(0.001, deadline - time.monotonic())
            timeout = httpx.Timeout(min(config.read_timeout, left), connect=min(config.connect_timeout, left))
            trace = _plan.HopTrace(_plan.host_of(url), check)
            request = _plan.build_request(
                client, url, config=config, timeout=timeout, extensions=trace.extensions(client)
            )
            response = await client.send(request, stream=True, follow_redirects=False)
            try:
                status, location = response.status_code, response.headers.get("location")
                if 300 <= status < 400 and location:
                    if previous is None and config.block_private_redirects:
                        # Only a redirect needs the first host's addresses: to judge where it leads.
                        previous = await _addresses(url)
                    url = _plan.join_location(url, location, error=_unusable)
                    continue
                text = await _read_text(response) if 200 <= status < 300 else ""
                break
            finally:
                await response.aclose()
        else:  # RFC 9309 2.3.1.2: more than five redirects may be taken as "unavailable"
            return RobotsRules(origin=origin, verdict="allow_all", reason="too many redirects")
    except FetchError as exc:  # a refused connection or redirect target: no robots.txt to be had
        return RobotsRules(origin=origin, verdict="allow_all", reason=exc.message)
    except Exception as exc:
        location = trace.unusable(exc)
        if location is not None or isinstance(exc, httpx.InvalidURL):  # httpx refused the Location first
            reason = f"redirect to an unusable target {location!r} ({exc})"
            return RobotsRules(origin=origin, verdict="allow_all", reason=reason)
        # No connection, a broken reply and (defence in depth) anything else: not read, so unreachable.
        return RobotsRules(origin=origin, verdict="unreachable", reason=f"{type(exc).__name__}: {exc}")
    if 200 <= status < 300:
        # Parsing a big file is CPU work (a second for 512 KiB): off the event loop, and off its
        # default executor too, where asyncio resolves host names (_addresses, the fetcher).
        parser = await _PARSERS.run(Protego.parse, text)
        return RobotsRules(
            origin=origin, verdict="rules", reason=f"HTTP {status}", parser=parser, size=len(text)
        )
    if status == 429 or status >= 500:
        return RobotsRules(origin=origin, verdict="unreachable", reason=f"HTTP {status}")
    return RobotsRules(origin=origin, verdict="allow_all", reason=f"HTTP {status}")


def _connected(
    host: str,
    peer: IPAddress | None,
    *,
    policy: AddressPolicy,
    previous: Addresses | None,
    config: FetchConfig,
) -> FetchError | None:
    reason = policy.decide_connected(host=host, peer=peer, previous=previous, config=config)
    return None if reason is None else FetchError(f"not fetched: {reason}", url=None, kind="blocked")


def _unusable(detail: str, *, kind: FetchKind) -> FetchError:
    return FetchError(detail, url=None, kind=kind)


async def _addresses(url: httpx.URL) -> Addresses:
    host = _plan.host_of(url)  # IDNA-encoded, as getaddrinfo wants it (as the fetcher asks)
    found = _address.literal(host)
    if found is not None:
        return found
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return _address.from_addrinfo(infos)


async def _read_text(response: httpx.Response) -> str:
    """The first ROBOTS_MAX_BYTES of the decoded body as text, read no further than that."""
    codings = _response.content_codings(response.headers.get("content-encoding"))
    if len(codings) > _response.MAX_CODINGS or not set(codings) <= set(_response.BOUNDED_CODINGS):
        # Not a coding we asked for (nor one we can bound): as good as no answer.
        raise httpx.DecodingError(f"cannot decode Content-Encoding {response.headers['content-encoding']}")
    decoder = _response.BoundedDecoder(codings, limit=ROBOTS_MAX_BYTES) if codings else None
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            body += decoder.decode(chunk) if decoder is not None else chunk
            if len(body) >= ROBOTS_MAX_BYTES:
                break
        else:
            if decoder is not None:
                body += decoder.flush()
    except _response.OverLimit as exc:  # past the cap: parse what fits, as the RFC allows
        body += exc.partial
    # utf-8-sig: a byte order mark would otherwise glue itself to the first "User-agent".
    return bytes(body[:ROBOTS_MAX_BYTES]).decode("utf-8-sig", "replace")


class RobotsCache:
    """robots.txt rules per origin, each fetched once (concurrent askers wait for the one fetch).

    Bounded by memory, not by count: each entry costs about what its parsed rules take
    (``PARSED_PER_BYTE`` per character of robots.txt, plus ``ENTRY_OVERHEAD``), and past
    ``max_bytes`` the least recently used entries go; a dropped origin is fetched again if needed.
    ``limiter``: a semaphore every robots.txt request holds while it runs (the crawler's
    ``--concurrency`` slots), so robots.txt fetches count against the same limit as pages.
    ``unreachable_retries``: tries after ``retry_delay`` before an unreachable answer is cached
    (0 for a caller that retries itself, with ``forget`` and its own backoff).

        For example::

            cache = RobotsCache(client=client, config=FetchConfig(), limiter=slots)
            (await cache.rules("https://example.com:443")).allowed(url, ua)
    """

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        config: FetchConfig,
        retry_delay: float = 5.0,
        max_bytes: int = DEFAULT_CACHE_BYTES,
        limiter: asyncio.Semaphore | None = None,
        policy: AddressPolicy | None = None,
        unreachable_retries: int = 1,
    ) -> None:
        self._client = client
        self._config = config
        self._retry_delay = retry_delay
        self._max_bytes = max_bytes
        self._limiter = limiter
        self._policy = policy
        self._unreachable_retries = unreachable_retries
        self._rules: OrderedDict[str, RobotsRules] = OrderedDict()
        self._bytes = 0
        self._locks: dict[str, asyncio.Lock] = {}
        self.fetches = 0  # robots.txt requests made, for tests and the summary

    @property
    def memory(self) -> int:
        """Estimated bytes held by the cached rules (at most ``max_bytes``, but for one big entry)."""
        return self._bytes

    async def rules(self, origin: str) -> RobotsRules:
        """The rules of ``origin`` (``scheme://host:port``), fetched on first use, then cached.

        For example::

            rules = await cache.rules("https://example.com:443")
            rules.allowed("https://example.com/news/1", ua), rules.crawl_delay(ua)

        Raises FetchError(kind="invalid_url") for an origin that is no usable URL.
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
                for _ in range(self._unreachable_retries):  # maybe a blip: try again before refusing
                    if not rules.retryable:
                        break
                    await asyncio.sleep(self._retry_delay)
                    rules = await self._fetch(origin)
                self._store(rules)
                return rules
        finally:
            if not lock.locked():
                self._locks.pop(origin, None)

    def forget(self, origin: str) -> None:
        """Drop the cached answer of ``origin``: the next ``rules`` fetches robots.txt again.

        For example::

            if rules.retryable: cache.forget(origin)  # then back off and ask again
        """
        rules = self._rules.pop(origin, None)
        if rules is not None:
            self._bytes -= _cost(rules)

    async def _fetch(self, origin: str) -> RobotsRules:
        self.fetches += 1
        async with self._limiter if self._limiter is not None else contextlib.nullcontext():
            return await afetch_robots(origin, client=self._client, config=self._config, policy=self._policy)

    def _cached(self, origin: str) -> RobotsRules | None:
        rules = self._rules.get(origin)
        if rules is not None:
            self._rules.move_to_end(origin)
        return rules

    def _store(self, rules: RobotsRules) -> None:
        self.forget(rules.origin)
        self._rules[rules.origin] = rules
        self._bytes += _cost(rules)
        while self._bytes > self._max_bytes and len(self._rules) > 1:
            _, dropped = self._rules.popitem(last=False)
            self._bytes -= _cost(dropped)


def _cost(rules: RobotsRules) -> int:
    return ENTRY_OVERHEAD + PARSED_PER_BYTE * rules.size
