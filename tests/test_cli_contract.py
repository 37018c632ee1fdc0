"""One CLI contract: -o, URL files, closed pipes, robots.txt, invalid URLs, fetch controls."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsscrape.cli as cli
import newsscrape.crawler
from faultserver import FaultServer, robots_disallow
from newsscrape import CrawlConfig, crawl_sync
from newsscrape.cli import main
from newsscrape.config import FetchConfig

FAST_CLI = ["--delay", "0", "--workers", "0", "--retries", "0"]


def _lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# --- -o: one rule on every command ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["fetch", "crawl"])
def test_an_existing_output_is_refused_without_resume(
    command: str, fault_server: FaultServer, tmp_path: Path
) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    url = fault_server.url("/page/a")
    source.write_text(url + "\n")
    args = [url] if command == "fetch" else [str(source), *FAST_CLI]
    assert CliRunner().invoke(main, [command, *args, "-o", str(out)]).exit_code == 0
    again = CliRunner().invoke(main, [command, *args, "-o", str(out)])
    assert again.exit_code == 2
    assert f"{out} exists: add --resume" in again.stderr
    fault_server.clear_log()
    resumed = CliRunner().invoke(main, [command, *args, "-o", str(out), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert [r["url"] for r in _lines(out.read_text(encoding="utf-8"))] == [url]
    assert "/page/a" not in fault_server.paths()  # recorded already: not fetched again


# --- URL lists ----------------------------------------------------------------------------------------


def test_a_url_file_with_a_bom_and_crlf_line_ends_is_read(fault_server: FaultServer, tmp_path: Path) -> None:
    source = tmp_path / "urls.txt"
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b")]
    source.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(urls).encode() + b"\r\n# done\r\n")
    result = CliRunner().invoke(main, ["crawl", str(source), *FAST_CLI])
    assert result.exit_code == 0, result.output
    assert sorted(r["url"] for r in _lines(result.stdout)) == urls


def test_a_gzip_url_file_is_unpacked(fault_server: FaultServer, tmp_path: Path) -> None:
    # urls.txt.gz read as text gave one invalid_url record of binary noise per "line".
    source = tmp_path / "urls.txt.gz"
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b")]
    source.write_bytes(gzip.compress(b"\xef\xbb\xbf" + "\r\n".join(urls).encode() + b"\r\n"))
    result = CliRunner().invoke(main, ["crawl", str(source), *FAST_CLI])
    assert result.exit_code == 0, result.output
    assert sorted(r["url"] for r in _lines(result.stdout)) == urls


def test_a_cut_gzip_url_file_crawls_what_was_read_and_says_so(tmp_path: Path) -> None:
    # A half-copied urls.txt.gz: the URLs before the cut are crawled and recorded (so --resume goes
    # on from them once the file is whole), and the cut is named; not a traceback that loses them.
    source, out = tmp_path / "urls.txt.gz", tmp_path / "out.jsonl"
    urls = [f"http://127.0.0.1:9/news/{i}" for i in range(3000)]  # a closed port: quick records
    packed = gzip.compress("\n".join(urls).encode() + b"\n")
    source.write_bytes(packed[: len(packed) // 2])
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), *FAST_CLI, "--no-robots"])
    assert result.exit_code == 1, result.output
    assert f"{source}: read stopped" in result.stderr
    recorded = [r["url"] for r in _lines(out.read_text())]
    assert 0 < len(recorded) < len(urls)
    assert set(recorded) == set(urls[: len(recorded)])  # each URL read, none after the cut


def test_the_library_skips_blank_and_comment_lines_as_the_cli_does(fault_server: FaultServer) -> None:
    url = fault_server.url("/page/a")
    lines = ["\ufeff# my list\n", "\n", "   \r\n", f"{url}\r\n"]
    records = list(crawl_sync(lines, config=CrawlConfig(delay=0, jitter=0, workers=0)))
    assert [r.url for r in records] == [url]


# --- a closed stdout -----------------------------------------------------------------------------------


def _first_line_then_close(args: list[str]) -> tuple[int, str]:
    with subprocess.Popen(
        [sys.executable, "-m", "newsscrape", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = proc.stdout.readline()
        assert json.loads(first)["url"]
        proc.stdout.close()  # as `| head -1` does
        stderr = proc.stderr.read().decode()
        return proc.wait(timeout=60), stderr


def test_crawl_into_a_closed_pipe_ends_quietly(fault_server: FaultServer, tmp_path: Path) -> None:
    source = tmp_path / "urls.txt"
    source.write_text("\n".join(fault_server.url(f"/page/{i}?delay=0.2") for i in range(8)) + "\n")
    code, stderr = _first_line_then_close(["crawl", str(source), *FAST_CLI])
    assert code == 141, stderr
    assert "--resume" not in stderr
    assert "Traceback" not in stderr
    assert "Broken pipe" not in stderr


def test_fetch_into_a_closed_pipe_ends_quietly(fault_server: FaultServer) -> None:
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b?delay=0.5"), fault_server.url("/page/c")]
    code, stderr = _first_line_then_close(["fetch", *urls])
    assert code == 141, stderr
    assert "Traceback" not in stderr
    assert "Broken pipe" not in stderr


# --- robots.txt: a batch obeys it, a single request of yours need not -----------------------------------


def test_fetch_obeys_robots_txt_only_when_asked(fault_server: FaultServer) -> None:
    fault_server.set_robots(robots_disallow("/page/"))
    url = fault_server.url("/page/a")
    plain = CliRunner().invoke(main, ["fetch", url])
    assert plain.exit_code == 0, plain.output
    polite = CliRunner().invoke(main, ["fetch", "--robots", url])
    assert polite.exit_code == 1
    [record] = _lines(polite.stdout)
    assert record["error"]["kind"] == "robots"
    assert fault_server.paths() == ["/page/a", "/robots.txt"]


@pytest.mark.parametrize(
    ("command", "default"), [("fetch", "no-robots"), ("explain", "no-robots"), ("crawl", "robots")]
)
def test_each_command_says_whether_it_reads_robots_txt(command: str, default: str) -> None:
    text = CliRunner().invoke(main, [command, "--help"], terminal_width=200).output
    assert "--robots / --no-robots" in text
    assert f"[default: {default}]" in text


# --- invalid URLs: one message ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://256.1.1.1/", "http://xn--a.com/", "ftp://example.com/x"])
def test_an_invalid_url_gets_one_message_from_fetch_and_crawl(url: str, tmp_path: Path) -> None:
    fetched = CliRunner().invoke(main, ["fetch", url])
    source = tmp_path / "urls.txt"
    source.write_text(url + "\n")
    crawled = CliRunner().invoke(main, ["crawl", str(source), *FAST_CLI])
    [a], [b] = _lines(fetched.stdout), _lines(crawled.stdout)
    assert a["error"]["kind"] == b["error"]["kind"] == "invalid_url"
    assert a["error"]["message"] == b["error"]["message"]


# --- fetch controls ------------------------------------------------------------------------------------

CONTROLS = ["-H", "X-Api-Key: s3cret", "-H", "Accept-Language: de", "--cookie", "consent=yes"]
CONTROLS += ["--cookie", "region=eu", "--proxy", "http://127.0.0.1:3128"]
EXPECTED = {
    "headers": {"X-Api-Key": "s3cret", "Accept-Language": "de"},
    "cookies": {"consent": "yes", "region": "eu"},
    "proxy": "http://127.0.0.1:3128",
}


def _controls(config: FetchConfig) -> dict[str, object]:
    return {"headers": dict(config.headers), "cookies": dict(config.cookies), "proxy": config.proxy}


def test_crawl_passes_headers_cookies_and_proxy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[CrawlConfig] = []

    def job(source: str, output: Path | None, *, config: CrawlConfig, **options: object) -> int:
        seen.append(config)
        return 0

    monkeypatch.setattr(cli, "run_crawl_job", job)
    source = tmp_path / "urls.txt"
    source.write_text("http://example.com/a\n")
    result = CliRunner().invoke(main, ["crawl", str(source), *CONTROLS])
    assert result.exit_code == 0, result.output
    assert _controls(seen[0].fetch) == EXPECTED


@pytest.mark.parametrize("command", ["fetch", "explain"])
def test_fetch_and_explain_pass_headers_cookies_and_proxy(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[FetchConfig] = []

    async def fake(url: str, *, config: FetchConfig, robots: bool) -> object:
        seen.append(config)
        raise cli.NewsscrapeError("stop here")

    monkeypatch.setattr(newsscrape.crawler, "afetch_one", fake)  # the commands import it when run
    CliRunner().invoke(main, [command, "http://example.com/a", *CONTROLS])
    assert _controls(seen[0]) == EXPECTED


@pytest.mark.parametrize(
    "bad", [["-H", "no colon"], ["-H", ": empty name"], ["--cookie", "novalue"], ["--proxy", "ftp://p:21"]]
)
def test_a_malformed_fetch_control_is_a_usage_error(bad: list[str]) -> None:
    result = CliRunner().invoke(main, ["fetch", "http://example.com/a", *bad])
    assert result.exit_code == 2
    assert "expected" in result.stderr


def test_extract_goes_on_when_its_stderr_reader_is_gone(tmp_path: Path) -> None:
    # `extract saved/ -o out.jsonl 2>&1 | head`: the first error message met a closed pipe and the
    # BrokenPipeError ended the batch, the pages after it never extracted.
    saved, out = tmp_path / "saved", tmp_path / "out.jsonl"
    saved.mkdir()
    for i in range(6):
        body = (
            ""
            if i % 2
            else f"<html><body><article><p>Story {i}: it rained all day.</p></article></body></html>"
        )
        (saved / f"{i}.html").write_text(body)
    args = [sys.executable, "-m", "newsscrape", "extract", str(saved), "-o", str(out)]
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        assert proc.stderr is not None
        proc.stderr.close()  # the reader is gone before the first message
        code = proc.wait(timeout=120)
    assert code == 1  # the empty pages failed; each still has its line
    assert len(out.read_text().splitlines()) == 6
