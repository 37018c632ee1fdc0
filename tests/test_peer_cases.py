"""``benchmarks/peer_cases.py`` on files laid out as the peers' test files: trafilatura's author
suites (only their ``cases`` lists are built, no test is run) and htmldate's ``assert find_date(...)
== DAY`` statements (those that ask for the publication day); each case is scored alone and inside
a story."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

AUTHOR_TESTS = """
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
DATE_TESTS = """
def test_exact_date():
    assert find_date('<html><head><meta name="date" content="2017-09-01"/></head>') == "2017-09-01"
    htmldoc = '<html><head><meta property="og:updated_time" content="2018-02-03"/></head><body/></html>'
    assert find_date(htmldoc, original_date=True) == "2018-02-03"
    assert find_date(htmldoc, original_date=False) == "2018-02-03"
    assert find_date(htmldoc, outputformat="%d %B %Y") == "03 February 2018"
    assert find_date("<html><body>nothing</body></html>", extensive_search=False) is None
    assert find_date("not markup") is None
    for meta in ("a", "b"):
        assert find_date(meta) == "2020-01-01"


def test_helpers():
    assert is_valid_date("2017-09-01") is True
"""

JSONLD_TESTS = """
def test_json_extraction():
    metadata = extract_metadata(
        '<html><body><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain", '
        '"author": {"@type": "Person", "name": "Jane Doe"}}</script></body></html>'
    )
    assert metadata.author == "Jane Doe"
    assert metadata.pagetype == "newsarticle"
    assert "Golf" in metadata.categories
    metadata = Document()
    metadata = extract_meta_json(
        html.fromstring(
            '<html><body><script type="application/ld+json">'
            '{"@type": "WebSite", "name": "Example News"}</script></body></html>'
        ),
        metadata,
    )
    assert metadata.sitename == "Example News"
    assert metadata.title is None


def test_normalize_authors():
    assert normalize_authors(None, "abc") == "Abc"
"""


@pytest.fixture
def peer_cases(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("peer_cases")


def test_only_the_author_suites_cases_are_read(peer_cases: ModuleType) -> None:
    found = list(peer_cases.author_cases(AUTHOR_TESTS))
    assert [(test, expected) for test, _, expected in found] == [
        ("test_author_from_meta", "Jenny Smith"),
        ("test_author_from_markup", "Jane Doe; John Roe"),
        ("test_author_from_markup", None),
    ]
    assert found[0][1] == '<html><head><meta name="author" content="Jenny Smith"/></head><body></body></html>'


def test_only_the_date_asserts_that_ask_for_the_publication_day_are_read(peer_cases: ModuleType) -> None:
    found = list(peer_cases.date_cases(DATE_TESTS))
    assert [expected for _, _, expected in found] == ["2017-09-01", "2018-02-03"]
    assert found[1][1].startswith('<html><head><meta property="og:updated_time"')  # a name bound above


def test_only_the_field_asserts_after_a_jsonld_reading_are_read(peer_cases: ModuleType) -> None:
    found = list(peer_cases.jsonld_cases(JSONLD_TESTS))
    assert [(field, expected) for field, _, expected in found] == [
        ("author", "Jane Doe"),
        ("sitename", "Example News"),
        ("title", None),
    ]
    assert '"headline": "Rain"' in found[0][1]
    assert '"WebSite"' in found[1][1]
    assert found[2][1] == found[1][1]  # the page read last
    assert peer_cases.our_field(found[0][1], "author") == "Jane Doe"
    assert peer_cases.our_field(found[1][1], "sitename") == "Example News"


def test_a_case_is_read_alone_and_in_a_story(peer_cases: ModuleType) -> None:
    page = '<html><body><p class="byline">By Jane Doe and John Roe</p></body></html>'
    story = peer_cases.with_story(page)
    assert (
        story.index("<h1>") < story.index("By Jane Doe") < story.index("<p>The rain") < story.index("</body>")
    )
    assert peer_cases.our_authors(story) == "Jane Doe; John Roe"
    head_only = '<html><head><meta name="author" content="Jenny Smith"/></head></html>'
    assert peer_cases.with_story(head_only).index("</head><body><h1>") > 0
    assert peer_cases.our_authors(head_only) == "Jenny Smith"  # a page without text keeps its metadata
    dated = '<html><head><meta property="article:published_time" content="2017-09-01"/></head></html>'
    assert peer_cases.our_day(dated) == "2017-09-01"
    assert peer_cases.our_day(peer_cases.with_story(dated)) == "2017-09-01"


# (a page whose only text is its byline is no story: its record keeps the metadata, not the byline)
@pytest.mark.parametrize(
    ("check", "source", "cases", "right"),
    [
        ("authors", AUTHOR_TESTS, 3, "2 /   3"),
        ("dates", DATE_TESTS, 2, "2 /   2"),
        ("jsonld", JSONLD_TESTS, 3, "3 /   2"),  # in a story, the story's h1 is its title
    ],
)
def test_the_run_counts_each_tool_right_per_variant(
    peer_cases: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    check: str,
    source: str,
    cases: int,
    right: str,
) -> None:
    tests = tmp_path / "tests.py"
    tests.write_text(source)
    monkeypatch.setattr("sys.argv", ["peer_cases.py", check, str(tests)])
    peer_cases.main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{cases} cases; right, of the page alone / of the page in a story"
    assert lines[1] == f"newsscrape     {right}"
    assert lines[2].split()[0] == ("htmldate" if check == "dates" else "trafilatura")
    assert lines[3] == "newsscrape's misses:"
