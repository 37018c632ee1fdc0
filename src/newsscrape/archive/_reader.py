"""Read a WARC file (``.warc`` or ``.warc.gz``): its 200 HTML responses as pages, the rest counted.

warcio parses the records (WARC 1.0 and 1.1, gzip per record or not); what a record means for
extraction is decided here, and the HTTP payload is decoded by ``_http`` (chunked framing, gzip,
deflate, br, the declared charset). A record is a page when it is a ``response`` with status 200
and an HTML media type (or none declared and HTML-looking bytes); every other record is counted
under one :data:`Skip` kind, so a summary can say what an archive held.

A file cut short (a crawler killed while writing, a partial download) ends at its last whole
record: the cut record is dropped and one note says so; the records before it are read as usual.
Bytes that are not a WARC record at all end the file the same way. A record not followed by the
blank lines that end it (its Content-Length is wrong; also what an ARC header read as a record
leaves) is counted in ``WarcStats.misframed``: warcio would print a three-line warning of its own
on stderr for each, which on a Dask worker is nobody's terminal and in a batch is noise.

    For example::

        stats = WarcStats()
        for page in read_warc_pages("CC-NEWS-20240501.warc.gz", stats=stats):
            article = extract(page.content, page.url, charset=page.charset)
        stats.skipped
        # Counter({'request': 120, 'not_html': 14, 'not_200': 3})
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from ._http import HTML_TYPES, BadPayload, media_type, payload

Skip = Literal[
    "request", "revisit", "metadata", "warcinfo", "resource", "other", "not_200", "not_html", "bad"
]
RECORD_SKIPS: Final[dict[str, Skip]] = {
    "request": "request",
    "revisit": "revisit",
    "metadata": "metadata",
    "warcinfo": "warcinfo",
    "resource": "resource",
}
# A body without a Content-Type is taken as HTML when it starts like a page.
_HTML_START: Final = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchivedPage:
    """One HTML page to extract: its bytes, its URL, and where it was read (``source``)."""

    url: str | None
    source: str  # "path" for a file, "path#offset" for a WARC record
    content: bytes
    charset: str | None = None
    record_id: str | None = None

    @property
    def label(self) -> str:
        """The URL its record is filed under: ``url``, else the file's ``file://`` URI ("-" for stdin)."""
        if self.url:
            return self.url
        if self.source == "-" or "#" in self.source:
            return self.source
        return Path(self.source).resolve().as_uri()


@dataclass(slots=True)
class WarcStats:
    """What reading archives met: pages yielded, records skipped by kind, and notes (a cut file)."""

    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    misframed: int = 0  # records not followed by their blank lines (a wrong Content-Length)

    def summary(self) -> str:
        """``"12 pages; skipped 40 request, 2 not_200"`` (no notes)."""
        skipped = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped.items()))
        misframed = f"; {self.misframed} records not ended by a blank line (a wrong Content-Length?)"
        return (
            f"{self.pages} pages"
            + (f"; skipped {skipped}" if skipped else "")
            + (misframed if self.misframed else "")
        )


class _QuietIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's reader without the two messages it writes with ``sys.stderr.write`` (not through
    ``logging``, so no logger setting reaches them; warcio issue #31). Replacing ``sys.stderr``
    instead would hide every other thread's messages while a file is read.

    * A record not followed by a blank line: warcio formats this class attribute; empty, it writes
      nothing, and ``err_count`` still counts each one, for :attr:`WarcStats.misframed`.
    * gzip data that fails inside a member: :class:`_QuietReader` keeps the message for the note.
    """

    INC_RECORD = ""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(stream)
        # Made in warcio's __init__ and first read when iteration starts: replaced before that.
        self.reader = self.quiet_reader = _QuietReader(self.fh)


class _QuietReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's gzip reader, keeping the error of a member that fails part way (``damage``) where
    warcio would print it and read on as if the member ended there."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.damage: str | None = None

    def _decompress(self, data: bytes) -> bytes:
        if not (self.decompressor and data and self.num_block_read):
            first: bytes = super()._decompress(data)  # a first block: warcio tries the other deflates
            return first
        try:
            chunk: bytes = self.decompressor.decompress(data)
        except zlib.error as exc:
            self.damage = f"gzip: {exc}"
            return b""
        return chunk


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Is ``path`` named as a WARC file (``.warc``, ``.warc.gz``)?"""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc_pages(
    path: str | os.PathLike[str], *, stats: WarcStats | None = None
) -> Iterator[ArchivedPage]:
    """The 200 HTML responses of the WARC file ``path``, lazily, one record in memory at a time.

    >>> from newsscrape.archive import HttpExchange, WarcWriter
    >>> exchange = HttpExchange(
    ...     method="GET", url="https://example.com/news/1", request_headers=[], http_version="HTTP/1.1",
    ...     status=200, reason="OK", response_headers=[("Content-Type", "text/html")], body=b"<p>Rain</p>"
    ... )
    >>> with WarcWriter.open("crawl.warc.gz") as warc:
    ...     warc.write_exchange(exchange)
    >>> stats = WarcStats()
    >>> pages = list(read_warc_pages("crawl.warc.gz", stats=stats))
    >>> pages[0].url, pages[0].source, stats.skipped
    ('https://example.com/news/1', 'crawl.warc.gz#...', Counter({'warcinfo': 1, 'request': 1}))

    Records skipped and a cut last record are counted in ``stats``. Raises OSError when the file
    cannot be opened.
    """
    with open(path, "rb") as stream:
        yield from read_warc_stream(stream, os.fspath(path), stats=stats)


