"""A ``<time>`` without ``datetime`` that prints its day in words of a language the fast reader lacks
is read by dateparser in the page's language."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "Këshilli u mblodh të martën dhe votoi që biblioteka të mbetet e hapur. " * 4 + "</p>"


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_a_time_in_albanian_words_dates_the_story() -> None:
    page = (
        '<html lang="sq-AL"><head><title>Biblioteka mbetet e hapur</title></head><body><article>'
        '<h1>Biblioteka mbetet e hapur</h1><time class="mgb-10">13 gusht 2020, 09:08</time>'
        f"{TEXT}</article></body></html>"
    )
    assert published(page) == date(2020, 8, 13)
