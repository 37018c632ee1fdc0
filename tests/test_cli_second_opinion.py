"""``--second-opinion / --no-second-opinion`` on every command that extracts (``ExtractConfig.fallback``):
trafilatura's reading asked for where the native one looks short or the page is no article, or not.

The page is a table layout, a navigation cell beside the story's cell: the native reading takes the
story's cell alone; trafilatura's, which wins here, runs the two cells into one row ("| Home | ...").
Each command's body is the library's with the same setting, and the two settings' bodies differ.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from faultserver import FaultServer, Response
from newsscrape import ExtractConfig, extract
from newsscrape.cli import main

STORY = "".join(
    f"<p>After {n} dry weeks, rain fell across the valley on Tuesday, filling reservoirs that had "
    "dropped to record lows, and farmers said the harvest may yet be saved.</p>"
    for n in range(5)
)
PAGE = f"<html><body><table><tr><td class='nav'>Home</td><td>{STORY}</td></tr></table></body></html>"
URL = "https://example.com/rain"


def _body(setting: bool, url: str = URL) -> str:
    """The library's body of the page under ``url`` with the second opinion on or off."""
    return extract(PAGE, url=url, config=ExtractConfig(fallback=setting)).body


def _records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_the_page_reads_otherwise_without_the_second_opinion() -> None:
    assert _body(True) != _body(False)
    assert "Home" in _body(True).split("\n")[0]
    assert _body(False).startswith("After 0 dry weeks")


def test_extract_asks_trafilatura_by_default_and_not_when_told(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    for flags, setting in (([], True), (["--second-opinion"], True), (["--no-second-opinion"], False)):
        result = CliRunner().invoke(main, ["extract", str(page), "--url", URL, *flags])
        assert result.exit_code == 0, result.output
        [record] = _records(result.stdout)
        assert record["body"] == _body(setting), flags


def test_explain_reports_the_reading_each_setting_takes(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    methods = []
    for flag in ("--second-opinion", "--no-second-opinion"):
        result = CliRunner().invoke(main, ["explain", str(page), "--url", URL, "--json", flag])
        assert result.exit_code == 0, result.output
        methods.append(json.loads(result.stdout)["method"])
    assert methods == ["trafilatura", "native"]


def _serve(fault_server: FaultServer) -> str:
    fault_server.add_route("/rain", lambda req: Response(body=PAGE.encode()))
    return fault_server.url("/rain")


def test_fetch_passes_the_setting_to_the_extractor(fault_server: FaultServer) -> None:
    url = _serve(fault_server)
    result = CliRunner().invoke(main, ["fetch", url, "--no-second-opinion"])
    assert result.exit_code == 0, result.output
    [record] = _records(result.stdout)
    assert record["body"] == _body(False, url)


def test_crawl_passes_the_setting_to_its_workers(fault_server: FaultServer, tmp_path: Path) -> None:
    url = _serve(fault_server)
    urls = tmp_path / "urls.txt"
    urls.write_text(url + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for flag, setting in (("--second-opinion", True), ("--no-second-opinion", False)):
        out.unlink(missing_ok=True)
        args = ["crawl", str(urls), "-o", str(out), "--delay", "0", "--workers", "1", flag]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        [record] = _records(out.read_text(encoding="utf-8"))
        assert record["body"] == _body(setting, url), flag


def test_explain_lists_every_reading_weighed_and_the_one_taken(tmp_path: Path) -> None:
    """The page is read as an article, then as the type it is; trafilatura's reading is weighed
    against the native one, and with the second opinion off it is said not to be asked."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    reports = {}
    for flag in ("--second-opinion", "--no-second-opinion"):
        result = CliRunner().invoke(main, ["explain", str(page), "--url", URL, "--json", flag])
        assert result.exit_code == 0, result.output
        reports[flag] = json.loads(result.stdout)
    for report in reports.values():
        readings = report["readings"]
        [taken] = [r for r in readings if r["won"]]
        assert taken["method"] == report["method"]
        assert taken["words"] == report["article"]["word_count"]
        assert [r["method"] for r in readings if r["method"] == "native"] == ["native", "native"]
    asked = reports["--second-opinion"]["readings"][-1]
    assert (asked["method"], asked["won"]) == ("trafilatura", True)
    assert asked["why"].startswith("more than")
    off = reports["--no-second-opinion"]["readings"][-1]
    assert (off["method"], off["words"], off["won"]) == ("trafilatura", None, False)
    assert "--no-second-opinion" in off["why"]


def test_explain_prints_the_readings_the_taken_one_starred(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(page), "--url", URL])
    assert result.exit_code == 0, result.output
    lines = result.stdout.split("readings weighed")[1].split("removed blocks")[0].splitlines()
    starred = [line for line in lines if line.lstrip().startswith("*")]
    assert len(starred) == 1, lines
    assert "trafilatura" in starred[0]
    assert "more than" in starred[0]
    assert any("native" in line and "words" in line for line in lines)
