"""Records: JSON shape, schema, and the to_dict/from_dict round trip."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsscrape import Article, ErrorRecord, ExtractError, FetchError, Section
from newsscrape.models import record_from_dict

SCHEMA = json.loads(resources.files("newsscrape").joinpath("schema/article.json").read_text())
text = st.text(max_size=40)
opt_text = st.none() | text
dates = (
    st.none()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(UTC) | st.just(timezone(timedelta(hours=9))))
)

articles = st.builds(
    Article,
    url=opt_text,
    final_url=opt_text,
    title=opt_text,
    headings=st.lists(text, max_size=3).map(tuple),
    sections=st.lists(
        st.builds(
            Section,
            heading=opt_text,
            level=st.integers(0, 6),
            paragraphs=st.lists(text, max_size=3).map(tuple),
        ),
        max_size=3,
    ).map(tuple),
    body=text,
    published=dates,
    modified=dates,
    authors=st.lists(text, max_size=3).map(tuple),
    tags=st.lists(text, max_size=3).map(tuple),
    word_count=st.integers(0, 10_000),
    page_type=st.none()
    | st.sampled_from(("article", "listing", "collection", "forum", "product", "service", "documentation")),
)


@given(articles)
def test_article_round_trips_through_json(article: Article) -> None:
    line = json.dumps(article.to_dict(), ensure_ascii=False)
    assert record_from_dict(json.loads(line)) == article


@given(articles)
def test_article_json_matches_the_schema(article: Article) -> None:
    jsonschema.validate(article.to_dict(), SCHEMA)


def test_article_keys_keep_declaration_order() -> None:
    keys = list(Article(url="u").to_dict())
    assert keys[:4] == ["url", "final_url", "canonical_url", "title"]
    assert keys[-1] == "schema_version"


def test_dates_serialise_as_iso_8601_with_their_zone() -> None:
    tz = timezone(timedelta(hours=9))
    record = Article(url="u", published=datetime(2023, 9, 13, 8, 30, tzinfo=tz), modified=date(2023, 9, 14))
    assert record.to_dict()["published"] == "2023-09-13T08:30:00+09:00"
    assert record.to_dict()["modified"] == "2023-09-14"


def test_error_record_from_fetch_error_keeps_kind_and_status() -> None:
    exc = FetchError("GET http://x/: HTTP 404", url="http://x/", kind="http_status", status=404)
    record = ErrorRecord.from_exception("http://x/", exc)
    assert record.to_dict()["error"] == {
        "kind": "http_status",
        "message": exc.message,
        "status": 404,
        "reason": None,
    }
    jsonschema.validate(record.to_dict(), SCHEMA)
    assert record_from_dict(record.to_dict()) == record


def test_error_record_from_extract_error_names_the_reason() -> None:
    record = ErrorRecord.from_exception("u", ExtractError("too deep", reason="too_deep"))
    assert (record.kind, record.reason) == ("extract", "too_deep")


@pytest.mark.parametrize(
    "error",
    [
        {"kind": "timeoutt", "message": "m", "status": None, "reason": None},
        {"kind": "extract", "message": "m", "status": None, "reason": "too-deep"},
    ],
)
def test_error_record_from_dict_refuses_a_kind_newsscrape_never_writes(error: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        ErrorRecord.from_dict({"url": "u", "error": error, "schema_version": 1})


def test_records_are_frozen() -> None:
    article = Article(url="u")
    try:
        article.title = "x"  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("Article must be immutable")
