"""Download one page: ``fetch_page`` and ``afetch_page``, thin I/O loops around :class:`_plan.Fetch`.

The two drivers differ only in the sends; every decision lives in ``_plan``, so a fix there fixes both.

Deadline: ``afetch_page`` runs the whole fetch (DNS, connects, redirects, hooks, headers, body)
under one ``asyncio.timeout``: it ends at ``total_timeout``, whatever the server does. A blocking
read cannot be cancelled, and httpcore takes the read timeout once per response, so a server
dripping header lines could hold a synchronous read past any deadline. ``fetch_page`` therefore
runs the async driver on a private event loop (in a helper thread when the calling thread already
runs a loop: a notebook, sync code called from async code), and keeps the same deadline. Only with
a caller's own ``httpx.Client`` does it drive that client synchronously (see ``fetch_page``).

Clients made here send no cookie beyond the bounds of ``_cookies`` and ignore the environment's
proxy settings (``trust_env=False``): ``FetchConfig.proxy`` is the one switch, so a crawl goes the
same way wherever it runs. TLS still honours ``SSL_CERT_FILE``/``SSL_CERT_DIR``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import socket
import ssl
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, TypeAlias, TypeVar

import httpx

from ..config import FetchConfig
from ..errors import FetchError
from . import _backend, _plan
from ._address import AddressPolicy
from ._capture import OnExchange, capture_transport
from ._cookies import BoundedCookieJar, read_cookies_when_set
from ._plan import Fetch, Page

T = TypeVar("T")

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

    For example::

        with sync_client(cfg) as client:
            pages = [fetch_page(url, config=cfg, client=client) for url in urls]

    A synchronous client keeps ``total_timeout`` between reads only (see ``fetch_page``); for
    hostile servers, fetch without a client or use ``async_client`` with ``afetch_page``.
    """
    client = httpx.Client(**_client_options(config))
    read_cookies_when_set(client)
    return client


def async_client(
    config: FetchConfig, *, keepalive: int | None = None, on_exchange: OnExchange | None = None
) -> httpx.AsyncClient:
    """A connection pool for many concurrent ``afetch_page`` calls; close it when done.

    For example::

        async with async_client(cfg) as client:
            pages = await asyncio.gather(*(afetch_page(u, config=cfg, client=client) for u in urls))

    ``keepalive``: connections kept open between requests (httpx's default is 20, and a pool with
    more connections than that closes each one as its response ends); with it, the pool has no
    limit of its own on open connections: the caller bounds its concurrent requests (a crawler's
    pool for one host, ``per_host`` requests at most).

    ``on_exchange`` is handed every request and response made through the client, body as
    received (see ``_capture``): ``crawl --warc`` archives them.
    """
    options = _client_options(config)
    limits = (
        httpx.Limits(max_connections=None, max_keepalive_connections=keepalive)
        if keepalive is not None
        else httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's default
    )
    # Our transport takes what httpx would give its own, with the cheap idle check (``_backend``).
    transport = httpx.AsyncHTTPTransport(
        verify=options["verify"], proxy=options.pop("proxy"), limits=limits, trust_env=False
    )
    _backend.install(transport)
    # The capturing transport sits in front of it.
    options["transport"] = capture_transport(transport, on_exchange) if on_exchange is not None else transport
    client = httpx.AsyncClient(**options)
    read_cookies_when_set(client)
    return client


def _client_options(config: FetchConfig) -> dict[str, Any]:
    # Redirects are followed by Fetch, hop by hop, so each hop passes the address policy.
    return {
        "headers": _plan.request_headers(config),
        "timeout": _plan.client_timeout(config),
        "follow_redirects": False,
        "verify": _tls_context() if config.verify_tls else False,
        "proxy": config.proxy,
        "trust_env": False,
        "cookies": BoundedCookieJar(),  # a CookieJar is used as is; httpx.Cookies would be copied
    }


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every client: building one (the CA bundle) costs ~20 ms of
    CPU, and a crawler makes a client per host. A context is safe to share. SSL_CERT_FILE and
    SSL_CERT_DIR are honoured (trust_env) though proxies from the environment are not."""
    return httpx.create_ssl_context(verify=True, trust_env=True)


def fetch_page(
    url: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.Client | None = None,
    policy: AddressPolicy | None = None,
    on_redirect: OnRedirect | None = None,
) -> Page:
    """Download the HTML page at ``url`` under ``config``'s limits.

    For example::

        page = fetch_page("https://example.com/news/1", config=FetchConfig(total_timeout=10))
        page.final_url, page.charset, page.content[:15]

    Raises FetchError; its ``kind`` says why (timeout, http_status, not_html, too_large, blocked ...).
    It keeps ``total_timeout`` as ``afetch_page`` does, and works inside a running event loop too.

    ``client``: a caller's ``httpx.Client`` (see ``sync_client``) is driven synchronously, with
    the deadline checked between reads and every single wait capped at the time left when the
    hop starts; a server dripping its header lines can then overrun the deadline. Without
    ``client`` there is no such gap. ``policy`` says which addresses
    are public (see ``AddressPolicy``). ``on_redirect(from_url, to_url)`` is called before each
    redirect is followed, once the address policy let the target through; it refuses a hop by
    raising FetchError (e.g. ``kind="robots"``), and the fetch fails with that error before the
    target is requested (see ``OnRedirect``).
    """
    if client is None:
        return _run(afetch_page(url, config=config, policy=policy, on_redirect=on_redirect))
    job = Fetch(url, config=config, policy=policy)
    http = client
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
                    page = job.finish(response)  # None: a redirect stub, whose address is the next hop
                    if page is not None:
                        return page
            finally:
                response.close()
        except FetchError:
            raise
        except Exception as exc:  # httpx's errors, and whatever else escapes below it
            raise job.error(exc) from exc


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on a private event loop, in a helper thread if this one already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsscrape-fetch") as helper:
        return helper.submit(asyncio.run, coroutine).result()


async def afetch_page(
    url: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.AsyncClient | None = None,
    policy: AddressPolicy | None = None,
    on_redirect: AsyncOnRedirect | None = None,
) -> Page:
    """``fetch_page`` for asyncio; safe to run many at once on one shared ``client``.

    For example::

        async with async_client(cfg) as client:
            page = await afetch_page("https://example.com/news/1", config=cfg, client=client)

    ``on_redirect`` may be a coroutine function or a plain one; it runs under the total deadline.
    """
    return await adrive(Fetch(url, config=config, policy=policy), client, on_redirect)


async def adrive(job: Fetch, client: httpx.AsyncClient | None, on_redirect: AsyncOnRedirect | None) -> Page:
    """Carry out ``job`` (a Fetch, or a variant of its plan) hop by hop under its total deadline:
    the one async send loop, for pages and for the raw documents discovery reads."""
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
                                page = job.finish(response)  # None: a redirect stub (a next hop)
                                if page is not None:
                                    return page
                        finally:
                            await response.aclose()
                    except FetchError:
                        raise
                    except Exception as exc:  # httpx's errors, and whatever else escapes below it
                        raise job.error(exc) from exc
    except TimeoutError as exc:
        raise job.deadline_error() from exc


def _apool(
    client: httpx.AsyncClient | None, config: FetchConfig
) -> AbstractAsyncContextManager[httpx.AsyncClient]:
    # A caller's client is the caller's to close; ours lives for this one call.
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
