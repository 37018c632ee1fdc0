"""``benchmarks/trafilatura_author_cases.py`` on a file laid out as trafilatura's metadata_tests.py:
only the author suites' ``cases`` are read (their f-strings built, no test run), and each case is
scored alone and inside a story."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

TESTS = """
def test_titles():
    cases = [("<html><title>T</title></html>", "T")]


def test_author_from_meta():
    begin, end = "<html><head>", "</head><body></body></html>"
    cases = [(f'{begin}<meta name="author" content="Jenny Smith"/>{end}', "Jenny Smith")]
    for doc, expected in cases:
        assert False, "no test is run"


def test_author_from_markup():
    begin, end = "<html><body>", "</body></html>"
    cases = [
        (f'{begin}<p class="byline">By Jane Doe and John Roe</p>{end}', "Jane Doe; John Roe"),
        (f'{begin}<figure><span class="author">Jenny Smith</span></figure>{end}', None),
    ]
"""


@pytest.fixture
def author_cases(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("trafilatura_author_cases")


def test_only_the_author_suites_cases_are_read(author_cases: ModuleType) -> None:
    found = list(author_cases.cases(TESTS))
    assert [(suite, expected) for suite, _, expected in found] == [
        ("test_author_from_meta", "Jenny Smith"),
        ("test_author_from_markup", "Jane Doe; John Roe"),
        ("test_author_from_markup", None),
    ]
    assert found[0][1] == '<html><head><meta name="author" content="Jenny Smith"/></head><body></body></html>'


def test_a_case_is_read_alone_and_in_a_story(author_cases: ModuleType) -> None:
    page = '<html><body><p class="byline">By Jane Doe and John Roe</p></body></html>'
    story = author_cases.with_story(page)
    assert story.index("By Jane Doe") < story.index("<h1>") < story.index("</body>")
    assert author_cases.ours(story) == "Jane Doe; John Roe"
    assert author_cases.ours(
        '<html><head><meta name="author" content="Jenny Smith"/></head><body></body></html>'
    ) == (
        "Jenny Smith"  # a page without text keeps its metadata (ExtractError.metadata)
    )


def test_the_run_counts_each_tool_right_per_variant(
    author_cases: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tests = tmp_path / "metadata_tests.py"
    tests.write_text(TESTS)
    monkeypatch.setattr("sys.argv", ["trafilatura_author_cases.py", str(tests)])
    author_cases.main()
    out = capsys.readouterr().out
    assert out.startswith("3 cases; right, of the page alone / of the page with a story\n")
    lines = out.splitlines()
    assert lines[1] == "newsscrape     3 /   3"
    assert lines[2].startswith("trafilatura ")
    assert lines[3] == "newsscrape's misses:"
