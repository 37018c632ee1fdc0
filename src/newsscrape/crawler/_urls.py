"""Input URLs: reading URL lists, normalising for duplicate detection, and a compact set of seen URLs.

Two spellings of one page are one URL to the crawler: scheme and host case, a default port, a
fragment, and tracking parameters do not change the page a server sends. Other query parameters
are kept, in their order and raw spelling (re-encoding them could change what a server sees).
Only the *key* is normalised: the crawler fetches and records the URL as first listed.

A host is one key in one spelling: its IDNA (ASCII) form, so ``bücher.example`` and
``xn--bcher-kva.example`` are one URL and one host for politeness. A host no HTTP client can
use (``256.1.1.1``, the octal ``0177.0.0.1``, ``①.com``, the broken punycode ``xn--a.com``) is
an invalid URL here, before robots.txt or the network are asked: :func:`check_url` is the one
judge, for ``crawl`` and ``fetch`` alike, so both give the same message.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from array import array
from collections.abc import AsyncIterable, Iterable, Iterator
from typing import Literal, TypeVar
from urllib.parse import SplitResult, urlsplit

import idna

from ..extractor._urls import without_tracking
from ..fetcher import check_url as fetchable
from ..fetcher import host_problem, invalid_url

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


_SPACE = re.compile(r"\s")
# The C0 controls and DEL, which no client sends (httpx refuses them): the key of such a line must
# be the invalid line's, as the crawl files its error record under, or --resume never finds that
# record and writes another each run.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A host whose last label is a number is an IPv4 address to a browser (WHATWG URL), in any
# spelling: 0x7f.1, 0177.0.0.1, 2130706433. Only the plain dotted quad is accepted.


class InvalidUrl(ValueError):
    """The text is not an absolute http(s) URL; the message says why."""


def check_url(url: str) -> str:
    """The key of ``url`` (see normalize_url); FetchError(kind="invalid_url") when no client could
    fetch it. The fetcher is the one judge of that (``fetcher.check_url``), so ``fetch``, ``crawl``
    and a redirect's target get one message for one bad URL.

        >>> check_url("http://256.1.1.1/")
        Traceback (most recent call last):
        newsscrape.errors.FetchError: invalid URL 'http://256.1.1.1/': Invalid IPv4 address: '256.1.1.1'
    """
    fetchable(url)
    try:
        return normalize_url(url)
    except InvalidUrl as exc:
        raise invalid_url(url, str(exc)) from exc


def normalize_url(url: str) -> str:
    """The duplicate-detection key of ``url``: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, "/" for an empty path. Raises InvalidUrl.

        >>> normalize_url("HTTP://Example.COM:80/a?utm_source=x&id=3#top")
        'http://example.com/a?id=3'
    """
    text = url.strip()
    if not text:
        raise InvalidUrl("empty URL")
    if _SPACE.search(text):
        raise InvalidUrl("white space inside the URL")
    if _CONTROL.search(text):
        raise InvalidUrl("a control character inside the URL")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:  # bad port, unbalanced IPv6 brackets ...
        raise InvalidUrl(str(exc)) from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise InvalidUrl(f"scheme {parts.scheme!r} is not http or https" if scheme else "not an absolute URL")
    if not parts.hostname:
        raise InvalidUrl("no host")
    netloc = _host(parts)
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if "@" in parts.netloc:  # credentials are part of what is asked for; keep them as written
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    query = without_tracking(parts.query)
    return f"{scheme}://{netloc}{parts.path or '/'}" + (f"?{query}" if query else "")


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL already accepted by normalize_url: the unit of politeness and robots.

    >>> origin("https://Example.com/news/1")
    'https://example.com:443'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    return f"{scheme}://{_host(parts)}:{parts.port or DEFAULT_PORTS[scheme]}"


def _host(parts: SplitResult) -> str:
    """The host in one spelling (lower case, IDNA, no trailing dot, IPv6 in brackets). Raises InvalidUrl."""
    host = (parts.hostname or "").rstrip(".")  # hostname is lower-cased already
    if ":" in host:
        try:
            ipaddress.IPv6Address(host.partition("%")[0])
        except ValueError as exc:
            raise InvalidUrl(f"host {host!r} is not an IPv6 address") from exc
        return f"[{host}]"
    if not host:
        raise InvalidUrl("no host")
    try:
        if not host.isascii():
            host = str(idna.encode(host).decode("ascii"))
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidUrl(f"host {host!r} is not a valid domain name ({exc})") from exc
    problem = host_problem(host)  # the fetcher's judgement: numeric forms, broken punycode
    if problem:
        raise InvalidUrl(problem)
    return host


def url_key(url: str) -> str:
    """The key under which a listed URL (or an invalid line) is recorded: normalised, or the line itself.

    >>> url_key("HTTPS://Example.com/a#top"), url_key("not a url")
    ('https://example.com/a', 'invalid:not a url')
    """
    try:
        return normalize_url(url)
    except InvalidUrl:
        return invalid_key(url)


def invalid_key(line: str) -> str:
    """The key of a line that is no URL: one error record per distinct line, even across --resume."""
    return "invalid:" + line.strip()


U = TypeVar("U", bound=Iterable[str] | AsyncIterable[str])


def many_urls(urls: U) -> U:
    """``urls``, unless it is one URL: a str is an iterable of str too, and would be crawled
    character by character, each an invalid URL (TypeError then).

    >>> many_urls("https://example.com/1")
    Traceback (most recent call last):
    TypeError: crawl takes an iterable of URLs, not one URL: pass ['https://example.com/1']
    """
    if isinstance(urls, str | bytes):
        raise TypeError(f"crawl takes an iterable of URLs, not one URL: pass [{urls!r}]")
    return urls


def read_url_lines(lines: Iterable[str]) -> Iterator[str]:
    """The URLs of a URL list: one per line, blank lines and ``#`` comment lines skipped; streamed.

    >>> list(read_url_lines(["# mine\\n", "https://example.com/1\\n", "\\n"]))
    ['https://example.com/1']
    """
    for line in lines:
        text = url_of_line(line)
        if text is not None:
            yield text


def url_of_line(line: str) -> str | None:
    """The URL a line of a URL list holds, or None for a blank or ``#`` comment line. A byte order
    mark (files saved by Excel or Notepad) and CR-LF line ends are taken off. A JSON object with a
    string ``url`` (a line of ``newsscrape discover``, or of a crawl's output) gives that URL, so
    ``discover SITE > urls.jsonl`` then ``crawl urls.jsonl`` works.

    >>> url_of_line("\\ufeffhttps://example.com/1\\r\\n"), url_of_line("# mine")
    ('https://example.com/1', None)
    >>> url_of_line('{"url": "https://example.com/2", "source": "sitemap"}')
    'https://example.com/2'
    """
    text = line.strip().lstrip("\ufeff").strip()
    if text.startswith("{"):
        try:
            record = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            return text  # an invalid URL, reported as such
        url = record.get("url") if isinstance(record, dict) else None
        return url.strip() if isinstance(url, str) and url.strip() else text
    return text if text and not text.startswith("#") else None


Mark = Literal["new", "duplicate", "recorded"]


class UrlSet:
    """Keys seen so far, as 62-bit hashes in an open-addressing table: 16 to 32 bytes per URL.

    A Python ``set`` of strings would cost ~150 bytes per URL; a million-line input would take
    150 MB just to remember what it saw. Two flag bits per slot tell a URL already in the output
    (``add_recorded``, for --resume) from one met in this run's input. A hash collision (odds about
    n²/2⁶³: 1e-7 for a million URLs) would make a URL count as a duplicate.

        >>> seen = UrlSet(); seen.mark(url_key("http://a/1")), seen.mark(url_key("HTTP://A/1#x"))
        ('new', 'duplicate')
    """

    _INPUT, _RECORDED = 1, 2

    def __init__(self, capacity: int = 1024) -> None:
        size = 1 << max(10, (capacity * 2 - 1).bit_length())
        self._table = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: object) -> bool:
        """Was this ``url_key`` seen (in the input or the output)?"""
        return isinstance(key, str) and self._find(key)[1] != 0

    def add_recorded(self, url: str) -> None:
        """Remember a URL already present in the output (its record's ``url``)."""
        key = url_key(url)
        slot, value = self._find(key)
        if value == 0:
            self._put(slot, self._hash_of(key) | self._RECORDED)

    def mark(self, key: str) -> Mark:
        """Note an input URL by its ``url_key``: "new" the first time, "recorded" if the output
        has it already, else "duplicate"."""
        slot, value = self._find(key)
        if value == 0:
            self._put(slot, self._hash_of(key) | self._INPUT)
            return "new"
        if value & self._RECORDED:
            self._table[slot] = (value & ~3) | self._INPUT  # a second listing is then a duplicate
            return "recorded"
        return "duplicate"

    @staticmethod
    def _hash_of(key: str) -> int:
        h = int.from_bytes(
            hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"
        )
        return (h << 2) & 0xFFFF_FFFF_FFFF_FFFC or 4  # low two bits are flags; 0 marks an empty slot

    def _find(self, key: str) -> tuple[int, int]:
        h = self._hash_of(key)
        table, mask = self._table, self._mask
        i = (h >> 2) & mask
        while True:
            value = table[i]
            if value == 0 or value & ~3 == h:
                return i, value
            i = (i + 1) & mask

    def _put(self, slot: int, value: int) -> None:
        self._table[slot] = value
        self._count += 1
        if self._count * 2 > len(self._table):  # keep the load under 1/2 so probes stay short
            self._grow()

    def _grow(self) -> None:
        old = self._table
        self._table = array("Q", bytes(8 * len(old) * 2))
        self._mask = len(self._table) - 1
        table, mask = self._table, self._mask
        for value in old:
            if value:
                i = (value >> 2) & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = value
