"""Authors: the labels CMSs and newsrooms print before a writer's name, each in a tiny page in its style."""

from __future__ import annotations

from datetime import date

import pytest

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"
URL = "https://www.example.com/news/2025/05/a-table-story/"


def _story(meta: str, *, foot: str = "") -> newsscrape.Article:
    page = (
        "<html><head><title>A Table Story</title></head><body><main><article>"
        f"<h1>A Table Story</h1>{meta}{BODY}{foot}</article></main></body></html>"
    )
    return newsscrape.extract(page, url=URL)


def _authors(meta: str, *, foot: str = "") -> tuple[str, ...]:
    return _story(meta, foot=foot).authors


@pytest.mark.parametrize(
    "meta",
    [
        # Drupal's node template: "Submitted by <user> on <date>"
        '<div class="node__meta"><span>Submitted by <span class="field--name-uid">'
        '<a href="/user/3">Jane Doe</a></span> on <span>Mon, 05/01/2025</span></span></div>',
        '<div class="post-author"> Authored by: <a href="/team/jane-doe/">Jane Doe</a> </div>',
        "<p><em>Contributed by Jane Doe</em></p>",
        "<p>Compiled by Jane Doe</p>",
    ],
)
def test_a_cms_wording_of_by(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)


def test_a_wire_storys_foot_names_its_reporter_not_its_editor() -> None:
    foot = "<p>Reporting by Jane Doe; Editing by John Roe</p>"
    assert _authors("", foot=foot) == ("Jane Doe",)


@pytest.mark.parametrize("label", ["Authors:", "Author(s):"])
def test_a_label_naming_several_authors(label: str) -> None:
    assert _authors(f"<p><strong>{label}</strong> Jane Doe, John Roe</p>") == ("Jane Doe", "John Roe")


def test_the_heading_of_an_author_box_is_the_name_without_about() -> None:
    # A theme's author box below the story: "About <name>" over a short biography.
    box = (
        '<div class="author-box"><h3>About Jane Doe</h3>'
        "<p>Jane Doe writes about furniture and the tools that make it.</p></div>"
    )
    assert _authors("", foot=box) == ("Jane Doe",)


@pytest.mark.parametrize(
    "meta",
    [
        # a static-site blog's bio line: the name is the element after the label, a sentence follows
        "<p>Written by <strong>Jane Doe</strong> who lives and works in Lisbon building furniture.</p>",
        # a WordPress meta line: the author's link, then the category's
        '<p>By <a href="/u/jane">Jane Doe</a> in <a href="/category/furniture">Furniture</a></p>',
    ],
)
def test_the_name_is_the_element_right_after_a_bare_label(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)


def test_a_menu_label_opening_with_by_does_not_name_its_first_item() -> None:
    # A shop's menu: "By Type" over a list of product kinds.
    menu = (
        '<div class="mega"><ul><li><a href="#">By Type</a> <ul class="sub-menu"><li><a href="/c/ellipticals">'
        'Ellipticals and Cross Trainers</a></li><li><a href="/c/bikes">Upright Bikes</a></li>'
        "</ul></li></ul></div>"
    )
    page = f"<html><body>{menu}<main><h1>Used Gym Equipment</h1>{BODY}</main></body></html>"
    assert newsscrape.extract(page, url=URL).authors == ()


@pytest.mark.parametrize("label", ["Text:", "Tekst:"])
def test_a_text_label_with_its_colon(label: str) -> None:
    # German, Nordic, Dutch, Czech and Polish bylines: "Text: <name>"
    assert _authors(f"<p>{label} Hans Müller</p>") == ("Hans Müller",)


def test_text_without_a_colon_opens_other_lines() -> None:
    meta = "<p>Text Size <button>A+</button></p><p>Text Messages Are Back In Fashion</p>"
    assert _authors(meta) == ()


def test_a_byline_element_that_labels_a_handle() -> None:
    # A blog theme's byline prints the account's handle after "by", not linked.
    assert _authors('<span class="byline">by jdoe</span>') == ("jdoe",)
    # ... while a byline element saying a lower-case word alone names nobody
    assert _authors('<span class="byline">design</span>') == ()


