"""``benchmarks/fit_dates.py --no-structured`` dates a page as ``quality.py --no-structured`` cuts it:
a blog template's ``<meta itemprop="datePublished">`` in the body is structured data, gone there,
while ``--markup-only`` (no JSON-LD, no head metas) still reads it. The page is a few words of a
generic blog whose visible date has no year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

PAGE = (
    "<html><head><title>Starting a garden</title></head><body><article>"
    '<meta itemprop="datePublished" content="2019-06-02T13:43:38-0400">'
    "<h1>Starting a garden</h1>"
    '<p class="meta"><time class="dt-published" datetime="Jun 2" pubdate>Jun 2</time></p>'
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


def test_the_date_itemprop_is_cut_as_the_quality_report_cuts_it(fit_dates: ModuleType, page: Path) -> None:
    found, _ = fit_dates._published(page, None, markup_only=True)
    assert found is not None
    assert found.date() == date(2019, 6, 2)
    assert fit_dates._published(page, None, no_structured=True) == (None, None)
