"""Test helpers: WARC files built record by record with warcio, as other crawlers write them."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from faultserver import article_html


def page(name: str) -> bytes:
    return article_html(name).encode()


class WarcBuilder:
    """``WarcBuilder(path).response(url, body, headers=...).request(url).save()``."""

    def __init__(self, path: Path, *, gzip: bool = True) -> None:
        self.path = path
        self._buffer = io.BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=gzip, warc_version="1.1")

    def response(
        self,
        url: str,
        body: bytes,
        *,
        status: str = "200 OK",
        headers: list[tuple[str, str]] | None = None,
    ) -> WarcBuilder:
        http = StatusAndHeaders(
            status, headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        self._writer.write_record(record)
        return self

    def request(self, url: str) -> WarcBuilder:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        record = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0, http_headers=http
        )
        self._writer.write_record(record)
        return self

    def other(self, url: str, kind: str, body: bytes = b"x: y\r\n") -> WarcBuilder:
        record = self._writer.create_warc_record(
            url, kind, payload=io.BytesIO(body), length=len(body), warc_content_type="application/warc-fields"
        )
        self._writer.write_record(record)
        return self

    def offset(self) -> int:
        return self._buffer.tell()

    def save(self, *, cut: int = 0) -> Path:
        data = self._buffer.getvalue()
        self.path.write_bytes(data[: len(data) - cut] if cut else data)
        return self.path
