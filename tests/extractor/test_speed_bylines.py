"""The byline pass's page text (speed only): whether the page shows a name is told without folding
the page's text, and answers as the folded, case-folded text would."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor._text import fold
from newsscrape.extractor.metadata._bylinemarks import BylineMarks

PAGE = "<body><p>By <b>JANE</b>\n\t <i>Doe</i>-Smith</p><p>Photo: Ann\u00a0Lee for Mary-Jo   Park</p></body>"


def _folded(name: str) -> bool:
    """The rule as written: the name in the page's folded text, case aside."""
    body = LexborHTMLParser(PAGE).body
    assert body is not None
    return name.casefold() in fold(body.text(separator=" ")).casefold()


def test_a_name_is_shown_across_white_space_runs_and_markup_as_the_folded_text_says() -> None:
    page = BylineMarks(LexborHTMLParser(PAGE))
    # (the parser puts a space between two texts: "Doe -Smith")
    for name in ("Jane Doe", "jane doe -smith", "Doe", "Ann Lee", "Jo Park", "Lee for Mary", "ane do"):
        assert page.shows(name) is _folded(name) is True, name
    for name in ("Jane Smith", "Doe-Smith", "Mary Park", "By Jane Doe Smith", "Ann Lee Park"):
        assert page.shows(name) is _folded(name) is False, name
    assert page._body is None  # the page's text was never folded for these names


def test_a_name_with_odd_white_space_is_looked_for_in_the_folded_text() -> None:
    page = BylineMarks(LexborHTMLParser(PAGE))
    for name in ("Ann\u00a0Lee", " Doe", "Doe ", "Jane\tDoe", "Mary-Jo  Park"):
        assert page.shows(name) is _folded(name), name
    assert page.shows(" Doe") is True
    assert page.shows("Ann\u00a0Lee") is False  # the folded text holds a space there
    assert page._body is None  # folded for the look, not kept: no other reader asked for it


def test_a_name_printed_as_written_is_found_without_case_folding_the_page() -> None:
    page = BylineMarks(LexborHTMLParser(PAGE))
    for name in ("Doe", "Lee for Mary-Jo", "Photo"):
        assert page.shows(name) is _folded(name) is True, name
    assert page._shown is None  # found as written: the page's text was not case-folded
    assert page.shows("Jane Doe") is _folded("Jane Doe") is True  # "JANE" on the page: folded now
    assert page._shown is not None
