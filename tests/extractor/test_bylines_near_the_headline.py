"""find_authors on pages without JSON-LD or author metas: the byline printed with the headline comes
before better-marked bylines elsewhere on the page (other stories' cards)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._bylines import find_authors
from newsscrape.extractor.metadata._jsonld import JsonLd


def authors_of(html: str) -> tuple[str, ...]:
    return find_authors(LexborHTMLParser(html), {}, JsonLd(), site=None, host=None)[0]


# Cards of other stories in a "more from us" rail, each credited with a rel=author link.
CARDS = (
    '<section class="latest"><div class="display-card"><h3><a href="/other-story">Another story</a></h3>'
    '<div class="card-meta">By <a class="meta-author" href="/author/mark-lee/" rel="author">Mark Lee</a>'
    "</div></div>"
    '<div class="display-card"><h3><a href="/third-story">A third story</a></h3>'
    '<div class="card-meta">By <a class="meta-author" href="/author/ann-west/" rel="author">Ann West</a>'
    "</div></div></section>"
)


def test_the_byline_below_the_headline_beats_cards_marked_rel_author() -> None:
    # The story's own byline link has no rel; its header box is a sibling of the headline's.
    page = (
        '<article class="story"><div class="story-title"><h1>How I automated my mornings</h1></div>'
        '<div class="story-header"><div class="story-meta">By <a class="meta-author" '
        'href="/author/jane-roe/">Jane Roe</a> <span class="meta-date">May 1, 2025</span></div></div>'
        f"<div class='story-body'><p>{'The story goes on for a while. ' * 60}</p>{CARDS}</div></article>"
    )
    assert authors_of(page) == ("Jane Roe",)


def test_a_byline_sharing_the_headlines_box_beats_cards_marked_rel_author() -> None:
    # The byline sits above the headline in the same short header.
    page = (
        f"{CARDS}"
        '<header class="post-head"><p class="post-writer">Written by <span class="post-author-name">'
        "Jane Roe</span></p><h1>Sleep training, answered</h1></header>"
        f"<div class='post-body'><p>{'The story goes on for a while. ' * 60}</p></div>"
    )
    assert authors_of(page) == ("Jane Roe",)


def test_co_authors_below_the_headline_keep_their_order() -> None:
    # A dated byline line naming two authors, each linked: the links' order, not the line's reading.
    page = (
        "<h1>Housing predictions</h1>"
        '<div class="post-byline"><span>Published on December 2nd, 2025 by '
        '<a class="author" href="/author/chen-zhao/" rel="author">Chen Zhao</a> and '
        '<a class="author" href="/author/daryl-fair/" rel="author">Daryl Fair</a></span></div>'
        f"<p>{'The story goes on for a while. ' * 60}</p>"
    )
    assert authors_of(page) == ("Chen Zhao", "Daryl Fair")
