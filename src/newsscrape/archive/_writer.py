"""Write a WARC 1.1 file (``crawl --warc``): each HTTP exchange as a request and a response record.

Every record is its own gzip member (the layout Common Crawl and every WARC tool expect, so a
reader can seek to any record), with ``WARC-Payload-Digest`` and ``WARC-Block-Digest`` (sha1,
computed by warcio). The response block is the HTTP message as received: status line, headers,
and the body with its content coding (gzip, br) kept; the chunked framing is gone (httpcore
removes it) and so is the ``Transfer-Encoding`` header that announced it.

The archive obeys the rules of the JSON Lines output beside it, argued as in ``crawler/_resume``:

* **Written whole, or cut off by us.** Both records of an exchange are built in memory and
  appended with one ``write`` on a file opened for appending, unbuffered, then flushed. A process
  killed with ``kill -9`` leaves the kernel the bytes already written; only the last exchange may
  be cut, and only at the end of the file. A failed write (disk full) is truncated back at once.
* **Repaired on resume.** :func:`repair_warc` keeps the file up to the end of its last complete gzip
  member that holds a WARC record and cuts the rest, so a member cut by a crash is never left in the
  middle of the file for later records to follow. A request whose response was cut goes too.
* **What is in the JSONL is in the WARC.** The crawl hands each exchange to the writer when the
  fetcher closes the response, which is before the page is returned, extracted and its record
  written (``fetcher/_capture``). So every record's exchanges (robots.txt, each redirect hop, the
  page) reach the WARC file before its JSONL line is written; a crash between the two leaves a page
  in the WARC without its line, which ``--resume`` fetches again (and archives again: an archive
  holds exchanges, and a second one is a true one). Never the reverse.

``kill -9`` is covered: the kernel keeps what was written. A power cut is covered only with
``fsync=True`` (each exchange synced before its record can be written); without it the two files
may reach the disk in any order. The cost of the repair is one sequential read of the archive at
start (as fast as ``gunzip -t``), as ``--resume`` reads the JSON Lines output once.

    For example::

        with WarcWriter.open("raw.warc.gz") as warc:
            warc.write_exchange(exchange)
"""

from __future__ import annotations

import contextlib
import io
import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Final
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .._files import is_regular_file, names_open_file
from ..config import __version__
from ..errors import ExportError

_BLOCK: Final = 1 << 16
_HEAD: Final = 2048  # bytes of a record read to find its WARC-Type (the headers come first)
# Hop-by-hop framing undone before the body reached us: announcing it would make readers dechunk again.
_FRAMING: Final = frozenset({"transfer-encoding"})


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpExchange:
    """One request and its response, as the archive keeps them."""

    method: str
    url: str
    request_headers: Sequence[tuple[str, str]]
    http_version: str
    status: int
    reason: str
    response_headers: Sequence[tuple[str, str]]
    body: bytes
    complete: bool = True


def exchange_records(exchange: HttpExchange) -> bytes:
    """The request and response records of ``exchange``, two gzip members, as one byte string.

    >>> exchange = HttpExchange(
    ...     method="GET", url="https://example.com/news/1", request_headers=[], http_version="HTTP/1.1",
    ...     status=200, reason="OK", response_headers=[("Content-Type", "text/html")], body=b"<p>Rain</p>"
    ... )
    >>> exchange_records(exchange)[:2]
    b'\\x1f\\x8b'
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
    response_headers = StatusAndHeaders(
        f"{exchange.status} {exchange.reason}".strip(),
        [(k, v) for k, v in exchange.response_headers if k.lower() not in _FRAMING],
        protocol=_protocol(exchange.http_version),
    )
    more = {} if exchange.complete else {"WARC-Truncated": "unspecified"}
    response = writer.create_warc_record(
        exchange.url,
        "response",
        payload=io.BytesIO(exchange.body),
        length=len(exchange.body),  # known: warcio then digests in memory, without a temporary file
        http_headers=response_headers,
        warc_headers_dict=more,
    )
    target = _request_target(exchange.url)
    request_headers = StatusAndHeaders(
        f"{exchange.method} {target} {_protocol(exchange.http_version)}",
        list(exchange.request_headers),
        is_http_request=True,
    )
    request = writer.create_warc_record(
        exchange.url,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=request_headers,
        warc_headers_dict={"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
    )
    writer.write_record(request)
    writer.write_record(response)
    return buffer.getvalue()


def warcinfo_record() -> bytes:
    """The ``warcinfo`` record that opens a new file: which software wrote it, in which format."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
    info = {"software": f"newsscrape/{__version__}", "format": "WARC File Format 1.1"}
    writer.write_record(writer.create_warcinfo_record("", info))
    return buffer.getvalue()


