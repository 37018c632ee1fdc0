"""Each line of trafilatura's text is asked whether it is a forum post's furniture ("Posts: 1725",
"12 likes", "Reply"); a line that none of the rules giving those labels matches is answered without
the whole of ``line_kind`` (every wording rule in turn), and every line gets the answer it had."""

from __future__ import annotations

import pytest

from newsscrape.extractor.content import _wording
from newsscrape.extractor.content._wording import POST_FURNITURE, line_kind, post_furniture_line

LINES = (
    "- Posts: 1725",
    "Messages: 88",
    "12 likes",
    "1 like",
    "Reply",
    "* Multi-quote",
    "You must be logged in to reply to this topic.",
    "Posts: see below",
    "Reply to this story by email and we may print it.",
    "Subscribe to our newsletter to get the posts in your inbox",
    "Nov. 20, 2019, 9:28 AM UTC",
    "The pump stopped after a week; the dealer swapped it without asking for the receipt.",
    "Share this article with a friend",
    "",
)


@pytest.mark.parametrize("line", LINES)
def test_a_line_is_furniture_exactly_when_line_kind_labels_it_so(line: str) -> None:
    label = line_kind(line.lstrip("-* "))
    assert post_furniture_line(line) == (label is not None and label[1] in POST_FURNITURE)


def test_a_prose_line_is_answered_without_the_whole_wording_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def every_rule(text: str) -> None:
        raise AssertionError(f"line_kind asked about {text!r}")

    monkeypatch.setattr(_wording, "line_kind", every_rule)
    assert not post_furniture_line("The pump stopped after a week; the dealer swapped it at once.")
    assert not post_furniture_line("Subscribe to our newsletter to get the posts in your inbox")
