"""The date pass's walks (speed only): the byline zone is read from the headline on, found by a
query, and gives the very items a walk of the whole body gives after the headline."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import parse_date
from newsscrape.extractor.metadata._datetext import after_headline, before_headline
from newsscrape.extractor.metadata._datewalk import Body, ShortText, _Item

# The headline nested in boxes (its later siblings, then its ancestors' later siblings follow it),
# a section name in an h1 above it and a heading of the same words in the menu before it.
PAGE = (
    "<body><nav><h3>Menu</h3><p>Library stays open</p><p>Jan 5, 2024 · today</p></nav>"
    "<h1>Local news</h1><main><article><header><div><h2>Library stays <b>open</b></h2>"
    "<p>By Jane Doe</p>tail of the header</div><p>March 3, 2024, 10:00</p></header>"
    "<p>The council voted on Tuesday.</p><script>var when = 'March 9, 2024';</script></article>"
    "<h4>More stories</h4><p>March 8, 2024</p></main><footer><p>Copyright 2024</p></footer></body>"
)


def _read(items: list[_Item]) -> list[str]:
    return [item.text if isinstance(item, ShortText) else f"<{item.tag}>" for item in items]


def test_the_items_from_the_headline_on_are_the_full_walks_from_the_headline_on() -> None:
    body = Body(LexborHTMLParser(PAGE), "library stays open")
    below = _read(list(body.below))
    assert body._all._items == []  # the walk above the headline was never taken
    everything = _read(list(body))
    assert below == everything[everything.index("<h2>") :]
    assert below[:4] == ["<h2>", "Library stays", "By Jane Doe", "tail of the header"]
    assert below[-1] == "Copyright 2024"


def test_without_a_headline_key_the_first_h1_is_the_headline() -> None:
    body = Body(LexborHTMLParser(PAGE))
    everything = _read(list(body))
    assert _read(list(body.below)) == everything[everything.index("<h1>") :]


def test_a_page_whose_headline_is_nowhere_has_nothing_below_it() -> None:
    body = Body(LexborHTMLParser(PAGE), "a story this page does not hold")
    assert list(body.below) == []
    assert body._all._items == []


def test_the_texts_above_the_headline_are_the_full_walks_before_it_nearest_first() -> None:
    body = Body(LexborHTMLParser(PAGE), "library stays open")
    above = [item.text for item in body.above()]
    assert body._all._items == []  # read back from the headline, not down from the top
    everything = _read(list(body))
    before = [text for text in everything[: everything.index("<h2>")] if not text.startswith("<")]
    assert above == before[::-1] == ["Local news", "Jan 5, 2024 · today", "Library stays open"]


def test_a_kicker_line_above_the_headline_dates_the_page_however_deep_it_sits() -> None:
    # the nearest date above the headline (in the box before the headline's box) wins over the
    # site header's "today", which is further up
    page = PAGE.replace("<h1>Local news</h1>", "<div><div><p>Dec 12, 2023 · 5 min read</p></div></div>")
    assert before_headline(Body(LexborHTMLParser(page), "library stays open")) == date(2023, 12, 12)
    assert before_headline(Body(LexborHTMLParser(PAGE), "library stays open")) == date(2024, 1, 5)
    assert before_headline(Body(LexborHTMLParser(PAGE), "no such story")) is None


def test_the_byline_zone_read_again_reads_each_text_once() -> None:
    # find_dates reads the byline zone for the published day, then for an update, and written
    # reads it again: each short text is parsed, and its element looked at, once per page
    body = Body(LexborHTMLParser(PAGE), "library stays open")
    first = after_headline(body, "library stays open", limit=6, byline=True)
    read, widgets = dict(body._dates), dict(body._widgets)
    assert read
    assert widgets
    assert after_headline(body, "library stays open", limit=6, byline=True) == first
    assert body._dates == read
    assert body._widgets == widgets
    assert all(parse_date(text, languages=languages) == found for (text, languages), found in read.items())
    assert first == parse_date("March 3, 2024, 10:00")
