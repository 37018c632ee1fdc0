"""HTTP only: httpx lives here and nowhere else.

``fetch_page``/``afetch_page`` download one HTML page under FetchConfig's limits and return a
:class:`Page`, or raise :class:`newsscrape.errors.FetchError` with a ``kind``. ``sync_client``/
``async_client`` make connection pools to share across many calls. ``AddressPolicy`` and
``is_public_address`` are the address (SSRF) policy, injectable for tests. ``OnRedirect`` is the
per-hop hook with which a caller vets each redirect (the target's robots.txt, its own block lists).
``check_url`` normalises a URL (IDNA host) or refuses it with the one ``invalid_url`` message.

    For example::

        page = fetch_page("https://example.com/news/1")
        page.final_url, page.charset
"""

from ._address import AddressPolicy, is_public_address
from ._capture import Exchange, OnExchange
from ._client import AsyncOnRedirect, OnRedirect, afetch_page, async_client, fetch_page, sync_client
from ._plan import Page, check_url, host_problem, invalid_url

__all__ = [
    "AddressPolicy",
    "AsyncOnRedirect",
    "Exchange",
    "OnExchange",
    "OnRedirect",
    "Page",
    "afetch_page",
    "async_client",
    "check_url",
    "fetch_page",
    "host_problem",
    "invalid_url",
    "is_public_address",
    "sync_client",
]
