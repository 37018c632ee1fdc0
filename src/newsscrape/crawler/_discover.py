"""Discovery's I/O: download what a :class:`newsscrape.discovery.Discovery` plan asks, politely.

Everything that applies to ``crawl`` applies here, with the same machinery: robots.txt through
:class:`RobotsCache` (a disallowed source is not fetched, a disallowed URL is not listed),
the politeness window of :mod:`._hosts` (``delay`` or Crawl-delay, plus jitter, start to start;
shared with the crawl's own requests under ``crawl --site``), retries with backoff and
``Retry-After`` (:mod:`._policy`; one beyond ``max_retry_after`` fails the source at once), and
the fetcher's address policy, size cap and total deadline.
Sitemaps and feeds are read through ``afetch_raw`` (any media type, conditional GETs) with the
sitemap protocol's 50 MB cap; pages through ``afetch_page``.

    For example::

        async for found in discover("https://example.com/", config=DiscoverConfig(max_urls=100)):
            print(found.url, found.source, found.published)
        for found in discover_sync(["https://example.com/"]): ...
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
from collections import Counter
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Iterator
from typing import Final

from .._threads import Threads
from ..config import DiscoverConfig
from ..discovery import MAX_BYTES, Discovery, Found, Note, Outcome, Want
from ..errors import FetchError
from ..fetcher import OnExchange, Page, afetch_page, async_client, invalid_url
from ..fetcher._raw import afetch_raw, header
from ..fetcher.robots import RobotsCache, RobotsRules
from ._hosts import Host, hold_off, wait_turn
from ._policy import is_retryable, request_interval, retry_wait, wait_refused
from ._sync import iterate_sync
from ._urls import check_url, origin
from ._validators import SourceStore

log = logging.getLogger("newsscrape.discovery")

# Sources read at once, in the whole process: one, as the GIL runs one at a time anyway (a read
# has no time limit that a slower share of the GIL could run out; a queued one only waits).
READ_THREADS: Final = 1
_READERS: Final = Threads(READ_THREADS, "newsscrape-discovery")

Window = Callable[[str], Host]
"""The politeness window of a URL's origin; ``Crawler.window`` under ``crawl --site``."""

Robots = Callable[[str], Awaitable[RobotsRules]]
"""The robots.txt rules of an origin; ``Crawler.robots`` under ``crawl --site``, so that the
site's robots.txt is asked once per run, not once by discovery and again by the crawl."""


