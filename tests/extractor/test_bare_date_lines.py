"""A story's dateline printed on a line of its own ("December 19, 2025", a blog's
``<h2 class="date">``) is the page's date, not its text: on an article's reading such a line goes,
while a sentence holding a date, a version number or a forum post's date stay."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsscrape import extract
from newsscrape.extractor.metadata._dates import is_bare_date

STORY = (
    "<p>The council voted on Tuesday to expand the riverside park by twelve hectares, after a "
    "debate that ran for more than two hours and drew a crowd of residents to the town hall.</p>"
    "<p>Residents had campaigned for the expansion for more than a decade, citing the lack of green "
    "space in the new housing estates on the eastern bank of the river.</p>"
    "<p>Work on the new paths and the playground will begin in the spring, the parks office said, "
    "and the first part of the park should open to the public by the end of next summer.</p>"
)
URL = "https://www.dailytown.example/2025/12/19/park-expansion/"


def page(before: str, after: str = "") -> str:
    return (
        '<html><head><title>Park to grow by twelve hectares</title><meta property="og:type" '
        'content="article"></head><body><article><h1>Park to grow by twelve hectares</h1>'
        f"{before}{STORY}{after}</article></body></html>"
    )


@pytest.mark.parametrize(
    "line",
    [
        "<p>December 19, 2025</p>",
        '<div class="meta">19 Dec 2025</div>',
        "<p>Friday, 19 December 2025 10:15</p>",
        '<h2 class="date">Dec. 19, 2025</h2>',
        "<span>2025-12-19</span>",
    ],
)
def test_a_dateline_on_a_line_of_its_own_is_no_body_text(line: str) -> None:
    article = extract(page(line), url=URL)
    assert article.body.startswith("The council voted on Tuesday")
    assert "2025" not in article.body
    assert article.headings == ()


def test_a_sentence_with_a_date_and_a_version_number_stay() -> None:
    after = "<p>The vote took place on December 19, 2025.</p><p>Version 2.1.2025</p>"
    body = extract(page("", after), url=URL).body
    assert body.endswith("The vote took place on December 19, 2025.\n\nVersion 2.1.2025")


MONTHS = [
    "January",
    "Feb",
    "March",
    "Apr.",
    "May",
    "June",
    "Jul",
    "August",
    "Sept",
    "October",
    "Nov",
    "December",
]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 4))
def test_every_written_form_of_a_day_is_a_bare_date(day: date, form: int) -> None:
    month = MONTHS[day.month - 1]
    text = [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day:%A}, {day.day} {month} {day.year}",
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ][form]
    assert is_bare_date(text)
    assert not is_bare_date(f"{text} was the day the council met")
    assert not is_bare_date(f"Released on {text} and again")
