"""Dates: conventions of the markup that htmldate's own unit tests hold (1.11.0, ``tests/unit_tests.py``),
which the development pages barely show: Dublin Core as RDFa and legacy HTML name it, hAtom's
``<abbr class="published" title="...">``, and the day in the story's canonical address when the
address it was fetched from has none. Each page here is written in the convention's style."""

from __future__ import annotations

from datetime import date

import pytest
from prose import PARA, PARA2, PARA3

import newsscrape

BODY = "".join(f"<p>{text}</p>" for text in (PARA, PARA2, PARA3))
URL = "https://www.example.com/news/rain-returns-to-the-valley"


def _published(
    head: str = "", byline: str = "", url: str | None = URL, lang: str | None = None
) -> date | None:
    html = f'<html lang="{lang}">' if lang else "<html>"
    page = (
        f"{html}<head><title>Rain returns to the valley</title>{head}</head><body><article>"
        f"<h1>Rain returns to the valley</h1>{byline}{BODY}</article></body></html>"
    )
    published = newsscrape.extract(page, url=url).published
    return published.date() if published is not None else None


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="dc:created" content="2017-09-01">',
        '<meta property="dcterms:issued" content="2017-09-01">',
        '<meta name="DC.Issued" content="2017-09-01">',
        '<meta name="DC.created" content="2017-09-01">',
    ],
)
def test_dublin_core_dates_in_their_rdfa_and_legacy_names(meta: str) -> None:
    assert _published(head=meta) == date(2017, 9, 1)


def test_an_hatom_published_abbr_dates_the_story_by_its_title() -> None:
    byline = (
        '<p class="byline">Posted <abbr class="published" title="2019-11-18T17:19:53-05:00">Monday</abbr></p>'
    )
    assert _published(byline=byline) == date(2019, 11, 18)


@pytest.mark.parametrize(
    ("abbr", "day"),
    [
        ('<abbr class="published">am 12.11.16</abbr>', date(2016, 11, 12)),  # htmldate 1.11.0's case
        ('<abbr class="published">November 18, 2019</abbr>', date(2019, 11, 18)),
    ],
)
def test_an_hatom_published_abbr_without_a_title_dates_the_story_by_its_text(abbr: str, day: date) -> None:
    assert _published(byline=f'<p class="byline">Von Jenny Smith {abbr}</p>', lang="de") == day


@pytest.mark.parametrize("klass", ["unit", "version"])
def test_an_abbr_whose_class_marks_no_date_dates_nothing_by_its_text(klass: str) -> None:
    assert _published(byline=f'<p>Build <abbr class="{klass}">12.11.16</abbr> is out.</p>') is None


def test_an_abbreviation_that_hatom_does_not_mark_dates_nothing() -> None:
    byline = '<p>Talks open under the <abbr title="Treaty of 2019-11-18">T18</abbr> framework.</p>'
    assert _published(byline=byline) is None


@pytest.mark.parametrize("url", [None, "https://amp.example.com/s/rain-returns"])
def test_the_canonical_address_dates_a_page_whose_own_address_does_not(url: str | None) -> None:
    head = '<link rel="canonical" href="https://www.example.com/2018/02/01/rain-returns/">'
    assert _published(head=head, url=url) == date(2018, 2, 1)
    head = '<meta property="og:url" content="https://www.example.com/2018/02/01/rain-returns/">'
    assert _published(head=head, url=url) == date(2018, 2, 1)


def test_the_fetched_address_day_comes_before_the_canonical_one() -> None:
    head = '<link rel="canonical" href="https://www.example.com/2018/02/01/rain-returns/">'
    assert _published(head=head, url="https://www.example.com/2018/03/05/rain-returns/") == date(2018, 3, 5)


@pytest.mark.parametrize(
    ("line", "lang", "day"),
    [
        ("<p>Veröffentlicht am 6.12.06</p>", "de", date(2006, 12, 6)),
        ("<p><em>Last updated: 1/23/21</em></p>", "en", date(2021, 1, 23)),
        ('<div class="item-date">Updated on 09/11/25</div>', "en-US", date(2025, 9, 11)),
        ("<p>Publié le 09/11/25</p>", "fr", date(2025, 11, 9)),
        ("<p>Posted 12.11.98</p>", "en", date(1998, 11, 12)),
    ],
)
def test_a_labelled_day_with_a_two_digit_year_dates_a_page_without_markup_dates(
    line: str, lang: str, day: date
) -> None:
    assert _published(byline=line, lang=lang) == day


@pytest.mark.parametrize(
    "line",
    [
        "<p>Version 1.2.21 of the app is out.</p>",  # no label
        "<p>Published in volume 3/4/21 of the review.</p>",  # the label's next words are no day
        "<p>Updated to 2.10.16.4 today.</p>",  # a version after the label
    ],
)
def test_a_two_digit_year_without_its_label_dates_nothing(line: str) -> None:
    assert _published(byline=line) is None


