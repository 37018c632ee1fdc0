"""A page read again as its type reuses the first reading's tree: the same text as a fresh parse gives.

The content pass's page-wide steps (junk, dialogs, page chrome, rails) edit the tree and do not
depend on the page type; the container choice and the block walk do, and only read the tree. So
the second reading takes over the first one's tree and paragraph weights (``again=``) instead of
parsing and weighing the page once more, and must come to what a fresh parse of the page comes to.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape import ExtractConfig
from newsscrape.extractor._guard import Deadline
from newsscrape.extractor.content._content import Content, extract_content
from newsscrape.extractor.content._profiles import ARTICLE, ContentProfile
from newsscrape.extractor.metadata._metadata import read_metadata

SITE = "https://news.example.com"
TEASER = (
    "Researchers who spent the winter on the ice shelf say the melt season began three weeks "
    "earlier than in any year on record, and the water reached the sea before the spring tides."
)
# a section front: cards (other stories to an article's reading, the page to a listing's), a rail
# opened by its own heading and a comment box (page-wide chrome to every reading)
PAGE = (
    '<html><body><nav><a href="/">Home</a> <a href="/climate/">Climate</a></nav>'
    '<main class="site-main"><h1 class="page-title">Climate</h1><div class="posts">'
    + "".join(
        f'<article class="post"><h2 class="entry-title"><a href="{SITE}/2024/05/0{n}/story-{n}/">'
        f'Card headline number {n}</a></h2><div class="summary"><p>{TEASER} Card {n}.</p></div></article>'
        for n in range(1, 6)
    )
    + "</div></main><aside><h3>Latest news</h3><ul>"
    + "".join(f'<li><a href="{SITE}/latest/{n}/">Latest story {n}</a></li>' for n in range(5))
    + '</ul></aside><div id="comments"><p>A reader wrote a long comment about the melt season.</p></div>'
    "<script>var x = 1;</script></body></html>"
)
LISTING = ContentProfile(box_link_share=1.01, para_link_share=1.01, story_headings=False)
CONFIG = ExtractConfig(fallback=False)


def _read(tree: LexborHTMLParser, profile: ContentProfile, again: Content | None = None) -> Content:
    return extract_content(
        tree,
        html=PAGE,
        meta=read_metadata(tree, url=f"{SITE}/climate/"),
        deadline=Deadline(10.0, url=None),
        config=CONFIG,
        url=f"{SITE}/climate/",
        profile=profile,
        again=again,
    )


def test_a_second_reading_of_the_same_tree_gives_what_a_fresh_parse_gives() -> None:
    tree = LexborHTMLParser(PAGE)
    first = _read(tree, ARTICLE)
    again = _read(tree, LISTING, again=first)
    fresh = _read(LexborHTMLParser(PAGE), LISTING)
    assert "Card headline number 3" in [b.text for b in again.blocks]  # the listing's reading
    assert [b.text for b in again.blocks] == [b.text for b in fresh.blocks]
    assert again.container == fresh.container
    assert [(r.kind, r.reason, r.where) for r in again.removed] == [
        (r.kind, r.reason, r.where) for r in fresh.removed
    ]


def test_a_second_reading_keeps_the_first_readings_chrome_removals_without_redoing_them() -> None:
    tree = LexborHTMLParser(PAGE)
    first = _read(tree, ARTICLE)
    again = _read(tree, LISTING, again=first)
    kinds = {r.kind for r in again.removed}
    assert {"comments", "other_stories"} <= kinds  # removed by the first reading, reported by both
    assert again.page_chars == first.page_chars > 0
