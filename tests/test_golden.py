"""Golden pages: each fixtures/<name>/page.html beside the truth in expected.json (see fixtures/README.md).

One test per (fixture, field), so a failure names the page and the field at once:
``test_field[seed-amp-published]``. The expected values are what a careful reader of the page
would write down, not a snapshot of the extractor's output.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsscrape
from newsscrape.models import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NAMES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
FIELDS = (
    "title",
    "headings",
    "body",
    "section",
    "breadcrumbs",
    "authors",
    "published",
    "modified",
    "language",
    "site_name",
    "tags",
    "canonical_url",
    "image",
    "description",
)
CASES = [(name, f) for name in NAMES for f in FIELDS]


@cache
def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))
    return data


def http_charset(name: str) -> str | None:
    """The charset parameter of the Content-Type in headers.json, as a fetcher would pass it on."""
    path = FIXTURES / name / "headers.json"
    if not path.is_file():
        return None
    content_type: str = json.loads(path.read_text(encoding="utf-8")).get("content-type", "")
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return None


@cache
def extracted(name: str) -> Article:
    html = (FIXTURES / name / "page.html").read_bytes()
    return newsscrape.extract(html, url=expected(name)["url"], charset=http_charset(name))


@cache
def schema() -> dict[str, Any]:
    text = resources.files("newsscrape").joinpath("schema/article.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_fixtures_are_found() -> None:
    assert len(NAMES) >= 7, NAMES


@pytest.mark.parametrize("name", NAMES)
def test_expected_json_is_well_formed(name: str) -> None:
    doc = expected(name)
    assert set(doc) == {"source", "url", "expect", "without"}, f"{name}: top-level keys"
    odd = sorted(set(doc["expect"]) ^ set(FIELDS))
    assert not odd, f"{name}: expect keys missing or unknown: {odd}"
    truth = doc["expect"]
    for snippet in doc["without"]:  # a `without` string inside the truth would contradict the fixture
        assert snippet not in truth["body"], f"{name}: without {snippet!r} is in the expected body"


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_field(name: str, field: str) -> None:
    want = expected(name)["expect"][field]
    got = extracted(name).to_dict()[field]  # to_dict: dates as ISO strings, tuples as lists
    assert got == want, f"{name}: {field}\n{_difference(want, got)}"


def _difference(want: object, got: object) -> str:
    """Both values; for a body, the first paragraph where they part, so a long text stays readable."""
    if isinstance(want, str) and isinstance(got, str) and "\n\n" in want + got:
        wants, gots = want.split("\n\n"), got.split("\n\n")
        i = next(
            (i for i, (w, g) in enumerate(zip(wants, gots, strict=False)) if w != g),
            min(len(wants), len(gots)),
        )
        w = wants[i] if i < len(wants) else "<end>"
        g = gots[i] if i < len(gots) else "<end>"
        return f"  paragraphs: expected {len(wants)}, actual {len(gots)}; first difference at #{i}\n" + (
            f"  expected: {w!r}\n  actual:   {g!r}"
        )
    return f"  expected: {want!r}\n  actual:   {got!r}"


@pytest.mark.parametrize("name", NAMES)
def test_chrome_is_absent(name: str) -> None:
    article = extracted(name)
    places = {"body": article.body, "title": article.title or "", "headings": "\n".join(article.headings)}
    leaks = [(s, where) for s in expected(name)["without"] for where, text in places.items() if s in text]
    assert not leaks, f"{name}: chrome found in the article: {leaks}"


@pytest.mark.parametrize("name", NAMES)
def test_sections_agree_with_headings_and_body(name: str) -> None:
    article = extracted(name)
    headings = tuple(s.heading for s in article.sections if s.heading is not None)
    assert headings == article.headings, f"{name}: sections' headings differ from headings"
    flat = [part for s in article.sections for part in ((s.heading,) if s.heading else ()) + s.paragraphs]
    assert "\n\n".join(flat) == article.body, f"{name}: sections do not add up to body"
    for s in article.sections:
        ok = (s.heading is None and s.level == 0) or (s.heading is not None and 2 <= s.level <= 6)
        assert ok, f"{name}: section {s.heading!r} has level {s.level}"


@pytest.mark.parametrize("name", NAMES)
def test_record_matches_json_schema(name: str) -> None:
    record = extracted(name).to_dict()
    errors = [e.message for e in jsonschema.Draft202012Validator(schema()).iter_errors(record)]
    assert not errors, f"{name}: to_dict() breaks schema/article.json: {errors[:3]}"


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_through_json(name: str) -> None:
    record = extracted(name).to_dict()
    again = Article.from_dict(json.loads(json.dumps(record))).to_dict()
    assert again == record, f"{name}: to_dict -> JSON -> from_dict changed the record"
