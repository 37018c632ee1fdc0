"""Authors: byline conventions of the markup that trafilatura's own metadata tests hold (2.3.1,
``tests/metadata_tests.py``), which the development pages never showed: an ``itemprop`` token list,
a byline written whole into a meta's value, the outlet a writer wrote "for", an emoji after the
name, a picture's credit in a figure, and bylines marked only by a component name, by the id of the
author field or by Drupal's "submitted" box. Each page here is written in the convention's style."""

from __future__ import annotations

import pytest
from prose import PARA, PARA2, PARA3

import newsscrape
from newsscrape.extractor.metadata._authors import clean_authors

BODY = "".join(f"<p>{text}</p>" for text in (PARA, PARA2, PARA3))
URL = "https://www.example.com/news/2025/05/01/rain-returns.html"


def _authors(head: str = "", byline: str = "", after: str = "") -> tuple[str, ...]:
    page = (
        f"<html><head><title>Rain returns to the valley</title>{head}</head><body><article>"
        f"<h1>Rain returns to the valley</h1>{byline}{BODY}{after}</article></body></html>"
    )
    return newsscrape.extract(page, url=URL).authors


def test_an_itemprop_token_list_that_names_the_author_is_read() -> None:
    byline = '<span itemprop="author name">Shannon Deery, Mitch Clarke</span>'
    assert _authors(byline=byline) == ("Shannon Deery", "Mitch Clarke")


@pytest.mark.parametrize("key", ["author", "og:author"])
def test_a_byline_written_whole_into_a_meta_is_read_as_its_text(key: str) -> None:
    value = (
        "By &lt;a href=&quot;/profiles/amir-vera&quot;&gt;Amir Vera&lt;/a&gt;, Seán O&#x27;Murchú and "
        "&lt;a href=&quot;/profiles/tara-subramaniam&quot;&gt;Tara Subramaniam&lt;/a&gt;, CNN"
    )
    head = f'<meta property="og:site_name" content="CNN"><meta name="{key}" content="{value}">'
    assert _authors(head=head) == ("Amir Vera", "Seán O'Murchú", "Tara Subramaniam")


@pytest.mark.parametrize(
    "credit",
    [
        "Jenny Smith For Daily Mail Australia",
        "Jenny Smith for The Texas Tribune",
        "Jenny Smith from Acme Labs",
    ],
)
def test_the_outlet_a_writer_wrote_for_is_no_part_of_the_name(credit: str) -> None:
    assert clean_authors([f"By {credit}"]) == ("Jenny Smith",)
    byline = f'<p class="author-section byline-plain">By <a class="author" rel="nofollow">{credit}</a></p>'
    assert _authors(byline=byline) == ("Jenny Smith",)


def test_a_one_word_name_before_for_is_an_organisation_not_cut() -> None:
    assert clean_authors(["Center for Drug Evaluation"]) == ()


def test_an_emoji_after_a_name_is_dropped_with_its_variation_selector() -> None:
    assert _authors(head='<meta name="author" content="Jenny Smith ❤️">') == ("Jenny Smith",)
    # a mark that belongs to a letter stays: a decomposed "José"
    assert clean_authors(["Jose\u0301 Doe"]) == ("Jose\u0301 Doe",)


def test_a_name_in_a_figure_credits_the_picture_not_the_story() -> None:
    credit = '<span class="author">Jenny Smith</span>'
    figure = f'<figure><img src="/rain.jpg"><figcaption>Rain. {credit}</figcaption></figure>'
    assert _authors(after=figure) == ()
    byline = '<p class="byline">By <span class="author">John Roe</span></p>'
    assert _authors(byline=byline, after=figure) == ("John Roe",)


def test_a_huge_meta_of_byline_markup_is_read_by_its_head() -> None:
    value = "By &lt;a href=&quot;/p/jane-doe&quot;&gt;Jane Doe&lt;/a&gt;, " * 50_000  # 3 MB of links
    assert _authors(head=f'<meta name="author" content="{value}">') == ("Jane Doe",)


@pytest.mark.parametrize(
    "byline",
    [
        '<div data-component="byline-block"><div><span>Jenny Smith</span></div></div>',
        '<div data-testid="BylineWrapper"><span data-testid="BylineName">Jenny Smith</span></div>',
        '<span id="author">Jenny Smith</span>',
        '<span id="author-name">Jenny Smith</span>',
        '<div class="submitted-by"><a>Jenny Smith</a></div>',
    ],
)
def test_a_byline_marked_by_its_component_id_or_submitted_box_is_read(byline: str) -> None:
    assert _authors(byline=byline) == ("Jenny Smith",)


@pytest.mark.parametrize(
    "markup",
    [
        # an id that only holds the word: a topic menu's button, a payments product
        '<a href="/blog/?topic=906" id="author-modal">HR Strategy</a>',
        '<li data-testid="footer-products-authorization-boost-list-item">Authorization Boost</li>',
    ],
)
def test_ids_and_test_hooks_that_merely_hold_the_word_author_credit_nobody(markup: str) -> None:
    assert _authors(byline=markup) == ()
