"""What a response is, decided from its headers and first bytes: HTML or not, its charset, Retry-After.

No I/O here; the vocabularies are data with the reason beside them.

    >>> media_type("text/html; charset=windows-1251")
    ('text/html', 'windows-1251')
"""

from __future__ import annotations

import time
import zlib
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Final, cast

from zlib_ng import zlib_ng

# Media types we take as a page. XHTML is HTML to every parser we use.
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})

# Declared types that say nothing about the bytes: misconfigured servers send HTML under them,
# so the body's first bytes decide (WHATWG MIME sniffing does the same for a missing type).
SNIFFED_TYPES: Final = frozenset({"", "application/octet-stream", "unknown/unknown"})

# How many leading bytes sniffing looks at (the WHATWG algorithm reads up to 1445; tags open early).
SNIFF_BYTES: Final = 1024

# Tag openings that mark a document as HTML when it starts with them (WHATWG "scriptable MIME type"
# patterns), compared lower-cased after leading whitespace; each must be followed by space or '>'.
HTML_STARTS: Final = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
)
TAG_ENDS: Final = (b" ", b">", b"\t", b"\n", b"\r", b"\x0c")

BOMS: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Statuses whose Retry-After tells a polite client when to come back (RFC 9110 section 10.2.3).
RETRY_AFTER_STATUSES: Final = frozenset({429, 503})

# Statuses that redirect; each is followed with GET, the only method we send.
REDIRECT_STATUSES: Final = frozenset({301, 302, 303, 307, 308})


