"""`newsscrape extract` and `newsscrape explain` on saved pages (no network)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsscrape.cli import main

PAGE = b"""<!doctype html><html lang="en"><head><title>Rain returns | Example Times</title>
<meta property="og:title" content="Rain returns"></head><body>
<article><h1>Rain returns</h1>
<p>After six dry weeks, rain fell across the valley on Tuesday,
filling reservoirs that had dropped to record lows.</p>
<h2>Farmers relieved</h2>
<p>Growers said the rain came just in time for the late harvest,
though some fields were already lost to the drought.</p>
</article></body></html>"""


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_file_prints_one_json_line(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://example.com/rain"])
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert record["url"] == "https://example.com/rain"
    assert "After six dry weeks" in str(record["body"])


def test_extract_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input=PAGE)
    assert result.exit_code == 0, result.output
    assert len(_lines(result.stdout)) == 1


def test_bad_input_is_an_error_record_and_exit_code_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["extract", str(empty), str(page)])
    assert result.exit_code == 1
    first, second = _lines(result.stdout)
    assert first["error"] == {
        "kind": "extract",
        "reason": "empty",
        "message": "the document is empty",
        "status": None,
    }
    assert "body" in second
    assert "empty" in result.stderr


def test_a_file_that_cannot_be_read_is_an_unreadable_record_not_an_empty_one(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.html"), str(page)])
    assert result.exit_code == 1
    first, second = _lines(result.stdout)
    assert first["error"]["kind"] == "extract"
    assert first["error"]["reason"] == "unreadable"
    assert first["error"]["message"].startswith("cannot read ")
    assert "body" in second


def test_url_with_several_files_is_a_usage_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["extract", str(page), str(page), "--url", "https://example.com/"])
    assert result.exit_code == 2
    assert "one FILE" in result.stderr


def test_output_file_is_refused_when_it_exists_and_resumed_with_resume(tmp_path: Path) -> None:
    page, other = tmp_path / "page.html", tmp_path / "other.html"
    page.write_bytes(PAGE)
    other.write_bytes(PAGE)
    out = tmp_path / "out.jsonl"
    assert CliRunner().invoke(main, ["extract", str(page), "-o", str(out)]).exit_code == 0
    again = CliRunner().invoke(main, ["extract", str(page), "-o", str(out)])
    assert again.exit_code == 2
    assert "add --resume" in again.stderr
    resumed = CliRunner().invoke(main, ["extract", str(page), str(other), "-o", str(out), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    urls = [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert urls == [page.resolve().as_uri(), other.resolve().as_uri()]  # page is not done twice


def test_explain_reports_metadata_sources(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["explain", str(page), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sources"]["title"] in {"og", "dom", "meta", "json-ld"}
    assert report["article"]["title"] == "Rain returns"
    assert isinstance(report["removed"], list)


def test_explain_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["explain", str(tmp_path / "nope.html")])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr


def test_unopenable_output_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(tmp_path / "missing" / "out.jsonl")])
    assert result.exit_code == 2
    assert "cannot open" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# JSON-LD whose author name holds a lone surrogate escape (a CMS cut an emoji in half).
POISON = PAGE.replace(
    b"</title>",
    b'</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain returns",'
    b' "author": {"@type": "Person", "name": "Jane \\udfff Doe"}}</script>',
)


def test_a_lone_surrogate_in_the_page_still_gives_a_record(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(POISON)
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://example.com/rain"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert record["title"] == "Rain returns"
    assert "\udfff" not in result.stdout
