"""Authors: a newsroom's desk or its staff signing the story, with no person named: "by News Desk" under the
headline, or "Staff" in the byline element of the story's header. A role alone elsewhere credits nobody."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "The gallery reopens in March with a survey of prints, drawings and early films. " * 6 + "</p>"
URL = "https://www.acmegazette.com/reviews/the-gallery-reopens/"


def _authors(header: str) -> tuple[str, ...]:
    page = (
        "<html><head><title>The Gallery Reopens</title></head><body><main><article>"
        f"<header><h1>The Gallery Reopens</h1>{header}</header>{BODY}</article></main></body></html>"
    )
    return newsscrape.extract(page, url=URL).authors


@pytest.mark.parametrize(
    ("header", "credit"),
    [
        ('<div class="meta"><span>May 1, 2025</span> <span>by News Desk</span></div>', "News Desk"),
        # a page builder's post-info widget: the author item links to the author's page
        (
            '<ul class="post-info"><li><a href="/author/staff/"><span class="post-info__item--type-author">'
            "Staff</span></a></li><li><span>May 1, 2025</span></li></ul>",
            "Staff",
        ),
    ],
)
def test_a_desk_or_the_staff_is_the_credit(header: str, credit: str) -> None:
    assert _authors(header) == (credit,)


def test_a_link_to_the_list_of_contributors_credits_nobody() -> None:
    assert _authors('<p>May 1, 2025</p><nav><a href="/contributors/">Contributors</a></nav>') == ()
