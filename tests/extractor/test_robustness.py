"""Adversarial markup: extract() returns an Article or raises ExtractError, and always finishes."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsscrape import Article, ExtractConfig, ExtractError, extract

TAGS = [
    "div",
    "p",
    "span",
    "a",
    "b",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "h2",
    "article",
    "nav",
    "br",
    "script",
    "svg",
]
ATTRS = [
    'class="share"',
    'id="comments"',
    'role="navigation"',
    'itemprop="articleBody"',
    'style="display:none"',
]
HOSTILE = [
    '<a href="https://[zz::]/x">',
    '<img src="http://[::1" width="900" height="600">',
    '<link rel="canonical" href="//[zz::]/">',
    '<meta property="og:image" content="http://[::1]:99999/a.jpg">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Jane \\udfff Doe"}, '
    '"description": "cut \\ud83d", "image": "http://[::1"}</script>',
    '<script type="application/ld+json">' + "[" * 1_200 + "</script>",
    '<span class="byline">By ' + "x@" * 2_000 + "</span>",
    "<div " + " ".join(f"a{i}" for i in range(2_000)) + ">",
]
CONFIG = ExtractConfig(fallback=False, time_limit=30.0)
PER_EXAMPLE = 20.0  # seconds: generous, only catches hangs

fragment = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRS)).map(lambda ta: f"<{ta[0]} {ta[1]}>"),
    st.text(max_size=80),
    st.sampled_from(
        ["<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<", ">", "</", "\x00", "\ufeff"]
    ),
    st.integers(1, 30).map(lambda n: "Word " * n),
    # poison that once cost the whole page: bad URLs, lone surrogate escapes, deep JSON-LD
    st.sampled_from(HOSTILE),
)
markup = st.lists(fragment, max_size=60).map("".join)


def run(html: bytes | str) -> None:
    start = time.monotonic()
    try:
        result = extract(html, config=CONFIG)
    except ExtractError as exc:
        reason: str | None = exc.reason
    else:
        reason = None
        assert isinstance(result, Article)
        assert isinstance(result.body, str)
        json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")  # always writable
    assert reason != "internal"  # "internal" is a stage's bug, not the page's fault
    assert time.monotonic() - start < PER_EXAMPLE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup)
def test_malformed_markup(html: str) -> None:
    run(html)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_junk(data: bytes) -> None:
    run(data)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["latin-1", "utf-16", "cp1251", "shift_jis", "utf-8"]), st.text(min_size=1, max_size=200)
)
def test_mixed_encodings(encoding: str, text: str) -> None:
    data = b"<html><body><p>" + text.encode(encoding, errors="replace") + "é ü ж".encode() + b"</p>"
    run(data)


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 200_000), st.sampled_from(["class", "id", "style", "href"]))
def test_huge_attributes(size: int, name: str) -> None:
    run(f'<html><body><div {name}="{"x" * size}"><p>{"text " * 40}</p></div></body></html>')


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["div", "span", "b", "a", "table", "li", "font"]), st.integers(1000, 60_000))
def test_deep_nesting(tag: str, depth: int) -> None:
    run(f"<html><body>{f'<{tag}>' * depth}{'word ' * 50}</body></html>")


def test_unclosed_everything() -> None:
    run("<html><body><div><p>one<div><p>two<table><tr><td>three<ul><li>four<a href=x>five" * 200)


LINE = "Some words of the story, and a <a href='/x'>link</a> here. " * 4


@pytest.mark.parametrize(
    "unit",
    [
        f"<div><p>{LINE}</p>",  # unclosed paragraph divs: one level deeper per paragraph
        f"<div>{LINE}<br>",  # unclosed lines
        f"<div class='comment'><p>{LINE}</p>",  # a nested comment thread
        f"<section><h3>Related</h3><a href='/r'>{LINE}</a>",  # nested rails
        f"<span class='rollover'>{LINE}",  # nested hover cards
    ],
)
def test_staircases_under_the_depth_limit_finish(unit: str) -> None:
    # 1900 levels: under the default depth limit, so the whole pipeline runs on them
    run("<html><body><article><h1>T</h1>" + unit * 1900 + "</article></body></html>")
