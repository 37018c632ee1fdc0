"""trafilatura's reading loses the lines it took from the site's menus, which the walk dropped.

Steps 1-2 of the content pass remove the page's menus and footers (``<nav>``, ``role="navigation"``,
``<footer>``) before the walk; trafilatura, asked for a second opinion, reads a menu printed inside
the page's ``<main>`` as prose (a shop's category menu, a language chooser). When its reading wins,
the lines found only in those menus go: they neither weigh against the native text nor stay in the
text that wins (``_content._outside``, ``MENU_KINDS``). Written in the style of a small shop's
product page, whose reading takes trafilatura's text whenever it has one.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

SITE = "https://kettles.example.com"
DESCRIPTION = (
    "The kettle holds a litre and a half of water and boils it in under three minutes on any stove.",
    "Its handle stays cool because the steel is wrapped in a ring of beech wood oiled by hand.",
)
# a mega-menu's blurbs under its links (trafilatura leaves a bare list of links out)
MENU = ("Kettles and teapots for every kitchen.", "Cast iron pans that last a lifetime.")


def _product_page() -> str:
    menu = "".join(f'<li><a href="{SITE}/c/{n}">Shop</a><p>{line}</p></li>' for n, line in enumerate(MENU))
    return (
        "<html><body><main><h1>Steel kettle</h1>"
        + "".join(f"<p>{text}</p>" for text in DESCRIPTION)
        + f'<div role="navigation"><ul>{menu}</ul></div></main></body></html>'
    )


def test_the_second_opinion_loses_the_menu_lines_the_walk_dropped() -> None:
    content = content_as(_product_page(), PROFILES["product"], url=f"{SITE}/steel-kettle", fallback=True)
    assert content.method == "trafilatura"
    text = "\n".join(block.text for block in content.blocks)
    assert all(line in text for line in DESCRIPTION)
    assert not any(line in text for line in MENU)
