"""`crawl --warc`: every exchange archived before its record; read back by `extract` to the same records;
a record cut by kill -9 is repaired on --resume."""

from __future__ import annotations

import base64
import gzip
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from crashes import kill_9, reaped
from faultserver import FaultServer, Response, article_html, robots_disallow
from newsscrape.archive import WarcStats, WarcWriter, read_warc_pages, repair_warc
from newsscrape.cli import main
from warcpages import exchange

FAST_CLI = ["--delay", "0", "--workers", "0", "--retries", "0"]
COMPARED = ("title", "headings", "sections", "body", "published", "authors", "language")


def warc_records(path: Path) -> list[tuple[str, str, str | None]]:
    """(WARC-Type, WARC-Target-URI, HTTP status) of every record, read strictly (digests checked)."""
    found = []
    with path.open("rb") as f:
        for record in ArchiveIterator(f, check_digests="raise"):
            status = record.http_headers.get_statuscode() if record.http_headers else None
            found.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"), status))
            assert record.rec_type == "warcinfo" or record.rec_headers.get_header("WARC-Payload-Digest")
    return found


def gzip_members(path: Path) -> int:
    data, members = path.read_bytes(), 0
    while data:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        decomp.decompress(data)
        assert decomp.eof
        data, members = decomp.unused_data, members + 1
    return members