def test_the_serial_commas_last_name_is_an_author() -> None:
    # "By A, B, C, and D": the last name follows ", and ".
    meta = "<p>By Jane Doe, John Roe, Ann Poe, and Bob Loe</p>"
    assert _authors(meta) == ("Jane Doe", "John Roe", "Ann Poe", "Bob Loe")


@pytest.mark.parametrize(
    "meta",
    [
        # German's gender-inclusive label, a public broadcaster's microdata byline
        '<div class="subline"><span itemprop="author">Autor/in: Jane Doe </span></div>',
        '<p class="author">Autor*in: Jane Doe</p>',
        '<p class="author">Autor:in: Jane Doe</p>',
        # French sets a space before the colon; Italian's "Autore"
        '<p class="auteur">Auteur : Jane Doe</p>',
        '<p class="autore">Autore: Jane Doe</p>',
    ],
)
def test_a_localised_author_label(meta: str) -> None:
    assert _authors(meta) == ("Jane Doe",)


def test_a_localised_label_beats_the_outlet_in_the_author_meta() -> None:
    page = (
        '<html><head><meta name="author" content="NDR"><title>A Table Story | NDR.de</title></head><body>'
        '<article><h1>A Table Story</h1><div class="subline"><span itemprop="author">Autor/in: Jane Doe'
        f"</span></div>{BODY}</article></body></html>"
    )
    assert newsscrape.extract(page, url="https://www.ndr.de/a-table-story,story100.html").authors == (
        "Jane Doe",
    )


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe Published on May 1, 2019",
        "von Jane Doe Veröffentlicht am 1. Mai 2019",
        "By Jane Doe, May 1, 2019",
        "By Jane Doe | Updated May 2, 2019",
    ],
)
def test_a_byline_line_ending_with_the_date_is_the_byline_not_body(line: str) -> None:
    article = _story(f"<p>{line}</p>")
    assert article.authors == ("Jane Doe",)
    assert article.body.startswith("Cut the legs first")


def test_a_sentence_opening_with_by_and_a_year_stays_in_the_body() -> None:
    assert _story("<p>By March 2020, Smith had sold the farm.</p>").body.startswith("By March 2020")


def test_a_dated_byline_in_a_list_item_is_a_cards_and_stays() -> None:
    cards = "".join(
        f'<li><h3><a href="/s{n}">Story number {n} of the week</a></h3>'
        f"<p>A teaser of story number {n}, a sentence long.</p><p>By Jane Doe • Dec. {n + 1}, 2025</p></li>"
        for n in range(12)
    )
    page = f"<html><body><main><h1>Latest stories</h1><ul>{cards}</ul></main></body></html>"
    body = newsscrape.extract(page, url="https://www.example.com/news/").body
    assert "By Jane Doe • Dec. 1, 2025" in body


def test_places_after_an_organisation_in_the_author_meta_are_nobody() -> None:
    # "SPIEGEL ONLINE, Hamburg, Germany": the outlet and its city, not two one-name authors
    meta = '<p class="byline">Von Jane Doe</p>'
    page = (
        '<html><head><meta name="author" content="SPIEGEL ONLINE, Hamburg, Germany">'
        f"<title>A Table Story</title></head><body><main><article><h1>A Table Story</h1>{meta}{BODY}"
        "<p>Hamburg, Germany</p></article></main></body></html>"
    )
    assert newsscrape.extract(page, url=URL).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "meta",
    [
        # A byline box holding only the label and a <time> whose day a script prints from its attribute.
        '<p class="byline">Published on <time datetime="2019-01-03T14:56:51+00:00"></time></p>',
        '<div class="byline">Veröffentlicht am <time datetime="2019-01-03T14:56:51+00:00"></time></div>',
        '<div class="author">Posted <time datetime="2019-01-03T14:56:51+00:00"></time></div>',
    ],
)
def test_a_publication_label_alone_credits_nobody(meta: str) -> None:
    story = _story(meta)
    assert story.authors == ()
    assert story.published is not None
    assert story.published.date() == date(2019, 1, 3)
