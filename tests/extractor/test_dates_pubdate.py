"""Publication dates on tiny inline pages: fallbacks when metadata is absent, the page's own offset,
and the record's one date form (always ISO 8601 with an offset)."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape import extract
from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._datewalk import Body, ShortText, _Item
from newsscrape.extractor.metadata._metadata import Metadata, read_metadata

# The one form every published/modified value of a record takes.
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
TEXT = "<p>" + "The council met on Tuesday and voted to keep the library open for another year. " * 4 + "</p>"


def meta_of(html: str, url: str | None = None) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url=url)


def ld(body: str) -> str:
    return f'<script type="application/ld+json">{body}</script>'


def article(head: str) -> str:
    story = f"<article><h1>Library stays open</h1>{TEXT}</article>"
    return f"<html><head>{head}</head><body>{story}</body></html>"


def test_meta_named_published_dates_the_page() -> None:
    assert meta_of('<meta name="published" content="July 17, 2025"><h1>Story</h1>').record.published == date(
        2025, 7, 17
    )


def test_jsonld_page_node_dates_a_page_without_an_article_node() -> None:
    page = ld('{"@graph": [{"@type": "WebPage", "datePublished": "2022-10-05T12:53:00-07:00"}]}')
    published = meta_of(page + "<h1>Guide</h1>").record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2022-10-05T12:53:00-07:00"


def test_modified_time_dates_a_page_without_a_publication_time() -> None:
    page = '<meta property="article:modified_time" content="2025-06-23T18:44:33+02:00"><h1>Guide</h1>'
    meta = meta_of(page)
    assert meta.record.published == meta.record.modified
    assert meta.sources["published"] == "og"


def test_zoneless_and_zoned_stamp_of_one_moment_keep_the_zoned() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2024-05-06T10:00:00"}') + (
        '<meta property="article:published_time" content="2024-05-06T10:00:00+09:00">'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2024-05-06T10:00:00+09:00"


def test_utc_and_local_stamp_of_one_instant_keep_the_local() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2024-05-05T16:30:00Z"}') + (
        '<h1>Story</h1><time class="published" datetime="2024-05-06T01:30:00+09:00">6 May</time>'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2024-05-06T01:30:00+09:00"  # the page's day, not UTC's


def test_bare_day_and_a_zoned_stamp_that_day_keep_the_stamp() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2024-05-06"}') + (
        '<meta property="article:published_time" content="2024-05-06T08:15:00+02:00">'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.utcoffset() == timedelta(hours=2)


def test_zoneless_local_time_takes_the_offset_of_the_same_instant_in_utc() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2024-05-06 01:30:17"}') + (
        '<meta property="article:modified_time" content="2024-05-05T16:30:17Z">'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2024-05-06T01:30:17+09:00"


def test_zoned_stamp_of_another_moment_does_not_lend_its_offset() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2024-05-06T10:00:00"}') + (
        '<meta property="article:modified_time" content="2024-05-07T11:20:00+09:00">'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.tzinfo is None  # the metadata pass keeps what the page said ...
    record = extract(article(page)).to_dict()
    assert record["published"] == "2024-05-06T10:00:00+00:00"  # ... the record says it in its one form


@pytest.mark.parametrize(
    ("head", "want"),
    [
        ('<meta property="article:published_time" content="2024-05-06 10:00">', "2024-05-06T10:00:00+00:00"),
        ('<meta property="article:published_time" content="2024-05-06">', "2024-05-06T00:00:00+00:00"),
    ],
)
def test_record_dates_are_always_iso_8601_with_an_offset(head: str, want: str) -> None:
    record = extract(article(head)).to_dict()
    assert record["published"] == want
    assert STAMP.fullmatch(record["published"])


def test_record_modified_has_the_same_form() -> None:
    head = '<meta name="date" content="2024-05-06">' + (
        '<meta property="article:modified_time" content="2024-05-08 09:00">'
    )
    record = extract(article(head)).to_dict()
    assert [record["published"], record["modified"]] == [
        "2024-05-06T00:00:00+00:00",
        "2024-05-08T09:00:00+00:00",
    ]
    assert all(STAMP.fullmatch(record[key]) for key in ("published", "modified"))


def test_numeric_meta_date_reads_month_first_on_an_english_page() -> None:
    page = '<html lang="en-US"><meta name="article:published_time" content="03-09-2026"><h1>Story</h1>'
    assert meta_of(page).record.published == date(2026, 3, 9)


def test_kicker_line_above_the_headline_dates_the_page() -> None:
    page = "<main><p>February 4, 2025 - 11 minutes</p><h1>Cloud trends</h1><p>Text without a date.</p></main>"
    assert meta_of(page).record.published == date(2025, 2, 4)
    assert meta_of(page.replace("h1>", "p>")).record.published is None  # no headline: nothing to be above


def test_update_line_after_the_headline_dates_a_page_that_shows_nothing_else() -> None:
    page = "<h1>Wedding checklist</h1><div><span>Updated October 23, 2025</span></div><p>Text.</p>"
    assert meta_of(page).record.published == date(2025, 10, 23)


def test_byline_day_older_than_the_markup_is_the_publication() -> None:
    page = '<meta property="article:published_time" content="2025-06-12T10:00:00+00:00"><h1>Protocol</h1>'
    assert meta_of(page + "<p>November 2, 2022</p><p>Text.</p>").record.published == date(2022, 11, 2)
    # One day apart is a question of zones, not a re-stamped story: the markup's instant stays.
    assert isinstance(meta_of(page + "<p>June 11, 2025</p><p>Text.</p>").record.published, datetime)


def test_date_of_a_story_card_below_a_later_heading_is_not_the_page_date() -> None:
    page = (
        '<header><span class="post-hero__date">December 17, 2025</span><h1>Stop nesting</h1></header>'
        "<h2>How it works</h2><p>Text.</p><h2>Read more</h2>"
        '<p class="listing__item__date"><b>November</b> <i>25, 2025</i></p><h3>Another story</h3>'
    )  # the card's date is split in two elements, so only the byline-element reader sees it
    assert meta_of(page).record.published == date(2025, 12, 17)


def test_update_the_reader_sees_beats_a_markup_day_printed_nowhere() -> None:
    page = (
        ld('{"@type": "Article", "datePublished": "2024-02-01T15:46:14+00:00"}')
        + "<h1>Video production</h1><p>Updated April 19, 2025</p><p>Text.</p>"
    )
    assert meta_of(page).record.published == date(2025, 4, 19)
    # When the page also prints the markup's day, that day stays the publication.
    both = meta_of(page + "<footer><p>First published February 1, 2024</p></footer>").record.published
    assert both is not None
    assert day_of(both) == date(2024, 2, 1)


def test_update_label_printed_apart_from_its_day_still_labels_it() -> None:
    # The theme prints the label and the day in elements of their own ("Updated on" / "April 19, 2025").
    label = '<div class="meta"><span class="label">{}</span><span class="value">April 19, 2025</span></div>'
    page = (
        ld('{"@type": "Article", "datePublished": "2024-02-01T15:46:14+00:00"}')
        + "<h1>Video production</h1>"
        + '<div class="meta"><span class="label">Author</span><span class="value">Jane Roe</span></div>'
    )
    assert meta_of(page + label.format("Updated on") + TEXT).record.published == date(2025, 4, 19)


def test_later_byline_day_unlabelled_beats_a_markup_day_printed_nowhere() -> None:
    # A theme prints the post's modified day as its only date, with no "Updated" before it.
    markup = ld('{"@type": "Article", "datePublished": "2024-02-01T15:46:14+00:00"}')
    byline = '<p class="byline"><span>Jane Roe</span> <span class="date">April 19, 2025</span></p>'
    page = markup + "<h1>Video production</h1>" + byline + TEXT
    assert meta_of(page).record.published == date(2025, 4, 19)
    # The markup's day stays when the page prints it too, or an Open Graph meta declares it.
    og = '<meta property="article:published_time" content="2024-02-01T15:46:14+00:00">'
    for kept in (page + "<footer><p>First published February 1, 2024</p></footer>", og + page):
        published = meta_of(kept).record.published
        assert published is not None
        assert day_of(published) == date(2024, 2, 1)


def test_later_byline_day_loses_to_a_markup_day_the_url_carries() -> None:
    # An old news template prints the update's day first ("November 28, 2013 -- Updated 0203 GMT");
    # the URL, minted when the story was first published, carries the markup's day.
    markup = ld('{"@type": "NewsArticle", "datePublished": "2013-11-27T08:36:32+00:00"}')
    byline = '<div class="timestamp">November 28, 2013 -- Updated 0203 GMT (1003 HKT)</div>'
    page = markup + "<h1>Smooth sailing for the holiday</h1>" + byline + TEXT
    url = "https://news.example.com/2013/11/27/travel/holiday-weather/index.html"
    published = meta_of(page, url=url).record.published
    assert published is not None
    assert day_of(published) == date(2013, 11, 27)
    # Without the URL's day the reader's later day stands, as above.
    assert meta_of(page, url="https://news.example.com/travel/holiday-weather/").record.published == date(
        2013, 11, 28
    )


def test_markup_day_later_than_the_url_day_is_a_re_stamp() -> None:
    # A blog moved to a new platform: its JSON-LD says when it was moved, its address when it first
    # went out.
    page = ld('{"@type": "BlogPosting", "datePublished": "2019-06-17T18:28:00+02:00"}')
    page += "<h1>The most beautiful end of the world</h1>" + TEXT
    url = "https://www.example.de/home/2017/7/12/the-end-of-the-world"
    assert meta_of(page, url=url).record.published == date(2017, 7, 12)
    # a day apart is a zone's offset, not a re-stamp: the markup's moment stays
    published = meta_of(
        page, url="https://www.example.de/home/2019/6/16/the-end-of-the-world"
    ).record.published
    assert published is not None
    assert day_of(published) == date(2019, 6, 17)


def test_url_day_settles_a_day_written_both_ways() -> None:
    # A UK blog engine prints "03/10/2023" (3 October); read month-first it would be 10 March.
    page = (
        '<html lang="en-US"><body><article><h1>Library stays open</h1>'
        f'<span class="post_time">03/10/2023</span>{TEXT}</article></body></html>'
    )
    meta = meta_of(page, url="https://www.example.com/blog/2023/october/03/library-stays-open/")
    assert meta.record.published is not None
    assert day_of(meta.record.published) == date(2023, 10, 3)


def test_byline_day_no_zone_reaches_is_the_first_publication() -> None:
    # 22:02 UTC is on the 19th from UTC-8 to UTC+1 and on the 20th further east: never on the 18th.
    page = '<meta property="article:published_time" content="2025-12-19T22:02:58Z"><h1>Model behaviour</h1>'
    assert meta_of(page + "<div>Dec 18, 2025</div><p>Text.</p>").record.published == date(2025, 12, 18)
    # A local time without a zone is on its own day only.
    local = ld('{"@type": "Article", "datePublished": "2025-11-13T09:21:40"}') + "<h1>Meals on a budget</h1>"
    assert meta_of(local + "<div>12 November 2025</div><p>Text.</p>").record.published == date(2025, 11, 12)


def test_section_name_in_the_h1_does_not_open_the_byline_zone() -> None:
    page = (
        '<meta property="og:title" content="Cuadrado says goodbye to Queiroz">'
        '<meta name="dc.date.issued" content="2020-12-06T12:32:58+00:00">'
        "<h1>Football</h1><ul><li>01/12/2020 - 14:22</li><li>Another story of the section</li></ul>"
        "<article><h2>Cuadrado says goodbye to Queiroz</h2><p>Domingo, Diciembre 6, 2020 - 07:32</p>"
        f"{TEXT}</article>"
    )
    published = meta_of(page).record.published
    assert published is not None
    assert day_of(published) == date(2020, 12, 6)


def test_dates_after_a_second_heading_below_the_headline_are_not_the_byline() -> None:
    markup = '<meta property="article:published_time" content="2020-06-23T16:45:52-03:00">'
    cards = (
        "<h1>Driver flips his new car</h1><p>Follow us on video</p><h4>Related videos</h4>"
        "<h3>Dashboard melts in the sun</h3><time>16/06/2020</time><p>23/06/2020 16h45</p>"
    )
    published = meta_of(markup + cards + TEXT).record.published
    assert published is not None
    assert day_of(published) == date(2020, 6, 23)
    # One heading (a dek) may stand between the headline and its byline.
    dek = "<h1>Startup lessons</h1><h2>What two years taught us</h2><p>Dec 30, 2013</p>"
    assert meta_of(markup + dek + TEXT).record.published == date(2013, 12, 30)


def test_unmarked_time_in_the_byline_beats_one_in_a_list_above_the_headline() -> None:
    page = (
        '<html lang="en"><body><div class="view"><p>Career news</p>'
        '<time datetime="2025-01-31T12:00:00Z">01/31/2025</time><a href="/a">Another story</a></div>'
        '<h1>Candidate experience</h1><time datetime="2017-03-01T12:00:00Z">03/01/2017</time>'
        f"<p>by A. Writer</p>{TEXT}</body></html>"
    )
    published = meta_of(page).record.published
    assert published is not None
    assert day_of(published) == date(2017, 3, 1)


def test_kicker_above_the_headline_beats_a_date_below_the_byline_zone() -> None:
    page = (
        '<html lang="en"><body><a class="tag">Personal finance</a><span>January 27, 2025</span>'
        "<h1>Tax services reviewed</h1><p>Share this post</p><h2>Turbo Tax</h2><p>Text.</p><h2>H&amp;R</h2>"
        f'<p>Text.</p><h2>Related</h2><span class="byline__date">January 31, 2025</span>{TEXT}</body></html>'
    )
    assert meta_of(page).record.published == date(2025, 1, 27)


def test_utc_stamp_takes_the_offset_of_the_bylines_local_time_of_the_same_minute() -> None:
    page = ld('{"@type": "NewsArticle", "datePublished": "2020-08-25T00:23:33Z"}') + (
        "<h1>School buses wait</h1><p>August 24, 2020 8:23 pm</p><p>Text.</p>"
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2020-08-24T20:23:33-04:00"
    # A byline time of another minute is another moment: the instant stays as the markup gives it.
    other = meta_of(page.replace("8:23 pm", "8:40 pm")).record.published
    assert isinstance(other, datetime)
    assert other.isoformat() == "2020-08-25T00:23:33+00:00"


def _read(items: list[_Item]) -> list[str]:
    return [item.text if isinstance(item, ShortText) else f"<{item.tag}>" for item in items]


def test_the_body_walked_in_part_then_in_full_gives_every_item_once_in_page_order() -> None:
    # Body is walked once per page, only as far as a reader goes: a reader that stops early must
    # leave the rest to the next one, and no reader may see an item twice or out of order.
    html = (
        "<body><p>Jan 5, 2024 · site</p><h1>Library stays open</h1><p>By Jane Doe</p><p>ok</p>"
        "<script>var stamp = '2020-01-01';</script><h4>More stories</h4><p>March 3, 2021</p></body>"
    )
    body = Body(LexborHTMLParser(html))
    first = list(itertools.islice(iter(body), 2))
    everything = list(body)
    assert _read(first) == ["Jan 5, 2024 · site", "<h1>"]
    # (a heading's own text is a text too; "ok" is too short, the script is code)
    texts = ["By Jane Doe", "<h4>", "More stories", "March 3, 2021"]
    assert _read(everything) == ["Jan 5, 2024 · site", "<h1>", "Library stays open", *texts]
    assert _read(list(body)) == _read(everything)


def test_a_machine_time_in_a_data_attribute_dates_a_page_that_prints_no_year() -> None:
    # A scripted page prints "Jul 10" and keeps the instant beside it; the replies below have their own.
    tweet = '<small class="time"><span class="_timestamp" data-time="{}">{}</span></small>'
    page = (
        '<span class="countdown__timer" data-time="2020-07-31 22:00:00"></span><h1>Reuters</h1>'
        + tweet.format(1594448702, "Jul 10")
        + TEXT
        + tweet.format(1594448799, "Jul 10")
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2020-07-11T06:25:02+00:00"