def read_warc_stream(
    stream: BinaryIO, name: str, *, stats: WarcStats | None = None
) -> Iterator[ArchivedPage]:
    """``read_warc_pages`` of a WARC already open for reading (an fsspec file of a bucket, say);
    ``name`` is what ``source`` and the notes call it. The caller closes ``stream``.
    """
    stats = stats if stats is not None else WarcStats()
    iterator = _QuietIterator(stream)
    offset = 0
    # The last record lacks Content-Length, which every WARC record has: its header block was cut.
    headless = False
    records = 0
    try:
        for record in iterator:
            records += 1
            # Where this record starts (get_record_offset() would read the record to its end first).
            offset = iterator.offset
            headless = record.format == "warc" and not record.rec_headers.get_header("Content-Length")
            if _not_a_record(record):
                stats.notes.append(
                    f"{name}: unreadable after byte {offset} (not a record); the file ends there"
                )
                return
            page = _page(record, f"{name}#{offset}", stats)
            if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
                stats.notes.append(_cut(name, offset, iterator))
                return
            if page is not None:
                stats.pages += 1
                yield page
        # A file cut inside a record's WARC headers ends quietly in warcio (the EOFError is taken
        # for the end of the file), or with that record's headers half read: say so all the same.
        # The loop ends when a read found the end of the stream: fh.tell() is the stream's size.
        if headless or iterator.offset < iterator.fh.tell():
            stats.notes.append(_cut(name, offset if headless else iterator.offset, iterator))
        elif not records:  # a download that wrote nothing: no page, and the reader should know
            stats.notes.append(f"{name}: holds no WARC record (an empty file)")
    # warcio raises these on bytes that are not a record (AttributeError on a header block cut
    # before its first line); either way the file cannot be read further. iterator.offset is
    # where the record being read starts (the end of the last whole one).
    except (ArchiveLoadFailed, EOFError, zlib.error, AttributeError, ValueError) as exc:
        stats.notes.append(_unreadable(name, iterator.offset, exc))
    finally:
        stats.misframed += iterator.err_count


# warcio's words for a WARC gzipped whole (``gzip f.warc``) instead of one gzip member per record:
# it cannot tell where the second record starts, and its offset is then no place in the file.
_WHOLE_GZIP: Final = "non-chunked gzip"


def _unreadable(name: str, offset: int, exc: Exception) -> str:
    if isinstance(exc, ArchiveLoadFailed) and _WHOLE_GZIP in str(exc):
        return (
            f"{name}: unreadable after its first record: gzipped as one stream, not one gzip member"
            " per record (gunzip it, or run warcio recompress on it); the file ends there"
        )
    return f"{name}: unreadable after byte {offset} ({type(exc).__name__}); the file ends there"


def _not_a_record(record: Any) -> bool:
    """Lines of text that warcio took for an ARC record: its length field is no number (warcio reads
    it as 0 and goes on). "hello world this is not a warc" is an ARC header line of five fields."""
    field = "Content-Length" if record.format == "warc" else "length"
    declared = record.rec_headers.get_header(field)
    return declared is not None and not declared.strip().isdigit()


def _cut(name: str, where: int, iterator: _QuietIterator) -> str:
    """The note of a file that ends inside the record at byte ``where``: cut, or its gzip damaged."""
    damage = iterator.quiet_reader.damage
    how = f"is damaged ({damage})" if damage else "is cut short"
    return f"{name}: record at byte {where} {how}; the file ends there"


def _page(record: Any, source: str, stats: WarcStats) -> ArchivedPage | None:
    rec_type: str = getattr(record, "rec_type", "") or ""
    if rec_type != "response":
        stats.skipped[RECORD_SKIPS.get(rec_type, "other")] += 1
        _drain(record)
        return None
    http = getattr(record, "http_headers", None)
    if http is None:  # a response that is not HTTP (dns:, ftp:)
        stats.skipped["other"] += 1
        _drain(record)
        return None
    if http.get_statuscode() != "200":
        stats.skipped["not_200"] += 1
        _drain(record)
        return None
    headers = list(http.headers)
    kind, charset = media_type(http.get_header("Content-Type"))
    if kind is not None and kind not in HTML_TYPES:
        stats.skipped["not_html"] += 1
        _drain(record)
        return None
    body = record.raw_stream.read()
    try:
        content = payload(body, headers)
    except BadPayload:
        stats.skipped["bad"] += 1
        return None
    if kind is None and not content.lstrip()[:14].lower().startswith(_HTML_START):
        stats.skipped["not_html"] += 1
        return None
    rec_headers = record.rec_headers
    return ArchivedPage(
        url=rec_headers.get_header("WARC-Target-URI"),
        source=source,
        content=content,
        charset=charset,
        record_id=rec_headers.get_header("WARC-Record-ID"),
    )


def _drain(record: Any) -> None:
    """Read a skipped record's block, so a cut one is noticed (``limit`` left over) like a page."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
