"""Text without markup, and text typed straight into ``<body>``: read, not refused as no article."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract


def test_a_text_without_markup_is_read_as_its_paragraphs() -> None:
    text = f"{PARA}\r\n\r\n{PARA2}\n  \n\n{PARA3} Costs rose 5% <3% a year & more.\n"
    article = extract(text.encode(), url="https://example.com/news/budget", config=NATIVE)
    assert article.body == f"{PARA}\n\n{PARA2}\n\n{PARA3} Costs rose 5% <3% a year & more."


def test_a_text_without_markup_given_as_a_str_is_read_alike() -> None:
    article = extract(f"{PARA}\n\n{PARA2}", config=NATIVE)
    assert article.body == f"{PARA}\n\n{PARA2}"


def test_text_typed_straight_into_the_body_is_read_by_the_native_pass() -> None:
    page = f"<html><head><title>Budget</title></head><body>{PARA} <b>{PARA2}</b></body></html>"
    article = extract(page, url="https://example.com/news/budget", config=NATIVE)
    assert article.body == f"{PARA} {PARA2}"


def test_a_page_with_any_markup_is_not_cut_at_its_blank_lines() -> None:
    # a browser shows the blank line between them as one space: one paragraph
    article = extract(f"<div>{PARA}\n\n{PARA2}</div>", config=NATIVE)
    assert article.body == f"{PARA} {PARA2}"
