"""``benchmarks/newspaper_pages.py`` on a folder laid out as newspaper4k's tests/data (html/, txt/,
metadata/): each page with a txt is scored against it and its metadata, a page without one is listed
with what newsscrape returns for it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

FIRST = "The council voted on Tuesday to rebuild the old bridge over the river before the floods arrive."
SECOND = "Engineers said the work would close the road for six weeks and cost the town two million."
STORY = f"""<html><head><title>Council votes to rebuild bridge - Town News</title>
<meta property="og:title" content="Council votes to rebuild bridge"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
<body><article><p>{FIRST}</p><p>{SECOND}</p></article></body></html>"""
# The same markup, but its truth holds the first paragraph only (half the words extracted are not in
# it) and another title, author and day.
HALF = STORY.replace("<head>", '<head><link rel="canonical" href="https://news.example/half">')
FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>'


@pytest.fixture
def newspaper_pages(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("newspaper_pages")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for folder in ("html", "txt", "metadata"):
        (tmp_path / folder).mkdir()
    (tmp_path / "html" / "story.html").write_text(STORY, encoding="utf-8")
    (tmp_path / "txt" / "story.txt").write_text(f"{FIRST}\n\n{SECOND}", encoding="utf-8")
    metadata = {
        "url": "https://news.example/2025/03/04/bridge",
        "title": "Council votes to rebuild bridge",
        "authors": ["Jane Roe"],
        "publish_date": "2025-03-04T00:00:00",
    }
    (tmp_path / "metadata" / "story.json").write_text(json.dumps(metadata), encoding="utf-8")
    (tmp_path / "html" / "half.html").write_text(HALF, encoding="utf-8")
    (tmp_path / "txt" / "half.txt").write_text(FIRST, encoding="utf-8")
    metadata = {"title": "Bridge plan shelved", "authors": ["John Doe"], "publish_date": "2025-03-05"}
    (tmp_path / "metadata" / "half.json").write_text(json.dumps(metadata), encoding="utf-8")
    (tmp_path / "html" / "feed.html").write_text(FEED, encoding="utf-8")
    return tmp_path


def run(module: ModuleType, data: Path, tmp_path: Path) -> list[dict[str, object]]:
    rows = tmp_path / "rows.jsonl"
    module.main([str(data), "--rows", str(rows)])
    return [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines()]


def test_each_page_with_a_txt_is_scored_by_each_tool(
    newspaper_pages: ModuleType, data: Path, tmp_path: Path
) -> None:
    rows = run(newspaper_pages, data, tmp_path)
    assert [(row["tool"], row["page"]) for row in rows] == [
        ("newsscrape", "half"),
        ("newsscrape", "story"),
        ("trafilatura", "half"),
        ("trafilatura", "story"),
    ]


def test_body_and_metadata_are_scored_against_newspapers_output(
    newspaper_pages: ModuleType, data: Path, tmp_path: Path
) -> None:
    rows = {row["page"]: row for row in run(newspaper_pages, data, tmp_path) if row["tool"] == "newsscrape"}
    assert rows["story"] | {"tool": None} == {
        "page": "story",
        "f1": 1.0,
        "p": 1.0,
        "r": 1.0,
        "error": None,
        "title_ok": True,
        "byline_ok": True,
        "date_ok": True,
        "tool": None,
    }
    assert rows["half"] | {"tool": None} == {
        "page": "half",
        "f1": 0.6667,
        "p": 0.5,
        "r": 1.0,
        "error": None,
        "title_ok": False,
        "byline_ok": False,
        "date_ok": False,
        "tool": None,
    }


def test_a_page_without_txt_is_listed_with_what_newsscrape_returns(
    newspaper_pages: ModuleType, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(newspaper_pages, data, tmp_path)
    out = capsys.readouterr().out
    assert "# 1 pages without txt" in out
    assert "feed                   error extract/" in out
