"""Held-out checks on whole pages the peers once shipped with their tests, which nothing here was
tuned on. Run by hand.

    pip download --no-binary :all: --no-deps trafilatura==1.0.0 htmldate==1.4.0   # older sdists ship pages
    tar xzf trafilatura-1.0.0.tar.gz && tar xzf htmldate-1.4.0.tar.gz
    .venv/bin/python benchmarks/peer_pages.py bodies trafilatura-1.0.0/tests
    .venv/bin/python benchmarks/peer_pages.py metadata trafilatura-1.0.0/tests
    .venv/bin/python benchmarks/peer_pages.py dates htmldate-1.4.0/tests/cache TRUTH.json

``bodies``: trafilatura's ``realworld_tests.py`` (1.0.0) reads about 90 real pages of its
``cache/`` (German, French and English blogs, news, shops, public offices) and asserts strings its
authors wanted in the main text (``'...' in result``) and strings they wanted out of it (menus,
footers, "Ähnliche Beiträge", cookie notices: ``'...' not in result``). Only the asserts after each
``result = load_mock_page(URL)`` are read, as data; no test is run. Both tools read each page's
bytes with its address; trafilatura as ``score.py`` runs it (tables on, comments off: a case that
wants a reader's comment in the text fails for both). A page passes when all its checks hold.

``metadata``: the same sdist's ``metadata_tests.py``, whose ``test_pages`` reads about 40 of those
pages and asserts their title, author, description, site name and canonical address (``==``, ``in``,
``startswith``, ``endswith``). trafilatura's conventions: its titles keep a site's suffix where the
page's ``og:title`` does ("... - Stack Overflow Blog"), its authors are joined with "; ".

``dates``: htmldate's evaluation truths (``tests/eval_default.json`` of its repository, the
publication day a person read off each page) for the pages htmldate 1.4.0's sdist ships in
``tests/cache``; TRUTH.json holds those entries, ``{url: {"file": name, "date": day}}``. Both
htmldate (``find_date(original_date=True)``, its publication-day question) and trafilatura's date
run beside newsscrape's published day. Many are not articles (home pages, terms of use), whose
"date" is whatever the annotator picked.

The expected values are the peers' own conventions: compare the tools' counts of one run and read
the misses listed; a gap says where to look, not who is right.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsscrape  # noqa: E402

SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class BodyCase:
    """One page of trafilatura's real-world tests: what its text must and must not hold."""

    url: str
    file: str
    wanted: tuple[str, ...]
    unwanted: tuple[str, ...]


def body_cases(source: str) -> Iterator[BodyCase]:
    """The pages of ``realworld_tests.py`` and the ``in`` / ``not in`` checks asserted on each."""
    tree = ast.parse(source)
    pages = _mock_pages(source)
    url: str | None = None
    checks: dict[str, tuple[list[str], list[str]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or node.name != "test_extract":
            continue
        for statement in _statements(node.body):
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                call = statement.value
                if isinstance(call.func, ast.Name) and call.func.id == "load_mock_page" and call.args:
                    url = ast.literal_eval(call.args[0])
            elif isinstance(statement, ast.Assert) and url is not None:
                wanted, unwanted = checks.setdefault(url, ([], []))
                for text, present in _checks(statement.test):
                    (wanted if present else unwanted).append(text)
    for url, (wanted, unwanted) in checks.items():
        if url in pages and (wanted or unwanted):
            yield BodyCase(url, pages[url], tuple(dict.fromkeys(wanted)), tuple(dict.fromkeys(unwanted)))


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements in order, those of ``if`` blocks (text or XML output alike) included."""
    for statement in body:
        if isinstance(statement, ast.If):
            yield from _statements(statement.body)
        else:
            yield statement


def _checks(test: ast.expr) -> Iterator[tuple[str, bool]]:
    """``'x' in result`` -> (x, True), ``'x' not in result`` -> (x, False), through ``and``."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        for value in test.values:
            yield from _checks(value)
    elif (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Constant)
        and isinstance(test.left.value, str)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.In | ast.NotIn)
    ):
        yield test.left.value, isinstance(test.ops[0], ast.In)


# A metadata check: (page's address, field, how it is compared, the expected value).
MetaCheck = tuple[str, str, str, str | None]
META_FIELDS = ("title", "author", "description", "sitename", "url")


