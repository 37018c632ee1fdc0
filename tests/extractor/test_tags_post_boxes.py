"""A post's own box (WordPress post classes naming its terms: "post-331 hentry tag-fish") is no tag list."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://blog.example.com/2024/05/01/fish-tacos/"


def page(extra: str) -> str:
    return (
        "<html><head><title>Fish tacos | Example Kitchen</title></head><body>"
        '<article class="post-12 post type-post status-publish hentry category-dinner">'
        "<h1>Fish tacos</h1><p>Warm the tortillas while the fish rests.</p></article>"
        f"{extra}</body></html>"
    )


def test_a_card_of_another_post_is_no_tag_list() -> None:
    card = (
        '<div class="more-recipes"><article class="post-331 post type-post status-publish hentry tag-salsa">'
        '<a href="/2024/04/mango-salsa/">Mango salsa in five minutes</a></article></div>'
    )
    assert read_metadata(LexborHTMLParser(page(card)), url=URL).record.tags == ()


def test_the_storys_tag_list_below_it_still_counts() -> None:
    tags = '<div class="post-tags">Tags: <a href="/tag/fish/">fish</a>, <a href="/tag/tacos/">tacos</a></div>'
    assert read_metadata(LexborHTMLParser(page(tags)), url=URL).record.tags == ("fish", "tacos")


def test_a_tag_link_loses_the_comma_a_template_printed_inside_it() -> None:
    # "<a>Parks ,</a>": the list's comma and the space before it inside each link
    tags = '<span class="tags">Places: <a href="/tag/fish/">fish ,</a> <a href="/tag/tacos/">tacos</a></span>'
    assert read_metadata(LexborHTMLParser(page(tags)), url=URL).record.tags == ("fish", "tacos")
