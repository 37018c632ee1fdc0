"""Authors: a team or the publication printed, unlabelled, in a short box a theme names after the author
(a person's name there is read as a byline already)."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "Cut the legs first, then sand every edge before the glue goes on. " * 6 + "</p>"
URL = "https://www.acmestrategies.com/blog/a-table-story/"


def _authors(meta: str) -> tuple[str, ...]:
    page = (
        '<html><head><title>A Table Story</title><meta property="og:site_name" content="Acme Strategies">'
        "</head><body><main><article>"
        f"<h1>A Table Story</h1>{meta}{BODY}</article></main></body></html>"
    )
    return newsscrape.extract(page, url=URL).authors


@pytest.mark.parametrize(
    ("meta", "credit"),
    [
        # a WordPress theme's meta line under the headline: the publication, a bar, the day
        (
            '<div class="entry-author"><p>Acme Strategies <span>|</span> May 1, 2025</p></div>',
            "Acme Strategies",
        ),
        # a page builder's author widget, the team's name in a span of its own
        ('<div class="post-author-name"><span>Acme Staff</span></div><p>May 1, 2025</p>', "Acme Staff"),
    ],
)
def test_a_team_in_an_author_box_is_the_credit(meta: str, credit: str) -> None:
    assert _authors(meta) == (credit,)


@pytest.mark.parametrize(
    "meta",
    [
        '<div class="meet-author"><a href="/contact/">Get in touch</a></div>',  # a contact box's link
        '<div class="author-date"><span>Jun 2</span></div>',  # a date box
        '<div class="author-role">Staff Writer</div>',  # a role, nobody named
        # a poster's card: a lone handle (which would make a thread look like a story), then a rank
        '<div class="post_author"><a href="/u/9">MapleFan</a><br>Senior Member<br>Posts: 116</div>',
    ],
)
def test_an_author_box_that_reads_like_no_credit_credits_nobody(meta: str) -> None:
    assert _authors(meta) == ()
