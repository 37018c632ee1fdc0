"""The date parser: ISO fast path, written dates, range checks, URL dates; a Hypothesis property."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.extractor.metadata._dates import parse_date, plausible, url_date

NOW = datetime(2021, 6, 1, 12, 0, tzinfo=UTC)


def test_iso_with_zone_is_aware() -> None:
    value = parse_date("2021-03-04T08:30:00+05:30", now=NOW)
    assert value == datetime(2021, 3, 4, 3, 0, tzinfo=UTC)


def test_iso_z_is_utc() -> None:
    value = parse_date("2021-03-04T08:30:00.123Z", now=NOW)
    assert isinstance(value, datetime)
    assert value.utcoffset() == timedelta(0)


def test_iso_without_zone_is_naive() -> None:
    value = parse_date("2021-03-04 08:30", now=NOW)
    assert isinstance(value, datetime)
    assert value.tzinfo is None


@pytest.mark.parametrize(
    "text",
    [
        "2021-03-04",
        "20210304",
        "March 4, 2021",
        "4th March 2021",
        "4 de marzo de 2021",
        "4. März 2021",
        "04.03.2021",
        "2021年3月4日",
        "2021. 03. 04. 21:35",
        "Thu, 04 Mar 2021 10:00:00 GMT",
    ],
)
def test_day_formats(text: str) -> None:
    value = parse_date(text, now=NOW)
    assert value is not None
    assert (value.year, value.month, value.day) == (2021, 3, 4)


def test_month_first_for_us_english() -> None:
    assert parse_date("3/4/2021", now=NOW, languages=("en-us",)) == date(2021, 3, 4)
    assert parse_date("3/4/2021", now=NOW, languages=("fr",)) == date(2021, 4, 3)


def test_numeric_date_whose_second_number_cannot_be_a_month_is_month_first() -> None:
    # Drupal's "Thu, 09/25/2025 - 11:38" on a page of no declared language: only month-first is a day.
    assert parse_date("Thu, 03/25/2021 - 11:38", now=NOW) == datetime(2021, 3, 25, 11, 38)
    assert parse_date("3/27/2021", now=NOW, languages=("fr",)) == date(2021, 3, 27)


def test_future_and_ancient_dates_are_rejected() -> None:
    assert parse_date("2021-06-05", now=NOW) is None
    assert parse_date("1989-12-31", now=NOW) is None
    assert parse_date("2021-06-02", now=NOW) == date(2021, 6, 2)  # a day of slack for time zones


def test_nonsense_gives_none() -> None:
    assert parse_date("2021-02-30", now=NOW) is None
    assert parse_date("no date here", now=NOW) is None
    assert parse_date("", now=NOW) is None


def test_url_date() -> None:
    assert url_date("https://x.example/2021/03/04/slug", now=NOW) == date(2021, 3, 4)
    assert url_date("https://x.example/news/2021-03-04-slug.html", now=NOW) == date(2021, 3, 4)
    assert url_date("https://x.example/article/20210304/slug", now=NOW) == date(2021, 3, 4)
    assert url_date("https://x.example/id/12345?d=2021/03/04/", now=NOW) is None  # the query is not the path
    # unpadded folders (Vox Media's, Squarespace's paths); a slug's number after them is no day
    assert url_date("https://x.example/a/2021/3/4/20948348/slug", now=NOW) == date(2021, 3, 4)
    assert url_date("https://x.example/home/2017/7/12/slug", now=NOW) == date(2017, 7, 12)
    assert url_date("https://x.example/2021/10/3-questions-for-you/", now=NOW) is None


@settings(deadline=None)  # a shared 2-core machine: no timing in unit tests
@given(st.text(max_size=80))
def test_parse_date_never_raises_and_stays_in_range(text: str) -> None:
    value = parse_date(text, now=NOW)
    assert value is None or isinstance(value, date)
    if value is not None:
        assert plausible(value, now=NOW)
        assert parse_date(value.isoformat(), now=NOW) == value  # normalising twice changes nothing


@settings(deadline=None)
@given(
    st.from_regex(
        r"(19|20)\d\d[-/.][01]?\d[-/.][0-3]?\d( [0-2]\d:[0-5]\d(:[0-5]\d)?(Z|[+-]0\d:00)?)?", fullmatch=True
    )
)
def test_date_shaped_strings_are_idempotent(text: str) -> None:
    value = parse_date(text, now=NOW)
    assert value is None or parse_date(value.isoformat(), now=NOW) == value


@settings(deadline=None)
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2021, 5, 31)))
def test_isoformat_round_trips(moment: datetime) -> None:
    # What we return re-parses to itself (to the second): normalising is idempotent.
    moment = moment.replace(microsecond=0)
    assert parse_date(moment.isoformat(), now=NOW) == moment
    assert parse_date(moment.date().isoformat(), now=NOW) == moment.date()


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("Posted: Tuesday, October 8, 2019 4:15 pm", datetime(2019, 10, 8, 16, 15)),
        ("March 4, 2021 12:30 am", datetime(2021, 3, 4, 0, 30)),
        ("4. März 2021, 16:15 Uhr", datetime(2021, 3, 4, 16, 15)),
        ("04.03.2021 um 10:00", datetime(2021, 3, 4, 10, 0)),
        ("March 4, 2021 10:00 GMT", datetime(2021, 3, 4, 10, 0, tzinfo=UTC)),
    ],
)
def test_written_date_keeps_the_time_after_it(text: str, moment: datetime) -> None:
    assert parse_date(text, now=NOW) == moment


def test_written_date_without_a_time_stays_a_day() -> None:
    assert parse_date("March 4, 2021 10.5 million", now=NOW) == date(2021, 3, 4)


def test_url_date_with_the_month_in_words() -> None:
    # The Guardian's "/2023/oct/03/" and blog engines' "/2023/october/03/".
    assert url_date("https://www.example.com/world/2023/oct/03/story") == date(2023, 10, 3)
    assert url_date("https://www.example.com/blog/2023/october/03/how-many-wines/") == date(2023, 10, 3)
    assert url_date("https://www.example.com/2023/news/03/story") is None  # a section is no month
