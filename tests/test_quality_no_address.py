"""``benchmarks/quality.py --no-address``: the page each tool reads says nothing of its own address
(canonical link, og:url, twitter:url, ``<base>``, a browser's saved-from mark), so newsscrape reads
it at none; everything else stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from newsscrape.extractor import explain

PAGE = (
    b"<!DOCTYPE html>\n<!-- saved from url=(0031)https://news.example/2025/rain -->\n"
    b'<html><head><base href="https://news.example/"><title>Rain returns</title>'
    b'<link rel="icon" href="/favicon.ico"><LINK HREF="/2025/rain" REL=canonical>'
    b'<meta property="og:url" content="https://news.example/2025/rain">'
    b'<meta name="twitter:url" content="https://news.example/2025/rain">'
    b'<meta property="og:title" content="Rain returns"></head>'
    b"<body><h1>Rain returns</h1><p>Rain returned to the valley on Tuesday after a dry month.</p>"
    b'<p><a href="/2025/sun">Sun</a></p></body></html>'
)


@pytest.fixture
def quality(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("quality")


def test_the_page_says_nothing_of_its_address(quality: ModuleType) -> None:
    assert explain(PAGE).address == "https://news.example/2025/rain"  # as stored
    page = quality.without_address(PAGE)
    for gone in (b"saved from", b"<base", b"canonical", b"og:url", b"twitter:url"):
        assert gone not in page
    assert explain(page).address is None


def test_everything_else_stays(quality: ModuleType) -> None:
    page = quality.without_address(PAGE)
    for kept in (
        b"<title>Rain returns</title>",
        b'<link rel="icon" href="/favicon.ico">',
        b'<meta property="og:title" content="Rain returns">',
        b'<p><a href="/2025/sun">Sun</a></p>',
    ):
        assert kept in page