def media_type(header: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into (lower-cased media type, charset label or None).

    >>> media_type('application/xhtml+xml; charset="UTF-8"')
    ('application/xhtml+xml', 'utf-8')
    """
    if not header:
        return "", None
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").strip().lower() or None
    return kind.strip().lower(), charset


def needs_sniffing(kind: str) -> bool:
    """True when the declared type says nothing and the body's first bytes must decide."""
    return kind in SNIFFED_TYPES


def is_html_type(kind: str) -> bool:
    """True for a declared HTML/XHTML media type."""
    return kind in HTML_TYPES


def sniff_html(head: bytes) -> bool:
    """Whether the first bytes of a body look like HTML.

    >>> sniff_html(b"\\n<!DOCTYPE html><title>x</title>"), sniff_html(b"%PDF-1.7")
    (True, False)
    """
    for bom in BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    # UTF-16 bodies are not sniffed (rare on the web, and a declared type covers them).
    text = head.lstrip(b" \t\r\n\x0c").lower()
    for start in HTML_STARTS:
        if text.startswith(start) and (start == b"<!--" or text[len(start) : len(start) + 1] in TAG_ENDS):
            return True
    # XHTML served bare: an XML declaration followed by an html root.
    return text.startswith(b"<?xml") and b"<html" in text


def retry_after(header: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if absent or bad.

    >>> retry_after("120"), retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0)
    (120.0, 0.0)
    """
    if not header:
        return None
    value = header.strip()
    if value.isascii() and value.isdigit():  # RFC 9110 delta-seconds: ASCII digits ("²".isdigit() too)
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is GMT by definition, even when the zone reads -0000
        when = when.replace(tzinfo=UTC)
    wait = when.timestamp() - (time.time() if now is None else now)
    return max(0.0, wait)


# Content codings undone here rather than by httpx, with a bound on every step's output: httpx's
# decoders expand a whole network chunk at once, and 64 KiB of a gzip bomb is 64 MiB of output
# before any size cap can look at it. Value: zlib's wbits for the coding.
BOUNDED_CODINGS: Final = {
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}

# The inflater: zlib-ng reads zlib's streams (the same bytes out, the same error messages) in about
# half the CPU (~0.2 ms of a 170 KB page's ~0.45 ms), and a crawl's own process inflates every page.
InflateError: Final = cast(type[Exception], zlib_ng.error)  # a broken stream (typed as an instance)

# Codings stacked deeper than this are refused: one layer is the web's norm, two is rare (a proxy
# gzipping a gzip), and every layer is more work per wire byte.
MAX_CODINGS: Final = 3

# Largest output of one decompress call: the unit of work between two checks of the size cap.
DECODE_STEP: Final = 64 * 1024


def content_codings(header: str | None) -> list[str]:
    """The Content-Encoding codings in the order applied, identity dropped.

    >>> content_codings("gzip"), content_codings("identity"), content_codings(None)
    (['gzip'], [], [])
    """
    return [c for c in (p.strip().lower() for p in (header or "").split(",")) if c and c != "identity"]


class OverLimit(Exception):
    """A decoded layer grew past its limit; ``partial`` holds the final output decoded before that."""

    def __init__(self, partial: bytes) -> None:
        super().__init__("decoded body over the limit")
        self.partial = partial


class _Layer:
    __slots__ = ("coding", "out", "started", "zlib")

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.zlib = zlib_ng.decompressobj(BOUNDED_CODINGS[coding])
        self.started = False
        self.out = 0  # bytes produced so far

    def step(self, data: bytes) -> bytes:
        try:
            piece = self.zlib.decompress(data, DECODE_STEP)
        except InflateError:
            # "deflate" is often sent raw, without the zlib wrapper the RFC asks for (browsers and
            # httpx accept both); retry the first chunk that way.
            if self.coding != "deflate" or self.started:
                raise
            self.zlib = zlib_ng.decompressobj(-zlib.MAX_WBITS)
            piece = self.zlib.decompress(data, DECODE_STEP)
        self.started = True
        return piece


class BoundedDecoder:
    """Undo a stack of gzip/deflate codings, counting every layer's output against ``limit``.

    Each layer is fed in steps of at most ``DECODE_STEP`` output bytes and handed on at once, so
    memory stays near ``limit`` and the work per call near ``layers * limit``, whatever the stack:
    ``gzip, gzip`` turning 2 KB into 2 GB stops as soon as a layer passes the limit.

    >>> import gzip
    >>> decoder = BoundedDecoder(["gzip"], limit=10)
    >>> decoder.decode(gzip.compress(b"x" * 1000))
    Traceback (most recent call last):
    newsscrape.fetcher._response.OverLimit: decoded body over the limit
    """

    __slots__ = ("_layers", "_limit", "_out")

    def __init__(self, codings: list[str], *, limit: int) -> None:
        # The last coding applied is the first to undo.
        self._layers = [_Layer(coding) for coding in reversed(codings)]
        self._limit = limit
        self._out = 0

    def decode(self, data: bytes) -> bytes:
        """Decoded bytes of ``data``. Raises OverLimit past the limit, InflateError on a broken stream."""
        out = bytearray()
        self._push(0, data, out)
        return bytes(out)

    def flush(self) -> bytes:
        """What the layers still hold at the end of the body."""
        out = bytearray()
        for i, layer in enumerate(self._layers):
            rest = layer.zlib.unconsumed_tail
            if rest:
                self._push(i, rest, out)
            tail = layer.zlib.flush(DECODE_STEP)
            layer.out += len(tail)
            if i < len(self._layers) - 1:
                self._check(layer.out, out)
            if tail:
                self._push(i + 1, tail, out)
        return bytes(out)

    def _push(self, i: int, data: bytes, out: bytearray) -> None:
        if i == len(self._layers):
            self._out += len(data)
            out += data
            self._check(self._out, out)
            return
        layer = self._layers[i]
        while data:
            piece = layer.step(data)
            if not piece and layer.zlib.unconsumed_tail == data:
                break  # no progress (cannot happen with a positive step; never spin on it)
            data = layer.zlib.unconsumed_tail
            layer.out += len(piece)
            if i < len(self._layers) - 1:  # the last layer's output is the body, counted below
                self._check(layer.out, out)
            if piece:
                self._push(i + 1, piece, out)
            elif layer.zlib.eof:
                break  # bytes after the end of the stream are ignored, as httpx and browsers do

    def _check(self, produced: int, out: bytearray) -> None:
        if produced > self._limit:
            keep = len(out) - max(0, self._out - self._limit)
            raise OverLimit(bytes(out[:keep]))
