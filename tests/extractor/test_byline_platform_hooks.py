"""Authors: the writer's name a blog platform marks with its own hook rather than an author class (Wix's
``data-hook="user-name"`` in the post header), read when no structured field names anyone."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "Book the truck early, label every box, and keep the kettle in the last one. " * 6 + "</p>"
URL = "https://www.acmemovers.com/post/moving-day-checklist"


def _authors(writer: str) -> tuple[str, ...]:
    page = (
        "<html><head><title>Moving Day Checklist</title></head><body><main><article>"
        '<div data-hook="post-header"><ul><li><span aria-label="Writer: x" data-hook="avatar-image"></span>'
        '<a href="/profile/x/profile" data-hook="profile-link">'
        f'<span data-hook="user-name">{writer}</span></a>'
        '</li><li><span data-hook="time-ago">Sep 26, 2022</span></li>'
        '<li><span data-hook="time-to-read">2 min read</span></li></ul></div>'
        f'<h1 data-hook="post-title">Moving Day Checklist</h1>{BODY}</article></main></body></html>'
    )
    return newsscrape.extract(page, url=URL).authors


@pytest.mark.parametrize("writer", ["Jane Doe", "Kev", "Dr. Roe"])
def test_a_wix_writer_hook_names_the_author(writer: str) -> None:
    assert _authors(writer) == (writer,)
