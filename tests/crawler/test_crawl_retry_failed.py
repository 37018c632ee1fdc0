"""crawl --resume --retry-failed: a host down in the first run is done again once it is back, and
the output keeps exactly one record per URL, a kill -9 during the retry run included."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from crawl_support import FAST, quick_extract

from crashes import kill_9
from faultserver import FaultServer, article_html
from newsscrape.cli import main
from newsscrape.config import ExtractConfig
from newsscrape.crawler import run_crawl_job
from newsscrape.crawler._resume import is_retryable_record
from newsscrape.models import Article

HOST = "127.0.0.6"


class LateServer:
    """A site that is down until ``start()``, always at the same address: robots.txt allows all,
    /page/<name> is an article after ``delay`` seconds."""

    def __init__(self, port: int, delay: float = 0.0) -> None:
        self.port, self.delay = port, delay
        self.paths: list[str] = []
        self._httpd: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def start(self) -> None:
        late = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                late.paths.append(self.path)
                if self.path == "/robots.txt":
                    body, kind = b"User-agent: *\nDisallow:\n", "text/plain"
                else:
                    time.sleep(late.delay)
                    body, kind = (
                        article_html(self.path.rsplit("/", 1)[-1]).encode(),
                        "text/html; charset=utf-8",
                    )
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        ThreadingHTTPServer.allow_reuse_address = True
        self._httpd = ThreadingHTTPServer((HOST, self.port), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def close(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()


@pytest.fixture
def late() -> Iterator[LateServer]:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port = int(s.getsockname()[1])
    server = LateServer(port)
    yield server
    server.close()


def records_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def kind_of(record: dict[str, Any]) -> str:
    return str(record["error"]["kind"]) if "error" in record else "article"


def test_retry_failed_does_an_outage_again_once_the_host_is_back(
    late: LateServer, fault_server: FaultServer, tmp_path: Path
) -> None:
    down = [late.url(f"/page/{i}") for i in range(3)]
    missing = fault_server.url("/status/404")  # a final answer: never retried
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join([*down, missing]) + "\n")
    run_crawl_job(source, out, config=FAST)
    assert {r["url"]: kind_of(r) for r in records_of(out)} == {
        **dict.fromkeys(down, "host_unreachable"),
        missing: "http_status",
    }

    late.start()
    fault_server.clear_log()
    assert run_crawl_job(source, out, config=FAST, resume=True, retry_failed=True) == 0
    records = records_of(out)
    assert sorted(r["url"] for r in records) == sorted([*down, missing])  # one record per URL
    assert {r["url"]: kind_of(r) for r in records} == {
        **dict.fromkeys(down, "article"),
        missing: "http_status",
    }
    assert fault_server.paths() == []


def test_retry_failed_needs_resume(tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("http://127.0.0.1:9/a\n")
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), "--retry-failed"])
    assert result.exit_code == 2
    assert "--retry-failed needs --resume" in result.stderr


# The rewrite runs out of room: a file-size limit stands in for a full disk (EFBIG for ENOSPC).
LIMITED = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv.pop(1)), resource.RLIM_INFINITY))
sys.argv[0] = "newsscrape"
runpy.run_module("newsscrape", run_name="__main__")
"""


def test_a_rewrite_that_runs_out_of_room_leaves_the_output_as_it_was_and_no_half_copy(tmp_path: Path) -> None:
    # The half copy beside the output held on to the very space the disk lacked.
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("http://127.0.0.1:9/late\n")
    kept = [
        json.dumps(
            {"url": f"http://e.com/{i}", "error": {"kind": "http_status", "status": 404}, "pad": "x" * 80}
        )
        for i in range(2000)
    ]
    retryable = json.dumps(
        {"url": "http://127.0.0.1:9/late", "error": {"kind": "timeout", "message": "slow"}}
    )
    out.write_text("\n".join([retryable, *kept]) + "\n")
    before = out.read_bytes()
    args = [sys.executable, "-c", LIMITED, str(len(before) // 2), "crawl", str(source), "-o", str(out)]
    args += ["--resume", "--retry-failed", "--workers", "0", "--retries", "0"]
    proc = subprocess.run(args, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr.decode()
    assert f"cannot rewrite {out}" in proc.stderr.decode()
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "urls.txt"]


@pytest.mark.slow
def test_kill_9_during_a_retry_run_keeps_one_record_per_url(late: LateServer, tmp_path: Path) -> None:
    urls = [late.url(f"/page/{i}") for i in range(60)]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")
    run_crawl_job(source, out, config=dataclasses.replace(FAST, retries=0))
    assert {kind_of(r) for r in records_of(out)} == {"host_unreachable"}

    late.delay = 0.05
    late.start()
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out), "--resume"]
    args += ["--retry-failed", "--delay", "0", "--workers", "0", "--retries", "0"]
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as first:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and first.poll() is None:
            if out.exists() and out.read_bytes().count(b'"title"') >= 10:
                break
            time.sleep(0.02)
        assert first.poll() is None, "the retry run ended before it could be killed"
        kill_9(first)
    between = records_of(out)
    assert len({r["url"] for r in between}) == len(between)  # never two records for a URL
    assert 10 <= sum(kind_of(r) == "article" for r in between) < len(urls)

    late.delay = 0.0
    result = CliRunner().invoke(main, args[3:])
    assert result.exit_code == 0, result.output
    records = records_of(out)
    assert sorted(r["url"] for r in records) == sorted(urls)
    assert {kind_of(r) for r in records} == {"article"}


