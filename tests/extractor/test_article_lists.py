"""A story's own list whose items are each one link to the site's other pages (a checklist's gear,
a guide's vegetables): kept when a paragraph introduces it, dropped as teasers otherwise."""

from __future__ import annotations

import pytest
from prose import PARA, PARA2

from profiled import walk_lines

GEAR = (
    '<ul><li><a href="/gear/best-tents">Tent</a></li>'
    '<li><a href="/gear/best-sleeping-bags">Sleeping bag</a></li>'
    '<li><a href="/gear/best-headlamps">Headlamp</a></li></ul>'
)


def walked(inner: str) -> list[str]:
    """The lines of the article reading's block walk over a story with ``inner`` in it."""
    story = f"<article><p>{PARA}</p>{inner}<p>{PARA2}</p></article>"
    return walk_lines(story, "https://outdoors.example.com/guides/checklist")


@pytest.mark.parametrize(
    "lead_in", ["<p>Pack these before you leave:</p>", "<p>The <em>essentials</em>\uff1a</p>"]
)
def test_linked_items_of_an_introduced_list_are_the_story(lead_in: str) -> None:
    lines = walked(lead_in + GEAR)
    assert lines[2:5] == ["Tent", "Sleeping bag", "Headlamp"]
    assert PARA2 in lines
    # without an introducing paragraph each item is a teaser: a subheading may head other stories'
    # titles, a paragraph that does not end in a colon or a link introduces nothing
    for before in ("<h3>More gear guides</h3>", f"<p>{PARA}</p>", '<p><a href="/guides">All guides:</a></p>'):
        lines = walked(before + GEAR)
        assert "Sleeping bag" not in lines
        assert PARA2 in lines