class WarcWriter:
    """Append exchanges to a ``.warc.gz`` file; every exchange whole, flushed (see the module docstring).

    >>> exchange = HttpExchange(
    ...     method="GET", url="https://example.com/news/1", request_headers=[], http_version="HTTP/1.1",
    ...     status=200, reason="OK", response_headers=[("Content-Type", "text/html")], body=b"<p>Rain</p>"
    ... )
    >>> with WarcWriter.open("raw.warc.gz") as warc:
    ...     warc.write_exchange(exchange)
    >>> warc.exchanges
    1
    """

    def __init__(self, stream: IO[bytes], *, name: str, fsync: bool = False) -> None:
        self._stream = stream
        self._name = name
        self._fsync = fsync
        self.exchanges = 0
        self._checked = False  # ``open`` opened a regular file: its path must go on naming it

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, fsync: bool = False) -> WarcWriter:
        """Open ``path`` for appending, after :func:`repair_warc`; a new file starts with ``warcinfo``.

        Raises ExportError when the file cannot be opened or repaired.
        """
        try:
            repair_warc(path)
            stream = open(path, "ab", buffering=0)  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise ExportError(f"cannot open {path}: {exc.strerror or exc}", path=os.fspath(path)) from exc
        writer = cls(stream, name=os.fspath(path), fsync=fsync)
        writer._checked = is_regular_file(stream.fileno())
        if stream.tell() == 0:
            writer._append(warcinfo_record())
        return writer

    def write_exchange(self, exchange: HttpExchange) -> None:
        """Append the request and response records of ``exchange``; ExportError if they cannot be written."""
        self._append(exchange_records(exchange))
        self.exchanges += 1

    def check_in_place(self) -> None:
        """ExportError if the path no longer names the file being written (removed, or another
        renamed over it): the exchanges would go on into a file nobody can open, and the output
        would claim pages no archive holds."""
        if not self._checked or names_open_file(self._name, self._stream.fileno()):
            return
        self._checked = False
        raise ExportError(f"{self._name} was removed or replaced while being written", path=self._name)

    def _append(self, data: bytes) -> None:
        self.check_in_place()
        start = self._stream.tell()
        try:
            view = memoryview(data)
            while view:
                written = self._stream.write(view)
                if written is None:
                    raise OSError("the archive stream would block")
                view = view[written:]
            self._stream.flush()
            if self._fsync:
                os.fsync(self._stream.fileno())
        except OSError as exc:
            with contextlib.suppress(OSError):
                self._stream.truncate(start)
            raise ExportError(
                f"cannot write to {self._name}: {exc.strerror or exc}", path=self._name
            ) from exc

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def repair_warc(path: str | os.PathLike[str]) -> int:
    """Cut ``path`` back to the end of its last complete WARC record (gzip member); return the bytes cut.

    A missing file needs nothing. A request record left without its response (the exchange was
    cut between them: both are one write, so only a short write can do it) is cut too.

    >>> exchange = HttpExchange(
    ...     method="GET", url="https://example.com/news/1", request_headers=[], http_version="HTTP/1.1",
    ...     status=200, reason="OK", response_headers=[("Content-Type", "text/html")], body=b"<p>Rain</p>"
    ... )
    >>> with WarcWriter.open("raw.warc.gz") as warc:
    ...     warc.write_exchange(exchange)
    >>> with open("raw.warc.gz", "ab") as f:  # as if kill -9 cut the next record short
    ...     f.write(b"\\x1f\\x8b\\x08\\x00 cut")
    8
    >>> repair_warc("raw.warc.gz")
    8
    """
    if not os.path.exists(path):
        return 0
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        keep = last_whole_member(f)
        if keep < size:
            f.truncate(keep)
        return size - keep


def last_whole_member(f: IO[bytes]) -> int:
    """Offset just past the last gzip member of ``f`` that decompresses whole and is a complete
    exchange (or a lone ``warcinfo``); members are read in order, in blocks, one at a time."""
    f.seek(0)
    good = 0  # end of the last member that completes an exchange
    pos = 0  # where the current member starts
    pending_request = False
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    head = b""
    data = f.read(_BLOCK)
    while data:
        try:
            out = decomp.decompress(data)
        except zlib.error:
            return good
        if len(head) < _HEAD:
            head += out[: _HEAD - len(head)]
        if not decomp.eof:
            consumed = len(data)
            pos += consumed
            data = f.read(_BLOCK)
            continue
        rest = decomp.unused_data
        pos += len(data) - len(rest)
        if not head.startswith(b"WARC/"):
            return good
        pending_request = _record_type(head) == "request"
        if not pending_request:
            good = pos
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        head = b""
        data = rest or f.read(_BLOCK)
    return good


def _record_type(head: bytes) -> str:
    for line in head.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"warc-type":
            return value.strip().decode("ascii", "replace")
    return ""


def _protocol(version: str) -> str:
    return version if version.upper().startswith("HTTP/") else f"HTTP/{version}"


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
