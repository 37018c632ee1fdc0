"""find_authors on pages whose only author markup is the byline: other stories' bylines around it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape import extract
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


def test_a_post_tagged_quotes_is_no_quote_box() -> None:
    # WordPress names a post's box after its terms: "tag-quotes" says the post is tagged "quotes"
    # (an insurer's post about quotes), not that its byline is a quoted customer's.
    page = (
        '<article id="post-120" class="post-120 post type-post hentry category-blog tag-quotes tag-cars">'
        '<div class="post-content"><div class="post-text">'
        '<h1 class="post-title">Insurance for hire drivers</h1>'
        '<div class="post-info"><div class="post-info-date"><span>June 26, 2018</span></div>'
        '<div class="post-info-author post-info-item">'
        '<span class="post-info-author-icon"><i class="icon-user"></i></span> by '
        '<a class="post-info-author-link" href="/author/janeroe/"> Jane Roe </a></div></div>'
        + "<p>Livery insurance covers vehicles that carry people for hire: taxis, limousines and buses.</p>"
        "<p>Drivers for ride-hailing apps need it too, and most personal policies leave them out.</p>"
        "<p>Collision cover pays for repairs to your own vehicle after a crash, whoever was at fault.</p>"
        "<p>Ask for a quote that fits your company: the number of vehicles, drivers and miles.</p>"
        "</div></div></article>"
    )
    assert extract(page, url="https://insurer.example/hire-drivers/").authors == ("Jane Roe",)
