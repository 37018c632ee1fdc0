"""Article pages: story the chrome labels must not drop, beside chrome they still must.

Each page is written in the style of the pattern it stands for (a list article's section headers,
a story block named after a menu, a subheading that is its own anchor), with enough prose for the
native pass to take it.
"""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract


def page(article: str) -> str:
    return (
        "<html><head><title>Best trails in town</title></head><body>"
        '<header class="site"><a href="/">Home</a></header>'
        f"<article><header><h1>Best trails in town</h1><p>By Jo Smith</p></header>{article}</article>"
        "</body></html>"
    )


def body(html: str) -> str:
    return extract(html, url="https://example.com/story", config=NATIVE).body


def listicle(names: list[str]) -> str:
    return "".join(
        f'<section class="listicle-block"><header><h2>{name}</h2></header><p>{text}</p></section>'
        for name, text in zip(names, (PARA, PARA2, PARA3), strict=False)
    )


def test_section_headers_of_a_list_article_are_kept() -> None:
    text = body(page(listicle(["White Oak Trail", "Bayou Greenway", "Columbia Tap"])))
    for name in ("White Oak Trail", "Bayou Greenway", "Columbia Tap"):
        assert name in text
    assert PARA3 in text
    assert "By Jo Smith" not in text  # the story's own header stays out
    assert "Best trails in town" not in text


def test_section_headers_come_out_as_headings() -> None:
    art = extract(page(listicle(["White Oak Trail", "Bayou Greenway"])), config=NATIVE)
    assert art.headings == ("White Oak Trail", "Bayou Greenway")


def test_a_header_with_more_than_its_heading_is_no_section_header() -> None:
    # beside the sections' headers, a card's header holding a heading and a lead stays chrome
    card = "<section><header><h2>Screen recorder</h2><p>{0}</p></header><p>{1}</p></section>"
    text = body(page(card.format(PARA2, PARA) + listicle(["White Oak Trail", "Bayou Greenway"])))
    assert "White Oak Trail" in text
    assert "Screen recorder" not in text


def test_story_box_named_after_a_menu_is_kept_and_a_menu_is_not() -> None:
    # the story's opening paragraphs in a box whose class names a navigation section; a real
    # menu box beside it holds no prose
    menu = '<div class="content-nav"><p>Budget</p><p>Roads</p><p>Library</p></div>'
    opening = f'<div class="content-nav-section"><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></div>'
    text = body(page(f"{menu}{opening}<p>{PARA3}</p><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"))
    assert text.startswith(PARA)
    assert "Library" not in text


def test_section_headers_whose_headings_link_away_are_kept() -> None:
    # each item's heading links to the place's own site: a header that is all link is no menu here
    item = (
        '<section class="listicle-block"><header><h3><a href="https://{0}.org/"><strong>{1}</strong></a>'
        "</h3></header><p>{2}</p><p>{3}</p></section>"
    )
    # (each item's text its own: a heading whose paragraphs were all given before heads nothing)
    html = page(
        f"<p>{PARA3}</p><p>{PARA2}</p>"
        + item.format("whiteoak", "White Oak Trail", PARA, f"White Oak Trail: {PARA2}")
        + item.format("bayou", "Bayou Greenway", f"Bayou Greenway: {PARA2}", f"Bayou Greenway: {PARA3}")
        + item.format("columbia", "Columbia Tap", f"Columbia Tap: {PARA3}", f"Columbia Tap: {PARA}")
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.page_type == "article"
    assert art.headings == ("White Oak Trail", "Bayou Greenway", "Columbia Tap")


def test_a_heading_that_is_its_own_anchor_is_kept() -> None:
    # a tutorial's subheadings link to themselves (a link to copy), or are named anchors
    html = page(
        f"<p>{PARA}</p>"
        '<h2 id="what-is-it"><a href="#what-is-it">What is it?</a></h2>'
        f"<p>{PARA2}</p>"
        '<h2><a name="how" id="how"><strong>How it works</strong></a></h2>'
        f"<p>{PARA3}</p>"
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.headings == ("What is it?", "How it works")


def test_a_heading_linking_to_another_part_of_the_page_is_still_a_link() -> None:
    # a forum post's title links to the post's anchor, not to the heading: no section of a story
    html = page(
        f"<p>{PARA}</p>"
        '<h2 id="what-is-it"><a href="#what-is-it">What is it?</a></h2>'
        f'<div id="p123"><h3><a href="#p123">Re: the budget</a></h3><p>{PARA2}</p></div>'
        f"<p>{PARA3}</p>"
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.headings == ("What is it?",)
