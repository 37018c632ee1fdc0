"""The page-type fit's cross-validation folds: grouped by site (no site in two folds), stratified by type."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("numpy")  # a fitting dependency, not a runtime one

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "fit_pagetype.py"


def _fit_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_pagetype", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> list[dict[str, str]]:
    """Sites of one to four pages each, of several types; some sites answer under two hosts."""
    pages = []
    kinds = ("article", "listing", "product", "forum", "service", "collection", "documentation")
    for n in range(60):
        kind = kinds[n % len(kinds)]
        for i in range(1 + n % 4):
            host = ("shop." if i % 2 else "www.") + f"site{n}.org"
            pages.append({"url": f"https://{host}/{kind}/{i}", "type": kind})
    return pages


def test_site_is_the_registered_domain() -> None:
    fit = _fit_script()
    assert fit.site("https://shop.site1.example.co.uk/a") == "example.co.uk"
    assert fit.site("https://WWW.Example.com:8443/b") == "example.com"
    assert fit.site("https://docs.python.org/3/") == "python.org"


def test_no_site_sits_in_two_folds() -> None:
    fit = _fit_script()
    pages = _pages()
    for seed in (0, 1, 2):
        parts = fit.folds(pages, 5, seed)
        seen: dict[str, int] = {}
        for number, part in enumerate(parts):
            for index in part:
                assert seen.setdefault(fit.site(pages[index]["url"]), number) == number
        assert sorted(i for part in parts for i in part) == list(range(len(pages)))


def test_every_fold_holds_each_type() -> None:
    fit = _fit_script()
    pages = _pages()
    for part in fit.folds(pages, 5, 0):
        assert {pages[i]["type"] for i in part} == set(fit.PAGE_TYPES)


def test_shuffles_differ_and_repeat() -> None:
    fit = _fit_script()
    pages = _pages()
    first = [list(part) for part in fit.folds(pages, 5, 0)]
    assert first == [list(part) for part in fit.folds(pages, 5, 0)]
    assert first != [list(part) for part in fit.folds(pages, 5, 1)]
