"""Pure response decisions: media type and charset, HTML sniffing, Retry-After."""

from __future__ import annotations

import gzip
import zlib

import pytest

from newsscrape.fetcher._response import (
    BoundedDecoder,
    OverLimit,
    content_codings,
    is_html_type,
    media_type,
    needs_sniffing,
    retry_after,
    sniff_html,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html", ("text/html", None)),
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML;Charset="windows-1251"', ("text/html", "windows-1251")),
        ("text/html; boundary=x; charset='koi8-r'", ("text/html", "koi8-r")),
        ("text/html; charset=", ("text/html", None)),
        ("", ("", None)),
        (None, ("", None)),
    ],
)
def test_media_type(header: str | None, expected: tuple[str, str | None]) -> None:
    assert media_type(header) == expected


@pytest.mark.parametrize("kind", ["text/html", "application/xhtml+xml"])
def test_html_types(kind: str) -> None:
    assert is_html_type(kind)
    assert not needs_sniffing(kind)


@pytest.mark.parametrize("kind", ["application/pdf", "image/png", "application/json", "text/plain"])
def test_other_types_are_not_html(kind: str) -> None:
    assert not is_html_type(kind)
    assert not needs_sniffing(kind)


@pytest.mark.parametrize("kind", ["", "application/octet-stream"])
def test_uninformative_types_are_sniffed(kind: str) -> None:
    assert needs_sniffing(kind)


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"\xef\xbb\xbf  \n<HTML lang=en>",
        b"<head>",
        b"<!-- generated --><html>",
        b"<p>bare paragraph</p>",
        b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
    ],
)
def test_html_is_sniffed(head: bytes) -> None:
    assert sniff_html(head)


@pytest.mark.parametrize(
    "head",
    [b"%PDF-1.7", b"\x89PNG\r\n\x1a\n", b'{"a": 1}', b"plain", b"<pre>", b"<?xml version='1.0'?><rss>"],
)
def test_non_html_is_not_sniffed(head: bytes) -> None:
    assert not sniff_html(head)


def test_retry_after_seconds() -> None:
    assert retry_after("120") == 120.0
    assert retry_after(" 0 ") == 0.0


def test_retry_after_http_date() -> None:
    # 2015-10-21T07:28:00Z is 1445412480; asked 60 s before it.
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412420.0) == 60.0


def test_retry_after_in_the_past_is_zero() -> None:
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 + 5) == 0.0


@pytest.mark.parametrize("header", [None, "", "soon", "-5", "1.5e3"])
def test_retry_after_garbage_is_none(header: str | None) -> None:
    assert retry_after(header) is None


def test_bounded_decoder_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))
    with pytest.raises(OverLimit) as caught:
        BoundedDecoder(["gzip"], limit=1000).decode(bomb)
    assert caught.value.partial == b"\0" * 1000  # what fits is kept (robots.txt uses it), no more


def test_bounded_decoder_decodes_in_pieces() -> None:
    data = b"<p>news</p>" * 10_000
    packed = gzip.compress(data)
    decoder = BoundedDecoder(["gzip"], limit=len(data))
    out = b"".join(decoder.decode(packed[i : i + 100]) for i in range(0, len(packed), 100))
    assert out + decoder.flush() == data


def test_bounded_decoder_undoes_a_stack_in_reverse_order() -> None:
    data = b"<p>news</p>" * 10_000
    packed = gzip.compress(zlib.compress(data))  # Content-Encoding: deflate, gzip
    decoder = BoundedDecoder(["deflate", "x-gzip"], limit=len(data))
    out = b"".join(decoder.decode(packed[i : i + 50]) for i in range(0, len(packed), 50))
    assert out + decoder.flush() == data


def test_bounded_decoder_counts_every_layer_of_a_stacked_bomb() -> None:
    # 2 layers: a few KB on the wire, a gzip stream of ~2 MB inside, 2 GiB of zeros inside that.
    inner = gzip.compress(b"\0" * (256 * 1024 * 1024), compresslevel=9)
    wire = gzip.compress(inner, compresslevel=9)
    assert len(wire) < 64 * 1024
    with pytest.raises(OverLimit) as caught:
        BoundedDecoder(["gzip", "gzip"], limit=100_000).decode(wire)
    assert len(caught.value.partial) == 100_000


def test_content_codings() -> None:
    assert content_codings("gzip, identity, br") == ["gzip", "br"]
    assert content_codings(" ") == []
