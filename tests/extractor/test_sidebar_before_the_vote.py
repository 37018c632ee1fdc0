"""A theme's sidebar column, named so by its whole class or id, goes before the container vote: its
text widgets (a party's programme, a shop's "about us") can outweigh a short post, which is the
story all the same."""

from __future__ import annotations

import pytest
from prose import NATIVE, PARA, PARA2

from newsscrape import extract

URL = "https://party.example.org/blog/2013/09/12/basic-income-is-a-human-right/"
TITLE = "Basic income is a human right"
WIDGET = (
    "Our programme for the state election puts participation, freedom and transparency first. "
    "We want more direct democracy, stronger towns, fast internet for every village, free media, "
    "free nursery places and a social policy that makes food banks unnecessary. "
)


def page(sidebar_attrs: str) -> str:
    # a text widget as WordPress prints it: lines apart by <br>, no paragraphs
    lines = "<br><br>".join([WIDGET] * 4)
    widget = f"<div class='widget'><h3>Our programme</h3><div class='textwidget'>{lines}</div></div>"
    return (
        f"<html><head><title>{TITLE} | Party</title><meta property='og:type' content='article'></head>"
        "<body><div id='container'><div id='content'><section class='post'>"
        f"<h1>{TITLE}</h1><div class='post-body'><p>{PARA}</p><p>{PARA2}</p></div></section></div>"
        f"<section {sidebar_attrs}>{widget}</section></div></body></html>"
    )


@pytest.mark.parametrize("attrs", ["id='sidebar'", "class='sidebar column'", "class='col Sidebar'"])
def test_a_sidebar_s_text_widget_is_not_the_story(attrs: str) -> None:
    text = extract(page(attrs), URL, config=NATIVE).body
    assert text.startswith(PARA)
    assert "programme" not in text


@pytest.mark.parametrize("attrs", ["class='has-sidebar'", "class='c-fixed-sidebar-layout'"])
def test_a_layout_named_after_its_sidebar_is_left_to_the_vote(attrs: str) -> None:
    # the same box named as a layout: not taken for a sidebar, so its longer text wins as before
    text = extract(page(attrs), URL, config=NATIVE).body
    assert "programme" in text
