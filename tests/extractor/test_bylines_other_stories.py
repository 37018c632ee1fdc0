"""find_authors on pages whose only author markup is the byline: other stories' bylines around it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._bylines import find_authors
from newsscrape.extractor.metadata._jsonld import JsonLd


def authors_of(html: str) -> tuple[str, ...]:
    return find_authors(LexborHTMLParser(html), {}, JsonLd(), site=None, host=None)[0]


def test_a_related_posts_card_does_not_lend_its_writer() -> None:
    # A magazine theme: the story's byline in a "c-singular__author-name" span (no class "author" of
    # its own), a related-posts list whose cards print "by <writer>" in <p class="author">.
    page = (
        '<header><h1>Improve your photos</h1><div class="c-singular__author">'
        '<span class="c-singular__author-name"><a href="/author/jane-roe/">Jane Roe</a></span></div></header>'
        "<article><p>The story.</p></article>"
        '<div class="related-posts"><ul class="posts-list related"><li><a href="/x">'
        '<h3>Buying a camera</h3><p class="author">by Geoff Harris</p></a></li></ul></div>'
    )
    assert authors_of(page) == ("Jane Roe",)


def test_the_previous_post_link_does_not_lend_its_writer() -> None:
    # WordPress's the_post_navigation(): the previous and next posts' cards, each with its author.
    page = (
        '<nav class="navigation post-navigation"><div class="nav-previous"><a href="/older">'
        '<span class="author">Jessica Kaminski</span> Older story</a></div></nav>'
        '<h1>Best tutoring platforms</h1><div class="mini-author">'
        '<a class="mini-author__name" href="/team/yaren">Yaren Fadiloglulari</a></div><p>The story.</p>'
    )
    assert authors_of(page) == ("Yaren Fadiloglulari",)


def test_a_testimonials_author_is_no_byline() -> None:
    # A service page's customer quotes: "testimonial-author" and a CSS module's "Quote__author" name
    # the customer quoted, not anyone who wrote the page.
    page = (
        "<h1>Accounting for small firms</h1><p>We keep your books.</p>"
        '<div class="testimonials"><blockquote>"They saved us hours every month."</blockquote>'
        '<div class="testimonial-author">Jane Doe</div></div>'
        '<figure class="Quote__body"><blockquote>"Clear reports."</blockquote>'
        '<figcaption class="Quote__attribution"><span class="Quote__author">John Roe</span></figcaption>'
        "</figure>"
    )
    assert authors_of(page) == ()
