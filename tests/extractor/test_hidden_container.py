"""The container search never ends in a box the page hides from readers.

The pages are a shop's category in a generic storefront style: a grid of product cards whose text
is in ``<div>``s and links, and a price-policy modal (``style="display:none"``, shown by a script
on a click) whose long ``<p>``s are the only paragraphs of the page; and a landing page whose
visible paragraphs weigh less than a hidden promotion box's. Without the rule the descent ends in
the hidden box and the page reads as its modal. An accordion's closed panel (hidden, but named by
a button's ``aria-controls``) is text a reader opens with a click and may still hold the page.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import ARTICLE, profile_for
from profiled import read_as

SITE = "https://shop.example.com"
POLICY = (
    "As an authorised dealer we are bound by agreements with the makers of the products we sell, "
    "so some items may not be priced or added to a basket online; call us for a quote."
)
PRODUCTS = ("Northwind Travel Kettle", "Harbour Pour-over Set", "Summit Burr Grinder", "Meadow Milk Frother")


def _modal(body: str) -> str:
    return f'<div id="pricing-policy" style="display: none;"><h3>Our pricing policy</h3>{body}</div>'


def _category() -> str:
    cards = "".join(
        f'<div class="product-card"><div class="product-name"><a href="{SITE}/p/{n}">{name}</a></div>'
        f'<div class="product-maker">Maker: Example Goods, item number EG-{n}0{n}</div>'
        f'<div class="product-price">Price: ${40 + n}.00, ships within two working days</div></div>'
        for n, name in enumerate(PRODUCTS)
    )
    return (
        '<html><body><main><h1>Coffee makers</h1><div class="product-list">'
        f"{cards}</div>{_modal(''.join(f'<p>{POLICY}</p>' for _ in range(3)))}</main></body></html>"
    )


def _landing(hiding: str) -> str:
    visible = "".join(
        f"<p>Step {n}: choose the {step} that suits your skin, and we will ship the set together.</p>"
        for n, step in enumerate(("cleanser", "serum", "moisturiser"), start=1)
    )
    promo = "".join(f"<p>{POLICY} Offer {n} ends when the season's stock is sold out.</p>" for n in range(4))
    return (
        f'<html><body><div class="promo-bar" {hiding}><div class="promo-inner">{promo}</div></div>'
        f'<button aria-controls="promo" aria-expanded="false">Offers</button>'
        f'<main><h1>Build your own set</h1><div class="steps">{visible}</div></main></body></html>'
    )


def test_a_hidden_modal_is_not_the_page_the_product_grid_is() -> None:
    body = read_as(_category(), f"{SITE}/c/coffee", profile_for("collection"))
    assert POLICY not in body
    for name in PRODUCTS:
        assert name in body


def test_visible_paragraphs_win_over_a_heavier_hidden_box() -> None:
    body = read_as(_landing('style="display:none"'), f"{SITE}/build-a-set", ARTICLE)
    assert "Step 2: choose the serum" in body
    assert POLICY not in body


def test_an_accordion_panel_a_button_opens_may_still_hold_the_page() -> None:
    body = read_as(_landing('id="promo" aria-hidden="true"'), f"{SITE}/build-a-set", ARTICLE)
    assert POLICY in body


def _tiles() -> str:
    tiles = "".join(
        f'<li class="tile"><h3 class="tile-name"><span>{name}, a customer favourite this season</span></h3>'
        f'<span class="tile-price">From ${40 + n}.00 with free delivery on orders over fifty</span></li>'
        for n, name in enumerate(PRODUCTS)
    )
    notice = f'<div class="lockdown-notice" style="display:none">Access denied. {POLICY}</div>'
    return (
        f'<html><body><main><h1>Coffee makers</h1>{notice}<ul class="tiles">{tiles}</ul></main></body></html>'
    )


def test_tiles_of_spans_are_read_when_a_hidden_notice_held_the_only_text_of_its_own() -> None:
    body = read_as(_tiles(), f"{SITE}/c/coffee", profile_for("collection"))
    assert "Access denied" not in body
    for name in PRODUCTS:
        assert name in body
