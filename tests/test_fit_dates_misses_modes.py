"""``benchmarks/fit_dates.py --misses`` sorts the misses of the mode asked for: with
``--no-structured`` a page dated only by its Open Graph meta is a miss of the cut page (the visible
byline prints only its update), though the full pass dates it right. The page is a few words of a
generic blog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

PAGE = (
    '<html><head><title>Starting a garden</title><meta property="article:published_time"'
    ' content="2022-06-01T09:00:00+00:00"></head><body><article><h1>Starting a garden</h1>'
    '<p class="byline">By Ann Lee, updated on <time datetime="2023-03-04">March 4, 2023</time></p>'
    "<p>Seeds, soil and a sunny corner are all a first garden needs.</p></article></body></html>"
)


@pytest.fixture
def fit_dates(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("fit_dates")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_full_pass_dates_the_page_right(fit_dates: ModuleType, page: Path) -> None:
    assert fit_dates.page_miss(page, None, "2022-06-01") is None


def test_the_cut_page_is_a_miss_with_its_own_reading(fit_dates: ModuleType, page: Path) -> None:
    assert fit_dates.page_miss(page, None, "2022-06-01", no_structured=True) == ("nowhere in the page", "")


def test_markup_alone_misses_it_and_names_the_meta(fit_dates: ModuleType, page: Path) -> None:
    assert fit_dates.page_miss(page, None, "2022-06-01", markup_only=True) == (
        "another reader's day",
        "og article:published_time",
    )
