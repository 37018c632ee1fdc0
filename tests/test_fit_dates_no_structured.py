"""``benchmarks/fit_dates.py``'s modes of reading a page, on a few words of a generic blog.

``--no-structured`` dates a page as ``quality.py --no-structured`` cuts it: a blog template's
``<meta itemprop="datePublished">`` in the body is structured data, gone there, while
``--markup-only`` (no JSON-LD, no head metas) still reads it (``ITEMPROP_PAGE``, whose visible date
has no year). ``--misses`` sorts the misses of the mode asked for: with ``--no-structured`` a page
dated only by its Open Graph meta is a miss of the cut page (the visible byline prints only its
update), though the full pass dates it right (``OG_PAGE``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ITEMPROP_PAGE = (
    "<html><head><title>Starting a garden</title></head><body><article>"
    '<meta itemprop="datePublished" content="2019-06-02T13:43:38-0400">'
    "<h1>Starting a garden</h1>"
    '<p class="meta"><time class="dt-published" datetime="Jun 2" pubdate>Jun 2</time></p>'
    "<p>Seeds, soil and a sunny corner are all a first garden needs.</p></article></body></html>"
)
OG_PAGE = (
    '<html><head><title>Starting a garden</title><meta property="article:published_time"'
    ' content="2022-06-01T09:00:00+00:00"></head><body><article><h1>Starting a garden</h1>'
    '<p class="byline">By Ann Lee, updated on <time datetime="2023-03-04">March 4, 2023</time></p>'
    "<p>Seeds, soil and a sunny corner are all a first garden needs.</p></article></body></html>"
)


@pytest.fixture
def fit_dates(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("fit_dates")


def written(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_date_itemprop_is_cut_as_the_quality_report_cuts_it(
    fit_dates: ModuleType, tmp_path: Path
) -> None:
    page = written(tmp_path, ITEMPROP_PAGE)
    found, _ = fit_dates._published(page, None, markup_only=True)
    assert found is not None
    assert found.date() == date(2019, 6, 2)
    assert fit_dates._published(page, None, no_structured=True) == (None, None)


def test_the_full_pass_dates_the_page_right(fit_dates: ModuleType, tmp_path: Path) -> None:
    assert fit_dates.page_miss(written(tmp_path, OG_PAGE), None, "2022-06-01") is None


def test_the_cut_page_is_a_miss_with_its_own_reading(fit_dates: ModuleType, tmp_path: Path) -> None:
    miss = fit_dates.page_miss(written(tmp_path, OG_PAGE), None, "2022-06-01", no_structured=True)
    assert miss == ("nowhere in the page", "")


def test_markup_alone_misses_it_and_names_the_meta(fit_dates: ModuleType, tmp_path: Path) -> None:
    assert fit_dates.page_miss(written(tmp_path, OG_PAGE), None, "2022-06-01", markup_only=True) == (
        "another reader's day",
        "og article:published_time",
    )


def test_a_truth_of_a_month_has_no_day_to_find(fit_dates: ModuleType, tmp_path: Path) -> None:
    # the dates set holds a few month truths ("2003-11"), which the scorer's day never equals
    assert fit_dates.page_miss(written(tmp_path, OG_PAGE), None, "2022-06") == ("the truth has no day", "")
