"""Publication dates on tiny inline pages whose markup dates the story one day while the page shows
another, printed only in a dated bar above the headline."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "The new ferry timetable adds two crossings on weekday mornings from June. " * 4 + "</p>"


def page(markup_day: str, bar_day: str, *, byline: str = "") -> str:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",'
        f' "headline": "Ferry timetable adds crossings", "datePublished": "{markup_day}"}}</script>'
    )
    header = (
        '<header><div class="meta-top"><a href="/travel/">Travel</a>'
        f'<time class="post-date">{bar_day}</time></div>'
        f"<h1>Ferry timetable adds crossings</h1>{byline}</header>"
    )
    return f"<html><head>{ld}</head><body><article>{header}{TEXT}</article></body></html>"


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_an_earlier_day_in_the_bar_is_the_original_publication() -> None:
    # The CMS re-stamped the story (a migration): the reader sees the older day.
    assert published(page("2024-07-05T14:20:08-04:00", "March 1, 2024")) == date(2024, 3, 1)


def test_a_later_day_in_the_bar_is_the_day_the_reader_sees() -> None:
    assert published(page("2012-09-12T16:45:28+00:00", "September 8, 2021")) == date(2021, 9, 8)


def test_the_bar_does_not_overrule_a_markup_day_the_page_prints() -> None:
    # A journal prints its publication day further up and a preprint's earlier day in the bar.
    html = page("2024-07-05T14:20:08-04:00", "March 1, 2024")
    html = html.replace("<header>", "<header><p>Published on <span>July 5, 2024</span></p>", 1)
    assert published(html) == date(2024, 7, 5)
