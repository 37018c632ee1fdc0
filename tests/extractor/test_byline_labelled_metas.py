"""Authors: the ``twitter:labelN``/``twitter:dataN`` pairs Yoast and Ghost write for link previews name the
author only where the label says so; a value whose label is missing is no author."""

from __future__ import annotations

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"
URL = "https://www.example.com/blog/a-table-story/"


def _page(metas: str) -> str:
    return (
        f"<html><head><title>A Table Story</title>{metas}</head><body><main><article>"
        f"<h1>A Table Story</h1>{BODY}</article></main></body></html>"
    )


def test_an_unlabelled_value_alone_credits_nobody() -> None:
    metas = '<meta name="twitter:data1" content="Acme Team">'
    assert newsscrape.extract(_page(metas), url=URL).authors == ()


def test_the_written_by_pair_credits_a_team_not_the_reading_time() -> None:
    # Yoast's pair with the reading time's label left out: "11 minutes" is nobody
    metas = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Acme Team">'
    metas += '<meta name="twitter:data2" content="11 minutes">'
    assert newsscrape.extract(_page(metas), url=URL).authors == ("Acme Team",)
