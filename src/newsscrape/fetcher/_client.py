"""Download one page: ``fetch_page`` and ``afetch_page``, thin I/O loops around :class:`_plan.Fetch`.

The two drivers differ only in the sends (and in how the total deadline is kept, see below); every
decision lives in ``_plan``, so a fix there fixes both.

Deadline: ``afetch_page`` runs the whole fetch (DNS, connects, redirects, hooks, headers, body)
under one ``asyncio.timeout``: it ends at ``total_timeout``, whatever the server does.
``fetch_page`` cannot cancel a blocking read, and httpx offers no public way to change the wait
of a read already under way (httpcore takes the read timeout once per response, before the
headers, and sets it on the socket before every ``recv``). So the sync driver only caps each
single wait at the time left when the hop starts and checks the deadline between body chunks;
the exact limits are in ``fetch_page``'s docstring.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Any, TypeAlias

import httpx

from ..config import FetchConfig
from . import _plan
from ._address import AddressPolicy
from ._capture import OnExchange, capture_transport
from ._plan import Fetch, Page

OnRedirect: TypeAlias = Callable[[str, str], None]
"""``on_redirect(from_url, to_url)``: a per-hop check before a redirect is followed.

Raise :class:`FetchError` to refuse the hop; anything it returns is ignored. A crawler uses it to
apply the target's robots.txt (a page may redirect into another host, or into a disallowed path):

    >>> def robots_hop(from_url: str, to_url: str) -> None:
    ...     if not rules.allowed(to_url, ua):
    ...         raise FetchError(f"GET {to_url}: refused by robots.txt", url=to_url, kind="robots")
"""

AsyncOnRedirect: TypeAlias = Callable[[str, str], Awaitable[None] | None]
"""``OnRedirect`` for ``afetch_page``: a coroutine function, or a plain function as for ``fetch_page``."""


def sync_client(config: FetchConfig) -> httpx.Client:
    """A connection pool for many ``fetch_page`` calls; close it when done.

    >>> with sync_client(cfg) as client:
    ...     pages = [fetch_page(url, config=cfg, client=client) for url in urls]
    """
    return httpx.Client(**_client_options(config))


def async_client(config: FetchConfig, *, on_exchange: OnExchange | None = None) -> httpx.AsyncClient:
    """A connection pool for many concurrent ``afetch_page`` calls; close it when done.

    >>> async with async_client(cfg) as client:
    ...     pages = await asyncio.gather(*(afetch_page(u, config=cfg, client=client) for u in urls))

    ``on_exchange`` is handed every request and response made through the client, body as
    received (see ``_capture``): ``crawl --warc`` archives them.
    """
    options = _client_options(config)
    if on_exchange is not None:
        options["transport"] = capture_transport(config.verify_tls, on_exchange)
    return httpx.AsyncClient(**options)


def _client_options(config: FetchConfig) -> dict[str, Any]:
    # Redirects are followed by Fetch, hop by hop, so each hop passes the address policy.
    return {
        "headers": _plan.request_headers(config),
        "timeout": _plan.client_timeout(config),
        "follow_redirects": False,
        "verify": config.verify_tls,
    }


def fetch_page(
    url: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.Client | None = None,
    policy: AddressPolicy | None = None,
    on_redirect: OnRedirect | None = None,
) -> Page:
    """Download the HTML page at ``url`` under ``config``'s limits.

    >>> page = fetch_page("https://example.com/news/1", config=FetchConfig(total_timeout=10))
    >>> page.final_url, page.charset, page.content[:15]

    Raises FetchError; its ``kind`` says why (timeout, http_status, not_html, too_large, blocked ...).

    ``total_timeout`` is kept between reads only; a blocking read cannot be cut short. Every
    single wait is capped at ``min(read_timeout, time left when the hop started)`` (connects at
    ``min(connect_timeout, ...)``) and the deadline is checked after each body chunk, so:

    * while the body streams, the call ends at most one such wait after the deadline;
    * while the response headers arrive there is no check between reads: a server sending a
      header line every few seconds (each within ``read_timeout``) holds the call past the
      deadline until it stops (httpcore allows 100 KiB of headers), and the failure may read
      ``connect``/``protocol`` rather than ``timeout``;
    * name resolution (``socket.getaddrinfo``) has the system resolver's timeout, not ours.

    ``afetch_page`` (and so ``crawl`` and the ``newsscrape fetch`` command) keeps the deadline
    exactly; use it when servers may be hostile.

    ``client`` shares a pool across calls (see ``sync_client``); ``policy`` says which addresses
    are public (see ``AddressPolicy``). ``on_redirect(from_url, to_url)`` is called before each
    redirect is followed, once the address policy let the target through; it refuses a hop by
    raising FetchError (e.g. ``kind="robots"``), and the fetch fails with that error before the
    target is requested (see ``OnRedirect``).
    """
    job = Fetch(url, config=config, policy=policy)
    with _pool(client, job.config) as http:
        while True:
            for host in job.lookups():
                job.resolved(host, _resolve(job, host))
            job.admit()
            if job.hops and on_redirect is not None:  # the caller vets a hop the policy let through
                on_redirect(*job.hop)
            try:
                response = http.send(job.request(http), stream=True, follow_redirects=False)
                try:
                    if not job.on_headers(response):
                        for chunk in response.iter_raw() if job.raw else response.iter_bytes():
                            job.feed(chunk)
                        return job.page(response)
                finally:
                    response.close()
            except httpx.HTTPError as exc:
                raise job.error(exc) from exc


async def afetch_page(
    url: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.AsyncClient | None = None,
    policy: AddressPolicy | None = None,
    on_redirect: AsyncOnRedirect | None = None,
) -> Page:
    """``fetch_page`` for asyncio; safe to run many at once on one shared ``client``.

    >>> async with async_client(cfg) as client:
    ...     page = await afetch_page("https://example.com/news/1", config=cfg, client=client)

    ``on_redirect`` may be a coroutine function or a plain one; it runs under the total deadline.
    """
    job = Fetch(url, config=config, policy=policy)
    try:
        async with asyncio.timeout(job.remaining()):
            async with _apool(client, job.config) as http:
                while True:
                    for host in job.lookups():
                        job.resolved(host, await _aresolve(job, host))
                    job.admit()
                    if job.hops and on_redirect is not None:
                        checked = on_redirect(*job.hop)
                        if checked is not None:
                            await checked
                    try:
                        response = await http.send(job.request(http), stream=True, follow_redirects=False)
                        try:
                            if not job.on_headers(response):
                                async for chunk in (
                                    response.aiter_raw() if job.raw else response.aiter_bytes()
                                ):
                                    job.feed(chunk)
                                return job.page(response)
                        finally:
                            await response.aclose()
                    except httpx.HTTPError as exc:
                        raise job.error(exc) from exc
    except TimeoutError as exc:
        raise job.deadline_error() from exc


def _pool(client: httpx.Client | None, config: FetchConfig) -> AbstractContextManager[httpx.Client]:
    # A caller's client is the caller's to close; ours lives for this one call.
    return contextlib.nullcontext(client) if client is not None else sync_client(config)


def _apool(
    client: httpx.AsyncClient | None, config: FetchConfig
) -> AbstractAsyncContextManager[httpx.AsyncClient]:
    return contextlib.nullcontext(client) if client is not None else async_client(config)


def _resolve(job: Fetch, host: str) -> Sequence[Sequence[object]]:
    try:
        return socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise job.dns_error(host, exc) from exc


async def _aresolve(job: Fetch, host: str) -> Sequence[Sequence[object]]:
    try:
        return await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise job.dns_error(host, exc) from exc
