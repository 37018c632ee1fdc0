"""Resume and the `newsscrape crawl` command: exactly one record per URL across crashes and reruns."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_support import FAST

from crashes import kill_9, reaped
from faultserver import FaultServer, robots_disallow
from newsscrape.cli import main
from newsscrape.crawler import check_url, load_recorded, run_crawl_job, url_key
from newsscrape.errors import FetchError
from newsscrape.exporter import dumps
from newsscrape.models import ErrorRecord

FAST_CLI = ["--delay", "0", "--workers", "0", "--retries", "0"]


def records_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def kind_of(record: dict[str, object]) -> str:
    error = record.get("error")
    return str(error["kind"]) if isinstance(error, dict) else "article"


def test_load_recorded_repairs_a_half_written_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    whole = dumps(ErrorRecord(url="http://e.com/a", kind="timeout", message="slow"))
    out.write_text(whole + "\n" + '{"url": "http://e.com/b", "tit')
    recorded = load_recorded(out)
    assert len(recorded) == 1
    assert out.read_text() == whole + "\n"


def test_resume_fetches_only_what_has_no_record(fault_server: FaultServer, tmp_path: Path) -> None:
    urls = [fault_server.url(f"/page/{i}") for i in range(5)]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")
    done = [dumps(ErrorRecord(url=u, kind="http_status", message="HTTP 404", status=404)) for u in urls[:2]]
    out.write_text("\n".join(done) + "\n" + '{"url": "' + urls[2] + '", "title": "Half')  # killed mid-line
    code = run_crawl_job(source, out, config=FAST, resume=True)
    assert code == 0  # the exit code tells about this run: the earlier errors are not counted again
    records = records_of(out)
    assert sorted(str(r["url"]) for r in records) == sorted(urls)
    assert [kind_of(r) for r in records[:2]] == ["http_status", "http_status"]  # kept as they were
    assert sorted(p for p in fault_server.paths() if p.startswith("/page/")) == [
        "/page/2",
        "/page/3",
        "/page/4",
    ]


def test_rerun_with_resume_when_all_done_fetches_nothing(fault_server: FaultServer, tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text(fault_server.url("/page/a") + "\n")
    assert CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), *FAST_CLI]).exit_code == 0
    fault_server.clear_log()
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), "--resume", *FAST_CLI])
    assert result.exit_code == 0, result.output
    assert fault_server.paths() == []
    assert len(records_of(out)) == 1
    assert "1 already recorded" in result.stderr


def test_existing_output_needs_resume(tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("http://127.0.0.1:9/a\n")
    out.write_text(dumps(ErrorRecord(url="http://127.0.0.1:9/a", kind="connect", message="refused")) + "\n")
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert "--resume" in result.stderr


def test_resume_needs_an_output_file(tmp_path: Path) -> None:
    source = tmp_path / "urls.txt"
    source.write_text("http://127.0.0.1:9/a\n")
    result = CliRunner().invoke(main, ["crawl", str(source), "--resume"])
    assert result.exit_code == 2
    assert "-o FILE" in result.stderr


def test_stdin_list_to_stdout(fault_server: FaultServer) -> None:
    listing = f"# two pages\n{fault_server.url('/page/a')}\n\n{fault_server.url('/page/b')}\nnope\n"
    result = CliRunner().invoke(main, ["crawl", "-", *FAST_CLI], input=listing)
    assert result.exit_code == 1  # "nope" is an invalid_url record
    kinds = sorted(kind_of(json.loads(line)) for line in result.stdout.splitlines())
    assert kinds == ["article", "article", "invalid_url"]
    assert "newsscrape: done: 3 records" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full to simulate a full disk")
def test_a_full_disk_stops_the_crawl_with_a_clear_message(fault_server: FaultServer, tmp_path: Path) -> None:
    source = tmp_path / "urls.txt"
    source.write_text(fault_server.url("/page/a") + "\n")
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", "/dev/full", *FAST_CLI])
    assert result.exit_code == 2
    assert "cannot write to /dev/full" in result.stderr


# --- kill -9 midway, then --resume: a real process --------------------------------------------------


def _expected(path: str) -> str:
    if path.startswith("/status/404"):
        return "http_status"
    if path.startswith("/pdf"):
        return "not_html"
    if path.startswith("/page/private"):
        return "robots"
    return "article"


def _url_list(servers: list[FaultServer], n: int) -> tuple[list[str], dict[str, str]]:
    """``n`` URLs over the servers, one in ten faulty, plus invalid lines and duplicates; and the outcome
    expected for each URL as first listed."""
    lines: list[str] = ["# crash test"]
    expected: dict[str, str] = {}
    for i in range(n):
        server = servers[i % len(servers)]
        kind = i % 20
        path = {0: f"/status/404?i={i}", 1: f"/pdf?i={i}", 2: f"/page/private-{i}"}.get(kind, f"/page/{i}")
        if kind == 3:
            lines.append(f"not a url {i}")
            expected[f"not a url {i}"] = "invalid_url"
            continue
        url = server.url(path)
        lines.append(url)
        expected[url] = _expected(path)
        if i % 50 == 7:  # the same page again, spelt differently: no second record
            lines.append(url + "#again")
    return lines, expected


def _crawl_process(source: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out)]
    args += [
        "--delay",
        "0",
        "--per-host",
        "8",
        "--concurrency",
        "32",
        "--retries",
        "0",
        "--workers",
        "2",
        *extra,
    ]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_kill_9_midway_then_resume_gives_one_right_record_per_url(
    fault_servers: Callable[[str], FaultServer], tmp_path: Path
) -> None:
    servers = [fault_servers(f"127.0.0.{i}") for i in (2, 3, 4, 5)]
    for server in servers:
        server.set_robots(robots_disallow("/page/private"))
    lines, expected = _url_list(servers, 2200)
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n")

    with reaped(_crawl_process(source, out)) as first:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and first.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 500:
                break
            time.sleep(0.05)
        assert first.poll() is None, (
            "the crawl ended before it could be killed: " + first.stderr.read().decode()
        )
        kill_9(first)
    with out.open("ab") as f:  # as if the kill had cut a line in half
        f.write(b'{"url": "' + next(iter(expected)).encode() + b'", "title": "cut sho')

    before = {json.loads(line)["url"] for line in out.read_text().splitlines()[:-1]}
    assert 500 <= len(before) < len(expected)
    logged = [len(s.requests) for s in servers]

    second = _crawl_process(source, out, "--resume")
    _, err = second.communicate(timeout=50)
    assert second.returncode == 1, err.decode()  # 1: some URLs failed, as planned

    records = records_of(out)
    urls = [str(r["url"]) for r in records]
    assert len(urls) == len(set(urls)) == len(expected)  # exactly one record per distinct URL
    assert {u: kind_of(r) for u, r in zip(urls, records, strict=True)} == expected
    # Nothing recorded before the kill was fetched again.
    again = {s.url(r.path) for s, n in zip(servers, logged, strict=True) for r in s.requests[n:]}
    assert not (again & before)


# --- Ctrl-C ---------------------------------------------------------------------------------------


def _wait_for(predicate: Callable[[], bool], proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert proc.poll() is None, "the crawl ended too early"
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def _wait_for_stderr(proc: subprocess.Popen[bytes], text: bytes) -> None:
    """Read the crawl's stderr up to the line holding ``text`` (the rest stays for communicate)."""
    assert proc.stderr is not None
    for line in iter(proc.stderr.readline, b""):
        if text in line:
            return
    raise AssertionError(f"the crawl ended without saying {text!r}")


