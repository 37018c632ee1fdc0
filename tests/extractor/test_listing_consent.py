"""A cookie notice's settings panel is no part of a page's text, whichever reading wins.

The block walk drops the panel as a dialog before it reads the page; trafilatura, asked for a
second opinion on a listing (its cards are links the walk leaves out), reads the panel's paragraphs
as prose. Written in the style of a recipe section front with a OneTrust preference centre.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

SITE = "https://food.example.com"
PANEL = (
    "These cookies are necessary for the website to function and cannot be switched off in our "
    "systems. They are usually only set in response to actions made by you.",
    "These cookies allow us to count visits and traffic sources so we can measure and improve the "
    "performance of our site. They help us to know which pages are the most and least popular.",
    "These cookies may be set through our site by our advertising partners to build a profile of "
    "your interests and show you relevant adverts on other sites, based on your browser and device.",
    "These cookies enable the website to provide enhanced functionality and personalisation. They "
    "may be set by us or by third party providers whose services we have added to our pages.",
)


def _section_front() -> str:
    cards = "".join(
        f'<a class="card" href="{SITE}/recipe-{n}"><div class="card__content">'
        f'<span class="card__title">Tomato sauce number {n}</span></div></a>'
        for n in range(12)
    )
    panel = "".join(f"<p>{text}</p>" for text in PANEL)
    return (
        "<html><body><main><h1>Tomato sauce recipes</h1><p>Our sauces for pasta and pizza.</p>"
        f'<div class="list">{cards}</div></main>'
        '<div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk" role="dialog" '
        f'aria-label="Privacy preference center"><h2>Your privacy</h2>{panel}</div></div>'
        "</body></html>"
    )


def test_the_second_opinion_loses_the_cookie_panel_the_walk_dropped() -> None:
    content = content_as(_section_front(), PROFILES["listing"], url=f"{SITE}/tomato", fallback=True)
    text = "\n".join(block.text for block in content.blocks)
    assert "Our sauces for pasta and pizza." in text
    assert "cookies" not in text
