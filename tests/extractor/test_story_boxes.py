"""A story split into sibling boxes its CMS names alike: the boxes beside the container are walked too."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://news.example.com/2024/05/14/ten-ways-to-rent-a-car"
LEAD = "Whether you are planning a long road trip or a short city break, a rented car changes the trip."


def story(intro_class: str, body_class: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (PARA, PARA2, PARA3, PARA, PARA2, PARA3))
    return (
        "<html><head><meta property='og:type' content='article'></head>"
        "<body><h1>Ten ways to rent a car</h1><div class='post'>"
        f"<div class='{intro_class}'><p>{LEAD}</p></div>"
        f"<div class='{body_class}'>{paragraphs}</div>"
        "</div></body></html>"
    )


def test_the_story_reads_as_an_article() -> None:
    assert extract(story("col notes", "col story-text"), URL, config=NATIVE).page_type == "article"


def test_intro_box_named_like_the_body_is_read_before_it() -> None:
    text = extract(story("rich-text post-body intro", "post-body rich-text"), URL, config=NATIVE).body
    assert text.startswith(LEAD)
    assert PARA3 in text


def test_box_sharing_one_class_name_is_not_the_story() -> None:
    text = extract(story("col notes", "col story-text"), URL, config=NATIVE).body
    assert LEAD not in text
    assert PARA3 in text
