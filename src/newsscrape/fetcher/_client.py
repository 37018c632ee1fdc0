"""Download one page (placeholder until the fetcher lands: no limits enforced yet)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..config import FetchConfig
from ..errors import FetchError


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A downloaded HTML page."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content: bytes  # the decoded (un-gzipped) body
    content_type: str | None  # media type only, e.g. "text/html"
    charset: str | None  # from the Content-Type header, if any
    headers: tuple[tuple[str, str], ...] = ()


def sync_client(config: FetchConfig) -> httpx.Client:
    return httpx.Client(headers={"User-Agent": config.user_agent}, follow_redirects=True)


def async_client(config: FetchConfig) -> httpx.AsyncClient:
    return httpx.AsyncClient(headers={"User-Agent": config.user_agent}, follow_redirects=True)


def fetch_page(url: str, *, config: FetchConfig | None = None, client: httpx.Client | None = None) -> Page:
    cfg = config or FetchConfig()
    with sync_client(cfg) as own:
        resp = (client or own).get(url)
    return _page(url, resp)


async def afetch_page(
    url: str, *, config: FetchConfig | None = None, client: httpx.AsyncClient | None = None
) -> Page:
    cfg = config or FetchConfig()
    async with async_client(cfg) as own:
        resp = await (client or own).get(url)
    return _page(url, resp)


def _page(url: str, resp: httpx.Response) -> Page:
    if resp.status_code >= 400:
        raise FetchError(f"GET {url}: HTTP {resp.status_code}", url=url, kind="http_status", status=resp.status_code)
    return Page(
        url=url,
        final_url=str(resp.url),
        status=resp.status_code,
        content=resp.content,
        content_type=resp.headers.get("content-type", "").split(";")[0].strip() or None,
        charset=resp.charset_encoding,
    )