def test_retry_failed_rewrites_the_file_a_symlinked_output_names(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    real, link = runs / "2026-12-01.jsonl", tmp_path / "latest.jsonl"
    source = tmp_path / "urls.txt"
    source.write_text("http://127.0.0.1:9/late\n")
    real.write_text(json.dumps({"url": "http://127.0.0.1:9/late", "error": {"kind": "timeout"}}) + "\n")
    link.symlink_to(real)
    args = [
        "crawl",
        str(source),
        "-o",
        str(link),
        "--resume",
        "--retry-failed",
        "--workers",
        "0",
        "--retries",
        "0",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # port 9 is still closed: a new error record
    assert link.is_symlink()
    records = [json.loads(line) for line in real.read_text().splitlines()]
    assert [r["error"]["kind"] for r in records] == ["host_unreachable"]  # the old timeout is gone


def oom_once_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """``quick_extract``, except that the first time a URL with a ``mark`` parameter is extracted
    its worker is killed as the out-of-memory killer kills it (SIGKILL); ``mark`` names the file
    that remembers it. Module-level: worker processes import it."""
    assert url is not None
    if "mark=" in url:
        mark = Path(url.split("mark=", 1)[1])
        if not mark.exists():
            mark.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
    return quick_extract(html, url, final_url=final_url, charset=charset, config=config)


def test_retry_failed_does_again_a_page_whose_extraction_worker_was_killed(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    # The out-of-memory killer is no verdict on the page: its record must not be its final outcome.
    page = fault_server.url(f"/page/big?mark={tmp_path / 'killed'}")
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text(page + "\n")
    config = dataclasses.replace(FAST, workers=1)
    assert run_crawl_job(source, out, config=config, extract_fn=oom_once_extract) == 1
    (killed,) = records_of(out)
    assert (killed["error"]["kind"], killed["error"]["reason"]) == ("extract", "worker_died")
    assert "killed by SIGKILL" in killed["error"]["message"]

    assert (
        run_crawl_job(source, out, config=config, resume=True, retry_failed=True, extract_fn=oom_once_extract)
        == 0
    )
    (done,) = records_of(out)
    assert done["title"] == "quick"


def oom_always_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """Every extraction of a URL with a ``tries`` parameter notes itself in that file, then its
    worker is killed (a page that needs more memory than there is, every time)."""
    assert url is not None
    with open(url.split("tries=", 1)[1], "a") as tries:
        tries.write("x\n")
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


def test_a_page_that_kills_every_worker_costs_one_worker_per_run(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    tries = tmp_path / "tries"
    page = fault_server.url(f"/page/huge?tries={tries}")
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text(page + "\n")
    config = dataclasses.replace(FAST, workers=1)
    for run in (1, 2):
        code = run_crawl_job(
            source, out, config=config, resume=run > 1, retry_failed=run > 1, extract_fn=oom_always_extract
        )
        assert code == 1
        (record,) = records_of(out)
        assert record["error"]["reason"] == "worker_died"
        assert tries.read_text().count("x") == run


def test_records_of_a_dead_worker_written_before_worker_died_existed_are_retryable() -> None:
    # outputs of earlier versions said "internal" with this message: they are redone too
    old = {"kind": "extract", "reason": "internal", "message": "extraction worker died: EOFError()"}
    bug = {"kind": "extract", "reason": "internal", "message": "extractor failed: ValueError: x"}
    assert is_retryable_record({"url": "u", "error": old})
    assert not is_retryable_record({"url": "u", "error": bug})
