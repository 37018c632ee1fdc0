"""The public API is small and deliberate: what __all__ lists is what users get."""

from __future__ import annotations

from importlib import resources

import newsscrape


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
