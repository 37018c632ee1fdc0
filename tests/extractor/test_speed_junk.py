"""The junk is stripped once per page (speed only): ``page_signals`` strips scripts and styles from
the tree before the content pass, which then does not look for them again; called on its own, the
content pass still strips them."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from newsscrape import extract
from newsscrape.extractor.content import _pagewide
from newsscrape.extractor.content._chrome import strip_junk
from newsscrape.extractor.content._profiles import ARTICLE
from profiled import content_as

STORY = (
    "The council voted on Tuesday to keep the river ferry running through the winter, after a "
    "petition signed by more than two thousand residents asked it to reverse last year's cuts."
)
PAGE = (
    "<html><head><style>p { color: red }</style></head><body><article><h1>Ferry stays</h1>"
    f"<p>{STORY}</p><script>var tracker = 'SCRIPTTEXT';</script><p>{STORY} Again.</p>"
    "</article></body></html>"
)


def test_the_content_pass_does_not_strip_junk_that_page_signals_stripped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[LexborNode] = []

    def counted(body: LexborNode) -> None:
        calls.append(body)
        strip_junk(body)

    monkeypatch.setattr(_pagewide, "strip_junk", counted)
    article = extract(PAGE, url="https://example.com/news/ferry")
    assert "SCRIPTTEXT" not in article.body
    assert STORY in article.body
    assert calls == []
    # on its own the content pass strips the junk itself
    content = content_as(PAGE, ARTICLE, fallback=True)
    assert len(calls) == 1
    assert all("SCRIPTTEXT" not in b.text for b in content.blocks)
