"""Page-type speed-ups (speed only): the price pattern finds what its first spelling found."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsscrape.extractor._pagetype import _PRICE

# The price pattern as first written: a lookahead, then either branch.
PRICE_BY_DEFINITION = re.compile(r"(?=[$€£¥₹\d])(?:[$€£¥₹]\s?\d|\d\s?(?:€|eur|usd|gbp|zł|kr|kč|₽|chf)\b)")
# currency signs, digits of three scripts, white space, currency words, and their neighbours
PRICE_PIECES = [*"$€£¥₹1٣² \xa0\n", *"xé_.-", "eur", "usd", "gbp", "kr", "kč", "zł", "chf", "₽", "eurx"]


@given(st.lists(st.sampled_from(PRICE_PIECES), max_size=40))
def test_prices_are_found_as_by_definition(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _PRICE.findall(text) == PRICE_BY_DEFINITION.findall(text)


def test_prices_in_running_text() -> None:
    text = "now $ 5 or 12 eur, was €7; 3usd 4 usdx, 5kr and ¥ x and 9\xa0chf"
    assert _PRICE.findall(text) == PRICE_BY_DEFINITION.findall(text)
    assert len(_PRICE.findall(text)) == 6
