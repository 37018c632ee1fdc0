"""``benchmarks/fit_dates.py --misses`` sorts a missed publication day by what the page offers for
the true day: the page's modified day, another reader's day, the day next to ours, the day written
where no reader looked, only its month, or nothing. The pages are a few words of a generic blog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from types import ModuleType

import pytest

TRUTH = date(2022, 6, 1)


@pytest.fixture
def fit_dates(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("fit_dates")


def test_the_modified_day_comes_before_any_reader(fit_dates: ModuleType) -> None:
    found = datetime(2021, 3, 4, 9, tzinfo=UTC)
    kind = fit_dates.miss_kind(TRUTH, found, datetime(2022, 6, 1, 8), [("dom", "byline", TRUTH)], "")
    assert kind == ("modified day", "")


def test_a_day_another_reader_found_names_the_reader(fit_dates: ModuleType) -> None:
    candidates = [("json-ld", "datePublished", date(2021, 3, 4)), ("meta", "date", TRUTH)]
    assert fit_dates.miss_kind(TRUTH, date(2021, 3, 4), None, candidates, "") == (
        "another reader's day",
        "meta date",
    )


def test_the_day_next_to_ours_is_the_same_moment_in_another_zone(fit_dates: ModuleType) -> None:
    found = datetime(2022, 6, 2, 1, 30, tzinfo=UTC)
    assert fit_dates.miss_kind(TRUTH, found, None, [], "<p>June 2, 2022</p>")[0] == "a day off (zone)"


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("<p class='note'>Reviewed  JUNE 1,\n 2022</p>", "written, not read"),
        ("<p>Reviewed 01.06.2022</p>", "written, not read"),
        ("<p><b>Last Updated:</b> June 2022</p>", "month only"),
        ("<p>Posted in May 2022</p>", "nowhere in the page"),
    ],
)
def test_what_the_page_text_offers_for_the_true_day(fit_dates: ModuleType, page: str, kind: str) -> None:
    assert fit_dates.miss_kind(TRUTH, None, None, [], page)[0] == kind
