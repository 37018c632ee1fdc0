"""Held-out checks of metadata: the peers' own unit-test cases, which nothing here was tuned on. Run by hand.

    pip download --no-binary :all: --no-deps trafilatura==2.3.1 htmldate==1.11.0   # sdists ship tests
    tar xzf trafilatura-2.3.1.tar.gz && tar xzf htmldate-1.11.0.tar.gz
    .venv/bin/python benchmarks/peer_cases.py authors trafilatura-2.3.1/tests/metadata_tests.py
    .venv/bin/python benchmarks/peer_cases.py dates htmldate-1.11.0/tests/unit_tests.py
    .venv/bin/python benchmarks/peer_cases.py jsonld trafilatura-2.3.1/tests/json_metadata_tests.py

``authors``: trafilatura's ``test_author_from_meta`` and ``test_author_from_markup`` each hold a list
``cases`` of (page, expected author) pairs, one byline convention a page: author metas and byline
markup of many sites. Only the statements that build those lists are run (f-strings around the
page's head and foot); no test is. A case is right when the names, joined with "; " as trafilatura
joins them, equal the expected string (``None``: nobody credited).

``dates``: htmldate's statements ``assert find_date(PAGE, ...) == DAY`` at the top of its test
functions, PAGE a string of markup (or a name bound to one above). Cases whose options change the
question are left out: an output format, a date range, the latest date asked for
(``original_date=False``), or no date expected from the markup alone (``extensive_search=False``).
A case is right when the page's published day is DAY (``None``: no date).

``jsonld``: trafilatura's JSON-LD cases, pages of JSON-LD blocks from news sites (many not strict
JSON: unescaped quotes, a comma left out), each read by ``extract_metadata(PAGE)`` or
``extract_meta_json(html.fromstring(PAGE), ...)`` and followed by ``assert metadata.FIELD == VALUE``
statements; the author, title and site name asserts are cases (its categories are not our section
or tags). A case is right when that field of the record equals VALUE (authors joined with "; ").

Each page is read twice by newsscrape and by the peer: as it is, and inside a story (a headline
before the page's body and four paragraphs after it, as a real story would hold a byline or a
dateline); newsscrape is given a story's address without a date (``URL``). The expected values are
the peer's own conventions, where another tool may be right otherwise (htmldate dates a page by its
"© 2017" or its "Last updated" line; trafilatura drops a nickname in quotes). Compare the tools'
counts of one run and read the misses listed.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsscrape  # noqa: E402

AUTHOR_SUITES = ("test_author_from_meta", "test_author_from_markup")
# find_date's options that ask another question than the publication day of the page's markup
OTHER_QUESTIONS = frozenset(
    {"outputformat", "min_date", "max_date", "url", "verbose", "deferred_url_extractor"}
)
HEADLINE = "<h1>Rain returns to the valley</h1>"
PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "The rain came back to the valley on Monday after a dry month of heat and dust.",
        "Farmers welcomed the change and said most of their crops would recover by autumn.",
        "The river, which had shrunk to a trickle, rose by half a metre overnight.",
        "Forecasters expect more showers later this week, with cooler nights to follow.",
    )
)
# A story's address (no date in it): a 60-word page with no address reads as a listing's stub.
URL = "https://www.example.com/news/rain-returns-to-the-valley"
Case = tuple[str, str, str | None]  # (test function, or the field asked for; page; expected)
# trafilatura's metadata fields the jsonld cases ask about, and how a record answers each
JSONLD_FIELDS: dict[str, Callable[[newsscrape.Article], str | None]] = {
    "author": lambda article: "; ".join(article.authors) or None,
    "title": lambda article: article.title,
    "sitename": lambda article: article.site_name,
}
JSONLD_READERS = ("extract_metadata", "extract_meta_json")


def author_cases(source: str) -> Iterator[Case]:
    """The cases of trafilatura's author suites."""
    for node in _functions(source, AUTHOR_SUITES):
        scope: dict[str, Any] = {}
        for statement in node.body:  # only the assignments: "begin, end = ...", "cases = [...]"
            if isinstance(statement, ast.Assign):
                _run(statement, node.name, scope)
        for page, expected in scope.get("cases", ()):
            yield node.name, page, expected


def date_cases(source: str) -> Iterator[Case]:
    """htmldate's ``assert find_date(PAGE, ...) == DAY`` statements that ask for the publication day."""
    for node in _functions(source):
        scope: dict[str, Any] = {}
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                _run(statement, node.name, scope)  # "htmldoc = ..." for the asserts below it
            elif isinstance(statement, ast.Assert) and (case := _date_case(statement.test, scope)):
                yield node.name, *case


