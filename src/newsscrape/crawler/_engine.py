"""``crawl``: many URLs in, one record per distinct URL out, concurrent and polite.

    input --reader--> dedup (UrlSet) --> per-origin queues --> host workers --> records
                                         (<= max_pending URLs   robots -> politeness wait ->
                                          in all: backpressure)  [global slot: fetch (retries) -> extract]

* The reader streams the input; it stops reading while ``max_pending`` URLs wait, so memory does
  not grow with the input. Blank and ``#`` lines are skipped (as in a URL file); an invalid URL
  (a malformed host included: ``_urls.check_url``), a URL of a host that failed, is answered at once.
* Fairness: at most ``max_pending_per_host`` waiting URLs belong to one origin; the rest of that
  origin's URLs are set aside on disk (``Spill``) and queued in passes once the input is read and
  the origin's queue has drained to half. A host listed late starts at once, however long the
  backlog of a slow host listed before it; the slow host's set-aside URLs come after the input.
* One worker task per origin (``per_host`` of them at most) takes that origin's URLs in order:
  robots.txt (cached per origin; its fetch takes a global slot like a page; an unreachable one,
  5xx or no connection, is asked again with backoff up to ``retries`` times, then the host's URLs
  are ``host_unreachable``, never ``robots``), then waits out the origin's politeness window
  (``delay`` or Crawl-delay, plus jitter, start to start), then takes one of ``concurrency`` global
  slots for the download *and* the extraction, so at most ``concurrency`` pages are held in memory.
* Each origin's pages go through a connection pool of its own (``HostClients``), whose
  ``per_host`` connections are kept alive between pages; robots.txt uses one shared pool.
  Extraction workers start with the crawl, so they are ready by the time the first page is.
* A redirect is a request to its target: every hop is checked against the target origin's
  robots.txt before it is followed (the fetcher's ``on_redirect`` hook), and a hop into another
  origin waits out that origin's politeness window like a listed URL would.
* A retryable failure (connect, timeout, 429, 5xx) puts the URL back at the head of its origin's
  queue and pushes the origin's next start back by the backoff or the server's Retry-After: the
  whole host pauses, not just that URL. ``host_failure_limit`` consecutive host-level failures
  mark the origin failed: its remaining URLs become ``host_failed`` records, none is dropped.
  So does one Retry-After longer than ``max_retry_after`` (429 or 503): that URL's record says
  so at once, without a wait or a retry, and the crawl goes on with the other hosts. Both kinds
  of record are retryable errors: ``--resume --retry-failed`` does them again in a later run.
* Defence in depth: whatever a URL's steps raise (robots, fetch, a redirect's checks, extraction)
  becomes that URL's error record, and the crawl goes on. A worker whose queue is empty ends at
  once (its host's politeness window is kept among the passing hosts), so the crawl ends when its
  last record is out, not when the last host's window closes.
* ``stop()`` (first Ctrl-C) starts nothing new; pages being downloaded or extracted finish and are
  yielded; URLs not started are simply not recorded, so ``--resume`` will do them.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncGenerator, AsyncIterable, Iterable, Iterator
from dataclasses import dataclass, field

from ..config import CrawlConfig
from ..errors import ExtractError, FetchError, FetchKind
from ..fetcher import OnExchange, async_client
from ..fetcher import afetch_page as _afetch_page
from ..fetcher.robots import RobotsCache, RobotsRules
from ..models import ErrorRecord, Record
from ._hosts import Host, HostClients, Job, PassingHosts, TargetBusy, hold_off, wait_turn
from ._policy import (
    backoff_wait,
    is_host_failure,
    is_retryable,
    request_interval,
    retry_wait,
    wait_refused,
)
from ._pool import ExtractFn, ExtractPool
from ._reader import stream_lines
from ._spill import Spill
from ._sync import iterate_sync
from ._urls import InvalidUrl, UrlSet, check_url, invalid_key, many_urls, origin, url_of_line

# Kept-alive connections in the pools of hosts with no request in flight, at most: each such pool
# holds up to ``per_host``, so 256 // per_host pools are kept (file descriptors stay well bounded).
IDLE_SOCKETS_MAX = 256


@dataclass(slots=True)
class CrawlStats:
    """Live counts of one crawl (the progress bar and the summary read them)."""

    read: int = 0  # input URLs read
    duplicates: int = 0  # listed again (after normalisation): fetched once
    recorded: int = 0  # already in the output (--resume): skipped
    ok: int = 0
    failed: Counter[str] = field(default_factory=Counter)  # error records by kind
    retries: int = 0
    in_flight: int = 0
    pending: int = 0  # read, not yet started
    deferred: int = 0  # read, set aside on disk: their host's queue was full (fairness)

    @property
    def done(self) -> int:
        return self.ok + sum(self.failed.values())


class _Again:
    """The URL goes back to its queue: a retry is due, or the crawl is stopping."""


_AGAIN = _Again()


_END = object()


class Crawler:
    """One batch crawl (run it once); ``run(urls)`` yields records, ``stop()`` drains it, ``stats`` counts.

        For example::

            crawler = Crawler(CrawlConfig(delay=0.5))
            async for record in crawler.run(["https://example.com/news/1"]): print(record.url)

    ``recorded`` holds URLs already in the output (``--resume``): they are skipped. ``extract_fn``
    replaces ``newsscrape.extract`` (a picklable module-level function with the same signature):
    for tests, or a custom extractor. With ``workers`` > 0 extraction runs in processes started by
    multiprocessing's forkserver, which never re-run the caller's script; an ``extract_fn`` defined
    in an unguarded script or a notebook is run in this process instead (see ``_pool``).
    """

    def __init__(
        self,
        config: CrawlConfig | None = None,
        *,
        recorded: UrlSet | None = None,
        extract_fn: ExtractFn | None = None,
        on_exchange: OnExchange | None = None,
    ) -> None:
        self.config = config or CrawlConfig()
        self._on_exchange = on_exchange  # every HTTP exchange, as sent and received (crawl --warc)
        self.stats = CrawlStats()
        self._seen = recorded if recorded is not None else UrlSet()
        self._extract_fn = extract_fn
        self._rng = random.Random()
        self._stopping = False
        self._reader: asyncio.Task[None] | None = None  # reads the input; stop() cancels it
        self._hosts: dict[str, Host] = {}
        self._failures: dict[str, int] = {}  # consecutive host-level failures, only for hosts with some
        self._failed_hosts: dict[str, tuple[FetchKind, str]] = {}  # origin -> (record kind, why given up)
        self._passing = PassingHosts()
        self._stop_event = asyncio.Event()  # binds to the running loop on first use
        self._room = asyncio.Event()  # set when the queues have room for more input
        self._spill = Spill()

    def stop(self) -> None:
        """Start nothing new; let pages in flight finish (then ``run`` ends). Safe from a signal handler.

        For example::

            loop.add_signal_handler(signal.SIGINT, crawler.stop)
        """
        self._stopping = True
        self._stop_event.set()
        self._room.set()  # the reader may be waiting for room in the queues
        if self._reader is not None:  # or for its input: discovery under crawl --site, a slow stdin
            self._reader.cancel()

    def window(self, url: str) -> Host:
        """The politeness window of ``url``'s origin, shared with this crawl's own requests: code
        making requests to the same hosts beside the crawl (discovery's sitemaps and feeds under
        ``crawl --site``) waits for it and holds it off as the crawl's workers do (``_hosts``)."""
        key = origin(url)
        host = self._hosts.get(key) or self._passing.get(key)
        if host is None:
            host = Host(origin=key)
            self._passing.add(host)
        return host

    async def run(self, urls: Iterable[str] | AsyncIterable[str]) -> AsyncGenerator[Record, None]:
        """Crawl ``urls`` and yield one record (Article or ErrorRecord) per distinct URL, as each is ready.

        For example::

            async for record in Crawler(config).run(open("urls.txt")):
                writer.write(record)
        """
        many_urls(urls)
        cfg = self.config
        self._slots = asyncio.Semaphore(cfg.concurrency)
        self._out: asyncio.Queue[object] = asyncio.Queue(maxsize=max(64, 2 * cfg.concurrency))
        clients = HostClients(
            lambda: async_client(cfg.fetch, keepalive=cfg.per_host, on_exchange=self._on_exchange),
            lambda c: c.aclose(),
            idle_max=max(1, IDLE_SOCKETS_MAX // cfg.per_host),
        )
        with ExtractPool(
            workers=cfg.workers,
            timeout=cfg.extract_timeout,
            config=cfg.extract,
            extract_fn=self._extract_fn,
        ) as pool:
            # Workers warm up while the HTTP client is made (its TLS context alone takes some
            # 40 ms of CPU), robots.txt and the first pages download: the forkserver's start-up
            # is the longest wait before the pool runs at full speed, so it goes first.
            pool.start()
            async with async_client(cfg.fetch, on_exchange=self._on_exchange) as client, clients:
                self._client, self._pool, self._clients = client, pool, clients
                # The crawl does the backing off between robots.txt tries (_rules), holding no slot.
                # no retries inside the cache: _rules retries an outage with the crawl's backoff
                self._robots = RobotsCache(client=client, config=cfg.fetch, unreachable_retries=0)
                main = asyncio.create_task(self._main(urls))
                try:
                    while True:
                        item = await self._out.get()
                        if item is _END:
                            break
                        if isinstance(item, BaseException):
                            raise item
                        assert isinstance(item, Record)
                        yield item
                finally:
                    if not main.done():
                        main.cancel()
                    await asyncio.gather(main, return_exceptions=True)

    async def _main(self, urls: Iterable[str] | AsyncIterable[str]) -> None:
        try:
            async with asyncio.TaskGroup() as tasks:
                self._tasks = tasks
                # A task of its own, so that stop() need not wait for the next line of an input that
                # has none to give yet (a cancelled task leaves the group and its pages in flight be).
                self._reader = tasks.create_task(self._read_input(urls))
        except Exception as exc:  # handed to the consumer, raised there
            await self._out.put(exc)
            return
        finally:
            self._spill.close()
        await self._out.put(_END)

    # -- input -------------------------------------------------------------------------------

    async def _read_input(self, urls: Iterable[str] | AsyncIterable[str]) -> None:
        if self._stopping:
            return
        await self._read(urls)
        await self._read_spill()

    async def _read(self, urls: Iterable[str] | AsyncIterable[str]) -> None:
        async for raw in stream_lines(urls):
            if self._stopping:
                return
            # An untyped caller's None or bytes is an invalid URL filed under its repr: one record
            # for it, not a crash that loses every other URL's.
            url = url_of_line(raw) if isinstance(raw, str) else repr(raw)
            if url is None:  # blank or a # comment, as in a URL file
                continue
            self.stats.read += 1
            invalid: FetchError | None = None
            try:
                key = check_url(url if isinstance(raw, str) else raw)
            except FetchError as exc:
                key, invalid = invalid_key(url), exc
            mark = self._seen.mark(key)
            if mark == "duplicate":
                self.stats.duplicates += 1
            elif mark == "recorded":
                self.stats.recorded += 1
            elif invalid is not None:
                await self._emit(ErrorRecord.from_exception(url, invalid))
            else:
                await self._admit(url)

    async def _read_spill(self) -> None:
        """Queue the URLs set aside, in passes: each waits until a host with URLs set aside has
        drained its queue to half, then queues what fits and sets the rest aside again."""
        half = self.config.max_pending_per_host // 2
        while len(self._spill) and not self._stopping:
            while not self._stopping and not any(
                len(host.queue) <= half if (host := self._hosts.get(key)) else True
                for key in self._spill.by_host
            ):
                self._room.clear()
                await self._room.wait()
            self.stats.deferred = 0
            with self._spill.take() as spilled:
                async for line in stream_lines(spilled):
                    if self._stopping:
                        return
                    await self._admit(line.rstrip("\n"))

    async def _admit(self, url: str) -> None:
        limit = self.config.max_pending
        while self.stats.pending >= limit and not self._stopping:
            self._room.clear()
            await self._room.wait()
        if self._stopping:
            return
        key = origin(url)
        if key in self._failed_hosts:
            await self._emit(self._host_failed(url, key))
            return
        host = self._hosts.get(key)
        if host is not None and len(host.queue) >= self.config.max_pending_per_host:
            self._spill.put(url, key)  # its turn comes after the input (see _read_spill)
            self.stats.deferred += 1
            return
        if host is None:  # a host redirects already reached keeps its window
            host = self._passing.pop(key) or Host(origin=key)
            self._hosts[key] = host
        host.queue.append(Job(url=url))
        self.stats.pending += 1
        if host.workers < self.config.per_host:
            host.workers += 1
            self._tasks.create_task(self._work(host))

    # -- one origin ------------------------------------------------------------------------------

    async def _work(self, host: Host) -> None:
        loop = asyncio.get_running_loop()
        try:
            while not self._stopping:
                if not host.queue:
                    # Done for now: no lingering (the crawl ends with its last record). A URL of
                    # this host read later still waits its turn: the window stays with the passing hosts.
                    if host.next_start > loop.time():
                        self._passing.add(host)
                    return
                job = host.queue.popleft()
                self.stats.pending -= 1
                self._room.set()
                try:
                    result = await self._process(host, job)
                except Exception as exc:  # defence in depth: a bug costs this URL, not the crawl
                    result = _unexpected(job.url, "crawl", exc)
                if isinstance(result, _Again):
                    host.queue.appendleft(job)
                    self.stats.pending += 1
                    continue
                await self._emit(result)
        finally:
            host.workers -= 1
            if host.workers == 0 and not host.queue and self._hosts.get(host.origin) is host:
                del self._hosts[host.origin]

    async def _process(self, host: Host, job: Job) -> Record | _Again:
        cfg = self.config
        if host.origin in self._failed_hosts:
            return self._host_failed(job.url, host.origin)
        if cfg.respect_robots:
            try:
                rules = await self._rules(host.origin)
            except Exception as exc:
                return _unexpected(job.url, "robots.txt", exc)
            if rules is None:
                return _AGAIN  # stopping
            if rules.verdict == "unreachable":  # RFC 9309: not to be crawled; after retries, the host is down
                self._robots_down(host.origin, rules)
                return self._host_failed(job.url, host.origin)
            host.crawl_delay = rules.crawl_delay(cfg.fetch.user_agent)
            if not rules.allowed(job.url, cfg.fetch.user_agent):
                message = f"GET {job.url}: refused by {_robots_says(rules)}"
                return ErrorRecord(url=job.url, kind="robots", message=message)
        loop = asyncio.get_running_loop()
        while True:
            if not await wait_turn(host, sleep=self._sleep):
                return _AGAIN
            async with self._slots:
                if self._stopping:
                    return _AGAIN
                if host.origin in self._failed_hosts:  # given up while this URL waited its turn
                    return self._host_failed(job.url, host.origin)
                if host.next_start > loop.time():
                    continue  # a redirect into this host (or a retry pause) took the turn meanwhile
                # Open the window when the request really starts: waiting for a slot must not shorten it.
                hold_off(host, request_interval(cfg, host.crawl_delay, self._rng))
                self.stats.in_flight += 1
                try:
                    return await self._fetch_and_extract(host, job)
                finally:
                    self.stats.in_flight -= 1

    async def _fetch_and_extract(self, host: Host, job: Job) -> Record | _Again:
        reached: list[Host] = []  # the other origins this URL's redirects went into

        async def vet_hop(from_url: str, to_url: str) -> None:
            target = await self._vet_hop(job.url, from_url, to_url)
            if target is not None:
                reached.append(target)

        try:
            async with self._clients.use(host.origin) as client:
                page = await _afetch_page(
                    job.url, config=self.config.fetch, client=client, on_redirect=vet_hop
                )
        except FetchError as exc:
            return self._fetch_failed(host, job, exc)
        except TargetBusy as busy:  # not the host's fault, not an attempt: come back when it is free
            hold_off(host, busy.wait)
            return _AGAIN
        except Exception as exc:  # the fetcher or a redirect check let something through
            return _unexpected(job.url, "fetch", exc)
        finally:  # each origin asked rests from the end of the exchange too (``_hosts``)
            for asked in (host, *reached):
                hold_off(asked, request_interval(self.config, asked.crawl_delay, self._rng))
        self._failures.pop(host.origin, None)  # the host answered: its failure streak ends
        try:
            return await self._pool.extract(
                page.content, job.url, final_url=page.final_url, charset=page.charset
            )
        except ExtractError as exc:
            return ErrorRecord.from_exception(job.url, exc)
        except Exception as exc:
            return _unexpected(job.url, "extraction", exc)

    async def _vet_hop(self, url: str, from_url: str, to_url: str) -> Host | None:
        """A redirect is a request to its target: that origin's robots.txt (RFC 9309) applies, and
        so does its politeness window, whether the crawl lists its URLs or only redirects reach it.
        Same-origin hops are checked against robots.txt too (a page may redirect into a disallowed
        path) but take no turn: they are one visit. The target's host when the hop took its turn."""
        try:
            check_url(to_url)  # a host no client can use is an invalid URL, not a robots.txt matter
        except FetchError as exc:
            raise FetchError(f"GET {url}: redirect to {exc.message}", url=url, kind="invalid_url") from exc
        cfg, key = self.config, origin(to_url)
        target = self._hosts.get(key) or self._passing.get(key)
        if target is None:  # remembered at once: concurrent hops into it must share one window
            target = Host(origin=key)
            self._passing.add(target)
        if cfg.respect_robots:
            # The page's slot is held already: robots.txt of the target is fetched under it.
            rules = await self._robots.rules(key)
            if rules.verdict == "unreachable":
                raise FetchError(
                    f"GET {url}: redirect to {to_url}: robots.txt unreachable ({rules.reason})",
                    url=url,
                    kind="host_unreachable",
                )
            if not rules.allowed(to_url, cfg.fetch.user_agent):
                raise FetchError(
                    f"GET {url}: redirect to {to_url} refused by {_robots_says(rules)}",
                    url=url,
                    kind="robots",
                )
            target.crawl_delay = rules.crawl_delay(cfg.fetch.user_agent)
        if key == origin(from_url):
            return None
        # Waiting holds a slot and runs under the page's deadline: beyond half of it, the URL is
        # put back (a timeout would count against a host that did nothing wrong).
        limit = asyncio.get_running_loop().time() + cfg.fetch.total_timeout / 2
        await wait_turn(target, sleep=self._sleep, limit=limit)  # stop() cuts it short: in flight, go on
        hold_off(target, request_interval(cfg, target.crawl_delay, self._rng))
        return target

    def _fetch_failed(self, host: Host, job: Job, exc: FetchError) -> Record | _Again:
        cfg = self.config
        refused = wait_refused(exc, cfg)
        if refused is not None:  # the server asks for more time than the crawl gives a host
            self._failed_hosts.setdefault(
                host.origin, ("host_failed", f"{host.origin} answered HTTP {exc.status}, {refused}")
            )
            self._failures.pop(host.origin, None)
            message = f"{exc.message}: {refused}; not retried, {host.origin} given up for this crawl"
            return ErrorRecord(url=job.url, kind=exc.kind, status=exc.status, message=message)
        if is_retryable(exc) and job.attempt < cfg.retries:
            job.attempt += 1
            self.stats.retries += 1
            hold_off(host, retry_wait(job.attempt, exc, cfg, self._rng))  # the whole host waits
            return _AGAIN
        if not is_host_failure(exc):
            self._failures.pop(host.origin, None)
        else:
            count = self._failures[host.origin] = self._failures.get(host.origin, 0) + 1
            if count >= cfg.host_failure_limit:
                self._failed_hosts[host.origin] = (
                    "host_failed",
                    f"{host.origin} failed {count} URLs in a row (last: {exc.kind}"
                    + (f" {exc.status}" if exc.status else "")
                    + ")",
                )
                self._failures.pop(host.origin, None)
        return ErrorRecord.from_exception(job.url, exc)

    def _host_failed(self, url: str, key: str) -> ErrorRecord:
        kind, why = self._failed_hosts[key]
        return ErrorRecord(url=url, kind=kind, message=f"GET {url}: not tried: {why}")

    async def robots(self, key: str) -> RobotsRules:
        """robots.txt of origin ``key`` as this crawl knows it: asked once per origin, shared with
        code making requests beside the crawl (discovery under ``crawl --site``: RFC 9309 lets a
        crawler cache robots.txt, and a polite one asks once per run, not once per component).
        Only while ``run`` runs.

        Fetched as the crawl's own (a global slot, an outage retried with backoff); an unreachable
        answer marks the host down for the crawl at once (``host_unreachable``), as its first URL
        would, so that its URLs are not asked about again. When the crawl stops meanwhile: the
        answer of the last try.
        """
        rules = await self._rules(key)
        if rules is None:  # stopping during a backoff: the last try's answer is still cached
            rules = await self._robots.rules(key)
        if rules.verdict == "unreachable" and self.config.respect_robots:
            self._robots_down(key, rules)
        return rules

    def _robots_down(self, key: str, rules: RobotsRules) -> None:
        tries = 1 + self.config.retries  # ``_rules``: one try, then one per retry
        self._failed_hosts.setdefault(
            key,
            (
                "host_unreachable",
                f"{key} unreachable: robots.txt {tries} time{'s' * (tries > 1)} {rules.reason}",
            ),
        )

    async def _rules(self, key: str) -> RobotsRules | None:
        """robots.txt of origin ``key``; None when the crawl stops meanwhile.

        The fetch takes a global slot, as a page's does (robots.txt counts against ``concurrency``).
        An unreachable answer (5xx, 429, no connection) is an outage, not a refusal: asked again
        after a backoff, like a page, up to ``retries`` times; the slot is not held while waiting.
        """
        async with self._slots:
            rules = await self._robots.rules(key)
        attempt = 0
        while rules.retryable and attempt < self.config.retries:
            attempt += 1
            self.stats.retries += 1
            if not await self._sleep(backoff_wait(attempt, self.config, self._rng)):
                return None
            self._robots.forget(key)  # the cache keeps what it learnt last: ask again
            async with self._slots:
                rules = await self._robots.rules(key)
        return rules

    # -- plumbing ------------------------------------------------------------------------------

    async def _emit(self, record: Record) -> None:
        # Counted once given: a put cancelled while it waits for room (stop() cancels the reader,
        # which writes invalid_url records) gives nothing. No await comes between the put and the
        # count, so the consumer never sees a record before its count.
        await self._out.put(record)
        if isinstance(record, ErrorRecord):
            self.stats.failed[record.kind] += 1
        else:
            self.stats.ok += 1

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, cut short by ``stop()``; True when the whole time passed."""
        try:
            async with asyncio.timeout(seconds):
                await self._stop_event.wait()
        except TimeoutError:
            return True
        return False


def _unexpected(url: str, step: str, exc: Exception) -> ErrorRecord:
    """The record of a URL whose ``step`` raised what it should not have (defence in depth).

    A host no client can use is still an invalid URL; anything else is ``internal`` (``extract``
    with reason ``internal`` for the extraction step): a newsscrape bug, reported, not fatal.
    """
    message = f"GET {url}: {step} failed: {type(exc).__name__}: {exc}"
    if isinstance(exc, InvalidUrl | UnicodeError):
        return ErrorRecord(url=url, kind="invalid_url", message=message)
    if step == "extraction":
        return ErrorRecord(url=url, kind="extract", reason="internal", message=message)
    return ErrorRecord(url=url, kind="internal", message=message)


def _robots_says(rules: RobotsRules) -> str:
    if rules.verdict == "unreachable":
        return f"robots.txt unreachable ({rules.reason})"
    return "robots.txt"


async def crawl(
    urls: Iterable[str] | AsyncIterable[str],
    *,
    config: CrawlConfig | None = None,
    extract_fn: ExtractFn | None = None,
) -> AsyncGenerator[Record, None]:
    """Crawl many URLs; yield an Article or an ErrorRecord for each distinct one, as soon as it is ready.

        For example::

            async for record in crawl(["https://example.com/news/1", "https://example.org/a"]):
                print(record.url, getattr(record, "title", None) or record.kind)

    Duplicates (after normalisation: case, default port, fragment, tracking parameters) are fetched
    once and recorded under the URL as first listed. ``extract_fn``: see :class:`Crawler`. An item
    that is no str (None, bytes) gets an ``invalid_url`` record under its repr; one URL passed as
    ``urls`` (a str) is a TypeError.
    """
    async for record in Crawler(config, extract_fn=extract_fn).run(urls):
        yield record


def crawl_sync(
    urls: Iterable[str], *, config: CrawlConfig | None = None, extract_fn: ExtractFn | None = None
) -> Iterator[Record]:
    """``crawl`` for code without ``await``: a plain iterator. It runs its own event loop, in this
    thread, or on a worker thread when a loop is already running here (a Jupyter cell, a sync
    helper called from async code). Blank and ``#`` lines are skipped, as in a URL file.

    For example::

        for record in crawl_sync(open("urls.txt"), config=CrawlConfig(delay=2)):
            print(record.url)
    """
    return iterate_sync(Crawler(config, extract_fn=extract_fn).run(many_urls(urls)))
