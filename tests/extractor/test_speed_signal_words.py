"""The page-type signals' word split (speed only): words of letters only are taken whole, the rest
go through the letter-run pattern; the words are the pattern's, whatever the text holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.extractor import _pagetype

# Letters of several scripts, digits (and digit-like letters-or-not: superscripts, fractions, Roman
# numerals), "_", combining marks, punctuation and every kind of white space str.split cuts at.
ALPHABET = st.sampled_from(
    [
        *"aZé\u00df\u0130\u212a\u0416\u05d0\u0627\u4e2d\u3042\u0e01",
        *"09\u00b2\u00bd\u2167\u0663_",
        *"\u0301\u0903",
        *".,;:'\"-/()!?\u2019\u00a0",
        *" \t\n\r\x0b\x0c\x1c\x85\u2028\u3000",
    ]
)


@settings(max_examples=500)
@given(st.text(ALPHABET, max_size=60))
def test_words_are_the_letter_runs(text: str) -> None:
    assert _pagetype._words(text) == _pagetype._TOKEN.findall(text)


def test_phrases_are_counted_across_punctuation_and_digits() -> None:
    page = "<p>Add-to-cart! Go to 2 cart. In_stock, 5 in stock; ADD TO CART</p>"
    signals = _pagetype.page_signals(
        _pagetype.LexborHTMLParser(page), page, url=None, meta=_pagetype.Metadata()
    )
    assert signals["say_cart"] == _pagetype._log(5)  # "to cart" 3 times (digits between), "in stock" twice
