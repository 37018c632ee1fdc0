"""extract()'s time limit holds whatever the markup: what made a stage overrun it now ends in time.

Outcomes only (no timing asserts): on the old code these pages ran past their time limit inside a
stage, and so ended as ExtractError(timed_out) instead of as the article they hold.
"""

from __future__ import annotations

import json

from newsscrape import ExtractConfig, extract
from newsscrape.extractor import explain

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
