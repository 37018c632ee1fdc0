"""The Cookie header of a request: the configured cookies, then the jar's matching ones, bounded."""

from __future__ import annotations

import urllib.request
from http.cookiejar import Cookie
from typing import Any

import pytest

from faultserver import FaultServer
from newsscrape.config import FetchConfig
from newsscrape.fetcher import afetch_page, async_client
from newsscrape.fetcher._cookies import BoundedCookieJar, cookie_header


def _cookie(name: str, value: str, domain: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, domain, False, False, "/", True, False, None, False, None, None, {}
    )


def test_an_empty_jar_is_not_matched_against_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    # Matching builds a urllib request per fetch (~15 us); sites that set no cookie need none.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an empty jar was probed")

    monkeypatch.setattr(urllib.request, "Request", refuse)
    jar = BoundedCookieJar()
    assert cookie_header(jar, "https://example.com/a", fixed={}) is None
    assert cookie_header(jar, "https://example.com/a", fixed={"consent": "yes"}) == "consent=yes"


def test_a_stored_cookie_still_follows_the_fixed_ones() -> None:
    jar = BoundedCookieJar()
    jar.set_cookie(_cookie("session", "abc", "example.com"))
    header = cookie_header(jar, "https://example.com/a", fixed={"consent": "yes"})
    assert header == "consent=yes; session=abc"
    assert cookie_header(jar, "https://other.example/a", fixed={}) is None


@pytest.mark.anyio
async def test_only_a_response_that_sets_a_cookie_reaches_the_jar(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # httpx builds urllib stand-ins for every response it hands the jar (~5% of fetching CPU).
    handed = 0
    extract = BoundedCookieJar.extract_cookies

    def counting(self: BoundedCookieJar, response: Any, request: Any) -> None:
        nonlocal handed
        handed += 1
        extract(self, response, request)

    monkeypatch.setattr(BoundedCookieJar, "extract_cookies", counting)
    config = FetchConfig()
    async with async_client(config) as client:
        for i in range(3):
            await afetch_page(fault_server.url(f"/page/plain-{i}"), config=config, client=client)
        assert handed == 0
        await afetch_page(fault_server.url("/cookie-flood?n=2"), config=config, client=client)
        assert handed == 1
        assert len(client.cookies.jar) == 2  # stored, and sent on the next request
        await afetch_page(fault_server.url("/page/after"), config=config, client=client)
    assert (fault_server.requests[-1].header("cookie") or "").count("=v") == 2
