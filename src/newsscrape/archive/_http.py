"""The HTTP side of an archived response, sans I/O: bytes and headers in, the page's bytes out.

A WARC response record holds the message as the server sent it. Crawlers differ in what that
means: some keep the chunked framing (``Transfer-Encoding: chunked``), most keep the content coding
(gzip, deflate, br). :func:`payload` undoes both, in that order, and :func:`media_type` reads the
media type and the charset the server declared, which the extractor honours over any guess.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from typing import Final

import brotli

# Media types whose body is an HTML page; the rest of an archive (images, scripts, feeds) is skipped.
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]+")


class BadPayload(ValueError):
    """The body cannot be decoded as its headers say (a broken chunk, a corrupt gzip stream)."""


def header(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    """The first value of header ``name`` (case-insensitive), or None.

    >>> header([("Content-Type", "text/html")], "content-type")
    'text/html'
    """
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


def media_type(content_type: str | None) -> tuple[str | None, str | None]:
    """``(media type, charset)`` of a Content-Type value, both lower-case; None where absent.

    >>> media_type('text/html; charset="ISO-8859-1"')
    ('text/html', 'iso-8859-1')
    """
    if not content_type:
        return None, None
    kind, *params = content_type.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind.strip().lower() or None, charset


def payload(body: bytes, headers: Iterable[tuple[str, str]]) -> bytes:
    """The entity of ``body``: chunked framing removed, then the content coding undone.

    >>> payload(b"5\\r\\nhello\\r\\n0\\r\\n\\r\\n", [("Transfer-Encoding", "chunked")])
    b'hello'

    Raises BadPayload when the coding is broken. A body that claims chunked framing but has none
    (the crawler removed it and kept the header, as many do) is taken as it is.
    """
    headers = tuple(headers)
    if "chunked" in (header(headers, "transfer-encoding") or "").lower():
        body = dechunk(body)
    codings = [c.strip().lower() for c in (header(headers, "content-encoding") or "").split(",")]
    for coding in reversed([c for c in codings if c and c != "identity"]):
        body = decode(body, coding)
    return body


def dechunk(body: bytes) -> bytes:
    """Remove HTTP/1.1 chunked framing; ``body`` unchanged when it is not framed at all.

    A last chunk cut short (the connection dropped) keeps what arrived.
    """
    out, pos = bytearray(), 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        size_text = body[pos : end if end >= 0 else len(body)].split(b";")[0].strip()
        if not _CHUNK_SIZE.fullmatch(size_text):
            if pos == 0:
                return body  # not chunked after all
            raise BadPayload(f"broken chunk size {size_text[:20]!r} at byte {pos}")
        size = int(size_text, 16)
        if size == 0:
            break
        start = end + 2
        out += body[start : start + size]
        pos = start + size + 2
    return bytes(out)


def decode(body: bytes, coding: str) -> bytes:
    """Undo one content coding: gzip (x-gzip), deflate (zlib or raw, both are seen), br."""
    try:
        if coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body)
        if coding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
        if coding == "br":
            data: bytes = brotli.decompress(body)
            return data
    except (zlib.error, brotli.error) as exc:
        raise BadPayload(f"Content-Encoding {coding}: {exc}") from exc
    raise BadPayload(f"Content-Encoding {coding}: not supported")
