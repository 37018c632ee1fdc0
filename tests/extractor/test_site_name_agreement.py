"""The chosen site name gives way when no other source backs it and two others agree on another name."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata


def test_a_declared_name_no_other_source_backs_gives_way_to_two_that_agree() -> None:
    html = (
        '<html><head><title>Rain returns to the valley | Valley Gazette</title><meta property="og:site_name" '
        'content="Weather"></head><body><header><a href="/"><img src="/g.png" alt="Valley Gazette"></a>'
        "</header><article><h1>Rain returns to the valley</h1><p>The first storm in months.</p></article>"
        "</body></html>"
    )
    meta = read_metadata(LexborHTMLParser(html), url="https://gazette.example.com/2024/05/rain/")
    assert meta.record.title == "Rain returns to the valley"
    assert meta.record.site_name == "Valley Gazette"


def test_a_declared_name_stays_when_another_source_backs_it() -> None:
    html = (
        '<html><head><title>Rain returns to the valley | Valley Gazette</title><meta property="og:site_name" '
        'content="Valley Gazette Online">'
        '<meta name="application-name" content="Valley Gazette Online"></head>'
        '<body><header><a href="/"><img src="/g.png" alt="Valley Gazette"></a></header>'
        "<article><h1>Rain returns to the valley</h1><p>The first storm in months.</p></article>"
        "</body></html>"
    )
    meta = read_metadata(LexborHTMLParser(html), url="https://gazette.example.com/2024/05/rain/")
    assert meta.record.site_name == "Valley Gazette Online"


def test_a_declared_name_that_spells_the_agreed_one_longer_stays() -> None:
    html = (
        '<html><head><title>Rain returns to the valley | Gazette</title><meta property="og:site_name" '
        'content="Gazette.com"></head><body><header><a href="/"><img src="/g.png" alt="Gazette"></a></header>'
        "<article><h1>Rain returns to the valley</h1><p>The first storm in months.</p></article>"
        "</body></html>"
    )
    meta = read_metadata(LexborHTMLParser(html), url="https://gazette.example.com/2024/05/rain/")
    assert meta.record.site_name == "Gazette.com"
