"""Article pages: boxes inside the story's container that are the site's, not the story's.

Each page is written in the markup of the convention it stands for: a WordPress theme's widget
area below the post ("below-content", "after-entry"), and class names that spell a chrome word as
two ("side-bar", "read-more").
"""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract
from newsscrape.extractor.content._chrome import chrome_kind, tokens

ABOUT = (
    "Founded by two reporters in 2010, our newsroom is a recognized leader in digital media, uniting "
    "breakthrough technology, strategic insights and real-time audience engagement."
)
APPEAL = (
    "We are in the midst of our end-of-year campaign, our most important fundraising effort of the "
    "year, and every dollar you give is matched until the end of the month."
)


def page(entry: str) -> str:
    return (
        '<html><head><title>Tutoring works</title><meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2025-12-19T08:00:00Z"></head><body>'
        '<article class="post type-post"><h1>Tutoring works</h1><p class="byline">By Jill Barshay</p>'
        f'<div class="entry-content">{entry}</div></article>'
        "</body></html>"
    )


def body(html: str) -> str:
    article = extract(html, url="https://example.com/2025/12/19/tutoring-works", config=NATIVE)
    assert article.page_type == "article"
    return article.body


def story() -> str:
    return f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"


def test_widget_area_below_the_post_is_dropped() -> None:
    # WordPress themes fill a widget area under each post with the site's own boxes
    below = (
        '<section id="block-4" class="below-content widget widget_block">'
        f'<div class="wp-block-group"><p>{APPEAL}</p></div></section>'
    )
    text = body(page(story() + below))
    assert PARA3 in text
    assert "fundraising" not in text
    # a wrapper named for what comes after it that holds the story itself keeps its text
    wrapped = body(page(f'<div class="below-content-wrap">{story()}</div>{below}'))
    assert PARA3 in wrapped
    assert "fundraising" not in wrapped


def test_box_named_after_the_content_is_dropped_wherever_the_theme_names_it() -> None:
    after = f'<div id="silic-1" class="silic-after-content"><p>{ABOUT}</p></div>'
    entry = f'<div class="after-entry widget-area"><p>{APPEAL}</p></div>'
    text = body(page(story() + after + entry))
    assert text.endswith(PARA3)
    assert "recognized leader" not in text
    assert "campaign" not in text


def test_chrome_word_spelt_as_two_words_labels_the_box_it_ends_the_name_of() -> None:
    rail = ("other_stories", 'class/id word "sidebar"')
    assert chrome_kind("div", {"class": "plp-filter-side-bar"}) == rail
    more = ("other_stories", 'class/id word "readmore"')
    assert chrome_kind("div", {"class": "hub-item__read-more"}) == more
    assert tokens({"class": "sign-up"})[-1] == "signup"
    # only at the name's end: "read-more-content" holds a story's rest behind a button
    assert chrome_kind("div", {"class": "read-more-content"}) is None
    assert chrome_kind("a", {"class": "most-read-title"}) is None


def test_read_more_lines_after_each_item_of_a_guide_are_dropped() -> None:
    # a line of words around its link, too little link for a box of links
    item = (
        '<div class="hub-item"><h2>{0}</h2><p>{1}</p>'
        '<div class="hub-item__read-more">Learn more about the <a href="/{2}">{0} program</a></div></div>'
    )
    items = "".join(
        item.format(name, text, name.lower())
        for name, text in (("Stanford", PARA), ("Wharton", PARA2), ("Columbia", PARA3))
    )
    text = body(page(f"<p>{PARA2}</p>{items}"))
    assert "Wharton" in text
    assert PARA3 in text
    assert "Learn more about" not in text


def test_box_kept_out_of_search_snippets_is_dropped() -> None:
    # an expandable code sample the site marks "data-nosnippet" (a valueless attribute)
    sample = (
        '<section class="custom-block custom-expandable" data-nosnippet><div class="block-content">'
        "<p><pre>#!/usr/bin/env python3<br>import subprocess<br>subprocess.run(['notify-send', 'Good "
        "morning'])<br>print('briefing sent to the team channel and the calendar opened')</pre></p>"
        "</div></section>"
    )
    inline = f"<p>{PARA2} <span data-nosnippet>Our reporter</span> checked each figure.</p>"
    text = body(page(f"<p>{PARA}</p>{sample}{inline}<p>{PARA3}</p>"))
    assert PARA3 in text
    assert "subprocess" not in text
    assert "Our reporter checked each figure." in text  # an inline span is a part of its sentence