def test_crawl_archives_robots_redirects_and_pages_and_extract_reads_back_the_same_records(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    fault_server.set_robots(robots_disallow("/private"))
    fault_server.add_route(
        "/gz/",
        lambda req: Response(
            body=gzip.compress(article_html("zipped").encode()), headers=[("Content-Encoding", "gzip")]
        ),
    )
    urls = [
        fault_server.url("/page/plain"),
        fault_server.url("/redirect?to=/page/target"),
        fault_server.url("/gz/zipped"),
    ]
    source, out, warc = tmp_path / "urls.txt", tmp_path / "out.jsonl", tmp_path / "raw.warc.gz"
    source.write_text("\n".join(urls) + "\n")
    crawled = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), "--warc", str(warc), *FAST_CLI])
    assert crawled.exit_code == 0, crawled.output

    records = warc_records(warc)
    assert records[0][0] == "warcinfo"
    pairs = records[1:]
    assert [kind for kind, _, _ in pairs] == ["request", "response"] * (len(pairs) // 2)
    responses = {(url, status) for kind, url, status in pairs if kind == "response"}
    assert responses == {
        (fault_server.url("/robots.txt"), "200"),
        (fault_server.url("/page/plain"), "200"),
        (fault_server.url("/redirect?to=/page/target"), "302"),
        (fault_server.url("/page/target"), "200"),
        (fault_server.url("/gz/zipped"), "200"),
    }
    assert gzip_members(warc) == len(records)  # one gzip member per record

    extracted = CliRunner().invoke(main, ["extract", str(warc)])
    assert extracted.exit_code == 0, extracted.output
    assert "skipped 1 not_200, 1 not_html, 5 request, 1 warcinfo" in extracted.stderr
    by_url = {r["final_url"]: r for r in map(json.loads, out.read_text().splitlines())}
    again = {r["url"]: r for r in map(json.loads, extracted.stdout.splitlines())}
    assert set(again) == set(by_url)
    for url, record in again.items():
        assert {k: record[k] for k in COMPARED} == {k: by_url[url][k] for k in COMPARED}
        assert record["source"].startswith(f"{warc}#")


def test_a_warc_without_resume_is_refused(fault_server: FaultServer, tmp_path: Path) -> None:
    source, warc = tmp_path / "urls.txt", tmp_path / "raw.warc.gz"
    source.write_text(fault_server.url("/page/a") + "\n")
    warc.write_bytes(b"old")
    result = CliRunner().invoke(main, ["crawl", str(source), "--warc", str(warc), *FAST_CLI])
    assert result.exit_code == 2
    assert "--resume" in result.stderr
    assert warc.read_bytes() == b"old"


def test_repair_cuts_a_member_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "raw.warc.gz"
    with WarcWriter.open(path) as warc:
        warc.write_exchange(exchange("http://example.com/1", "<html>x</html>"))
    whole = path.read_bytes()
    with WarcWriter.open(path) as warc:
        warc.write_exchange(exchange("http://example.com/2", "<html>" + "y" * 5000 + "</html>"))
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    assert repair_warc(path) == len(data) - 40 - len(whole)
    assert path.read_bytes() == whole


def test_repair_cuts_a_request_left_without_its_response(tmp_path: Path) -> None:
    path = tmp_path / "raw.warc.gz"
    with WarcWriter.open(path) as warc:
        warc.write_exchange(exchange("http://example.com/1", "<html>x</html>"))
    whole = path.read_bytes()
    with WarcWriter.open(path) as warc:
        warc.write_exchange(exchange("http://example.com/2", "<html>x</html>"))
    data = path.read_bytes()
    request_end = len(whole) + _first_member_length(data[len(whole) :])
    path.write_bytes(data[:request_end] + b"\x1f\x8b\x08garbage")
    repair_warc(path)
    assert path.read_bytes() == whole


def _first_member_length(data: bytes) -> int:
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    decomp.decompress(data)
    return len(data) - len(decomp.unused_data)


# --- kill -9 midway, then --resume -------------------------------------------------------------


@pytest.mark.slow
def test_kill_9_then_resume_leaves_no_cut_member_and_every_recorded_page_archived(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    urls = [fault_server.url(f"/page/{i}?delay=0.01") for i in range(400)]
    source, out, warc = tmp_path / "urls.txt", tmp_path / "out.jsonl", tmp_path / "raw.warc.gz"
    source.write_text("\n".join(urls) + "\n")
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out), "--warc", str(warc)]
    args += ["--delay", "0", "--per-host", "8", "--retries", "0", "--workers", "1"]

    with reaped(subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)) as first:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and first.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 60:
                break
            time.sleep(0.02)
        assert first.poll() is None, "the crawl ended before it could be killed"
        kill_9(first)

    # The crash rule: every page the JSONL records is in the WARC already.
    stats = WarcStats()
    archived = {p.url for p in read_warc_pages(warc, stats=stats)}
    recorded = {json.loads(line)["url"] for line in out.read_text().splitlines() if line.endswith("}")}
    assert recorded <= archived
    with warc.open("ab") as f:  # as if the kill had cut a record in half
        f.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + os.urandom(3000))[:700])

    second = subprocess.Popen([*args, "--resume"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()

    records = warc_records(warc)  # strict: a corrupt member anywhere would raise
    assert gzip_members(warc) == len(records)
    archived_pages = {url for kind, url, status in records if kind == "response" and status == "200"}
    final = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert sorted(final) == sorted(urls)
    assert set(final) <= archived_pages


# --- the archive cannot be written: the crawl stops before a record it lacks ------------------

LIMITED = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv.pop(1)), resource.RLIM_INFINITY))
sys.argv[0] = "newsscrape"
runpy.run_module("newsscrape", run_name="__main__")
"""


def test_a_full_archive_stops_the_crawl_before_any_record_it_lacks(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    noise = base64.b64encode(os.urandom(15000)).decode()  # in a comment: archived, never extracted
    fault_server.add_route(
        "/big/",
        lambda req: Response(
            body=article_html(req.path[5:]).replace("</body>", f"<!--{noise}--></body>").encode()
        ),
    )
    urls = [fault_server.url(f"/big/{i}") for i in range(40)]
    source, out, warc = tmp_path / "urls.txt", tmp_path / "out.jsonl", tmp_path / "raw.warc.gz"
    source.write_text("\n".join(urls) + "\n")
    # Every file of the process may grow to 100 KB: the archive (about 16 KB a page) reaches it
    # after a few pages, while the JSON Lines output (about 2 KB a page) is far below it.
    args = [sys.executable, "-c", LIMITED, "100000", "crawl", str(source), "-o", str(out)]
    args += ["--warc", str(warc), "--delay", "0", "--workers", "0", "--retries", "0", "--per-host", "1"]
    proc = subprocess.run(args, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr.decode()
    assert f"cannot write to {warc}" in proc.stderr.decode()
    recorded = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert 0 < len(recorded) < len(urls)
    archived = {p.url for p in read_warc_pages(warc)}
    assert set(recorded) <= archived
    assert warc_records(warc)  # whole records only: the failed write was cut back


def test_a_page_archived_twice_by_a_resumed_crawl_gives_one_record_with_extract_resume(
    tmp_path: Path,
) -> None:
    # A page fetched before a kill but not yet recorded is fetched again by --resume: the archive
    # holds it twice. `extract -o FILE --resume` records each URL once, the first copy.
    warc, out = tmp_path / "raw.warc.gz", tmp_path / "out.jsonl"
    first = article_html("kim-putin", title="Kim meets Putin")
    with WarcWriter.open(warc) as writer:
        writer.write_exchange(exchange("https://example.com/news/1", first))
        writer.write_exchange(exchange("https://example.com/news/2", article_html("other")))
        writer.write_exchange(exchange("https://example.com/news/1", article_html("again")))
    result = CliRunner().invoke(main, ["extract", str(warc), "-o", str(out), "--resume"])
    assert result.exit_code in (0, 1), result.output
    urls = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert sorted(urls) == ["https://example.com/news/1", "https://example.com/news/2"]
    assert json.loads(out.read_text().splitlines()[0])["title"] == "Kim meets Putin"
