"""Cookies bounded the way browsers bound them, so one host cannot fill its own header or anyone else's.

A crawl shares one client, and so one cookie jar, across every host. Without bounds a host that
sets 200 new cookies per page grows its own Cookie header by kilobytes per page until its server
answers 431, and the jar grows with every host crawled. :class:`BoundedCookieJar` stores at most
``MAX_PER_DOMAIN`` cookies per cookie domain and ``MAX_COOKIES`` in all (oldest first out) and
refuses a cookie over ``MAX_COOKIE_BYTES``; :func:`cookie_header` sends the configured cookies
first, then the jar's, within ``MAX_HEADER_BYTES``.

    >>> jar = BoundedCookieJar()
    >>> cookie_header(jar, "https://example.com/", fixed={"consent": "yes"})
    'consent=yes'
"""

from __future__ import annotations

import contextlib
import threading
import urllib.request
from collections import OrderedDict
from collections.abc import Mapping
from http.cookiejar import Cookie, CookieJar
from typing import Final

import httpx

# RFC 6265 section 6.1 asks a user agent for at least 4096 bytes per cookie and 50 per domain;
# browsers keep about that many (Chrome: 180 per domain, 3000 in all) and evict the oldest.
MAX_COOKIE_BYTES: Final = 4096  # name + value
MAX_PER_DOMAIN: Final = 50
MAX_COOKIES: Final = 3000
# Servers commonly refuse request headers over 8 KiB (nginx's large_client_header_buffers).
MAX_HEADER_BYTES: Final = 8000

_Key = tuple[str, str, str]  # domain, path, name


class BoundedCookieJar(CookieJar):
    """A CookieJar that keeps at most 50 cookies per domain, 3000 in all, each at most 4096 bytes.

    >>> client = httpx.AsyncClient(cookies=httpx.Cookies(BoundedCookieJar()))
    """

    def __init__(self) -> None:
        super().__init__()
        # CookieJar's own (reentrant) lock, held around extract_cookies' calls of set_cookie: taking
        # it here too keeps one lock order; a second lock of ours could deadlock against it.
        self._lock: threading.RLock = self._cookies_lock  # type: ignore[attr-defined]
        self._order: OrderedDict[_Key, None] = OrderedDict()  # oldest first
        self._per_domain: dict[str, int] = {}

    def set_cookie(self, cookie: Cookie) -> None:
        if len(cookie.name) + len(cookie.value or "") > MAX_COOKIE_BYTES:
            return  # browsers drop such a cookie whole
        key = (cookie.domain, cookie.path, cookie.name)
        with self._lock:
            super().set_cookie(cookie)
            if key in self._order:
                self._order.move_to_end(key)
            else:
                self._order[key] = None
                self._per_domain[cookie.domain] = self._per_domain.get(cookie.domain, 0) + 1
            if self._per_domain[cookie.domain] > MAX_PER_DOMAIN:
                self._evict(next(k for k in self._order if k[0] == cookie.domain))
            while len(self._order) > MAX_COOKIES:
                self._evict(next(iter(self._order)))

    def _evict(self, key: _Key) -> None:
        with contextlib.suppress(KeyError):  # already gone from the jar: only the bookkeeping is left
            self.clear(*key)

    def clear(self, domain: str | None = None, path: str | None = None, name: str | None = None) -> None:
        with self._lock:
            try:
                super().clear(domain, path, name)
            finally:
                for key in [k for k in self._order if _matches(k, domain, path, name)]:
                    del self._order[key]
                    left = self._per_domain.pop(key[0]) - 1
                    if left:
                        self._per_domain[key[0]] = left


def _matches(key: _Key, domain: str | None, path: str | None, name: str | None) -> bool:
    return all(want is None or have == want for have, want in zip(key, (domain, path, name), strict=True))


def cookie_header(jar: CookieJar, url: str, *, fixed: Mapping[str, str]) -> str | None:
    """The Cookie header for ``url``: the ``fixed`` cookies, then the jar's, at most 8000 bytes in all.

    >>> cookie_header(BoundedCookieJar(), "https://example.com/", fixed={})  # nothing to send
    """
    pairs = [f"{name}={value}" for name, value in fixed.items()]
    if len(jar):  # an empty jar (most crawls: sites set no cookie) has nothing to match the URL against
        probe = urllib.request.Request(url)
        jar.add_cookie_header(probe)
        stored = probe.get_header("Cookie")
        if stored:
            pairs.extend(stored.split("; "))
    header, size = [], 0
    for pair in pairs:
        if size + len(pair) + 2 > MAX_HEADER_BYTES:
            break  # the most specific paths come first: keep those
        header.append(pair)
        size += len(pair) + 2
    return "; ".join(header) or None


class ResponseCookies(httpx.Cookies):
    """``httpx.Cookies`` that reads a response only when it sets a cookie.

    httpx hands every response to the jar through two urllib stand-ins (a request and a response,
    the URL parsed again), ~5 % of a crawl's fetching CPU, though most responses set no cookie;
    the jar looks at Set-Cookie and Set-Cookie2 only, so without them it has nothing to store.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


def read_cookies_when_set(client: httpx.Client | httpx.AsyncClient) -> None:
    """Let ``client`` (one made here) skip the jar for responses that set no cookie; a no-op when
    its cookies are not httpx's own (another httpx)."""
    cookies = getattr(client, "_cookies", None)  # the ``cookies`` setter would copy into a plain Cookies
    if type(cookies) is httpx.Cookies:
        client._cookies = ResponseCookies(cookies.jar)
