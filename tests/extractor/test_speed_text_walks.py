"""The metadata passes' walks over every text of the body (speed only): the white space between
tags (most texts of a page) is not walked to, and a text is read further only where it may hold
what a walk looks for; what the walks find is what reading every text finds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsscrape.extractor._nodes import headline_node
from newsscrape.extractor._text import squash
from newsscrape.extractor.metadata import _bylinetext, _datetext
from newsscrape.extractor.metadata._authors import BYLINE_START, MAYBE_BYLINE_START
from newsscrape.extractor.metadata._datetext import announced
from newsscrape.extractor.metadata._datewalk import Body, ShortText, _Item, _item, _onwards

# A story in a generic CMS style: indented markup (white space between every tag), a byline label
# apart from its name, a dated "by" line ending in no-break spaces, a date announced in words.
PAGE = """<html><body>
  <header>
    <nav> <a href="/">Home</a> </nav>
  </header>
  <main>
    <article>
      <h1>Library stays open</h1>
      <div class="meta">
        <span>\u00a0</span>
        <span>Written by</span>
        <span>Jane Doe</span>
      </div>
      <p>Posted on May 1, 2025 by\u00a0\u00a0</p><a href="/u/roe">John Roe</a>
      <p>Veröffentlicht am 25. September 2018</p>
      <p>The council voted on Tuesday.</p>
    </article>
  </main>
</body></html>"""


class _Counted:
    """A compiled pattern whose ``search`` and ``match`` calls are recorded."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.seen: list[str] = []

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self.seen.append(text)
        return self.pattern.search(text, *args)

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        self.seen.append(text)
        return self.pattern.match(text, *args)


def _read(items: Iterable[_Item | None]) -> list[str]:
    return [
        item.text if isinstance(item, ShortText) else f"<{item.tag}>" for item in items if item is not None
    ]


def _white(text: str | None) -> bool:
    """A text of HTML's (ASCII) white space alone, the white space between tags."""
    return text is not None and not text.strip(" \t\n\f\r")


def test_the_date_walks_give_every_item_and_no_text_of_white_space() -> None:
    tree = LexborHTMLParser(PAGE)
    body = tree.body
    headline = tree.css_first("h1")
    assert body is not None
    assert headline is not None
    walked = list(_onwards(headline, body))
    assert not any(node.is_text_node and _white(node.text_content) for node in walked)
    # the items are those of a walk over every node from the headline on
    every = list(body.traverse(include_text=True))
    start = next(n for n, node in enumerate(every) if node.mem_id == headline.mem_id)
    expected = _read(map(_item, every[start:]))
    assert _read(map(_item, walked)) == expected
    assert _read(Body(tree)) == _read(map(_item, every))
    assert "Jane Doe" in expected


def test_the_announced_date_is_looked_for_in_texts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted(_datetext.PUBLISHED_WORDS)
    monkeypatch.setattr(_datetext, "PUBLISHED_WORDS", counted)
    found = announced(LexborHTMLParser(PAGE))
    assert found is not None
    assert found.isoformat() == "2025-05-01"  # the first text that announces one
    assert not any(_white(text) for text in counted.seen)
    assert "\u00a0" in counted.seen  # white space beyond ASCII's is a text as before


class _Walked:
    """A page whose body records the nodes its walks give (the rest of the parser as it is)."""

    def __init__(self, html: str) -> None:
        self.tree = LexborHTMLParser(html)
        self.nodes: list[LexborNode] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tree, name)

    @property
    def body(self) -> _Walked:
        return self

    def traverse(self, **how: bool) -> Iterator[LexborNode]:
        body = self.tree.body
        assert body is not None
        for node in body.traverse(**how):
            self.nodes.append(node)
            yield node


def _labelled_by_definition(tree: LexborHTMLParser) -> list[str]:
    """``labelled_lines`` as first written: every text of the body read, the dated test on each."""
    body = tree.body
    assert body is not None
    headline = headline_node(tree)
    before: list[str] = []
    after: list[str] = []
    lines = after if headline is None else before
    for node in body.traverse(include_text=True):
        if not node.is_text_node:
            if lines is before and headline is not None and node.mem_id == headline.mem_id:
                lines = after
            continue
        raw = node.text_content or ""
        if raw.isspace():
            continue
        dated = False
        if not MAYBE_BYLINE_START.match(raw):
            tail = raw[-_bylinetext.MAX_BYLINE_CHARS :]
            dated = tail.rstrip()[-2:].casefold() == "by" and _bylinetext.DATED_BY.search(tail) is not None
            if not dated:
                continue
        text = squash(raw)
        if text and len(text) <= _bylinetext.MAX_BYLINE_CHARS and (dated or BYLINE_START.match(text)):
            line = _bylinetext.byline_box(node, label="by" if dated else None)
            if line:
                lines.append(line)
    return after + before


def test_byline_lines_are_read_from_the_texts_that_may_hold_one(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _labelled_by_definition(LexborHTMLParser(PAGE))
    assert expected
    page = _Walked(PAGE)
    counted = _Counted(_bylinetext.DATED_BY)
    monkeypatch.setattr(_bylinetext, "DATED_BY", counted)
    assert _bylinetext.labelled_lines(page) == expected  # type: ignore[arg-type]
    assert not any(node.is_text_node and _white(node.text_content) for node in page.nodes)
    assert any(node.text_content == "\u00a0" for node in page.nodes)
    # only the texts that end in "by" (white space after it aside) are searched for a date
    assert [text.strip() for text in counted.seen] == ["Posted on May 1, 2025 by"]