def test_a_two_digit_year_never_overrules_a_markup_date() -> None:
    head = '<meta property="article:published_time" content="2021-03-04T10:00:00Z">'
    assert _published(head=head, byline="<p>Published 4/3/20</p>") == date(2021, 3, 4)


@pytest.mark.parametrize(
    "byline",
    [
        "<p>menu 2019-01-01</p><p>published 2020-05-05T10:00:00</p>",
        "<div>Updated 1 January 2019</div><div>Veröffentlicht am 5. Mai 2020</div>",
    ],
)
def test_a_labelled_publication_day_beats_an_unlabelled_one_before_it_in_the_byline(byline: str) -> None:
    assert _published(byline=byline, url=None) == date(2020, 5, 5)


def test_the_first_unlabelled_day_of_the_byline_stays_when_none_is_labelled() -> None:
    assert _published(byline="<p>1 January 2019</p><p>5 May 2020</p>", url=None) == date(2019, 1, 1)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">',
        '<meta name="cXenseParse:publishtime" content="2025-05-27T18:24:18.273Z">',
        '<meta property="bt:pubDate" content="20250527T10:04:34Z">',
        '<meta name="published_at" content="2025-05-27">',
        '<meta property="og:publication_time" content="2025-05-27T16:06:11+0000">',
        '<meta name="date-pub" content="2025-05-27">',
        # schema.org's datePublished in the Open Graph namespace, beside the update's
        '<meta property="OG:Updated_Time" content="2025-09-01">'
        '<meta property="OG:DatePublished" content="2025-05-27">',
    ],
)
def test_a_meta_whose_own_name_says_published_dates_the_story(meta: str) -> None:
    # names no list holds, from the development and held-out pages' templates
    assert _published(head=meta) == date(2025, 5, 27)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="cdc:last_published" content="2025-05-27T14:27:23Z">',  # the latest edition
        '<meta property="article:expiration_time" content="2025-05-27">',
        '<meta itemprop="publisher" content="2025-05-27 Media">',
        '<meta name="publishedType" content="2025-05-27">',
    ],
)
def test_a_meta_named_for_another_moment_or_no_moment_dates_nothing(meta: str) -> None:
    assert _published(head=meta) is None


def test_a_listed_meta_outranks_one_only_its_name_calls_published() -> None:
    head = (
        '<meta name="w-published-date" content="2024-01-02T06:00:00Z">'
        '<meta property="article:published_time" content="2025-05-27T06:00:00Z">'
    )
    assert _published(head=head) == date(2025, 5, 27)


def test_a_meta_only_its_name_calls_published_lends_the_stamp_the_pages_own_offset() -> None:
    # A sharing plugin's meta writes the Open Graph stamp's moment in the publisher's zone.
    head = (
        '<meta property="article:published_time" content="2025-12-19T23:21:34+00:00">'
        '<meta name="shareaholic:article_published_time" content="2025-12-20T01:21:34+02:00">'
    )
    page = (
        f"<html><head><title>Rain returns to the valley</title>{head}</head><body><article>"
        f"<h1>Rain returns to the valley</h1>{BODY}</article></body></html>"
    )
    published = newsscrape.extract(page, url=URL).published
    assert published is not None
    assert published.isoformat() == "2025-12-20T01:21:34+02:00"


def test_facebooks_unix_time_attribute_dates_a_page_nothing_else_dates() -> None:
    # htmldate 1.11.0's unit tests: <abbr data-utime="1438091078"> on Facebook's pages
    assert _published(byline='<abbr data-utime="1438091078" class="something">A date</abbr>') == date(
        2015, 7, 28
    )


def test_a_last_modified_meta_written_as_one_word_dates_a_page_that_shows_only_its_update() -> None:
    assert _published(head='<meta name="lastmodified" content="2018-02-05"/>') == date(2018, 2, 5)


def test_a_german_stand_stamp_dates_a_page_by_its_last_edit() -> None:
    # "Stand: 1.4.18" (htmldate's unit tests), as German public broadcasters stamp their stories
    assert _published(byline="<p>Stand: 1.4.18</p>", lang="de") == date(2018, 4, 1)


def test_stand_in_english_running_text_is_no_label() -> None:
    assert _published(byline="<p>Where we stand: 1.4.18 was the draft's version.</p>") is None


def test_a_marked_date_whose_text_is_relative_is_read_from_its_title() -> None:
    # The byline prints "3 hours ago" and keeps the moment in the element's tooltip.
    byline = '<p><span class="post-date" title="2019-12-03T10:00:00+01:00">3 hours ago</span></p>'
    assert _published(byline=byline, url=None) == date(2019, 12, 3)
