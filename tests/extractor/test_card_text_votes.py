"""A grid of cards whose text is all in headings, list items and spans still finds its container.

The page is an events calendar in a generic static-site style: each card is a ``<div>`` holding a
linked ``<h2>`` title, an ``<h3>`` strapline and ``<span>``s of date and place, with no ``<p>`` and
no ``<div>`` of its own text anywhere. Neither paragraphs nor ``<div>``s vote, so the container
search found nothing and the native reading was empty; the own text of headings, list items and
spans votes then, and the cards are read, the site's menu and footer still left out.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import profile_for
from profiled import read_as

SITE = "https://events.example.org"
EVENTS = (
    ("Cloud Native Summit", "Two days of talks on running containers at scale in production"),
    ("Frontend Camp", "Hands-on workshops on accessible and fast user interfaces"),
    ("Data Engineering Days", "Pipelines, warehouses and streaming systems from the people who run them"),
    ("Security Forum", "Threat models, incident stories and the tools that caught the attackers"),
)


def _page() -> str:
    cards = "".join(
        f'<div class="card"><div class="card-body"><h2 class="title"><a href="{SITE}/e/{n}">{name}</a></h2>'
        f'<h3 class="subtitle">{strap}</h3>'
        f'<div class="facts"><span class="tag">Conference held over two days in May</span>'
        f'<span class="tag">Toronto, Canada and online for remote attendees</span></div></div></div>'
        for n, (name, strap) in enumerate(EVENTS)
    )
    menu = "".join(
        f'<li><a href="{SITE}/{w.lower()}">{w}</a></li>' for w in ("Conferences", "Meetups", "About")
    )
    return (
        f'<html><body><nav class="navbar"><ul>{menu}</ul></nav>'
        f'<section class="section"><h1>Tech conferences in the Americas</h1>{cards}</section>'
        '<footer class="footer"><span>Made by a small team of volunteers who love conferences</span></footer>'
        "</body></html>"
    )


def test_cards_of_headings_and_spans_are_read() -> None:
    body = read_as(_page(), f"{SITE}/americas", profile_for("listing"))
    for _, strap in EVENTS:
        assert strap in body
    assert "Toronto, Canada" in body
    assert "volunteers" not in body
