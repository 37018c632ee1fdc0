"""A ``<time>`` without ``datetime`` that prints its day in words of a language the fast reader lacks
is read by dateparser in the page's language."""

from __future__ import annotations

from datetime import date

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata import _dates
from newsscrape.extractor.metadata._datemarkup import MAX_FUZZY
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


def test_many_times_in_words_ask_dateparser_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A thread of thousands of replies, each with a <time> in words: dateparser (milliseconds a call)
    # is asked about the first few only.
    calls: list[str] = []
    real = _dates._dateparser

    def counted(text: str, languages: tuple[str, ...]) -> object:
        calls.append(text)
        return real(text, languages)

    monkeypatch.setattr(_dates, "_dateparser", counted)
    replies = "".join(
        f'<p>Reply {i} to the thread.</p><time class="published">dita e {i} gushtit 2020, ora {i}</time>'
        for i in range(200)
    )
    head = '<html lang="sq"><head><title>Tema</title></head><body><article><h1>Tema</h1>'
    page = f"{head}{replies}</article></body></html>"
    published(page)
    assert len(calls) <= 2 * MAX_FUZZY  # the publication reader's budget, and the modified reader's
