"""The article walk's container choice and block rules, on tiny inline pages (WCXB's article losses)."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

CARD = (
    "This lamp gives a warm light that can be tuned from the phone app, and it pairs with the main "
    "voice assistants in a minute without a hub or any extra bridge to buy."
)


def test_lead_paragraphs_beside_a_grid_of_cards_are_kept() -> None:
    # the cards' text is most of the page, but nested deeper than the lead: the container is their
    # common parent, not the grid
    cards = "".join(
        f'<div class="grid-item"><div class="card"><h3>Lamp {n}</h3><div class="desc"><p>{CARD}</p>'
        f"<p>{CARD} Model {n}.</p></div></div></div>"
        for n in range(6)
    )
    html = (
        '<html><head><title>T</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "The best lamps", "datePublished": "2025-06-01"}'
        "</script></head><body><main><h1>The best lamps</h1>"
        f'<div class="entry-content"><p>{PARA}</p><p>{PARA2}</p>'
        f'<div class="pd-grid"><div class="pd-row">{cards}</div></div><p>{PARA3}</p></div>'
        "</main></body></html>"
    )
    text = extract(html, config=NATIVE).body
    assert PARA in text
    assert PARA3 in text
    assert "Model 5." in text
