"""A held-out check of bylines: trafilatura's own author test cases, which nothing here was tuned on.
Run by hand.

    pip download --no-binary :all: --no-deps trafilatura==2.3.1   # its sdist ships its tests
    tar xzf trafilatura-2.3.1.tar.gz
    .venv/bin/python benchmarks/trafilatura_author_cases.py trafilatura-2.3.1/tests/metadata_tests.py

The file's ``test_author_from_meta`` and ``test_author_from_markup`` each hold a list ``cases`` of
(page, expected author) pairs: one byline convention a page, author metas and byline markup of many
sites. Only the statements that build those lists are run (they are f-strings around the page's
head and foot); no test is. Each page is read twice by newsscrape and by trafilatura: as it is, and
with an article (a headline and four paragraphs) added to its body, as a real story would hold the
byline; newsscrape is given a story's address (``URL``). A case is right when the names, joined
with "; " as trafilatura joins them, equal the expected string (``None``: nobody credited).

The expected strings are trafilatura's conventions: its own outputs, where another tool may be
right otherwise ("Jenny "The Author" Smith" without her nickname, "CNN" among the people of a
byline, a name in a sidebar's author box not credited). Compare the tools' counts of one run and
read the misses listed.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsscrape  # noqa: E402

SUITES = ("test_author_from_meta", "test_author_from_markup")
STORY = "<h1>Rain returns to the valley</h1>" + "".join(
    f"<p>{text}</p>"
    for text in (
        "The rain came back to the valley on Monday after a dry month of heat and dust.",
        "Farmers welcomed the change and said most of their crops would recover by autumn.",
        "The river, which had shrunk to a trickle, rose by half a metre overnight.",
        "Forecasters expect more showers later this week, with cooler nights to follow.",
    )
)
# A story's address: a 60-word page with no address, date or site reads as a listing's stub.
URL = "https://www.example.com/news/2025/05/01/rain-returns-to-the-valley.html"
Case = tuple[str, str, str | None]  # (suite, page, expected)


def cases(source: str) -> Iterator[Case]:
    """The (suite, page, expected) cases of the test file's author suites."""
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or node.name not in SUITES:
            continue
        scope: dict[str, object] = {}
        for statement in node.body:  # only the assignments: "begin, end = ...", "cases = [...]"
            if isinstance(statement, ast.Assign):
                exec(compile(ast.Module([statement], []), node.name, "exec"), scope)
        for page, expected in scope.get("cases", ()):  # type: ignore[attr-defined]
            yield node.name, page, expected


def with_story(page: str) -> str:
    """The page with an article in its body (after its byline), or at its end when it has none."""
    return page.replace("</body>", STORY + "</body>", 1) if "</body>" in page else page + STORY


def ours(page: str) -> str | None:
    try:
        names = newsscrape.extract(page, url=URL).authors
    except newsscrape.ExtractError as error:  # a page without text: its metadata is kept
        names = error.metadata.authors if error.metadata is not None else ()
    return "; ".join(names) or None


def theirs(page: str) -> str | None:
    from trafilatura.metadata import extract_metadata

    author: str | None = extract_metadata(page).author
    return author


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tests", type=Path, help="trafilatura's tests/metadata_tests.py")
    args = parser.parse_args()
    found = list(cases(args.tests.read_text()))
    tools: dict[str, Callable[[str], str | None]] = {"newsscrape": ours, "trafilatura": theirs}
    misses: list[str] = []
    print(f"{len(found)} cases; right, of the page alone / of the page with a story")
    for name, read in tools.items():
        right = {"alone": 0, "in a story": 0}
        for _suite, bare, expected in found:
            for variant, page in (("alone", bare), ("in a story", with_story(bare))):
                got = read(page)
                right[variant] += got == expected
                if got != expected and name == "newsscrape":
                    misses.append(f"  {variant:10} want {expected!r} got {got!r}\n    {page[:150]!r}")
        print(f"{name:12} {right['alone']:3} / {right['in a story']:3}")
    print("newsscrape's misses:", *misses, sep="\n")


if __name__ == "__main__":
    main()
