"""Every default in one place: FetchConfig, ExtractConfig, CrawlConfig, DiscoverConfig.

Configs are frozen; build a variant with ``dataclasses.replace(cfg, field=value)``.
Each validates itself in ``__post_init__`` so a bad value fails where it is written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from importlib.util import find_spec
from typing import Final, Literal

__version__: Final = "0.1.0"

DEFAULT_USER_AGENT: Final = f"newsscrape/{__version__} (+https://pypi.org/project/newsscrape/)"


def _positive(name: str, value: float) -> None:
    if not value > 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")


def _non_negative(name: str, value: float) -> None:
    if not value >= 0:
        raise ValueError(f"{name} must be >= 0, got {value!r}")


# RFC 9110 token characters: what a header (or cookie) name may be made of.
_TOKEN: Final = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
PROXY_SCHEMES: Final = ("http", "https", "socks5", "socks5h")


def check_header(name: str, value: str) -> None:
    """ValueError unless ``name: value`` can be sent as a request header.

    A CR or LF in a header would let one value smuggle in more headers (or a second request).
    """
    if not _TOKEN.fullmatch(name):
        raise ValueError(f"header name {name!r} is not a valid HTTP token")
    if any(c in value for c in "\r\n\0"):
        raise ValueError(f"header {name!r}: value must not contain CR, LF or NUL")


def check_cookie(name: str, value: str) -> None:
    """ValueError unless ``name=value`` can be sent as a cookie."""
    if not _TOKEN.fullmatch(name):
        raise ValueError(f"cookie name {name!r} is not a valid token")
    if any(c in value for c in ";\r\n\0"):
        raise ValueError(f"cookie {name!r}: value must not contain ';', CR, LF or NUL")


def check_proxy(proxy: str) -> None:
    """ValueError unless ``proxy`` is an http(s) or socks5 URL this install can use."""
    scheme, sep, rest = proxy.partition("://")
    if not sep or scheme.lower() not in PROXY_SCHEMES or not rest.strip("/"):
        raise ValueError(f"proxy must be a URL such as http://host:3128 ({', '.join(PROXY_SCHEMES)})")
    if scheme.lower().startswith("socks") and find_spec("socksio") is None:
        raise ValueError("a socks5 proxy needs the socksio package: pip install 'httpx[socks]'")


def _check_fetch_controls(config: FetchConfig) -> None:
    for name, value in config.headers.items():
        check_header(name, value)
    for name, value in config.cookies.items():
        check_cookie(name, value)
    if config.proxy is not None:
        check_proxy(config.proxy)


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    """How one page is downloaded."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0  # seconds to open the connection
    read_timeout: float = 20.0  # seconds without a byte
    total_timeout: float = 60.0  # seconds for the whole request, redirects and body included
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024  # cap on the *decoded* body, enforced while streaming
    # Redirects from a public address to loopback/private/link-local ones are refused (SSRF);
    # block_private refuses such addresses altogether, for services taking URLs from strangers.
    # Both judge the DNS answer, then the address each connection reached (DNS rebinding); through
    # a proxy, only the DNS answer (the proxy resolves and connects).
    block_private_redirects: bool = True
    block_private: bool = False
    verify_tls: bool = True
    # Extra request headers and cookies sent with every request (a consent cookie, an API key);
    # the User-Agent stays ``user_agent`` unless ``headers`` names one. ``proxy``: an http(s) or
    # socks URL every request goes through (None: no proxy, whatever the environment says).
    headers: Mapping[str, str] = field(default_factory=dict)
    cookies: Mapping[str, str] = field(default_factory=dict)
    proxy: str | None = None

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            _positive(name, getattr(self, name))
        _non_negative("max_redirects", self.max_redirects)
        _positive("max_bytes", self.max_bytes)
        if not self.user_agent.strip():
            raise ValueError("user_agent must not be empty")
        _check_fetch_controls(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractConfig:
    """How HTML becomes an Article."""

    time_limit: float = 10.0  # seconds per page before ExtractError(reason="timed_out")
    max_depth: int = 2000  # element nesting beyond this is ExtractError(reason="too_deep")
    fallback: bool = True  # ask trafilatura for a second opinion when the native pass is unsure
    links: bool = False  # keep each block's inline links (text, absolute URL): Markdown [text](url)

    def __post_init__(self) -> None:
        _positive("time_limit", self.time_limit)
        _positive("max_depth", self.max_depth)


@dataclass(frozen=True, slots=True, kw_only=True)
class CrawlConfig:
    """How a batch of URLs is crawled: concurrency, politeness, retries, workers."""

    concurrency: int = 16  # requests in flight, all hosts together
    per_host: int = 1  # requests in flight to one host
    delay: float = 1.0  # seconds between two requests to one host
    jitter: float = 0.5  # up to this fraction of delay added at random
    max_crawl_delay: float = 30.0  # robots.txt Crawl-delay is honoured up to this
    respect_robots: bool = True
    retries: int = 3  # retries after the first attempt, for connect/timeout/429/5xx
    backoff: float = 1.0  # first retry waits about this long, doubling each time
    max_retry_after: float = 120.0  # a Retry-After beyond this is not waited for: the host is given up
    host_failure_limit: int = 5  # consecutive failed URLs before a host's rest are recorded as errors
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # extraction processes
    extract_timeout: float = 30.0  # seconds before a runaway extraction worker is killed
    # URLs read ahead of the fetchers (all hosts together): bounds memory on a huge input file;
    # a larger window lets more hosts work in parallel when the input is grouped by host.
    max_pending: int = 10_000
    # Of those, URLs of one origin: the rest of a host's backlog waits on disk, so that a slow host
    # listed first (a Crawl-delay, thousands of URLs) cannot fill the window and hold back the others.
    max_pending_per_host: int = 1_000
    fetch: FetchConfig = field(default_factory=FetchConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)

    def __post_init__(self) -> None:
        _positive("concurrency", self.concurrency)
        _positive("per_host", self.per_host)
        for name in ("delay", "jitter", "max_crawl_delay", "backoff", "max_retry_after"):
            _non_negative(name, getattr(self, name))
        _non_negative("retries", self.retries)
        _positive("host_failure_limit", self.host_failure_limit)
        _non_negative("workers", self.workers)  # 0: extract in-process (tests, tiny runs)
        _positive("extract_timeout", self.extract_timeout)
        _positive("max_pending", self.max_pending)
        _positive("max_pending_per_host", self.max_pending_per_host)


def since_moment(since: date) -> datetime:
    """``DiscoverConfig.since`` as the datetime URLs are compared with: a date is its midnight UTC.

    >>> since_moment(date(2024, 5, 1))
    datetime.datetime(2024, 5, 1, 0, 0, tzinfo=datetime.timezone.utc)
    >>> since_moment(datetime(2024, 5, 1, 12))
    datetime.datetime(2024, 5, 1, 12, 0)
    """
    return since if isinstance(since, datetime) else datetime.combine(since, time(), tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscoverConfig:
    """How a site's article URLs are found: which sources, how far, which ones are kept."""

    # Keep URLs dated on or after this: a datetime (naive: UTC) or a date (its midnight UTC), made a
    # datetime once built. Typed date, of which datetime is a subclass, so that mypy takes both;
    # ``since_moment`` reads it back as the datetime it is.
    since: date | None = None
    max_urls: int | None = None  # stop after this many article URLs
    # The home page and section pages are walked "fallback": only when no sitemap or feed was usable.
    pages: Literal["fallback", "always", "never"] = "fallback"
    max_depth: int = 3  # link distance from the home page in the page walk (pagination included)
    max_pages: int = 100  # pages fetched by the page walk, per site
    max_sitemaps: int = 1000  # sitemap files fetched per site (indexes included)
    max_index_depth: int = 5  # sitemap indexes nested deeper than this are not followed
    guess_paths: bool = True  # try /sitemap.xml, /feed ... when robots.txt and the home page name none
    crawl: CrawlConfig = field(default_factory=CrawlConfig)  # politeness, robots, retries, fetch limits

    def __post_init__(self) -> None:
        since: object = self.since
        if isinstance(since, date):
            object.__setattr__(self, "since", since_moment(since))
        elif since is not None:
            raise TypeError(f"since must be a datetime or a date, got {type(since).__name__} {since!r}")
        if self.max_urls is not None:
            _positive("max_urls", self.max_urls)
        for name in ("max_depth", "max_index_depth"):
            _non_negative(name, getattr(self, name))
        for name in ("max_pages", "max_sitemaps"):
            _positive(name, getattr(self, name))
        if self.pages not in ("fallback", "always", "never"):
            raise ValueError(f"pages must be fallback, always or never, got {self.pages!r}")
