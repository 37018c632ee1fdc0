"""HTTP only: httpx lives here and nowhere else.

``fetch_page``/``afetch_page`` download one HTML page under FetchConfig's limits and return a
:class:`Page`, or raise :class:`newsscrape.errors.FetchError` with a ``kind``.
"""

from ._client import Page, afetch_page, async_client, fetch_page, sync_client

__all__ = ["Page", "afetch_page", "async_client", "fetch_page", "sync_client"]
