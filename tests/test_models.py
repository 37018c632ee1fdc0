"""Records: JSON shape, schema, and the to_dict/from_dict round trip."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsscrape import Article, ErrorRecord, ExtractError, FetchError, Section
from newsscrape.models import Caption, Code, Link, ListBlock, Paragraph, Quote, Table, record_from_dict

SCHEMA = json.loads(resources.files("newsscrape").joinpath("schema/article.json").read_text())
# One validator for every record: jsonschema.validate would check the schema itself again on each call
# (most of a property test's time).
jsonschema.Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
text = st.text(max_size=40)
opt_text = st.none() | text
dates = (
    st.none()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(UTC) | st.just(timezone(timedelta(hours=9))))
)

texts = st.lists(text, max_size=3).map(tuple)
links = st.lists(st.builds(Link, text=text, url=text), max_size=2).map(tuple)
blocks = st.one_of(
    st.builds(Paragraph, text=text, links=links),
    st.builds(ListBlock, items=texts, ordered=st.booleans(), links=links),
    st.builds(Table, rows=st.lists(texts, max_size=3).map(tuple), header=st.booleans(), links=links),
    st.builds(Quote, paragraphs=texts, links=links),
    st.builds(Code, text=st.text(max_size=60)),
    st.builds(Caption, text=text, links=links),
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
            blocks=st.lists(blocks, max_size=4).map(tuple),
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
    VALIDATOR.validate(article.to_dict())


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
    VALIDATOR.validate(record.to_dict())
    assert record_from_dict(record.to_dict()) == record


def test_error_record_from_extract_error_names_the_reason() -> None:
    record = ErrorRecord.from_exception("u", ExtractError("too deep", reason="too_deep"))
    assert (record.kind, record.reason) == ("extract", "too_deep")


# what a no_body page's metadata can hold: the metadata fields only, the text ones left empty
found = st.builds(
    Article,
    url=st.just("u"),
    final_url=opt_text,
    canonical_url=opt_text,
    title=opt_text,
    published=dates,
    modified=dates,
    authors=texts,
    section=opt_text,
    breadcrumbs=texts,
    tags=texts,
    language=opt_text,
    site_name=opt_text,
    description=opt_text,
    image=opt_text,
)


@given(found)
def test_error_record_keeps_the_metadata_of_a_page_without_text(metadata: Article) -> None:
    exc = ExtractError("no article text found", url="u", reason="no_body", metadata=metadata)
    record = ErrorRecord.from_exception("u", exc)
    data = record.to_dict()
    assert data["metadata"]["title"] == metadata.title
    assert data["metadata"]["authors"] == list(metadata.authors)
    assert "body" not in data["metadata"]  # the text fields stay out: there was no text
    VALIDATOR.validate(data)
    assert record_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == record


def test_error_record_without_metadata_has_no_metadata_key() -> None:
    record = ErrorRecord.from_exception("u", ExtractError("too deep", reason="too_deep"))
    assert "metadata" not in record.to_dict()


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
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


@given(articles)
def test_to_markdown_never_raises_and_keeps_every_heading(article: Article) -> None:
    text = article.to_markdown()
    assert text.endswith("\n")
    for section in article.sections:
        if section.heading and section.heading.split():
            assert " ".join(section.heading.split()) in text


def test_a_schema_1_record_reads_as_paragraph_blocks() -> None:
    old = {
        "url": "https://example.com/1",
        "headings": ["Background"],
        "sections": [
            {"heading": None, "level": 0, "paragraphs": ["Lead."]},
            {"heading": "Background", "level": 2, "paragraphs": ["One.", "Two."]},
        ],
        "body": "Lead.\n\nBackground\n\nOne.\n\nTwo.",
        "schema_version": 1,
    }
    article = Article.from_dict(old)
    assert article.sections[1].blocks == (Paragraph(text="One."), Paragraph(text="Two."))
    assert article.sections[1].paragraphs == ("One.", "Two.")
    upgraded = article.to_dict()
    assert upgraded["schema_version"] == 2
    assert upgraded["sections"][1]["blocks"] == [
        {"kind": "paragraph", "text": "One."},
        {"kind": "paragraph", "text": "Two."},
    ]
    VALIDATOR.validate(upgraded)


def test_blocks_serialise_by_kind_and_links_only_when_kept() -> None:
    section = Section(
        heading=None,
        level=0,
        blocks=(
            ListBlock(items=("a", "b"), ordered=True),
            Table(rows=(("h1", "h2"), ("x", "y")), header=True, links=(Link(text="x", url="https://e.x/"),)),
            Code(text="  indented\n"),
        ),
    )
    assert section.to_dict()["blocks"] == [
        {"kind": "list", "ordered": True, "items": ["a", "b"]},
        {
            "kind": "table",
            "header": True,
            "rows": [["h1", "h2"], ["x", "y"]],
            "links": [{"text": "x", "url": "https://e.x/"}],
        },
        {"kind": "code", "text": "  indented\n"},
    ]
    assert Section.from_dict(section.to_dict()) == section


def test_the_schema_refuses_a_block_of_unknown_kind_or_old_paragraphs() -> None:
    record = Article(url="u", sections=(Section(heading=None, level=0, blocks=(Quote(paragraphs=("q",)),)),))
    data = record.to_dict()
    VALIDATOR.validate(data)
    data["sections"][0]["blocks"][0]["kind"] = "poem"
    assert not VALIDATOR.is_valid(data)
    data["sections"][0] = {"heading": None, "level": 0, "paragraphs": ["q"]}
    assert not VALIDATOR.is_valid(data)


def test_an_extracted_record_of_every_block_kind_matches_the_schema() -> None:
    from newsscrape import extract
    from newsscrape.config import ExtractConfig

    prose = "The delegates argued over the wording of the final text for a long time. " * 5
    html = (
        f"<html><head><title>T</title></head><body><article><h1>T</h1><p>{prose}</p>"
        '<ul><li><a href="/a">one</a> of the points</li></ul>'
        "<table><tr><th>h</th></tr><tr><td>c</td></tr></table>"
        "<blockquote>said</blockquote><pre>x\n y</pre><figure><figcaption>cap</figcaption></figure>"
        f"<p>{prose}</p></article></body></html>"
    )
    url = "https://example.com/news/2024/05/06/summit-ends-in-a-deal"
    article = extract(html, url=url, config=ExtractConfig(links=True))
    kinds = {b.kind for s in article.sections for b in s.blocks}
    assert kinds == {"paragraph", "list", "table", "quote", "code", "caption"}
    VALIDATOR.validate(article.to_dict())
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
