"""Reading WARC files: 200 HTML responses are pages, everything else is counted, a cut file ends cleanly."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path

import brotli
import pytest
from click.testing import CliRunner
from warc_support import WarcBuilder, page

from newsscrape.archive import WarcStats, payload, read_warc_pages
from newsscrape.cli import main

RUSSIAN = "<html><head><title>Новости</title></head><body><p>Привет, мир</p></body></html>"


def noisy_warc(path: Path) -> WarcBuilder:
    """Two pages among the noise a real crawl archive holds."""
    return (
        WarcBuilder(path)
        .other("", "warcinfo")
        .request("https://example.com/news/1")
        .response("https://example.com/news/1", page("one"))
        .other("https://example.com/news/1", "metadata")
        .response("https://example.com/missing", b"<html>gone</html>", status="404 Not Found")
        .response("https://example.com/logo.png", b"\x89PNG", headers=[("Content-Type", "image/png")])
        .other("https://example.com/news/1", "revisit", b"")
        .response(
            "https://example.com/news/2",
            gzip.compress(page("two")),
            headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        )
    )


def test_only_200_html_responses_are_pages_and_the_rest_is_counted(tmp_path: Path) -> None:
    stats = WarcStats()
    pages = list(read_warc_pages(noisy_warc(tmp_path / "a.warc.gz").save(), stats=stats))
    assert [p.url for p in pages] == ["https://example.com/news/1", "https://example.com/news/2"]
    assert b"the first paragraph of two" in pages[1].content.lower()  # gzip decoded
    assert dict(stats.skipped) == {
        "warcinfo": 1,
        "request": 1,
        "metadata": 1,
        "not_200": 1,
        "not_html": 1,
        "revisit": 1,
    }
    assert stats.pages == 2
    assert stats.notes == []


def test_source_names_the_file_and_the_record_offset(tmp_path: Path) -> None:
    builder = WarcBuilder(tmp_path / "b.warc.gz").request("https://example.com/a")
    start = builder.offset()
    path = builder.response("https://example.com/a", page("a")).save()
    (found,) = read_warc_pages(path)
    assert found.source == f"{path}#{start}"
    assert found.record_id is not None
    assert found.record_id.startswith("<urn:uuid:")


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_cut_last_record_ends_the_file_with_a_note(tmp_path: Path, gzipped: bool) -> None:
    builder = WarcBuilder(tmp_path / "c.warc", gzip=gzipped)
    builder.response("https://example.com/1", page("one")).response("https://example.com/2", page("two"))
    path = builder.save(cut=200)
    stats = WarcStats()
    pages = list(read_warc_pages(path, stats=stats))
    assert [p.url for p in pages] == ["https://example.com/1"]
    assert len(stats.notes) == 1
    assert "the file ends there" in stats.notes[0]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_file_cut_anywhere_in_its_last_record_says_so(tmp_path: Path, gzipped: bool) -> None:
    # Cut inside the record's WARC headers, warcio ends the file as if it were whole: no record is
    # lost without a note, wherever a download or a killed crawler stopped.
    builder = WarcBuilder(tmp_path / "whole.warc", gzip=gzipped)
    builder.response("https://example.com/1", page("one"))
    start = builder.offset()
    data = builder.response("https://example.com/2", page("two")).save().read_bytes()
    silent = []
    for end in range(start + 1, len(data)):
        path = tmp_path / "cut.warc"
        path.write_bytes(data[:end])
        stats = WarcStats()
        urls = [p.url for p in read_warc_pages(path, stats=stats)]
        assert urls[0] == "https://example.com/1"
        if len(urls) == 1 and not any("the file ends there" in note for note in stats.notes):
            silent.append(end - start)
    assert silent == []


def test_garbage_after_the_records_ends_the_file_with_a_note(tmp_path: Path) -> None:
    path = WarcBuilder(tmp_path / "d.warc").response("https://example.com/1", page("one")).save()
    with path.open("ab") as f:
        f.write(b"this is not a WARC record\r\n\r\n")
    stats = WarcStats()
    assert [p.url for p in read_warc_pages(path, stats=stats)] == ["https://example.com/1"]
    assert "unreadable" in stats.notes[0]


def test_an_empty_file_says_it_holds_no_record(tmp_path: Path) -> None:
    path = tmp_path / "failed-download.warc.gz"  # a download that wrote nothing
    path.write_bytes(b"")
    stats = WarcStats()
    assert list(read_warc_pages(path, stats=stats)) == []
    assert stats.notes == [f"{path}: holds no WARC record (an empty file)"]


def test_a_file_of_records_that_are_no_pages_needs_no_note(tmp_path: Path) -> None:
    path = (
        WarcBuilder(tmp_path / "r.warc")
        .response("https://example.com/1", page("one"), status="404 Not Found")
        .save()
    )
    stats = WarcStats()
    assert list(read_warc_pages(path, stats=stats)) == []
    assert stats.notes == []


def test_the_http_charset_header_is_honoured(tmp_path: Path) -> None:
    path = (
        WarcBuilder(tmp_path / "e.warc.gz")
        .response(
            "https://example.ru/1",
            RUSSIAN.encode("windows-1251"),
            headers=[("Content-Type", "text/html; charset=windows-1251")],
        )
        .save()
    )
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Привет, мир" in json.loads(result.stdout)["body"]


def test_chunked_framing_and_content_codings_are_undone() -> None:
    html = b"<html><body>chunked and coded</body></html>"
    coded = brotli.compress(html)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(coded), coded)
    headers = [("Transfer-Encoding", "chunked"), ("Content-Encoding", "br")]
    assert payload(chunked, headers) == html
    assert payload(zlib.compress(html), [("Content-Encoding", "deflate")]) == html
    raw_deflate = zlib.compressobj(wbits=-15)
    assert (
        payload(raw_deflate.compress(html) + raw_deflate.flush(), [("Content-Encoding", "deflate")]) == html
    )
    # A crawler that removed the framing but kept the header: taken as it is.
    assert payload(html, [("Transfer-Encoding", "chunked")]) == html


def test_extract_reads_a_noisy_cut_warc_and_says_what_it_skipped(tmp_path: Path) -> None:
    path = noisy_warc(tmp_path / "f.warc.gz").response("https://example.com/3", page("three")).save(cut=100)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://example.com/news/1", "https://example.com/news/2"]
    assert all(r["source"].startswith(f"{path}#") for r in records)
    assert "cut short; the file ends there" in result.stderr
    assert "skipped 1 metadata, 1 not_200, 1 not_html, 1 request, 1 revisit, 1 warcinfo" in result.stderr


def test_a_wrong_content_length_is_counted_not_printed_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # warcio writes a three-line warning to sys.stderr for it: on a Dask worker, nobody's terminal.
    whole = WarcBuilder(tmp_path / "a.warc", gzip=False).response("https://example.com/a", page("a"))
    path = whole.response("https://example.com/b", page("b")).save()
    data = path.read_bytes()
    length = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", length)
    path.write_bytes(data[:length] + str(int(data[length:end]) - 5).encode() + data[end:])
    stats = WarcStats()
    pages = list(read_warc_pages(path, stats=stats))
    assert [p.url for p in pages] == ["https://example.com/a", "https://example.com/b"]
    assert capfd.readouterr().err == ""
    assert stats.misframed == 1
    assert "1 records not ended by a blank line" in stats.summary()


def test_gzip_damaged_inside_a_record_is_a_note_not_printed_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # warcio prints the zlib error when a member fails after its first 16 KB, and reads on.
    noise = random.Random(7).randbytes(30_000).hex().encode()  # does not compress: a 60 KB member
    builder = WarcBuilder(tmp_path / "a.warc.gz").response("https://example.com/a", page("a"))
    second = builder.offset()
    path = builder.response("https://example.com/b", b"<html><p>" + noise + b"</p></html>").save()
    data = bytearray(path.read_bytes())
    data[second + 20_000 : second + 20_050] = bytes(50)
    path.write_bytes(data)
    stats = WarcStats()
    pages = list(read_warc_pages(path, stats=stats))
    assert capfd.readouterr().err == ""
    assert [p.url for p in pages] == ["https://example.com/a"]
    [note] = stats.notes
    assert note.startswith(f"{path}: record at byte {second} is damaged (gzip: Error -3 while decompressing")


def test_text_that_warcio_reads_as_an_arc_record_is_a_note_not_silence(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"  # saved under a WARC's name; its first line has five words
    path.write_bytes(b"hello world this is not a warc\nsecond line\n")
    stats = WarcStats()
    assert list(read_warc_pages(path, stats=stats)) == []
    assert stats.notes == [f"{path}: unreadable after byte 0 (not a record); the file ends there"]


def test_a_warc_gzipped_whole_says_so_not_a_negative_byte(tmp_path: Path) -> None:
    plain = WarcBuilder(tmp_path / "a.warc", gzip=False).response("https://example.com/a", page("a"))
    data = plain.response("https://example.com/b", page("b")).save().read_bytes()
    path = tmp_path / "a.warc.gz"
    path.write_bytes(gzip.compress(data))  # `gzip a.warc`: one stream, not one member per record
    stats = WarcStats()
    assert [p.url for p in read_warc_pages(path, stats=stats)] == ["https://example.com/a"]
    [note] = stats.notes
    assert note.startswith(f"{path}: unreadable after its first record: gzipped as one stream")
