"""Authors and titles: general page patterns, each written as a tiny page in its style."""

from __future__ import annotations

import json

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"


def _ld(node: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_structured_credit_naming_the_site_itself_yields_to_the_bylines_handle() -> None:
    # A maker community: JSON-LD credits the platform, the byline under the title the member's handle.
    head = '<meta property="og:site_name" content="Makerplace">' + _ld(
        {"@type": "Article", "headline": "How to Make a Table", "author": "Makerplace"}
    )
    byline = (
        '<div class="header-meta">By <a href="/member/woodfan/" rel="author">WoodfanFred</a>'
        ' in <a class="category" href="/workshop/">Workshop</a></div>'
    )
    page = _page(head, f"<article><h1>How to Make a Table</h1>{byline}{BODY}</article>")
    url = "https://www.makerplace.com/How-to-Make-a-Table/"
    assert newsscrape.extract(page, url=url).authors == ("WoodfanFred",)
    # ... and the site is still credited when the page names nobody else
    alone = _page(head, f"<article><h1>How to Make a Table</h1>{BODY}</article>")
    assert newsscrape.extract(alone, url=url).authors == ("Makerplace",)


def test_a_sentence_saying_who_wrote_the_post_is_a_byline() -> None:
    # A hospital blog: an italic note opens the story and names its writer with her letters and role.
    note = (
        '<p><em>This post was written by <a href="/find-a-provider/2838/jane-roe">Jane Roe, MD</a>,'
        " cardiologist, Example Health.</em></p>"
    )
    page = _page("", f"<article><h1>Eating well on a budget</h1>{note}{BODY}</article>")
    assert newsscrape.extract(page, url="https://www.examplehealth.org/blog/eat").authors == ("Jane Roe, MD",)


def test_a_box_around_a_todays_date_widget_does_not_date_the_story() -> None:
    # A Drupal block in the site header prints today's date inside a "block-date" box; the story's
    # own day is printed further down, below its sections.
    header = (
        '<div class="block block-date"><div class="block-content">'
        '<p id="todays-date-custom"><strong>Friday</strong>, December 19, 2025</p></div></div>'
    )
    story = (
        "<article><h1>Tax 101: Understanding the basics</h1><h2>Types of taxes</h2>"
        f"{BODY}<h2>Death taxes</h2>{BODY}<div class='article-date'>12.12.2025</div></article>"
    )
    page = _page("", header + story)
    found = newsscrape.extract(page, url="https://www.example.com/the-currency/life/what-are-taxes").published
    assert found is not None
    assert found.isoformat()[:10] == "2025-12-12"


def test_a_microdata_author_whose_name_is_only_in_a_meta_tag() -> None:
    # A review site's author card: schema.org Person microdata keeps the name in <meta itemprop=name>,
    # the visible link says something else ("About the author").
    card = (
        '<div class="author-meta" itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<meta itemprop="name" content="Emma Ryan"><a href="/about/">About the author</a></div>'
    )
    page = _page("", f"<article><h1>The best website builders</h1>{card}{BODY}</article>")
    assert newsscrape.extract(page, url="https://www.example.com/website-builders/").authors == ("Emma Ryan",)
    # ... and the author field may be a meta tag itself
    field = '<meta itemprop="author" content="Emma Ryan">'
    page = _page("", f"<article><h1>Best builders</h1>{field}{BODY}</article>")
    assert newsscrape.extract(page, url="https://www.example.com/website-builders/").authors == ("Emma Ryan",)


def test_an_author_link_by_first_name_gives_the_full_name_its_address_spells() -> None:
    # A React blog's author card: the name and the role in paragraphs, then "Articles by <first name>"
    # linked to the author's page.
    card = (
        '<div class="css-yvuwy"><div class="css-0"><p class="chakra-text">Juliette Carreiro</p>'
        '<p class="chakra-text">Tech Writer</p></div>'
        '<a class="chakra-button" href="/us/blog/authors/juliette-carreiro">Articles by Juliette</a></div>'
    )
    page = _page("", f"<article><h1>Cloud computing innovations</h1>{card}{BODY}</article>")
    url = "https://www.example.com/us/blog/cloud-computing-innovations"
    assert newsscrape.extract(page, url=url).authors == ("Juliette Carreiro",)


def test_an_author_link_by_handle_gives_the_full_name_another_link_to_that_page_prints() -> None:
    # A WordPress blog: the header links the account's handle to the author's page, the author box
    # at the foot names the person in a link to the same page.
    header = (
        '<div class="entry-meta">By <a href="/author/moneyjane/" class="author url fn" rel="author">'
        "MoneyJane</a></div>"
    )
    box = (
        '<div class="rkv-author-box"><h2><span>Written by </span><a href="/author/moneyjane/">Jane Roe</a>'
        "</h2><p>" + "Jane has written about household budgets and taxes for twenty years. " * 3 + "</p>"
        '<a href="/author/moneyjane/">More from Jane Roe</a></div>'
    )
    page = _page("", f"<article><h1>Filing your taxes</h1>{header}{BODY}{box}</article>")
    assert newsscrape.extract(page, url="https://blog.example.com/taxes/filing").authors == ("Jane Roe",)


def test_a_dated_line_ending_in_by_credits_the_linked_name() -> None:
    # A hand-written academic page: the foot of the story says when and by whom, the name a link.
    foot = (
        '<div class="purplebox"><i>Last updated March  3, 2025 by '
        '<a href="http://example.org/">Jane Roe</a>.</i>'
        ' &mdash; <a href="https://accessibility.example.org">Accessibility</a></div>'
    )
    page = _page(
        "<title>The Fold-and-Cut Problem (Jane Roe)</title>", f"<h1>The Fold-and-Cut Problem</h1>{BODY}{foot}"
    )
    assert newsscrape.extract(page, url="https://example.org/foldcut").authors == ("Jane Roe",)
    # ... not a footer's copyright line
    legal = '<p>Copyright &copy; 2004 - 2026 by <a href="https://media.example.com/">Example Media</a>.</p>'
    page = _page("", f"<h1>The Fold-and-Cut Problem</h1>{BODY}{legal}")
    assert newsscrape.extract(page, url="https://example.org/foldcut").authors == ()


def test_the_name_beside_the_authors_avatar_in_the_meta_line() -> None:
    # A WordPress theme's meta line: date, bullet, get_avatar()'s image, the name, "in" and the category.
    meta = (
        "<p>Dec 26, 2025 <span>&bull;</span> "
        "<img src='https://2.gravatar.com/avatar/e5f6?s=96' class='avatar avatar-xs'/> Jane Roe"
        "   in   <a rel='nofollow' href='blog/project-management'>Project Management</a></p>"
    )
    page = _page(
        "", f"<header><h1>Project management software pricing</h1>{meta}</header><main>{BODY}</main>"
    )
    assert newsscrape.extract(page, url="https://www.example.com/article/pm-pricing").authors == ("Jane Roe",)
    # ... not a commenter's avatar
    comment = (
        "<div class='comment'><img class='avatar avatar-32' src='a.png'> John Poe says:<p>Nice.</p></div>"
    )
    page = _page("", f"<main><h1>Project management software pricing</h1>{BODY}{comment}</main>")
    assert newsscrape.extract(page, url="https://www.example.com/article/pm-pricing").authors == ()
