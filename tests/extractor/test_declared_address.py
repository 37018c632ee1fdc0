"""Markup given without its URL is read at the address it declares for itself (its canonical link,
else og:url or twitter:url), as the page type already was: a site's name in the title is told by
that host, the site header linking to that front page is no headline, a relative lead image gets an
address. The record's own ``url`` stays the caller's (None)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsscrape import extract
from newsscrape.extractor._urls import saved_from
from newsscrape.extractor.metadata._metapage import declared_address

STORY = "".join(
    f"<p>Paragraph {n} of the checklist says what to look at, how often, and what it costs to put right.</p>"
    for n in range(6)
)
# "Shopwise Tires" is the site's name, which no og:site_name declares: only the host tells it
TITLE = "<title>The Ultimate Car Maintenance Checklist | Shopwise Tires</title>"
ADDRESS = "https://tires.shopwise.example/learn/checklist"


def page(head: str) -> str:
    return f"<html><head>{head}</head><body><article>{STORY}</article></body></html>"


def test_a_title_cut_by_the_host_the_canonical_link_names() -> None:
    article = extract(page(f'{TITLE}<link rel="canonical" href="{ADDRESS}">'))
    assert (article.title, article.site_name) == ("The Ultimate Car Maintenance Checklist", "Shopwise Tires")
    assert article.url is None
    assert article.canonical_url == ADDRESS


def test_as_a_caller_url_cuts_it() -> None:
    article = extract(page(TITLE), url=ADDRESS)
    assert (article.title, article.site_name) == ("The Ultimate Car Maintenance Checklist", "Shopwise Tires")


def test_without_any_address_the_title_keeps_the_label() -> None:
    article = extract(page(TITLE))
    assert (article.title, article.site_name) == (
        "The Ultimate Car Maintenance Checklist | Shopwise Tires",
        None,
    )


def test_og_url_declares_the_address_when_there_is_no_canonical_link() -> None:
    og = f'<meta property="og:url" content="{ADDRESS}"><meta property="og:image" content="/img/lead.jpg">'
    head = TITLE + og
    article = extract(page(head))
    assert article.title == "The Ultimate Car Maintenance Checklist"
    assert article.image == "https://tires.shopwise.example/img/lead.jpg"


def test_a_caller_url_wins_over_the_declared_one() -> None:
    head = '<link rel="canonical" href="https://mirror.example/x"><meta property="og:image" content="/i.jpg">'
    article = extract(page(head), url="https://origin.example/story")
    assert article.url == "https://origin.example/story"
    assert article.image == "https://origin.example/i.jpg"


def test_declared_address_reads_the_canonical_link_against_og_url() -> None:
    metas = {"og:url": ["https://example.com/"], "twitter:url": ["https://t.example/1"]}
    assert declared_address({"canonical": "/news/1"}, metas, None) == "https://example.com/news/1"
    assert (
        declared_address({"canonical": "/news/1"}, {}, "https://base.example/")
        == "https://base.example/news/1"
    )
    assert declared_address({}, {"twitter:url": ["https://t.example/1"]}, None) == "https://t.example/1"
    # a relative address with nothing to place it, or one that is not http(s), declares none
    assert declared_address({"canonical": "/news/1"}, {}, None) is None
    assert (
        declared_address({"canonical": "javascript:void(0)"}, {"og:url": ["ftp://x.example/"]}, None) is None
    )


# A page saved by a browser: Chrome, Edge and Internet Explorer write where it came from at its top.
DATED = "https://tires.shopwise.example/2023/09/13/checklist.html"
SAVED = f"<!DOCTYPE html>\n<!-- saved from url=(0060){DATED} -->\n"


def test_a_saved_page_is_read_at_the_address_it_was_saved_from() -> None:
    article = extract(SAVED + page(TITLE))
    assert (article.title, article.site_name) == ("The Ultimate Car Maintenance Checklist", "Shopwise Tires")
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-09-13"  # the day in the address
    assert article.url is None  # still the caller's


def test_singlefile_header_names_the_address_too() -> None:
    header = f"<!--\n Page saved with SingleFile \n url: {DATED} \n saved date: Wed Sep 13 2023\n-->"
    assert extract(header + page(TITLE)).site_name == "Shopwise Tires"


def test_a_local_files_mark_or_a_caller_url_is_not_replaced() -> None:
    assert extract("<!-- saved from url=(0014)about:internet -->" + page(TITLE)).site_name is None
    article = extract(SAVED + page(TITLE), url="https://origin.example/story")
    assert article.published is None  # the caller's address has no day; the mark is not read


@given(st.text(max_size=300), st.text(max_size=80))
def test_saved_from_gives_an_http_address_or_none(before: str, address: str) -> None:
    for text in (
        before,
        f"{before}<!-- saved from url=(0042){address} -->",
        f"<!-- saved from url=(1){address}-->",
    ):
        found = saved_from(text)
        assert found is None or found.startswith(("http://", "https://"))
