"""``benchmarks/article_extractor_pages.py`` on a folder laid out as article-extractor's full-page
fixtures (HOST/CASE/ with raw.html, expected.html, meta.json): each complete case is scored against
its expected element's text and its title; there is no byline or date truth to score."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

FIRST = "The council voted on Tuesday to rebuild the old bridge over the river before the floods arrive."
SECOND = "Engineers said the work would close the road for six weeks and cost the town two million."
STORY = f"""<html><head><title>Council votes to rebuild bridge - Town News</title>
<meta property="og:title" content="Council votes to rebuild bridge"></head>
<body><article><p>{FIRST}</p><p>{SECOND}</p></article></body></html>"""


@pytest.fixture
def article_extractor_pages(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("article_extractor_pages")


def case(root: Path, name: str, expected: str | None, title: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "raw.html").write_text(STORY, encoding="utf-8")
    if expected is not None:
        (folder / "expected.html").write_text(
            f"<html><body><div>{expected}</div></body></html>", encoding="utf-8"
        )
    meta = {"url": f"https://news.example/{name}", "extracted_title": title}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "fixtures"
    case(root, "news.example/story", f"<p>{FIRST}</p>\n  <p>{SECOND}</p>", "Council votes to rebuild bridge")
    # Its truth holds the first paragraph only, so half the words extracted are not in it.
    case(root, "news.example/half", f"<p>{FIRST}</p>", "Bridge plan shelved")
    case(root, "news.example/no-expected", None, "Council votes to rebuild bridge")
    return root


def run(module: ModuleType, data: Path, tmp_path: Path) -> dict[tuple[str, str], dict[str, object]]:
    rows = tmp_path / "rows.jsonl"
    module.main([str(data), "--rows", str(rows)])
    scored = (json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines())
    return {(row["tool"], row["page"]): row for row in scored}


def test_each_complete_case_is_scored_by_each_tool(
    article_extractor_pages: ModuleType, data: Path, tmp_path: Path
) -> None:
    assert list(run(article_extractor_pages, data, tmp_path)) == [
        ("newsscrape", "news.example/half"),
        ("newsscrape", "news.example/story"),
        ("trafilatura", "news.example/half"),
        ("trafilatura", "news.example/story"),
    ]


def test_body_and_title_are_scored_against_the_expected_element(
    article_extractor_pages: ModuleType, data: Path, tmp_path: Path
) -> None:
    rows = run(article_extractor_pages, data, tmp_path)
    story, half = rows["newsscrape", "news.example/story"], rows["newsscrape", "news.example/half"]
    assert (story["f1"], story["p"], story["r"], story["title_ok"]) == (1.0, 1.0, 1.0, True)
    assert (half["f1"], half["p"], half["r"], half["title_ok"]) == (0.6667, 0.5, 1.0, False)
    assert "byline_ok" not in story
    assert "date_ok" not in story


def test_the_page_table_marks_the_fields_without_truth(
    article_extractor_pages: ModuleType, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(article_extractor_pages, data, tmp_path)
    out = capsys.readouterr().out
    assert "# 2 pages of" in out
    assert "news.example/story" in out
    assert "1.0000 1.0000 1.0000 +.." in out
