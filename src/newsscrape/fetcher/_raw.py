"""Download a document that is not a web page (sitemap, feed, robots-listed XML), conditionally.

``afetch_page`` insists on HTML; discovery needs XML, gzip files and JSON, and conditional GETs
(``If-None-Match`` / ``If-Modified-Since``) whose 304 answer is a result, not an error. A
:class:`RawFetch` is a :class:`_plan.Fetch` with those two differences; every other decision
(address policy, redirects and their loop check, the decoded-size cap enforced while streaming,
the total deadline, error mapping) is the page fetcher's, unchanged.

    For example::

        doc = await afetch_raw(url, config=cfg, client=client, validators={"If-None-Match": '"v1"'})
        doc.status, doc.header("etag"), len(doc.content)      # 304: content is b""
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import httpx

from ..config import FetchConfig
from . import _response
from ._address import AddressPolicy
from ._client import AsyncOnRedirect, adrive
from ._plan import Fetch, Page, request_headers

# Sitemaps and feeds are XML or JSON; a server that negotiates should not send the HTML page.
ACCEPT_RAW: Final = (
    "application/xml,text/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,"
    "application/json;q=0.8,*/*;q=0.5"
)
CONDITIONAL: Final = frozenset({"if-none-match", "if-modified-since"})


class RawFetch(Fetch):
    """A Fetch that takes any media type and reads a 304 as "not modified"; a document with a
    ``<meta http-equiv="refresh">`` is the document (a feed or a sitemap is no redirect stub)."""

    __slots__ = ("_conditional",)
    follows_refresh = False

    def __init__(
        self,
        url: str,
        *,
        config: FetchConfig | None,
        policy: AddressPolicy | None,
        validators: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(url, config=config, policy=policy)
        self._conditional = {k: v for k, v in (validators or {}).items() if k.lower() in CONDITIONAL}

    def request(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        request = super().request(client)
        headers = {**request_headers(self.config), "Accept": ACCEPT_RAW, **self._conditional}
        request.headers.update(headers)
        return request

    def on_headers(self, response: httpx.Response) -> bool:
        status, headers = response.status_code, response.headers
        if status == 304 and self._conditional:
            self.raw, self._decoder = True, None  # no body to read
            return False
        if status in _response.REDIRECT_STATUSES and headers.get("location"):
            return super().on_headers(response)
        if not 200 <= status < 300:
            return super().on_headers(response)  # raises the page fetcher's http_status error
        self._kind, self._charset = _response.media_type(headers.get("content-type"))
        self._sniffed = True  # any type will do: the reader decides what the bytes are
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_bytes:
            raise self._too_large(f"Content-Length {length}")
        self._choose_decoder(headers.get("content-encoding"), in_memory=response.is_stream_consumed)
        return False


async def afetch_raw(
    url: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.AsyncClient | None = None,
    policy: AddressPolicy | None = None,
    on_redirect: AsyncOnRedirect | None = None,
    validators: Mapping[str, str] | None = None,
) -> Page:
    """Download ``url`` whatever its type, under ``config``'s limits; a 304 is a Page with status 304.

    For example::

        doc = await afetch_raw("https://example.com/sitemap.xml", config=FetchConfig(max_bytes=50 * 2**20))
        doc.status, doc.content[:5]

    ``validators``: ``If-None-Match`` / ``If-Modified-Since`` to send (other headers are ignored).
    Raises FetchError as ``afetch_page`` does, except never ``not_html``.
    """
    return await adrive(
        RawFetch(url, config=config, policy=policy, validators=validators), client, on_redirect
    )


def header(page: Page, name: str) -> str | None:
    """The first value of response header ``name`` (case-insensitive) of ``page``."""
    wanted = name.lower()
    return next((v for k, v in page.headers if k.lower() == wanted), None)
