"""A page that prints the next stories below its own, each an <article> named alike in one box (an
endless-scroll news template): the record holds the page's own story, headed as the page is, not
every story of the stack."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://news.example.com/politics/2019/05/14/council-budget-vote"
TITLE = "Council delays the budget vote"
NEXT = "Ferry timetable changes from June"
NEXT_TEXT = (
    "The ferry company will run fewer crossings on weekdays from June, citing the cost of fuel and "
    "a shortage of crew during the summer season, a spokesperson confirmed."
)


def article(headline: str, *paragraphs: str, head_only: bool = False) -> str:
    body = "" if head_only else "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article class='list__item'><header><h2>{headline}</h2></header>{body}</article>"


def page(*articles: str, title: str = TITLE) -> str:
    return (
        f"<html><head><title>{title} | Daily Planet</title>"
        "<meta property='og:type' content='article'></head>"
        f"<body><main><div class='list'>{''.join(articles)}</div></main></body></html>"
    )


def test_the_page_s_own_story_is_read_without_the_stories_stacked_after_it() -> None:
    html = page(
        article(TITLE, PARA, PARA2, PARA3),
        article(NEXT, NEXT_TEXT, PARA2, PARA3),
        article("Library reopens after the flood", PARA3, NEXT_TEXT, PARA),
    )
    record = extract(html, URL, config=NATIVE)
    assert record.body.startswith(PARA)
    assert PARA3 in record.body
    assert NEXT_TEXT not in record.body
    assert record.body.count(PARA2) == 1


def test_a_stack_without_a_story_headed_as_the_page_is_read_whole() -> None:
    html = page(article(NEXT, NEXT_TEXT, PARA2), article("Library reopens after the flood", PARA3, PARA))
    text = extract(html, URL, config=NATIVE).body
    assert NEXT_TEXT in text
    assert PARA3 in text


def test_a_headline_s_own_box_above_the_body_s_boxes_keeps_the_body() -> None:
    # a live page's headline box, then its updates, each an <article> of two paragraphs or more
    updates = (
        article("10:05", PARA, PARA2),
        article("09:40", PARA3, NEXT_TEXT),
        article("09:10", PARA2, PARA3),
    )
    html = page(article(TITLE, head_only=True), *updates)
    text = extract(html, URL, config=NATIVE).body
    assert PARA in text
    assert NEXT_TEXT in text
