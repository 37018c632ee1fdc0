"""A listing's entries are its content: what the block walk keeps of them.

The pages are written here in the style of the patterns: a WordPress section front whose post
cards carry their terms as classes ("tag-harbour"), and an index page whose entries are list items
that are one link each ("<li><a>Title</a></li>", a definition list of papers), beside a lone
paragraph that is one link (a teaser of another story).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsscrape.extractor.content import _profiles
from newsscrape.extractor.content._chrome import chrome_kind
from newsscrape.extractor.content._profiles import ARTICLE, ContentProfile
from profiled import read_as

SITE = "https://news.example.com"
LISTING = ContentProfile(box_link_share=1.01, story_headings=False)
TEASER = (
    "The council met late into the evening to weigh the cost of keeping the harbour ferry running "
    "through the winter, and the vote, when it came, was closer than anyone expected it to be."
)


def _wordpress_front() -> str:
    cards = "".join(
        f'<article id="post-{n}" class="post-{n} post type-post status-publish hentry '
        f'category-local tag-harbour tag-ferry-{n}">'
        f'<h2 class="entry-title"><a href="{SITE}/2024/05/0{n}/story-{n}/">Harbour story {n}</a></h2>'
        f'<div class="entry-summary"><p>{TEASER} Story {n}.</p></div></article>'
        for n in range(1, 6)
    )
    return (
        '<html><body><main id="main" class="site-main"><h1 class="page-title">Local news</h1>'
        f'<div class="posts">{cards}</div>'
        '<div class="tag-cloud"><a href="/tag/a/">harbour</a> <a href="/tag/b/">ferry</a> '
        '<a href="/tag/c/">council</a> <a href="/tag/d/">winter</a></div>'
        "</main></body></html>"
    )


def test_a_wordpress_post_card_is_not_a_tag_list_for_its_term_classes() -> None:
    body = read_as(_wordpress_front(), f"{SITE}/category/local/", LISTING)
    assert f"{TEASER} Story 3." in body
    assert "Harbour story 5" in body
    assert "council winter" not in body  # a box named "tag-cloud" is still a tag list


def test_term_classes_say_nothing_only_beside_the_post_classes() -> None:
    assert chrome_kind("article", {"class": "post-7 type-post hentry tag-harbour"}) is None
    assert chrome_kind("article", {"class": "post-7 type-post hentry share-bar"}) is not None
    assert chrome_kind("div", {"class": "tag-list"}) is not None


ENTRY = "Sparse attention for long documents, measured on ten benchmarks"


def _index_page() -> str:
    items = "".join(f'<li><a href="{SITE}/wiki/Entry_{n}">{ENTRY}, part {n}</a></li>' for n in range(8))
    papers = "".join(
        f'<dt><a href="{SITE}/abs/{n}">[{n}]</a> <a href="{SITE}/abs/{n}">arXiv:2603.0{n}</a></dt>'
        f"<dd><div>Title: {ENTRY}, paper {n}</div></dd>"
        for n in range(5)
    )
    return (
        '<html><body><div id="content"><h1>Index of entries</h1>'
        "<p>This index lists every entry of the collection, in the order they were added, with the "
        "papers that describe them below.</p>"
        f"<ul>{items}</ul><dl>{papers}</dl>"
        f'<p><a href="{SITE}/news/ferry/">Read next: the ferry vote and what it means for the harbour</a></p>'
        "</div></body></html>"
    )


def test_a_list_item_that_is_one_link_stays_with_a_higher_list_link_share() -> None:
    url = f"{SITE}/wiki/Index"
    assert f"{ENTRY}, part 4" not in read_as(_index_page(), url, LISTING)
    body = read_as(_index_page(), url, replace(LISTING, list_link_share=1.01))
    assert f"{ENTRY}, part 4" in body
    assert "arXiv:2603.03" in body  # a definition list's term is an item too
    assert "Read next" not in body  # a paragraph that is one link outside a list still goes


def test_list_link_share_defaults_to_the_paragraph_rule() -> None:
    url = f"{SITE}/wiki/Index"
    assert read_as(_index_page(), url, replace(LISTING, list_link_share=0.8)) == read_as(
        _index_page(), url, LISTING
    )
    assert read_as(_index_page(), url, ARTICLE) == read_as(
        _index_page(), url, replace(ARTICLE, list_link_share=None)
    )


def test_the_data_file_sets_list_link_share_per_type(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {
        "profiles": {
            "listing": {"descent_share": 0.7, "second_share": 0.85, "list_link_share": 1.01},
            "forum": {"descent_share": 0.95, "second_share": 1.0},
        }
    }
    monkeypatch.setattr(_profiles, "fitted", lambda name: data)
    loaded = _profiles._load()
    assert loaded["listing"].list_link_share == 1.01
    assert loaded["forum"].list_link_share is None  # a type the fit left alone reads items as paragraphs
