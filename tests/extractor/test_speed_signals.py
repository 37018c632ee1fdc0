"""Page-type speed-ups (speed only): the price pattern, the class-word counts and the classifier's
sums give what their definitions give."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor import _pagetype
from newsscrape.extractor._pagetype import _CLASS, _PRICE, CLASS_GROUPS, classify, page_signals
from newsscrape.extractor.metadata._metadata import Metadata

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


def class_words_by_definition(html: str) -> dict[str, float]:
    # every class value's words, from one string of them all: each word counted where it stands
    words = Counter(" ".join(_CLASS.findall(html)).lower().translate(_pagetype._SPACES).split())
    found = dict.fromkeys(CLASS_GROUPS, 0)
    for word, count in words.items():
        if word in _pagetype._BY_WORD:
            found[_pagetype._BY_WORD[word]] += count
    return {f"class_{group}": math.log1p(min(count, 1000)) for group, count in found.items()}


# class words of several groups, their case and punctuation variants, and a final-sigma neighbour
# (str.lower() reads a capital sigma's context)
CLASS_PIECES = ["reply", "Price", "CART", "card", "toc", "hero", "share", "x", "ΑΣ", "Σ", "-", "_", " ", "\n"]


@given(st.lists(st.lists(st.sampled_from(CLASS_PIECES), max_size=6).map("".join), max_size=12))
def test_class_words_are_counted_as_by_definition(values: list[str]) -> None:
    html = "".join(f'<div class="{value}">x</div>' for value in values + values[:3])
    signals = page_signals(LexborHTMLParser(html), html, url=None, meta=Metadata())
    expected = class_words_by_definition(html)
    assert {name: signals[name] for name in expected} == expected


def probabilities_by_definition(signals: dict[str, float]) -> list[tuple[str, float]]:
    model = _pagetype._MODEL
    z = [
        (signals.get(n, 0.0) - m) / s for n, m, s in zip(model.features, model.mean, model.scale, strict=True)
    ]
    logits = [
        b + sum(w * x for w, x in zip(row, z, strict=True))
        for row, b in zip(model.weights, model.bias, strict=True)
    ]
    exps = [math.exp(v - max(logits)) for v in logits]
    ranked = sorted(range(len(logits)), key=lambda i: -logits[i])
    return [(model.classes[i], round(exps[i] / sum(exps), 4)) for i in ranked]


FEATURES = len(_pagetype._MODEL.features)


@settings(max_examples=50)
@given(st.lists(st.floats(min_value=0, max_value=8), min_size=FEATURES, max_size=FEATURES))
def test_classify_sums_as_by_definition(values: list[float]) -> None:
    signals = dict(zip(_pagetype._MODEL.features, values, strict=False))
    assert list(classify(signals).probabilities) == probabilities_by_definition(signals)


def test_a_model_whose_weights_miss_a_feature_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {
        "classes": ["article", "listing"],
        "features": ["a", "b"],
        "mean": [0.0, 0.0],
        "scale": [1.0, 1.0],
        "weights": [[1.0, 2.0], [3.0]],
        "bias": [0.0, 0.0],
    }
    monkeypatch.setattr(_pagetype, "fitted", lambda name: data)
    with pytest.raises(ValueError, match="does not match"):
        _pagetype._load()
