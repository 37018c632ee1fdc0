"""The metadata precedence table and what ``explain`` shows of it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from newsscrape.cli import main
from newsscrape.extractor import explain
from newsscrape.extractor.metadata._metadata import read_metadata, rules_for

URL = "https://example.com/news/rain"
HEAD = (
    "<title>Rain returns to the valley | Daily Planet</title>"
    f'<link rel="canonical" href="{URL}">'
    f'<meta property="og:url" content="{URL}?utm_source=feed">'
    '<meta property="og:site_name" content="Daily Planet">'
    '<meta property="og:description" content="After months of drought the valley saw rain.">'
    '<meta name="twitter:description" content="Rain, at last, in the valley.">'
)
STORY = (
    "<p>After months of drought, the valley saw its first heavy rain on Monday, farmers said, and the "
    "river rose by a metre overnight.</p><p>More rain is expected this week according to the regional "
    "weather service, which issued a warning for the lower valley.</p>"
)
PAGE = (
    f'<html lang="en"><head>{HEAD}</head><body><article><h1>Rain returns</h1>{STORY}</article></body></html>'
)


def test_canonical_link_outranks_og_url_which_outranks_twitter_url() -> None:
    rules = [("meta", "canonical_link"), ("og", "og_url"), ("meta", "twitter_url")]
    assert rules_for("canonical_url") == rules


def test_image_sources_in_declared_order() -> None:
    assert [source for source, _ in rules_for("image")] == ["og", "json-ld", "meta", "dom"]


def test_site_name_falls_back_to_the_title_and_logo_last() -> None:
    assert [source for source, _ in rules_for("site_name")] == ["og", "json-ld", "meta", "meta", "dom"]


def test_explain_lists_the_candidate_that_lost() -> None:
    lost = [(c.field, c.source, c.value) for c in explain(PAGE, url=URL).candidates if not c.won]
    assert ("canonical_url", "og", f"{URL}?utm_source=feed") in lost
    assert ("description", "meta", "Rain, at last, in the valley.") in lost


def test_explain_marks_the_winner_the_record_carries() -> None:
    report = explain(PAGE, url=URL)
    won = {c.field: c.value for c in report.candidates if c.won}
    assert won["canonical_url"] == report.article.canonical_url == URL
    assert won["description"] == report.article.description


def test_extract_reads_no_losing_candidate() -> None:
    meta = read_metadata(LexborHTMLParser(PAGE), url=URL)
    assert (meta.record.canonical_url, meta.candidates) == (URL, [])


def test_cli_explain_shows_losers(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text = CliRunner().invoke(main, ["explain", str(page), "--url", URL]).output
    assert "lost: og (og_url)" in text
    assert "utm_source=feed" in text
    report = json.loads(CliRunner().invoke(main, ["explain", str(page), "--url", URL, "--json"]).stdout)
    canonical = report["candidates"]["canonical_url"]
    assert [(c["source"], c["won"]) for c in canonical] == [("meta", True), ("og", False)]
