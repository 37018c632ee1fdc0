"""Page-type speed-ups (speed only): the price pattern and the classifier's sums give what their
definitions give."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.extractor import _pagetype
from newsscrape.extractor._pagetype import _PRICE, classify

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
