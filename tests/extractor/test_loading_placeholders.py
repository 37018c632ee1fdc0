"""Placeholders a script replaces once the page has loaded ("Loading paragraph...") are no story text."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://example.com/story"


def page(placeholder: str) -> str:
    return (
        "<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
        f"<p>{PARA}</p><div>{placeholder}</div><p>{PARA2}</p><div>{placeholder}</div><p>{PARA3}</p>"
        "</article></body></html>"
    )


def test_a_worded_loading_placeholder_is_dropped() -> None:
    text = extract(page("Loading paragraph..."), url=URL, config=NATIVE).body
    assert PARA2 in text
    assert "Loading" not in text


def test_a_loading_placeholder_with_an_ellipsis_character_is_dropped() -> None:
    text = extract(page("Loading prices for your region…"), url=URL, config=NATIVE).body
    assert PARA3 in text
    assert "Loading" not in text


def test_a_sentence_that_starts_with_loading_is_kept() -> None:
    line = "Loading the trucks took the crews most of the night."
    text = extract(page(line), url=URL, config=NATIVE).body
    assert line in text