def jsonld_cases(source: str) -> Iterator[Case]:
    """trafilatura's ``metadata.FIELD == VALUE`` asserts after each page its JSON-LD reader is given."""
    for node in _functions(source):
        page = None
        for statement in node.body:
            if isinstance(statement, ast.Assign) and isinstance(call := statement.value, ast.Call):
                if getattr(call.func, "id", None) in JSONLD_READERS and call.args:
                    given = call.args[0]  # the page, or html.fromstring(page)
                    if isinstance(given, ast.Call) and given.args:
                        given = given.args[0]
                    with contextlib.suppress(Exception):  # a page built by a call: not a case
                        page = _value(given, {})
            elif isinstance(statement, ast.Assert) and isinstance(page, str):
                test = statement.test
                if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq | ast.Is)):
                    continue
                field = test.left
                if isinstance(field, ast.Attribute) and field.attr in JSONLD_FIELDS:
                    with contextlib.suppress(Exception):
                        yield field.attr, page, _value(test.comparators[0], {})


def _date_case(test: ast.expr, scope: dict[str, Any]) -> tuple[str, str | None] | None:
    if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq | ast.Is)):
        return None
    call = test.left
    if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "find_date" and call.args):
        return None
    try:
        page, expected = _value(call.args[0], scope), _value(test.comparators[0], scope)
        options = {k.arg: _value(k.value, scope) for k in call.keywords}
    except Exception:  # a name bound in a loop or by a call: not a case this reads
        return None
    if not (isinstance(page, str) and page.lstrip().startswith("<")) or OTHER_QUESTIONS.intersection(options):
        return None
    if options.get("original_date") is False or (
        options.get("extensive_search") is False and expected is None
    ):
        return None
    return page, expected


def _functions(source: str, names: tuple[str, ...] | None = None) -> Iterator[ast.FunctionDef]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and (names is None or node.name in names):
            yield node


def _run(statement: ast.stmt, name: str, scope: dict[str, Any]) -> None:
    with contextlib.suppress(Exception):  # an assignment from the peer's own calls: no case needs it
        exec(compile(ast.Module([statement], []), name, "exec"), scope)


def _value(node: ast.expr, scope: dict[str, Any]) -> Any:
    return eval(compile(ast.Expression(node), "case", "eval"), scope)


def with_story(page: str) -> str:
    """The page inside a story: the headline opens its body and the paragraphs close it."""
    if "<body>" not in page:
        page = (
            page.replace("</head>", "</head><body></body>", 1)
            if "</head>" in page
            else page + "<body></body>"
        )
    return page.replace("<body>", "<body>" + HEADLINE, 1).replace("</body>", PARAGRAPHS + "</body>", 1)


def _read(page: str) -> newsscrape.Article | None:
    """The page's record, or the metadata a page without text keeps (``ExtractError.metadata``)."""
    try:
        return newsscrape.extract(page, url=URL)
    except newsscrape.ExtractError as error:
        return error.metadata


def our_authors(page: str, _test: str = "") -> str | None:
    return our_field(page, "author")


def our_day(page: str, _test: str = "") -> str | None:
    article = _read(page)
    return article.published.isoformat()[:10] if article is not None and article.published else None


def our_field(page: str, field: str) -> str | None:
    article = _read(page)
    return JSONLD_FIELDS[field](article) if article is not None else None


def trafilatura_field(page: str, field: str) -> str | None:
    from trafilatura.metadata import extract_metadata

    value: str | None = getattr(extract_metadata(page), field)
    return value


def trafilatura_authors(page: str, _test: str = "") -> str | None:
    return trafilatura_field(page, "author")


def htmldate_day(page: str, _test: str = "") -> str | None:
    from htmldate import find_date

    day: str | None = find_date(page, original_date=True)
    return day


Reader = Callable[[str, str], str | None]  # (page, the case's first item) -> the tool's answer
CHECKS: dict[str, tuple[Callable[[str], Iterator[Case]], Reader, str, Reader]] = {
    "authors": (author_cases, our_authors, "trafilatura", trafilatura_authors),
    "dates": (date_cases, our_day, "htmldate", htmldate_day),
    "jsonld": (jsonld_cases, our_field, "trafilatura", trafilatura_field),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("tests", type=Path, help="the peer's test file")
    args = parser.parse_args()
    read_cases, ours, peer, theirs = CHECKS[args.check]
    found = list(read_cases(args.tests.read_text()))
    tools = {"newsscrape": ours, peer: theirs}
    misses: list[str] = []
    print(f"{len(found)} cases; right, of the page alone / of the page in a story")
    for name, read in tools.items():
        right = {"alone": 0, "in a story": 0}
        for asked, bare, expected in found:
            for variant, page in (("alone", bare), ("in a story", with_story(bare))):
                got = read(page, asked)
                right[variant] += got == expected
                if got != expected and name == "newsscrape":
                    misses.append(f"  {variant:10} want {expected!r} got {got!r}\n    {page[:150]!r}")
        print(f"{name:12} {right['alone']:3} / {right['in a story']:3}")
    print("newsscrape's misses:", *misses, sep="\n")


if __name__ == "__main__":
    main()
