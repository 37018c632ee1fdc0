"""``benchmarks/peer_pages.py`` on folders laid out as the peers' old sdists: trafilatura's
``realworld_tests.py`` beside its ``cache/`` of pages (only the ``in`` / ``not in`` asserts after
each ``load_mock_page`` are read, as data) and htmldate's cached pages with their truth file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REALWORLD_TESTS = """
MOCK_PAGES = {
'https://example.org/story': 'story.html',
'https://example.org/unasked': 'unasked.html',
}


def load_mock_page(url, xml_flag=False):
    return open(MOCK_PAGES[url]).read()


@pytest.mark.parametrize("xmloutput", [False, True])
def test_extract(xmloutput):
    result = load_mock_page('https://example.org/story', xmloutput)
    assert 'The rain came back' in result and 'Related news' not in result
    if xmloutput is False:
        assert "Farmers welcomed" in result and 'a constant' and len(result) > 10


def test_other():
    result = load_mock_page('https://example.org/unasked')
    assert 'never read' in result
"""
PARAS = (
    "Farmers said most of their crops would recover by autumn, and the river rose by half a metre.",
    "Forecasters expect more showers later this week, with cooler nights to follow in the hills.",
    "The town council said the reservoir, low since June, would be full again within a fortnight.",
)
STORY = (
    "<html><body><nav><a href='/'>Home</a></nav><article><h1>Rain returns to the valley</h1>"
    f"<p>The rain came back to the valley on Monday. {PARAS[0]}</p><p>Farmers welcomed it. {PARAS[1]}</p>"
    f"<p>{PARAS[2]}</p></article><aside><h2>Related news</h2><ul><li><a href='/a'>Another story "
    "about the weather</a></li><li><a href='/b'>A third story</a></li></ul></aside></body></html>"
)


@pytest.fixture
def peer_pages(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("peer_pages")


def _sdist_tests(folder: Path, name: str, source: str, page: str) -> None:
    """A peer's tests folder: its test file, and its one cached page ``cache/story.html``."""
    (folder / "cache").mkdir()
    (folder / "cache" / "story.html").write_text(page, encoding="utf-8")
    (folder / name).write_text(source, encoding="utf-8")


def _run(
    peer_pages: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> list[str]:
    monkeypatch.setattr("sys.argv", ["peer_pages.py", *args])
    peer_pages.main()
    return capsys.readouterr().out.splitlines()


def test_only_the_checks_of_test_extract_are_read_page_by_page(peer_pages: ModuleType) -> None:
    cases = list(peer_pages.body_cases(REALWORLD_TESTS))
    assert len(cases) == 1  # test_other's page is no case
    case = cases[0]
    assert (case.url, case.file) == ("https://example.org/story", "story.html")
    assert case.wanted == ("The rain came back", "Farmers welcomed")  # an if block's too
    assert case.unwanted == ("Related news",)


def test_a_page_passes_when_every_check_holds(
    peer_pages: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _sdist_tests(tmp_path, "realworld_tests.py", REALWORLD_TESTS, STORY)
    lines = _run(peer_pages, monkeypatch, capsys, "bodies", str(tmp_path))
    assert lines[0] == "bodies: 1 pages of trafilatura's real-world tests"
    assert " ".join(lines[1].split()) == "newsscrape pages passed 1/1 wanted kept 2/2 unwanted dropped 1/1"
    assert lines[2].split()[0] == "trafilatura"


def test_dates_are_scored_against_the_truth_file(
    peer_pages: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dated = STORY.replace("<h1>", '<time datetime="2019-06-28T13:49:45Z">28 June 2019</time><h1>')
    (tmp_path / "a.html").write_text(dated, encoding="utf-8")
    (tmp_path / "b.html").write_text(STORY, encoding="utf-8")
    truths = {
        "https://example.org/a": {"file": "a.html", "date": "2019-06-28"},
        "https://example.org/b": {"file": "b.html", "date": "2019-07-01"},
        "https://example.org/c": {"file": "missing.html", "date": "2019-07-02"},  # not shipped: left out
    }
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps(truths), encoding="utf-8")
    lines = _run(peer_pages, monkeypatch, capsys, "dates", str(tmp_path), str(truth))
    assert lines[0] == "dates: 2 pages of htmldate's evaluation set, publication day"
    assert lines[1].split() == ["newsscrape", "right", "1/2"]
    assert lines[4].split(":")[0].strip() == "b.html"


METADATA_TESTS = """
MOCK_PAGES = {
'https://example.org/story': 'story.html',
}


def test_titles():
    metadata = extract_metadata('<html><title>T</title></html>')
    assert metadata['title'] == 'T'


def test_pages():
    metadata = extract_metadata(load_mock_page('https://example.org/story'))
    assert metadata['title'] == 'Rain returns to the valley'
    assert metadata['author'] == 'Jane Doe'
    assert metadata['description'].startswith('The rain')
    assert 'valley' in metadata['title']
    assert metadata['categories'] == ['Weather']
    url = 'https://example.org/unshipped'
    metadata = extract_metadata(load_mock_page(url))
    assert metadata['url'] == url
"""


def test_only_the_metadata_checks_of_test_pages_are_read(peer_pages: ModuleType) -> None:
    checks = list(peer_pages.metadata_cases(METADATA_TESTS))
    assert checks == [
        ("https://example.org/story", "title", "==", "Rain returns to the valley"),
        ("https://example.org/story", "author", "==", "Jane Doe"),
        ("https://example.org/story", "description", "startswith", "The rain"),
        ("https://example.org/story", "title", "in", "valley"),
        ("https://example.org/unshipped", "url", "==", "https://example.org/unshipped"),  # a name bound above
    ]


def test_metadata_checks_are_counted_per_field(
    peer_pages: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = (
        '<head><meta name="author" content="Jane Doe">'
        '<meta name="description" content="The rain came back."></head>'
    )
    _sdist_tests(tmp_path, "metadata_tests.py", METADATA_TESTS, STORY.replace("<html>", f"<html>{head}"))
    lines = _run(peer_pages, monkeypatch, capsys, "metadata", str(tmp_path))
    assert (
        lines[0] == "metadata: 4 checks on 1 pages of trafilatura's metadata tests"
    )  # the unshipped page left out
    assert " ".join(lines[1].split()) == (
        "newsscrape title 2/2 author 1/1 description 1/1 sitename 0/0 url 0/0"
    )
