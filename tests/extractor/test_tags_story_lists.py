"""A box with a tag class word whose links read as headlines lists other stories (a related rail, a
query loop of posts, similar threads), and the cards inside it are no tag lists either."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://www.example.com/guides/kettles/"


def tags(extra: str) -> tuple[str, ...]:
    html = (
        "<html><head><title>The best kettles</title></head><body><main><article>"
        "<h1>The best kettles</h1><p>We boiled a lot of water.</p></article>"
        f"{extra}</main></body></html>"
    )
    return read_metadata(LexborHTMLParser(html), url=URL).record.tags


def test_a_tag_box_of_headlines_lists_stories() -> None:
    rail = (
        '<div class="tag-browser card-list">'
        '<a href="/a">We Tested the Best Toasters for Crisp Bread Every Time</a>'
        '<a href="/b">Our Favourite Milk Frothers After Three Months of Use</a>'
        '<a href="/c">Kettle review</a></div>'
    )
    assert tags(rail) == ()


def test_the_cards_inside_a_story_list_are_no_tag_lists() -> None:
    card = '<li class="similar-topics-entry"><a href="/t/{n}">{text}</a></li>'
    rail = (
        '<ul class="similar-topics">'
        + card.format(n=1, text="Tea at home")
        + card.format(n=2, text="Which kettle do you use for green tea at home?")
        + card.format(n=3, text="Is a gooseneck kettle worth the extra money?")
        + "</ul>"
    )
    assert tags(rail) == ()


def test_a_tag_list_of_topics_still_counts() -> None:
    box = (
        '<div class="post-tags">Tags: <a href="/tag/tea/">tea</a>, '
        '<a href="/tag/gooseneck/">gooseneck kettles</a></div>'
    )
    assert tags(box) == ("tea", "gooseneck kettles")
