"""Bylines without structured metadata: author cards that tag the name with its role, labels a template
parts from the name with a comment, and an account's handle in the link to its own page."""

from __future__ import annotations

import newsscrape

BODY = "<p>" + "Index the columns you filter on, then read the plan before you add another one. " * 6 + "</p>"
URL = "https://blog.example.com/posts/query-plans"


def _story(header: str, footer: str = "") -> str:
    return (
        "<html><head><title>Reading query plans</title></head><body>"
        "<header><a href='/'>Example Blog</a></header>"
        f"<main><article><h1>Reading query plans</h1>{header}{BODY}{BODY}{footer}</article></main>"
        "</body></html>"
    )


def test_an_author_card_that_tags_the_name_with_its_role_credits_the_name() -> None:
    # A utility-class theme: the card under the story prints the name, then a badge saying "Author".
    card = (
        '<div class="mt-16 p-6 rounded-2xl"><img src="/a.jpg" alt=""><div class="flex-1">'
        '<div class="flex items-center gap-2"><h3 class="text-lg">Jane Doe</h3>'
        '<span class="text-xs rounded-full">Author</span></div>'
        '<p class="text-sm">@janedoe \u2022 Jan 26, 2026</p></div></div>'
    )
    assert newsscrape.extract(_story("", card), url=URL).authors == ("Jane Doe",)


def test_a_role_tag_after_a_word_that_names_nobody_credits_nobody() -> None:
    # A table of posts: "Title" then "Author" as column heads is no card.
    table = "<table><tr><th>Title</th><th>Author</th></tr></table>"
    assert newsscrape.extract(_story("", table), url=URL).authors == ()


def test_a_reviewer_labelled_before_a_template_comment_is_not_the_author() -> None:
    # WordPress theme: "Reviewed by", a comment the template leaves, then the link holding the name.
    meta = (
        '<ul class="entry-meta"><li class="entry-reviewed-by"><span>Reviewed by </span>'
        '<!-- Create an avatar link --> <a class="reviewer-link" href="/author/jroe/">'
        '<span class="entry-byline-reviewer">John Roe, CPA</span></a></li></ul>'
    )
    assert newsscrape.extract(_story(meta), url=URL).authors == ()


def test_a_handle_printed_in_the_link_to_its_own_author_page_is_credited() -> None:
    # Elementor's post-info widget: the account's name in lower case, linked to /author/<name>/.
    info = (
        '<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
        '<li class="elementor-icon-list-item"><a href="https://blog.example.com/author/seowriter/">'
        '<span class="elementor-icon-list-text elementor-post-info__item--type-author">seowriter</span>'
        "</a></li></ul>"
    )
    assert newsscrape.extract(_story(info), url=URL).authors == ("seowriter",)


def test_a_lower_case_word_linked_to_another_address_is_no_credit() -> None:
    # The same widget's category link: a lower-case word, but not the page of an account it names.
    info = (
        '<ul class="elementor-post-info"><li><a href="https://blog.example.com/author/seowriter/">'
        '<span class="elementor-post-info__item--type-author">databases</span></a></li></ul>'
    )
    assert newsscrape.extract(_story(info), url=URL).authors == ()
