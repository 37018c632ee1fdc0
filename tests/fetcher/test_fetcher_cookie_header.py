"""The Cookie header of a request: the configured cookies, then the jar's matching ones, bounded."""

from __future__ import annotations

import urllib.request
from http.cookiejar import Cookie

import pytest

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
