"""What ``explain`` shows of the publication date: the days the page offers that the rules did not take."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from newsscrape.cli import main
from newsscrape.extractor import explain

URL = "https://example.com/guides/winter-garden"
LD = (
    '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "A winter garden",'
    ' "datePublished": "2021-03-04T09:00:00+00:00", "dateModified": "2024-11-20T10:00:00+00:00"}'
)
STORY = (
    "<p>Kale, leeks and winter lettuce keep a bed green through the cold months, and a simple cloche "
    "keeps the frost off the young leaves on the hardest nights.</p><p>Sow in late summer, water at "
    "the roots, and pick the outer leaves first so the plants keep growing until spring.</p>"
)
# The byline prints only the day the guide was last edited; the markup dates it three years earlier.
PAGE = (
    f'<html lang="en"><head><script type="application/ld+json">{LD}</script>'
    '<meta property="article:published_time" content="2021-03-04">'
    '<meta property="article:modified_time" content="2024-11-20T10:00:00+00:00"></head>'
    '<body><article><h1>A winter garden</h1><div class="byline"><span class="author">Ann Lee</span>'
    f'<span class="post-meta">November 20, 2024</span></div>{STORY}</article></body></html>'
)


def test_explain_lists_the_printed_day_that_lost_to_the_markup() -> None:
    report = explain(PAGE, url=URL)
    dated = [(c.source, c.rule, c.value, c.won) for c in report.candidates if c.field == "published"]
    assert dated[0][:2] == ("json-ld", "published")
    assert dated[0][3]
    assert ("dom", "byline", date(2024, 11, 20), False) in dated


def test_explain_leaves_out_a_candidate_on_the_chosen_day() -> None:
    report = explain(PAGE, url=URL)
    lost = [c.rule for c in report.candidates if c.field == "published" and not c.won]
    assert "article:published_time" not in lost  # the Open Graph meta gives the chosen day, without its time


def test_cli_explain_shows_the_printed_day_that_lost(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text = CliRunner().invoke(main, ["explain", str(page), "--url", URL]).output
    assert "lost: dom (byline)" in text
    report = json.loads(CliRunner().invoke(main, ["explain", str(page), "--url", URL, "--json"]).stdout)
    lost = {"source": "dom", "rule": "byline", "value": "2024-11-20", "won": False}
    assert lost in report["candidates"]["published"]
