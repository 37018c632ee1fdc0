"""The crawl's output file is its only state, so the job guards it: one job at a time per file, and
a file removed or replaced under a running crawl stops it instead of letting it "finish" into the void;
and a closed stderr (the other output) does not turn a clean run's exit code into a failure."""

from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_support import FAST, quick_extract

from faultserver import FaultServer
from newsscrape.cli import main
from newsscrape.config import ExtractConfig
from newsscrape.crawler import CrawlJobError, run_crawl_job
from newsscrape.exporter import dumps
from newsscrape.models import Article, ErrorRecord


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """out.jsonl as another crawl leaves it while it runs: locked, its last record being written."""
    out = tmp_path / "out.jsonl"
    whole = dumps(ErrorRecord(url="http://e.com/a", kind="http_status", message="HTTP 503", status=503))
    out.write_text(whole + "\n" + '{"url": "http://e.com/b", "ti')
    fd = os.open(out, os.O_WRONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the running job's own OutputLock holds it
    try:
        yield out
    finally:
        os.close(fd)


@pytest.mark.parametrize("retry_failed", [False, True])
def test_a_second_crawl_into_an_output_in_use_is_refused_before_touching_it(
    fault_server: FaultServer, tmp_path: Path, held: Path, retry_failed: bool
) -> None:
    # Both would find the same URLs missing and record each twice; the second one's repair would
    # cut the line the first is writing, and its --retry-failed rename would orphan the first's file.
    source = tmp_path / "urls.txt"
    source.write_text("http://e.com/a\nhttp://e.com/b\n" + fault_server.url("/page/1") + "\n")
    before = held.read_bytes()
    with pytest.raises(CrawlJobError, match="another newsscrape process"):
        run_crawl_job(source, held, config=FAST, resume=True, retry_failed=retry_failed)
    assert held.read_bytes() == before
    assert fault_server.paths() == []


def test_crawl_site_into_an_output_in_use_is_refused(fault_server: FaultServer, held: Path) -> None:
    # The hourly `crawl --site ... --resume` of the README, whose last run is not over yet.
    before = held.read_bytes()
    result = CliRunner().invoke(
        main, ["crawl", "--site", fault_server.url("/"), "-o", str(held), "--resume", "--workers", "0"]
    )
    assert result.exit_code == 2
    assert "being written by another newsscrape process" in result.output
    assert held.read_bytes() == before
    assert fault_server.paths() == []


def test_the_output_is_free_again_once_a_crawl_ends(fault_server: FaultServer, tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text(fault_server.url("/page/1") + "\n")
    assert run_crawl_job(source, out, config=FAST, extract_fn=quick_extract) == 0
    source.write_text(fault_server.url("/page/1") + "\n" + fault_server.url("/page/2") + "\n")
    assert run_crawl_job(source, out, config=FAST, resume=True, extract_fn=quick_extract) == 0
    assert len(out.read_text().splitlines()) == 2


@pytest.mark.parametrize("how", ["removed", "replaced", "archive removed"])
def test_an_output_removed_under_the_crawl_stops_it_with_a_message(
    fault_server: FaultServer, tmp_path: Path, how: str
) -> None:
    # `rm -r` of the output folder, or a file renamed over the output, while the crawl runs: the
    # records would go on into a file nobody can open, and the crawl would end "done", exit 0.
    source, out, warc = tmp_path / "urls.txt", tmp_path / "out.jsonl", tmp_path / "raw.warc.gz"
    urls = [fault_server.url(f"/page/{i}") for i in range(6)]
    source.write_text("\n".join(urls) + "\n")

    def extract_then_lose_the_output(
        html: bytes,
        url: str | None = None,
        *,
        final_url: str | None,
        charset: str | None,
        config: ExtractConfig,
    ) -> Article:
        if url == urls[3] and out.exists():
            if how == "archive removed":  # the output would claim pages no archive holds
                warc.unlink()
            elif how == "removed":
                out.unlink()
            else:
                (tmp_path / "other.jsonl").write_text("")
                os.replace(tmp_path / "other.jsonl", out)
        return quick_extract(html, url, final_url=final_url, charset=charset, config=config)

    err = io.StringIO()
    code = run_crawl_job(
        source, out, config=FAST, extract_fn=extract_then_lose_the_output, stderr=err, warc=warc
    )
    assert code == 2  # a write error
    lost = warc if how == "archive removed" else out
    assert f"{lost} was removed or replaced while being written" in err.getvalue()


@pytest.mark.parametrize("command", ["extract", "fetch"])
def test_extract_and_fetch_into_an_output_in_use_are_refused(
    fault_server: FaultServer, tmp_path: Path, held: Path, command: str
) -> None:
    # `extract big.warc.gz -o out.jsonl --resume` is a batch too: the same rule as crawl.
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>It rained.</p></article></body></html>")
    source = str(page) if command == "extract" else fault_server.url("/page/1")
    before = held.read_bytes()
    result = CliRunner().invoke(main, [command, source, "-o", str(held), "--resume"])
    assert result.exit_code == 2
    assert "being written by another newsscrape process" in result.output
    assert "Usage:" not in result.output  # nothing was typed wrong: no usage text to read through
    assert held.read_bytes() == before


def test_extract_frees_its_output_when_it_ends(tmp_path: Path) -> None:
    page, out = tmp_path / "page.html", tmp_path / "out.jsonl"
    page.write_text("<html><body><article><p>It rained.</p></article></body></html>")
    for _ in range(2):  # the second run, in this same process, finds the file free
        result = CliRunner().invoke(
            main, ["extract", str(page), "--url", "https://e.com/a", "-o", str(out), "--resume"]
        )
        assert result.exit_code in (0, 1), result.output
    assert len(out.read_text().splitlines()) == 1


def test_discover_into_an_output_in_use_is_refused(fault_server: FaultServer, tmp_path: Path) -> None:
    out = tmp_path / "urls.jsonl"
    out.write_text("")  # created by another `discover -o`, which is still running
    fd = os.open(out, os.O_WRONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        result = CliRunner().invoke(main, ["discover", fault_server.url("/"), "-o", str(out)])
    finally:
        os.close(fd)
    assert result.exit_code == 2
    assert "being written by another newsscrape process" in result.output
    assert "Usage:" not in result.output
    assert out.read_text() == ""


@pytest.mark.parametrize("command", ["crawl", "extract"])
def test_a_run_with_stderr_closed_ends_with_its_own_exit_code(
    fault_server: FaultServer, tmp_path: Path, command: str
) -> None:
    # `newsscrape crawl ... 2>&-` (cron, daemons): Python's sys.stderr is then None. crawl wrote every
    # record, then its summary raised AttributeError: exit 1, "some failed", for a clean run; extract
    # raised before its first page.
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    if command == "crawl":
        source.write_text(fault_server.url("/page/1") + "\n")
    else:
        source.write_text("<html><body><article><p>It rained all day.</p></article></body></html>")
    args = [sys.executable, "-m", "newsscrape", command, str(source), "-o", str(out)]
    if command == "crawl":
        args += ["--delay", "0", "--workers", "0", "--retries", "0"]
    done = subprocess.run(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        timeout=120,
    )
    assert done.returncode == 0
    assert len(out.read_text().splitlines()) == 1


def test_a_crawl_to_a_closed_stdout_says_so(fault_server: FaultServer, tmp_path: Path) -> None:
    # `crawl urls.txt >&-`: a traceback (sys.stdout is None), exit 1; now the write error's message, exit 2.
    source = tmp_path / "urls.txt"
    source.write_text(fault_server.url("/page/1") + "\n")
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "--delay", "0", "--workers", "0"]
    done = subprocess.run(
        args, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), timeout=120
    )
    assert done.returncode == 2
    assert b"cannot write to <stdout>: it is closed" in done.stderr
    assert b"Traceback" not in done.stderr


class ReaderGone(io.StringIO):
    """stderr as a pipe whose reader has left (`crawl ... 2>&1 | head -1`): the second write fails."""

    def write(self, text: str) -> int:
        if self.tell():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def test_a_crawl_goes_on_when_its_stderr_reader_is_gone(fault_server: FaultServer, tmp_path: Path) -> None:
    # The messages only tell about the work: the crawl stopped at its next progress line (exit 1),
    # leaving the rest of its URLs undone.
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    urls = [fault_server.url(f"/page/{i}") for i in range(20)]
    source.write_text("\n".join(urls) + "\n")
    code = run_crawl_job(
        source, out, config=FAST, extract_fn=quick_extract, stderr=ReaderGone(), progress_every=0.0
    )
    assert code == 0
    assert sorted(json.loads(line)["url"] for line in out.read_text().splitlines()) == sorted(urls)


@pytest.mark.parametrize("resume", [False, True])
def test_a_crawl_writes_to_a_pipe_given_as_output(
    fault_server: FaultServer, tmp_path: Path, resume: bool
) -> None:
    # `crawl urls.txt -o >(gzip > out.jsonl.gz)` or a named FIFO: refused with "not seekable" (the
    # repair of a last line looked for one in a pipe), and --resume would have waited to read it.
    source, fifo = tmp_path / "urls.txt", tmp_path / "out.fifo"
    source.write_text(fault_server.url("/page/1") + "\n")
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code = run_crawl_job(source, fifo, config=FAST, extract_fn=quick_extract, resume=resume)
    reader.join(timeout=30)
    assert code == 0
    assert [json.loads(line)["url"] for line in got[0].splitlines()] == [fault_server.url("/page/1")]


def test_a_second_crawl_into_an_archive_in_use_is_refused(fault_server: FaultServer, tmp_path: Path) -> None:
    # Two crawls with their own outputs but one --warc: the second's repair on opening the archive
    # could cut the record the first is writing, and their records would interleave.
    source, out, warc = tmp_path / "urls.txt", tmp_path / "mine.jsonl", tmp_path / "raw.warc.gz"
    source.write_text(fault_server.url("/page/1") + "\n")
    warc.write_bytes(b"")
    fd = os.open(warc, os.O_WRONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # the other crawl's
    try:
        with pytest.raises(CrawlJobError, match="another newsscrape process"):
            run_crawl_job(source, out, config=FAST, warc=warc, extract_fn=quick_extract)
    finally:
        os.close(fd)
    assert warc.read_bytes() == b""
    assert fault_server.paths() == []
