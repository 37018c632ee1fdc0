"""Days of the Solar Hijri calendar (Iranian sites' bylines) read as Gregorian days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of, parse_date
from newsscrape.extractor.metadata._metadata import read_metadata


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("سه\u200cشنبه ۲۹ بهمن ۱۳۹۸", date(2020, 2, 18)),  # Persian digits, a weekday before
        ("۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", date(2020, 5, 10)),  # the Arabic ي for ی
        ("2 تير 1399 - 12:09:08", date(2020, 6, 22)),  # Latin digits
        ("۳۰ اسفند ۱۴۰۳", date(2025, 3, 20)),  # the last day of a leap year
        ("۱ فروردین ۱۴۰۴", date(2025, 3, 21)),  # Nowruz
        ("۱۲ دی ۱۴۰۲", date(2024, 1, 2)),
    ],
)
def test_a_solar_hijri_day_reads_as_its_gregorian_day(text: str, day: date) -> None:
    found = parse_date(text)
    assert found is not None
    assert day_of(found) == day


def test_the_time_after_a_solar_hijri_day_is_kept() -> None:
    assert parse_date("۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹") == datetime(2020, 5, 10, 18, 59)


def test_an_iranian_byline_dates_the_story() -> None:
    text = "<p>" + "شورای شهر روز سه‌شنبه تشکیل جلسه داد و به باز ماندن کتابخانه رأی داد. " * 4 + "</p>"
    page = (
        '<html lang="fa" dir="rtl"><head><title>کتابخانه باز می‌ماند</title></head><body><article>'
        '<h1>کتابخانه باز می‌ماند</h1><div class="news_pdate_c">۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹</div>'
        f"{text}</article></body></html>"
    )
    found = read_metadata(LexborHTMLParser(page), url=None).record.published
    assert found is not None
    assert day_of(found) == date(2020, 5, 10)
