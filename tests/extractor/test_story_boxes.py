"""A story split into sibling boxes its CMS names alike: the boxes beside the container are walked too."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://news.example.com/2024/05/14/ten-ways-to-rent-a-car"
LEAD = "Whether you are planning a long road trip or a short city break, a rented car changes the trip."


def story(intro_class: str, body_class: str, *, wrapped: bool = False, lead_paragraphs: int = 1) -> str:
    """The story's lead box and body box in one column; ``wrapped``: each box in a bare wrapper of its
    own (a block editor's front end), the lead then of ``lead_paragraphs`` numbered paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (PARA, PARA2, PARA3, PARA, PARA2, PARA3))
    lead = "".join(f"<p>{LEAD} {n}</p>" for n in range(lead_paragraphs)) if wrapped else f"<p>{LEAD}</p>"
    open_box, close_box = ("<div>", "</div>") if wrapped else ("", "")
    return (
        "<html><head><meta property='og:type' content='article'></head>"
        "<body><h1>Ten ways to rent a car</h1><div class='post'>"
        f"{open_box}<div class='{intro_class}'>{lead}</div>{close_box}"
        f"{open_box}<div class='{body_class}'>{paragraphs}</div>{close_box}"
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


def test_lead_block_in_its_own_wrapper_named_like_the_body_is_read() -> None:
    page = story(
        "blockContent__content html_0 html_first",
        "blockContent__content html_2",
        wrapped=True,
        lead_paragraphs=2,
    )
    text = extract(page, URL, config=NATIVE).body
    assert text.startswith(f"{LEAD} 0")
    assert PARA3 in text


def test_wrapped_blocks_named_apart_or_of_one_paragraph_are_not_the_story() -> None:
    for page in (
        story("promo html_0", "blockContent__content html_2", wrapped=True, lead_paragraphs=2),
        story("blockContent__content html_0", "blockContent__content html_2", wrapped=True),
    ):
        text = extract(page, URL, config=NATIVE).body
        assert LEAD not in text
        assert PARA3 in text
