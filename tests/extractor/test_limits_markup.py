"""extract()'s time limit holds whatever the markup: what made a stage overrun it now ends in time.

Outcomes only (no timing asserts): on the old code these pages ran past their time limit inside a
stage, and so ended as ExtractError(timed_out) instead of as the article they hold.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from newsscrape import ExtractConfig, extract
from newsscrape.extractor import _core, explain
from newsscrape.extractor.content import _content
from newsscrape.extractor.content._profiles import PROFILES

STORY = "<p>" + "Rain returned to the valley on Tuesday after a long dry summer. " * 6 + "</p>"
LIMIT = ExtractConfig(time_limit=4.0)


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>Rain returns</h1>{body}</article></body></html>"


def test_a_long_author_name_does_not_stall_the_byline_cleaner() -> None:
    # an 80 KB "name" took 15 s in the cleaner's e-mail pattern
    html = page(body=f'<span class="byline">By {"x" * 80_000}</span>{STORY}')
    article = extract(html, config=LIMIT)
    assert "Rain returned" in article.body
    assert article.authors == ()


def test_many_and_long_jsonld_authors_do_not_stall_the_byline_cleaner() -> None:
    people = [{"@type": "Person", "name": "(" * 20_000}] * 20 + [{"@type": "Person", "name": "Jane Doe"}]
    ld = json.dumps({"@type": "NewsArticle", "author": people})
    article = extract(page(f'<script type="application/ld+json">{ld}</script>', STORY), config=LIMIT)
    assert "Rain returned" in article.body


def test_the_fallback_gets_only_the_time_left_and_the_native_text_stays() -> None:
    # a short story, so the native pass is unsure and asks trafilatura, which is quadratic in
    # short list items (20,000 take it minutes): it is stopped, and the native result kept
    html = page(body="<p>Rain returned to the valley.</p>").replace(
        "</article>", "</article><ul>" + "<li>x</li>" * 20_000 + "</ul>"
    )
    report = explain(html, config=LIMIT)
    assert report.method == "native"
    assert "Rain returned to the valley." in report.article.body


def test_a_page_that_cannot_be_read_twice_in_time_keeps_its_first_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A page typed as a listing is read again with the listing profile. When the first reading
    # spent the budget (a native pass of 0.7 s, then a second opinion stopped for time), a second
    # reading would run past the limit: the first one stands instead of the page timing out.
    native = _content._native

    def slow_native(*args: Any, **kwargs: Any) -> None:
        native(*args, **kwargs)
        end = time.monotonic() + 0.7
        while time.monotonic() < end:  # Python instructions, so a deadline can stop it
            time.sleep(0.01)

    def endless_second_opinion(html: str) -> str:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(_content, "_native", slow_native)
    monkeypatch.setattr(_content, "trafilatura_text", endless_second_opinion)
    monkeypatch.setattr(_core, "profile_for", lambda label: PROFILES["listing"])
    article = extract(page(body="<p>Rain returned to the valley.</p>"), config=ExtractConfig(time_limit=3.0))
    assert "Rain returned to the valley." in article.body
