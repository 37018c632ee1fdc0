"""Ctrl-C during `extract` or `fetch`: exit 130 as `crawl` does, the records written so far whole, and
`--resume` does the rest (each input one record)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsscrape.cli
import newsscrape.crawler
from newsscrape.cli import main
from newsscrape.models import ErrorRecord, Record

PAGE = b"""<!doctype html><html lang="en"><head><title>Rain returns</title></head><body>
<article><h1>Rain returns</h1><p>After six dry weeks, rain fell across the valley on Tuesday,
filling reservoirs that had dropped to record lows.</p></article></body></html>"""


def _sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text().splitlines()]


def test_ctrl_c_during_extract_exits_130_and_resume_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(4):
        (pages / f"p{i}.html").write_bytes(PAGE)
    out = tmp_path / "out.jsonl"
    real = newsscrape.crawler.extract_pages

    def interrupted(items: Iterable[object], **options: object) -> Iterator[Record]:
        for n, record in enumerate(real(items, **options)):  # type: ignore[arg-type]
            if n == 2:
                raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(newsscrape.crawler, "extract_pages", interrupted)
    result = CliRunner().invoke(main, ["extract", str(pages), "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted after 2 records; --resume continues" in result.stderr
    assert len(_sources(out)) == 2
    monkeypatch.setattr(newsscrape.crawler, "extract_pages", real)
    result = CliRunner().invoke(main, ["extract", str(pages), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert sorted(_sources(out)) == sorted(str(p) for p in pages.iterdir())


def test_ctrl_c_during_fetch_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def fetch_one(url: str, *args: object, **options: object) -> Record:
        if url.endswith("/2"):
            raise KeyboardInterrupt
        return ErrorRecord(url=url, kind="timeout", message=f"GET {url}: no data")

    monkeypatch.setattr(newsscrape.cli, "_fetch_one", fetch_one)
    result = CliRunner().invoke(main, ["fetch", "https://example.com/1", "https://example.com/2"])
    assert result.exit_code == 130
    assert len(result.stdout.splitlines()) == 1
    assert "interrupted after 1 record" in result.stderr
    assert "Aborted" not in result.output
