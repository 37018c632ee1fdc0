"""Publication dates on tiny inline pages without metadata: how far the written-date reader looks.

Its reading stops after MAX_TEXT_NODES byline-like elements; a rail of other stories' times in an
aside does not use that reading up, and a headline the reading stopped short of still opens the
byline zone (cards of other stories above it, each with its own date, come before it).
"""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._datetext import MAX_TEXT_NODES
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "The council met on Tuesday and voted to keep the library open for another year. " * 4 + "</p>"


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_a_rail_of_times_in_an_aside_does_not_use_up_the_reading() -> None:
    # A news site's "latest" rail first in the page, one clock time per story; the story (no h1) after it.
    rail = "".join(
        f'<li><time class="date">{hour % 24:02d}:{minute:02d}</time><a href="/n{minute}">Story</a></li>'
        for hour, minute in zip(range(23, 0, -1), range(10, 59), strict=False)
    )
    rail = rail * 3
    assert rail.count("<time") > MAX_TEXT_NODES
    page = (
        f"<aside><ul>{rail}</ul></aside>"
        '<div class="article"><div class="title">Library stays open</div>'
        '<div class="info"><div class="time">08:22, 24.11.2020</div></div>'
        f"{TEXT}</div>"
    )
    assert published(page) == date(2020, 11, 24)


def test_a_headline_below_many_dated_cards_still_opens_the_byline_zone() -> None:
    # A Drupal section page: a column of other stories' cards (each dated, none in an aside) above the story.
    cards = (
        "".join(
            f'<div class="card"><div class="field-datetime">05/{month:02d}/2020 - 15:10</div>'
            f"<h2>Another story {month}</h2></div>"
            for month in range(1, 13)
        )
        * 2
    )
    page = (
        f'<div class="cards">{cards}</div>'
        '<div class="story"><h2>Library stays open</h2>'
        '<div class="field-datetime">Domingo, Diciembre 6, 2020 - 07:32</div>'
        f"{TEXT}</div>"
    )
    page = f'<html lang="es"><head><title>Library stays open</title></head><body>{page}</body></html>'
    assert published(page) == date(2020, 12, 6)
