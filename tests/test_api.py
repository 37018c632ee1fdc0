"""The public API is small and deliberate: what __all__ lists is what users get."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

import newsscrape
from newsscrape import crawler, discovery, errors, extractor, models


def test_all_names_exist_and_nothing_else_is_promised() -> None:
    for name in newsscrape.__all__:
        assert hasattr(newsscrape, name), name
    assert set(newsscrape.__all__) == {
        *("extract", "fetch", "afetch", "crawl", "crawl_sync", "discover", "discover_sync"),
        *("Article", "Section", "ErrorRecord", "Record", "Found"),
        *("FetchConfig", "ExtractConfig", "CrawlConfig", "DiscoverConfig"),
        *("NewsscrapeError", "FetchError", "ExtractError", "ExportError"),
        "__version__",
    }


def test_package_is_typed() -> None:
    assert resources.files("newsscrape").joinpath("py.typed").is_file()


def test_import_newsscrape_loads_neither_crawler_nor_extractor() -> None:
    # A fresh interpreter: this one has imported everything already. Start-up time of every
    # crawl worker and CLI command depends on it.
    heavy = ["newsscrape.crawler", "newsscrape.extractor", "newsscrape.discovery", "httpx"]
    heavy += ["trafilatura", "dateparser", "lxml"]
    code = f"import sys, newsscrape; print(*sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


def test_lazy_names_are_the_submodules_objects() -> None:
    for module in (crawler, discovery, errors, extractor, models):
        for name in newsscrape.__all__:
            if hasattr(module, name) and name != "__version__":
                assert getattr(newsscrape, name) is getattr(module, name), name
    namespace: dict[str, object] = {}
    exec("from newsscrape import *", namespace)  # a star import walks __all__
    assert set(newsscrape.__all__) <= set(namespace)
    assert set(newsscrape.__all__) <= set(dir(newsscrape))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        newsscrape.no_such_name  # noqa: B018
