"""One page read by the content pass alone with a given content profile, or by its block walk alone."""

from __future__ import annotations

from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape import ExtractConfig
from newsscrape.extractor._guard import Deadline
from newsscrape.extractor.content import _content
from newsscrape.extractor.content._content import Content, extract_content
from newsscrape.extractor.content._profiles import ContentProfile
from newsscrape.extractor.content._walk import Walk
from newsscrape.extractor.metadata._metadata import read_metadata


def content_as(
    html: str,
    profile: ContentProfile,
    *,
    url: str | None = None,
    fallback: bool = False,
    explain: bool = False,
) -> Content:
    """What the content pass makes of ``html`` read with ``profile`` (trafilatura asked only when
    ``fallback``; the readings it weighed noted when ``explain``)."""
    tree = LexborHTMLParser(html)
    return extract_content(
        tree,
        html=html,
        meta=read_metadata(tree, url=url),
        deadline=Deadline(10.0, url=None),
        config=ExtractConfig(fallback=fallback),
        url=url,
        profile=profile,
        explain=explain,
    )


def read_as(html: str, url: str, profile: ContentProfile) -> str:
    """The text blocks the content pass keeps of ``html`` read with ``profile``, one per line."""
    return "\n".join(block.text for block in content_as(html, profile, url=url).blocks)


def asking_trafilatura(
    html: str, profile: ContentProfile, monkeypatch: pytest.MonkeyPatch
) -> tuple[Content, int]:
    """``content_as`` with trafilatura allowed, and how often the reading asked it."""
    calls: list[str] = []
    real = _content.trafilatura_text

    def counted(page: str) -> str | None:
        calls.append(page)
        return real(page)

    monkeypatch.setattr(_content, "trafilatura_text", counted)
    return content_as(html, profile, fallback=True), len(calls)


def walk_lines(html: str, url: str, **rules: Any) -> list[str]:
    """The lines the block walk alone keeps of the ``<article>`` of ``html`` (no container choice,
    no chrome pass before it); ``rules``: the walk's link and markup rules, as a reading sets them."""
    container = LexborHTMLParser(html).css_first("article")
    assert container is not None
    walk = Walk(container, container_chars=len(container.text(deep=True)), max_depth=500, url=url, **rules)
    walk.run()
    return [block.text for block in walk.blocks]