def metadata_cases(source: str) -> Iterator[MetaCheck]:
    """The ``assert metadata[FIELD] ...`` statements of ``test_pages``, each with the page it is on."""
    tree = ast.parse(source)
    url: str | None = None
    scope: dict[str, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or node.name != "test_pages":
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
                name, value = statement.targets[0].id, statement.value
                if name == "metadata" and isinstance(value, ast.Call) and value.args:
                    inner = value.args[0]
                    if isinstance(inner, ast.Call) and inner.args:
                        page = inner.args[0]
                        url = scope.get(page.id) if isinstance(page, ast.Name) else ast.literal_eval(page)
                elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                    scope[name] = value.value
            elif isinstance(statement, ast.Assert) and url is not None:
                check = _meta_check(statement.test, scope)
                if check is not None:
                    yield (url, *check)


def _meta_check(test: ast.expr, scope: dict[str, str]) -> tuple[str, str, str | None] | None:
    """(field, "==" | "in" | "startswith" | "endswith", value) of one assert, or None."""

    def field(node: ast.expr) -> str | None:
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "metadata"
            and isinstance(node.slice, ast.Constant)
            and node.slice.value in META_FIELDS
        ):
            return str(node.slice.value)
        return None

    def value(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return scope.get(node.id)
        constant = ast.literal_eval(node)
        return constant if isinstance(constant, str) else None

    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, ast.Eq) and (name := field(test.left)):
            return name, "==", value(right)
        if isinstance(op, ast.In) and (name := field(right)):
            return name, "in", value(test.left)
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Attribute)
        and test.func.attr in ("startswith", "endswith")
        and (name := field(test.func.value))
        and test.args
    ):
        return name, test.func.attr, value(test.args[0])
    return None


def _holds(got: str | None, how: str, expected: str | None) -> bool:
    if expected is None:
        return how == "==" and got is None
    if got is None:
        return False
    got, expected = _fold(got), _fold(expected)
    if how == "==":
        return got == expected
    if how == "in":
        return expected in got
    return got.startswith(expected) if how == "startswith" else got.endswith(expected)


def our_metadata(raw: bytes, url: str) -> dict[str, str | None]:
    try:
        article = newsscrape.extract(raw, url=url)
    except newsscrape.NewsscrapeError:
        return {}
    return {
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "description": article.description,
        "sitename": article.site_name,
        "url": article.canonical_url,
    }


def trafilatura_metadata(raw: bytes, url: str) -> dict[str, str | None]:
    import trafilatura

    document = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    if document is None:
        return {}
    return {
        "title": document.title,
        "author": document.author,
        "description": document.description,
        "sitename": document.sitename,
        "url": document.url,
    }


def run_metadata(folder: Path) -> None:
    source = (folder / "metadata_tests.py").read_text(encoding="utf-8")
    pages = _mock_pages(source)
    checks = [check for check in metadata_cases(source) if check[0] in pages]
    tools: dict[str, Callable[[bytes, str], dict[str, str | None]]] = {
        "newsscrape": our_metadata,
        "trafilatura": trafilatura_metadata,
    }
    right = {name: dict.fromkeys(META_FIELDS, 0) for name in tools}
    counts = dict.fromkeys(META_FIELDS, 0)
    misses: list[str] = []
    read: dict[tuple[str, str], dict[str, str | None]] = {}
    for url, name, how, expected in checks:
        counts[name] += 1
        for tool_name, tool in tools.items():
            if (tool_name, url) not in read:
                read[tool_name, url] = tool((folder / "cache" / pages[url]).read_bytes(), url)
            got = read[tool_name, url].get(name)
            held = _holds(got, how, expected)
            right[tool_name][name] += held
            if tool_name == "newsscrape" and not held:
                misses.append(f"{pages[url]}: {name} {how} {expected!r}, got {got!r}")
    pages_read = len({check[0] for check in checks})
    print(f"metadata: {len(checks)} checks on {pages_read} pages of trafilatura's metadata tests")
    for tool_name, fields in right.items():
        print(f"  {tool_name:<12} " + "  ".join(f"{f} {fields[f]}/{counts[f]}" for f in META_FIELDS))
    for line in misses:
        print("   ", line)


def _mock_pages(source: str) -> dict[str, str]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets
        ):
            pages: dict[str, str] = ast.literal_eval(node.value)
            return pages
    return {}


def _fold(text: str | None) -> str:
    return SPACE.sub(" ", text or "").strip()


