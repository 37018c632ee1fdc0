"""``explain``'s report as a library gives it: a JSON object and a text, the CLI's two outputs."""

from __future__ import annotations

import json

from newsscrape.extractor import explain

PAGE = (
    b"<html><head><title>Rain returns | Daily</title>"
    b'<meta name="author" content="Jane Doe"></head><body>'
    b'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Rain returns</h1>'
    b"<p>The rain came back to the valley on Monday after a dry month of heat and dust.</p>"
    b"<p>Forecasters said the showers would last through the week, with heavier bursts on Thursday.</p>"
    b"<h2>Farmers</h2><p>Farmers welcomed the change and said most crops would recover before harvest.</p>"
    b"<p>Some orchards lost fruit in the heat, but the grain fields were still green in most places.</p>"
    b"<p>The water board lifted the hosepipe ban it had set three weeks ago for the whole district.</p>"
    b'<div class="share">Share this</div></article></body></html>'
)


def test_the_report_as_json_names_the_container_the_readings_and_each_fields_candidates() -> None:
    report = explain(PAGE, url="https://example.com/news/1").to_dict()
    again = json.loads(json.dumps(report))  # nothing JSON cannot hold (dates as ISO 8601, tuples as lists)
    assert report["container"] == "body > article"
    assert again["container"] == report["container"]
    assert any(r["won"] for r in again["readings"])
    assert [c["value"] for c in again["candidates"]["authors"] if c["won"]] == [["Jane Doe"]]
    assert again["article"]["title"] == "Rain returns"
    assert again["page_type"]["label"] == again["article"]["page_type"]


def test_the_report_as_text_lists_the_taken_reading_the_sources_and_the_page_type() -> None:
    text = explain(PAGE, url="https://example.com/news/1").render()
    assert text.startswith("read at      : https://example.com/news/1 (from the caller)\narticle node : ")
    assert "title        : 'Rain returns'" in text
    assert any(line.lstrip().startswith("* native") for line in text.splitlines())
    assert "  authors       <- meta" in text
    assert "\npage type    : " in text


def test_the_report_says_where_the_address_a_page_was_read_at_came_from() -> None:
    declared = PAGE.replace(b"<head>", b'<head><link rel="canonical" href="https://example.com/news/1">')
    saved = b"<!-- saved from url=(0031)https://mirror.example/news/1 -->" + declared
    assert (explain(declared).address, explain(declared).address_from) == (
        "https://example.com/news/1",
        "the address the page declares",
    )
    assert explain(saved).to_dict()["address_from"] == "the page's saved-from mark"
    assert explain(saved).address == "https://mirror.example/news/1"
    assert (explain(PAGE).address, explain(PAGE).address_from) == (None, None)
    assert explain(PAGE).render().startswith("read at      : (no address)\n")
