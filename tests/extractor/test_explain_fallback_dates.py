"""``explain`` lists the days the fallback readers of a page without markup find when they lose:
a one-line script that prints a date, a date announced in words far below the story, a machine time
kept in a data attribute. Each page is a generic blog post dated by its JSON-LD."""

from __future__ import annotations

from datetime import date

import pytest

from newsscrape.extractor import explain

URL = "https://example.com/guides/winter-garden"
LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",'
    ' "headline": "A winter garden", "datePublished": "2021-03-04T09:00:00+00:00"}</script>'
)
STORY = "".join(
    f"<p>Kale, leeks and winter lettuce keep bed {n} green through the cold months.</p>" for n in range(45)
)


def _page(extra: str) -> str:
    return (
        f'<html lang="en"><head>{LD}</head><body><article><h1>A winter garden</h1>{STORY}</article>'
        f"{extra}</body></html>"
    )


@pytest.mark.parametrize(
    ("extra", "rule", "day"),
    [
        ('<script>showDate("2019/05/12 10:00:00")</script>', "scripted", date(2019, 5, 12)),
        ("<p>Published on 12 May 2019</p>", "announced", date(2019, 5, 12)),
        ('<span data-timestamp="1557655200">May</span>', "data stamp", date(2019, 5, 12)),
    ],
)
def test_explain_lists_the_fallback_day_that_lost(extra: str, rule: str, day: date) -> None:
    report = explain(_page(extra), url=URL)
    dated = [(c.source, c.rule, c.value, c.won) for c in report.candidates if c.field == "published"]
    assert dated[0][:2] == ("json-ld", "published")
    lost = [
        (source, r)
        for source, r, value, won in dated
        if not won and value is not None and str(value)[:10] == day.isoformat()
    ]
    assert ("dom", rule) in lost