def our_body(raw: bytes, url: str) -> str:
    try:
        return newsscrape.extract(raw, url=url).body
    except newsscrape.NewsscrapeError:
        return ""


def trafilatura_body(raw: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(raw, url=url, include_comments=False, include_tables=True) or ""


def run_bodies(folder: Path) -> None:
    cases = list(body_cases((folder / "realworld_tests.py").read_text(encoding="utf-8")))
    tools: dict[str, Callable[[bytes, str], str]] = {"newsscrape": our_body, "trafilatura": trafilatura_body}
    totals = {name: [0, 0, 0, 0, 0] for name in tools}  # pages passed, wanted held, of, unwanted out, of
    misses: dict[str, list[str]] = {name: [] for name in tools}
    for case in cases:
        raw = (folder / "cache" / case.file).read_bytes()
        for name, tool in tools.items():
            text = _fold(tool(raw, case.url))
            lost = [w for w in case.wanted if _fold(w) not in text]
            kept = [u for u in case.unwanted if _fold(u) in text]
            total = totals[name]
            total[0] += not lost and not kept
            total[1] += len(case.wanted) - len(lost)
            total[2] += len(case.wanted)
            total[3] += len(case.unwanted) - len(kept)
            total[4] += len(case.unwanted)
            if lost or kept:
                misses[name].append(f"{case.file}: lost {lost!r} kept {kept!r} ({len(text)} chars)")
    print(f"bodies: {len(cases)} pages of trafilatura's real-world tests")
    for name, (passed, held, wanted, out, unwanted) in totals.items():
        print(
            f"  {name:<12} pages passed {passed}/{len(cases)}  wanted kept {held}/{wanted}"
            f"  unwanted dropped {out}/{unwanted}"
        )
    theirs = {line.split(":")[0] for line in misses["trafilatura"]}
    for line in misses["newsscrape"]:
        print("   ", line, "(trafilatura misses it too)" if line.split(":")[0] in theirs else "")


def our_day(raw: bytes, url: str) -> str | None:
    try:
        published = newsscrape.extract(raw, url=url).published
    except newsscrape.NewsscrapeError:
        return None
    return published.date().isoformat() if published else None


def htmldate_day(raw: bytes, url: str) -> str | None:
    from htmldate import find_date

    day: str | None = find_date(raw, url=url, original_date=True)
    return day


def trafilatura_day(raw: bytes, url: str) -> str | None:
    import trafilatura

    document = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    return None if document is None else document.date


def run_dates(folder: Path, truth_file: Path) -> None:
    truths = json.loads(truth_file.read_text(encoding="utf-8"))
    tools: dict[str, Callable[[bytes, str], str | None]] = {
        "newsscrape": our_day,
        "htmldate": htmldate_day,
        "trafilatura": trafilatura_day,
    }
    right = dict.fromkeys(tools, 0)
    misses: list[str] = []
    pages = [(url, t["file"], t["date"]) for url, t in truths.items() if (folder / t["file"]).exists()]
    for url, file, day in pages:
        raw = (folder / file).read_bytes()
        got = {name: tool(raw, url) for name, tool in tools.items()}
        for name, value in got.items():
            right[name] += value == day
        if got["newsscrape"] != day:
            misses.append(f"{file}: truth {day} newsscrape {got['newsscrape']} htmldate {got['htmldate']}")
    print(f"dates: {len(pages)} pages of htmldate's evaluation set, publication day")
    for name, count in right.items():
        print(f"  {name:<12} right {count}/{len(pages)}")
    for line in misses:
        print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="check", required=True)
    bodies = sub.add_parser("bodies", help="trafilatura 1.0.0's real-world tests (its tests/ folder)")
    bodies.add_argument("folder", type=Path)
    metadata = sub.add_parser("metadata", help="trafilatura 1.0.0's metadata tests on its cached pages")
    metadata.add_argument("folder", type=Path)
    dates = sub.add_parser("dates", help="htmldate 1.4.0's cached pages with its evaluation truths")
    dates.add_argument("folder", type=Path)
    dates.add_argument("truth", type=Path)
    args = parser.parse_args()
    if args.check == "bodies":
        run_bodies(args.folder)
    elif args.check == "metadata":
        run_metadata(args.folder)
    else:
        run_dates(args.folder, args.truth)


if __name__ == "__main__":
    main()