def _lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_ctrl_c_records_pages_in_flight_then_exits_130(fault_server: FaultServer, tmp_path: Path) -> None:
    urls = [fault_server.url(f"/page/{i}?delay=0.3") for i in range(30)]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out)]
    proc = subprocess.Popen(
        [*args, *FAST_CLI, "--per-host", "3"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_for(lambda: _lines_in(out) >= 3, proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err.decode()
    assert "interrupted; --resume continues" in err.decode()
    recorded = {str(r["url"]) for r in records_of(out)}  # every line whole
    requested = {fault_server.url(p) for p in fault_server.paths() if p.startswith("/page/")}
    assert 3 <= len(recorded) < len(urls)
    assert requested == recorded  # pages in flight at Ctrl-C were finished and written, none lost

    fault_server.clear_log()
    resume = ["crawl", str(source), "-o", str(out), "--resume", *FAST_CLI, "--per-host", "3"]
    again = CliRunner().invoke(main, resume)
    assert again.exit_code == 0, again.output
    assert sorted(str(r["url"]) for r in records_of(out)) == sorted(urls)
    assert not {fault_server.url(p) for p in fault_server.paths()} & recorded


@pytest.mark.parametrize(
    ("sig", "advice"), [(signal.SIGINT, b"Ctrl-C again stops at once"), (signal.SIGTERM, b"a second SIGTERM")]
)
def test_second_signal_stops_at_once(
    fault_server: FaultServer, tmp_path: Path, sig: signal.Signals, advice: bytes
) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("".join(fault_server.url(f"/hang?i={i}") + "\n" for i in range(3)))
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out)]
    proc = subprocess.Popen(
        [*args, *FAST_CLI, "--per-host", "3"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_for(lambda: len(fault_server.paths()) >= 2, proc)  # robots.txt, then a /hang in flight
        proc.send_signal(sig)
        # Signals sent close together may merge into one: wait until the first has been handled,
        # and the advice names the signal that was sent.
        _wait_for_stderr(proc, advice)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)  # the hanging requests would take 20 s to time out
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err.decode()
    assert out.read_bytes() == b""  # nothing finished, nothing half-written


def test_block_private_refuses_local_addresses(fault_server: FaultServer, tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text(fault_server.url("/page/a") + "\n")
    result = CliRunner().invoke(main, ["crawl", str(source), "-o", str(out), "--block-private", *FAST_CLI])
    assert result.exit_code == 1
    assert [kind_of(r) for r in records_of(out)] == ["blocked"]
    assert fault_server.paths() == []  # not even robots.txt


ODD_LINES = [
    "http://127.0.0.1:9/news/a\x00b",  # a NUL from a broken export
    "http://127.0.0.1:9/news/a\x01b",
    "http://127.0.0.1:9/news/a\x7fb",
    "http://256.1.1.1/a",
    "http://127.0.0.1:99999/",
    "ftp://127.0.0.1/x",
    "not a url",
]


def test_resume_finds_the_record_of_every_invalid_line(tmp_path: Path) -> None:
    # A line the crawl refuses is filed under the line itself; --resume must look it up under the
    # same key, or it writes one more error record for it on every run.
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(ODD_LINES) + "\n", encoding="utf-8")
    assert run_crawl_job(source, out, config=FAST) == 1
    first = out.read_bytes()
    assert len(first.splitlines()) == len(ODD_LINES)
    assert run_crawl_job(source, out, config=FAST, resume=True) == 0
    assert out.read_bytes() == first


@pytest.mark.parametrize("line", ODD_LINES)
def test_the_resume_key_of_a_line_agrees_with_the_crawls_verdict(line: str) -> None:
    try:
        check_url(line)
    except FetchError:
        assert url_key(line).startswith("invalid:")
    else:
        assert not url_key(line).startswith("invalid:")


def test_resume_of_two_outputs_concatenated_without_a_newline_between_redoes_nothing(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    # `cat a.jsonl b.jsonl > out.jsonl`, a.jsonl written by a tool that ends without a newline: its
    # last record and b's first share a line (jq reads both). Those URLs were done again, so a
    # reader of the output found two records for each.
    urls = [fault_server.url(f"/page/{i}") for i in range(4)]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")
    a, b, c, d = (dumps(ErrorRecord(url=u, kind="http_status", message="HTTP 404", status=404)) for u in urls)
    out.write_text(f"{a}\n{b}{c}\n{d}")
    assert run_crawl_job(source, out, config=FAST, resume=True) == 0
    assert [p for p in fault_server.paths() if p.startswith("/page/")] == []
    assert out.read_text() == f"{a}\n{b}{c}\n{d}\n"  # the last record kept, and given its newline


def test_retry_failed_puts_each_of_glued_records_on_a_line_of_its_own(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    urls = [fault_server.url(f"/page/{i}") for i in range(2)]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")
    kept = dumps(ErrorRecord(url=urls[0], kind="http_status", message="HTTP 404", status=404))
    retried = dumps(ErrorRecord(url=urls[1], kind="timeout", message="no data"))
    out.write_text(f"{kept}{retried}\n")
    assert run_crawl_job(source, out, config=FAST, resume=True, retry_failed=True) == 0
    assert [p for p in fault_server.paths() if p.startswith("/page/")] == ["/page/1"]
    records = records_of(out)
    assert [(r["url"], kind_of(r)) for r in records] == [(urls[0], "http_status"), (urls[1], "article")]
