"""``benchmarks/quality.py --no-structured``: the page each tool reads keeps everything a reader sees
and loses only the structured author and date metadata (JSON-LD, metas, itemprops), cut as bytes so
the page's charset declaration and encoding stay as they were; ``--no-urls`` gives every tool the
page without its URL."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

PAGE = (
    '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 opens</title>'
    '<meta property="og:title" content="Caf\xe9 opens">'
    '<meta name="author" content="Jane Roe">'
    '<meta property="article:published_time" content="2025-05-01T09:00:00Z">'
    '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Roe">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Jane Roe"}}</script>'
    "</head><body><h1>Caf\xe9 opens</h1>"
    '<p class="byline">By <span itemprop="author">Jane Roe</span>, '
    '<time datetime="2025-05-01">May 1</time></p>'
    "<p>The caf\xe9 on Main Street opened on Thursday.</p></body></html>"
).encode("iso-8859-1")


@pytest.fixture
def quality(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("quality")


def test_structured_author_and_date_are_cut(quality: ModuleType) -> None:
    page = quality.without_structured(PAGE)
    for gone in (b"ld+json", b'name="author"', b"published_time", b"twitter:data1", b'itemprop="author"'):
        assert gone not in page


def test_what_a_reader_sees_stays_as_it_was(quality: ModuleType) -> None:
    page = quality.without_structured(PAGE)
    for kept in (
        b'<meta charset="iso-8859-1">',
        b'<meta property="og:title" content="Caf\xe9 opens">',
        b"<title>Caf\xe9 opens</title>",
        b"By <span >Jane Roe</span>",
        b'<time datetime="2025-05-01">May 1</time>',
        b"<p>The caf\xe9 on Main Street opened on Thursday.</p>",
    ):
        assert kept in page


def test_without_the_option_each_tool_reads_the_page_as_stored(quality: ModuleType) -> None:
    assert quality.as_stored(PAGE) is PAGE


def test_no_urls_gives_every_tool_the_page_without_its_url(quality: ModuleType) -> None:
    seen: list[str | None] = []

    def tool(html: bytes, url: str | None) -> dict[str, object]:
        seen.append(url)
        return {"body": html.decode()}

    assert quality.without_url(tool)(b"<p>x</p>", "https://example.com/news/1") == {"body": "<p>x</p>"}
    assert seen == [None]
