"""The block walk's memos (speed only): a label is worked out once per attribute set or text, and
a memo never answers for another element, another text or another page."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.content import _boxes, _chrome, _line_rules, _wording
from newsscrape.extractor.content._boxes import link_share
from newsscrape.extractor.content._chrome import chrome_kind, tokens
from newsscrape.extractor.content._walk import Walk
from newsscrape.extractor.content._wording import heading_kind, line_kind


def test_a_repeated_attribute_set_is_labelled_once_and_each_attribute_still_counts() -> None:
    _chrome._chrome_kind.cache_clear()
    bar: dict[str, str | None] = {"class": "share-button"}
    assert chrome_kind("a", bar) == ("share", 'class/id word "share"')
    assert chrome_kind("a", dict(bar)) == ("share", 'class/id word "share"')
    assert _chrome._chrome_kind.cache_info().hits == 1
    # the same class with one more attribute read by a rule is another answer, not the memo's
    assert chrome_kind("div", {"class": "box"}) is None
    assert chrome_kind("div", {"class": "box", "aria-hidden": "true"}) == ("hidden", "hidden from readers")
    assert chrome_kind("div", {"class": "box", "style": "display: none"}) == ("hidden", "display:none")
    assert chrome_kind("div", {"class": "box", "itemprop": "articleBody"}) is None
    # no attributes: the tag alone says, without the memo
    assert chrome_kind("nav", {}) == ("nav", "<nav> element")
    assert chrome_kind("p", {}) is None


def test_wording_memos_answer_per_text() -> None:
    _wording._short_line_kind.cache_clear()
    _wording._heading_label.cache_clear()
    assert line_kind("Advertisement") == ("label", "label text")
    assert line_kind("Advertisement") == ("label", "label text")
    assert _wording._short_line_kind.cache_info().hits == 1
    assert line_kind("Advertisements for the mayor were everywhere") is None
    # the reason quotes each heading's own text, though the label is shared by its lower-case form
    assert heading_kind("Latest News") == ("other_stories", 'heading "Latest News"')
    assert heading_kind("LATEST NEWS") == ("other_stories", 'heading "LATEST NEWS"')
    assert _wording._heading_label.cache_info().hits == 1
    assert heading_kind("Latest developments in the long trial of the mayor") is None
    # a long story paragraph is judged without entering the memo
    kept = _wording._short_line_kind.cache_info().currsize
    assert line_kind("Story sentence. " * 30) is None
    assert _wording._short_line_kind.cache_info().currsize == kept == 2


def test_link_lengths_are_kept_per_walk_not_per_page() -> None:
    first = LexborHTMLParser("<div><p>Read <a href='/x'>this story</a> now</p></div>").css_first("div")
    second = LexborHTMLParser("<div><p>Read <a href='/y'>a much longer story title</a></p></div>").css_first(
        "div"
    )
    assert first is not None
    assert second is not None
    walk = Walk(first, container_chars=100, max_depth=50)
    assert walk._link_share(first, 19) == link_share(first, 19)
    assert len(walk._anchor_chars) == 1
    other = Walk(second, container_chars=100, max_depth=50)
    assert other._anchor_chars == {}
    assert other._link_share(second, 30) == link_share(second, 30) == 25 / 30


def test_a_gated_pattern_is_searched_only_in_a_line_holding_its_word_or_not_ascii() -> None:
    rule = _line_rules.Gated(re.compile(r"\bshare (?:it|this) with\b", re.I), "share ")
    assert rule.search("SHARE THIS WITH a friend") is not None
    assert rule.search("Shared this with a friend") is None
    # case rules beyond ASCII ("ſ" is an "s" to a case-insensitive pattern): searched as ever
    assert rule.search("\u017fhare this with a friend") is not None


def test_the_gated_line_rules_still_label_their_lines() -> None:
    _wording._short_line_kind.cache_clear()
    assert line_kind("Sign up for our newsletter") == ("newsletter", "newsletter prompt")
    assert line_kind("Our newsletter, in your inbox") == ("newsletter", "newsletter prompt")
    assert line_kind("Share this story with a friend") == ("share", "share prompt")
    for appeal in ("Please consider supporting our journalism", "We have a small favour to ask."):
        assert line_kind(appeal) == ("newsletter", "support appeal")
    assert line_kind("This page requires JavaScript to run.") == ("label", "script notice")
    for notice in (
        "Copyright 2024 Example Media",
        "(C) 2021 Example",
        "All Rights Reserved.",
        "© 2024 Example",
    ):
        assert line_kind(notice) == ("copyright", "copyright line")
    assert line_kind("She shared the newsletter's findings with the board.") is None


def test_class_words_without_a_capital_skip_the_camel_case_split_and_keep_the_rest() -> None:
    _chrome._tokens.cache_clear()
    assert tokens({"class": "shareBar widget"}) == ["sharebar", "widget", "share"]
    assert tokens({"class": "sharebar widget"}) == ["sharebar", "widget"]
    assert tokens({"class": "read-more side-bar"}) == ["read", "more", "side", "bar", "readmore", "sidebar"]


def test_a_footer_name_is_found_in_any_case_and_other_names_are_not_cut() -> None:
    assert chrome_kind("div", {"class": "SiteFooter"}) == ("footer", "class/id names a footer")
    assert chrome_kind("div", {"id": "FOOTER-main"}) == ("footer", "class/id names a footer")
    assert chrome_kind("div", {"class": "card__footer"}) is None
    assert chrome_kind("div", {"class": "footnotes"}) is None


def test_a_links_site_is_its_hosts_registrable_part_and_a_path_has_none() -> None:
    assert _boxes._site_of("https://news.bbc.co.uk/story") == "bbc.co.uk"
    assert _boxes._site_of("//m.Example.com/a") == "example.com"
    assert _boxes._site_of("/news/story") is None
    assert _boxes._site_of("#comments") is None
    box = LexborHTMLParser("<div><p>x</p></div>").css_first("div")
    assert box is not None
    walk = Walk(box, container_chars=1, max_depth=9, url="https://www.example.com/a")
    assert walk._is_away("https://other.org/b")
    assert not walk._is_away("https://example.com/c")