class Discoverer:
    """Discovery of one or more sites (run it once); ``counts`` and ``notes`` say what happened.

        For example::

            discoverer = Discoverer(DiscoverConfig(since=datetime(2024, 5, 1)))
            async for found in discoverer.run(["https://example.com/"]): print(found.to_dict())

    ``on_note`` is called with each :class:`Note` (a source that was partly or wholly unusable) as
    it happens; by default they are logged. ``store`` holds the validators for conditional GETs
    (``crawl --site --resume``); ``window`` shares politeness windows with a running crawl, and
    ``robots`` its robots.txt answers (by default discovery asks robots.txt itself, once per origin);
    ``on_exchange`` is handed every HTTP exchange discovery makes (``crawl --site --warc``).
    """

    def __init__(
        self,
        config: DiscoverConfig | None = None,
        *,
        on_note: Callable[[Note], None] | None = None,
        store: SourceStore | None = None,
        window: Window | None = None,
        robots: Robots | None = None,
        on_exchange: OnExchange | None = None,
    ) -> None:
        self.config = config or DiscoverConfig()
        self.counts: Counter[str] = Counter()
        self.notes: list[Note] = []
        self.requests: list[tuple[str, int | str]] = []  # (url, status or error kind), in order
        self.complete = False  # every source was read to the end (no --max cut, no stop)
        self._on_note = on_note or (lambda note: log.warning("%s", note))
        self._store = store
        self._hosts: dict[str, Host] = {}
        self._window = window or self._own_window
        self._shared_robots = robots
        self._rng = random.Random()
        self._stopping = False
        self._on_exchange = on_exchange

    def stop(self) -> None:
        """Ask nothing more; ``run`` ends after the download in progress."""
        self._stopping = True

    async def run(self, sites: Iterable[str]) -> AsyncGenerator[Found, None]:
        """Article URLs of every site in ``sites``, each as soon as its source was read."""
        cfg = self.config
        fetch = cfg.crawl.fetch
        self._raw_config = dataclasses.replace(fetch, max_bytes=max(fetch.max_bytes, MAX_BYTES))
        plans = [Discovery(check_site(site), config=cfg) for site in dict.fromkeys(sites)]
        out: asyncio.Queue[Found | BaseException | None] = asyncio.Queue(maxsize=1024)
        async with async_client(fetch, on_exchange=self._on_exchange) as client:
            self._client = client
            self._robots: Robots = self._shared_robots or (
                RobotsCache(client=client, config=fetch, retry_delay=max(cfg.crawl.backoff, 0.01)).rules
            )
            tasks = [asyncio.create_task(self._site(plan, out)) for plan in plans]
            try:
                running = len(tasks)
                while running:
                    item = await out.get()
                    if item is None:
                        running -= 1
                    elif isinstance(item, BaseException):
                        raise item
                    else:
                        yield item
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                for plan in plans:  # a stopped run's summary counts what it found too
                    self.counts.update(plan.counts)
        self.complete = not self._stopping and not any(plan.full for plan in plans)

    # --- one site ----------------------------------------------------------------------------------

    async def _site(self, plan: Discovery, out: asyncio.Queue[Found | BaseException | None]) -> None:
        try:
            await self._discover(plan, out)
        except Exception as exc:  # handed to the consumer, raised there
            await out.put(exc)
        finally:
            await out.put(None)

    async def _discover(self, plan: Discovery, out: asyncio.Queue[Found | BaseException | None]) -> None:
        cfg, agent = self.config.crawl, self.config.crawl.fetch.user_agent
        home_origin = origin(plan.home)
        rules = await self._robots(home_origin)  # read for its Sitemap: lines even with --no-robots
        self.requests.append((home_origin + "/robots.txt", f"robots: {rules.reason}"))
        sitemaps = list(rules.parser.sitemaps) if rules.parser is not None else []

        def allowed(url: str) -> bool:  # listing: the site's own rules (other origins: by the crawl)
            if not cfg.respect_robots or origin(url) != home_origin:
                return True
            return rules.allowed(url, agent)

        plan.start(robots_sitemaps=sitemaps, allowed=allowed)
        if cfg.respect_robots and rules.verdict == "unreachable":  # RFC 9309: everything disallowed for now
            plan.failed(
                Want(url=home_origin + "/robots.txt", kind="sitemap"), f"robots.txt {rules.reason}: not read"
            )
        seen = 0

        def tell() -> None:  # report the plan's new notes as they happen
            nonlocal seen
            for note in plan.notes[seen:]:
                self.notes.append(note)
                self._on_note(note)
            seen = len(plan.notes)

        while not self._stopping and (want := plan.next()) is not None:
            tell()
            for found in plan.take_released():
                await out.put(found)
            outcome = await self._read(plan, want)
            tell()
            for found in outcome:
                await out.put(found)
        tell()
        for found in plan.take_released():
            await out.put(found)

    async def _read(self, plan: Discovery, want: Want) -> list[Found]:
        store = self._store
        conditional: dict[str, str] = {}
        if store is not None and want.kind in ("sitemap", "feed"):
            conditional = store.request_headers(want.url, rules=plan.rules)
        try:
            page = await self._get(want, conditional)
        except FetchError as exc:
            self.requests.append((want.url, exc.status or exc.kind))
            plan.failed(want, exc.message, status=exc.status)
            return []
        self.requests.append((want.url, page.status))
        if page.status == 304:
            if store is not None:
                store.unchanged(want.url)
            plan.unchanged(want, store.children(want.url) if store is not None else ())
            return []
        # Reading a source is CPU work (a sitemap of the protocol's 50,000 URLs takes seconds): off
        # the event loop, which goes on with other sites' downloads and, under crawl --site, the crawl's.
        outcome = await _read_off_loop(plan, want, page)
        # A source some of whose URLs robots.txt refused has no validator: those URLs have no record,
        # and a 304 next time would hide them even once robots.txt allows them (_validators).
        if store is not None and want.kind in ("sitemap", "feed") and outcome.parsed and not outcome.refused:
            source = store.fresh(
                want.url,
                etag=header(page, "etag"),
                last_modified=header(page, "last-modified"),
                rules=plan.rules,
            )
            source.children = [(u, m.isoformat() if m else None) for u, m in outcome.children]
        return outcome.found

    async def _get(self, want: Want, conditional: dict[str, str]) -> Page:
        """Download with robots, politeness and retries, as the crawler would."""
        cfg, attempt = self.config.crawl, 0
        rules = await self._rules(want.url)
        if rules is not None and not rules.allowed(want.url, cfg.fetch.user_agent):
            raise FetchError(f"GET {want.url}: refused by robots.txt", url=want.url, kind="robots")
        while True:
            host = self._window(want.url)
            if rules is not None:
                host.crawl_delay = rules.crawl_delay(cfg.fetch.user_agent)
            await wait_turn(host, sleep=_sleep)
            hold_off(host, request_interval(cfg, host.crawl_delay, self._rng))
            try:
                if want.kind in ("home", "page"):
                    return await afetch_page(
                        want.url, config=cfg.fetch, client=self._client, on_redirect=self._vet_hop
                    )
                return await afetch_raw(
                    want.url,
                    config=self._raw_config,
                    client=self._client,
                    on_redirect=self._vet_hop,
                    validators=conditional,
                )
            except FetchError as exc:
                refused = wait_refused(exc, cfg)
                if refused is not None:  # as the crawl does: neither slept nor retried, and said
                    raise FetchError(
                        f"{exc.message}: {refused}, not retried",
                        url=exc.url,
                        kind=exc.kind,
                        status=exc.status,
                        retry_after=exc.retry_after,
                    ) from exc
                if not is_retryable(exc) or attempt >= cfg.retries or self._stopping:
                    raise
                attempt += 1
                self.counts["retries"] += 1
                hold_off(host, retry_wait(attempt, exc, cfg, self._rng))  # the whole host waits
            finally:  # the window runs from the end of the exchange too (``_hosts``)
                hold_off(host, request_interval(cfg, host.crawl_delay, self._rng))

    async def _vet_hop(self, from_url: str, to_url: str) -> None:
        rules = await self._rules(to_url)
        if rules is not None and not rules.allowed(to_url, self.config.crawl.fetch.user_agent):
            raise FetchError(
                f"GET {from_url}: redirect to {to_url} refused by robots.txt", url=from_url, kind="robots"
            )

    async def _rules(self, url: str) -> RobotsRules | None:
        return await self._robots(origin(url)) if self.config.crawl.respect_robots else None

    def _own_window(self, url: str) -> Host:
        key = origin(url)
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = Host(origin=key)
        return host


