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


def test_a_copied_story_keeps_its_title_and_headings_without_its_crumbs_and_labels() -> None:
    # the shape of the seed page's text: crumbs glued to the title, a heading between paragraphs,
    # and the "Latest news" / "Related news" labels whose links did not survive the copy
    text = (
        "HomeLocal politicsCouncil’s budget vote delayed\n\nCouncil's budget vote delayed\n\n"
        f"{PARA}\n\nWhat the critics say\n\n{PARA3}\n\n{PARA2}\n\nLatest news\n\nRelated news\n"
    )
    article = extract(text, config=NATIVE)
    assert article.title == "Council's budget vote delayed"
    assert article.headings == ("What the critics say",)
    assert article.body == f"{PARA}\n\nWhat the critics say\n\n{PARA3}\n\n{PARA2}"
    assert [(s.heading, len(s.blocks)) for s in article.sections] == [(None, 1), ("What the critics say", 2)]


def test_short_lines_that_head_no_paragraph_stay_paragraphs() -> None:
    # a byline under the title, and a list of short lines, are not headings
    text = f"Budget vote delayed\n\nBy Jane Doe\n\n{PARA}\n\nKey dates\n\nMarch 3\n\nApril 9\n\n{PARA2}\n"
    article = extract(text, config=NATIVE)
    assert article.title == "Budget vote delayed"
    assert article.headings == ()
    assert "March 3\n\nApril 9" in article.body


def test_a_text_opening_with_a_sentence_has_no_title_line() -> None:
    article = extract(f"Short note.\n\n{PARA}\n\n{PARA2}", config=NATIVE)
    assert article.headings == ()
    assert article.body.endswith(f"{PARA}\n\n{PARA2}")
