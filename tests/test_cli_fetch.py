"""`newsscrape fetch URL` end to end against the fault server: records on stdout, messages on stderr."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from faultserver import FaultServer
from newsscrape.cli import main


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_fetch_prints_the_article_as_one_line(fault_server: FaultServer) -> None:
    url = fault_server.url("/page/summit?title=Leaders%20meet%20at%20the%20summit")
    result = CliRunner().invoke(main, ["fetch", url])
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert record["url"] == url
    assert record["title"] == "Leaders meet at the summit"
    assert "first paragraph of summit" in str(record["body"])


def test_fetch_404_is_an_error_line_and_exit_code_1(fault_server: FaultServer) -> None:
    url = fault_server.url("/status/404")
    result = CliRunner().invoke(main, ["fetch", url])
    assert result.exit_code == 1
    [record] = _lines(result.stdout)
    assert record["url"] == url
    error = record["error"]
    assert isinstance(error, dict)
    assert (error["kind"], error["status"]) == ("http_status", 404)
    assert "404" in result.stderr


def test_timeout_holds_against_a_server_dripping_its_headers(fault_server: FaultServer) -> None:
    # A blocking read cannot be cut short; the command fetches with the async driver, whose
    # deadline covers every wait, so --timeout is kept even against a slowloris server.
    url = fault_server.url("/header-drip?interval=0.2&lines=100")
    result = CliRunner().invoke(main, ["fetch", "--timeout", "1", url])
    assert result.exit_code == 1
    [record] = _lines(result.stdout)
    error = record["error"]
    assert isinstance(error, dict)
    assert error["kind"] == "timeout"
    assert "total deadline" in str(error["message"])


def test_user_agent_option_is_sent(fault_server: FaultServer) -> None:
    CliRunner().invoke(main, ["fetch", "--user-agent", "clitest/1", fault_server.url("/page/a")])
    assert [r.header("user-agent") for r in fault_server.requests] == ["clitest/1"]


def test_real_process_keeps_stdout_for_json_lines(fault_server: FaultServer) -> None:
    good, bad = fault_server.url("/page/one"), fault_server.url("/status/500")
    proc = subprocess.run(
        [sys.executable, "-m", "newsscrape", "fetch", good, bad],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    records = _lines(proc.stdout)  # every stdout line must parse as JSON
    assert [r["url"] for r in records] == [good, bad]
    assert records[0]["title"] == "Article one"
    assert "500" in proc.stderr
    assert "{" not in proc.stderr  # messages, not records, on stderr
