"""Records as table rows: every column in every row, one kind of value per column."""

from __future__ import annotations

import json
from datetime import date, datetime

from newsscrape.exporter.columns import COLUMNS, row
from newsscrape.models import Article, ErrorRecord, Paragraph, Section


def test_published_with_any_offset_is_an_instant_at_utc() -> None:
    paris = Article(
        url="https://example.com/1", published=datetime.fromisoformat("2024-05-01T08:00:00+02:00")
    )
    assert row(paris)["published"].isoformat() == "2024-05-01T06:00:00+00:00"
    assert (
        row(Article(url="u", published=date(2024, 5, 1)))["published"].isoformat()
        == "2024-05-01T00:00:00+00:00"
    )


def test_an_article_row_has_lists_json_sections_and_no_error() -> None:
    section = Section(heading="Background", level=2, blocks=(Paragraph(text="It rained."),))
    r = row(Article(url="https://example.com/1", authors=("Ada",), tags=(), sections=(section,)))
    assert list(r) == [name for name, _ in COLUMNS]
    assert (r["authors"], r["tags"], r["error_kind"]) == (["Ada"], [], None)
    assert json.loads(r["sections"])[0]["heading"] == "Background"


def test_an_error_row_keeps_the_metadata_its_page_gave_and_nulls_the_rest() -> None:
    error = ErrorRecord(
        url="https://example.com/2",
        kind="extract",
        reason="no_body",
        message="no text",
        metadata=Article(url="https://example.com/2", title="Rain", authors=("Ada",)),
    )
    r = row(error)
    assert (r["title"], r["authors"], r["error_kind"], r["error_reason"]) == (
        "Rain",
        ["Ada"],
        "extract",
        "no_body",
    )
    assert (r["body"], r["word_count"], r["sections"]) == (None, None, None)
