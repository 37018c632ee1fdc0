"""``crawl --warc``: the crawl's exchanges into a WARC file, the output written only after them.

The fetcher hands every exchange (robots.txt, redirect hops, pages) to :class:`ArchiveHook` when it
closes the response, before the page goes to extraction (``fetcher/_capture``); the hook appends it
to the WARC at once (``archive/_writer``: one write per exchange, flushed). :class:`ArchivedOutput`
writes a record only while the archive has not failed: a WARC that could not be written stops the
crawl before any record whose exchanges it may lack. So the JSONL never claims a page the WARC
lacks; the argument, and the repair of a cut file on ``--resume``, are in ``archive/_writer``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import ExportError
from ..exporter import JsonlWriter
from ..fetcher import Exchange
from ..models import Record

if TYPE_CHECKING:
    from ..archive import WarcWriter


class ArchiveHook:
    """``on_exchange`` for the crawl's client: each exchange into the WARC; a failure is kept, not raised."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from ..archive import WarcWriter  # warcio: loaded only by a crawl that writes a WARC

        self.warc: WarcWriter = WarcWriter.open(path)  # cuts a record left half-written by a crash
        self.failure: ExportError | None = None

    def __call__(self, exchange: Exchange) -> None:
        if self.failure is not None:
            return
        from ..archive import HttpExchange

        try:
            self.warc.write_exchange(
                HttpExchange(
                    method=exchange.method,
                    url=exchange.url,
                    request_headers=exchange.request_headers,
                    http_version=exchange.http_version,
                    status=exchange.status,
                    reason=exchange.reason,
                    response_headers=exchange.response_headers,
                    body=exchange.body,
                    complete=exchange.complete,
                )
            )
        except ExportError as exc:
            self.failure = exc

    def verify(self) -> None:
        """The crawl's last look: the archive is still where it was opened (else ``failure``)."""
        if self.failure is None:
            try:
                self.warc.check_in_place()
            except ExportError as exc:
                self.failure = exc

    def close(self) -> None:
        self.warc.close()


class ArchivedOutput:
    """The output writer, refusing to write once the archive failed (ExportError: the crawl stops)."""

    def __init__(self, writer: JsonlWriter, hook: ArchiveHook) -> None:
        self._writer, self._hook = writer, hook

    def write(self, record: Record | dict[str, Any]) -> None:
        if self._hook.failure is not None:
            raise self._hook.failure
        self._writer.write(record)

    def flush_due(self) -> None:
        self._writer.flush_due()

    def flush(self) -> None:
        self._writer.flush()
        self._hook.verify()
        if self._hook.failure is not None:
            raise self._hook.failure

    def close(self) -> None:
        self._writer.close()