def check_site(site: str) -> str:
    """``site`` itself, or FetchError(kind="invalid_url") when its home page is no URL a client could
    fetch: said before any request, in the words ``fetch`` and ``crawl`` use for a bad URL (a bare
    host name such as ``example.com`` is https://example.com/).

        >>> check_site("ftp://example.com/")
        Traceback (most recent call last):
        newsscrape.errors.FetchError: invalid URL 'ftp://example.com/': not an absolute http(s) URL
    """
    try:
        home = Discovery(site).home
    except ValueError as exc:  # urlsplit: a bad port, unbalanced IPv6 brackets ...
        raise invalid_url(site, str(exc)) from exc
    check_url(home)
    return site


async def _read_off_loop(plan: Discovery, want: Want, page: Page) -> Outcome:
    """``plan.got`` on a worker thread. Only this site's task touches the plan, and it waits; a
    cancelled one waits too, for the read to end (seconds at most), since ``run`` reads
    every plan's counts as it stops, and they must not be changing under it."""
    read = asyncio.ensure_future(_READERS.run(plan.got, want, page.content, final_url=page.final_url))
    try:
        return await asyncio.shield(read)
    except asyncio.CancelledError:
        await asyncio.wait([read])
        raise


async def _sleep(seconds: float) -> bool:
    await asyncio.sleep(seconds)
    return True


async def discover(
    site: str | Iterable[str],
    *,
    config: DiscoverConfig | None = None,
    on_note: Callable[[Note], None] | None = None,
) -> AsyncGenerator[Found, None]:
    """The article URLs of a site (or of several), each with its source and date when known.

        For example::

            async for found in discover("https://example.com/", config=DiscoverConfig(max_urls=50)):
                print(found.url, found.source, found.published)

    Sources: robots.txt Sitemap: lines, /sitemap.xml, sitemap indexes (gzip, Google News), RSS,
    Atom and JSON feeds, and as a last resort the home page and its sections. Polite as ``crawl``.
    """
    sites = [site] if isinstance(site, str) else list(site)
    async for found in Discoverer(config, on_note=on_note).run(sites):
        yield found


def discover_sync(
    site: str | Iterable[str],
    *,
    config: DiscoverConfig | None = None,
    on_note: Callable[[Note], None] | None = None,
) -> Iterator[Found]:
    """``discover`` without asyncio: a plain iterator. It runs its own event loop, in this thread, or
    on a worker thread when a loop is already running here (as ``crawl_sync``).

    For example::

        for found in discover_sync("https://example.com/"):
            print(found.url)
    """
    return iterate_sync(discover(site, config=config, on_note=on_note))
