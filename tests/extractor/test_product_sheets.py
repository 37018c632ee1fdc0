"""A product page's text: its name first, the shop's lines above the name out, and the
specification sheet hidden in a closed tab.

Golden pages in ``fixtures/product/`` (three shop platforms), and tiny inline pages for the rules
of ``content/_product.py``: which hidden tables count as sheets, rows given once, the readings
that add them, the name given once, the lines above the name that go and those that stay.
"""

from __future__ import annotations

import pytest

from newsscrape.extractor.content._profiles import profile_for
from pagefolder import PageFolder
from profiled import content_as

PRODUCT = PageFolder("product")
PAGES = PRODUCT.names


def test_every_platform_has_a_page() -> None:
    assert len(PAGES) >= 3, PAGES


@pytest.mark.parametrize("name", PAGES)
def test_the_hidden_sheet_is_in_the_body(name: str) -> None:
    got = PRODUCT.record(name)
    assert got["page_type"] == PRODUCT.truth(name)["page_type"]
    missing = [line for line in PRODUCT.truth(name)["with"] if line not in got["body"]]
    assert not missing, f"{name}: {missing}"


@pytest.mark.parametrize("name", PAGES)
def test_chrome_and_other_hidden_text_stay_out(name: str) -> None:
    # the golden pages pass only once their sheets are in (so this fails on a reading without
    # them too): then nothing else hidden came with them
    got = PRODUCT.record(name)
    assert all(line in got["body"] for line in PRODUCT.truth(name)["with"])
    leaks = [line for line in PRODUCT.truth(name)["without"] if line in got["body"]]
    assert not leaks, f"{name}: {leaks}"


def _sheet(*pairs: tuple[str, str]) -> str:
    return (
        "<table>"
        + "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in pairs)
        + "</table>"
    )


DESCRIPTION = (
    "A stoneware mug thrown on the wheel, glazed in a speckled white and fired twice, so it keeps "
    "coffee warm for longer and goes in the dishwasher without a second thought."
)


def _page(sheet: str) -> str:
    paragraphs = "".join(f"<p>{DESCRIPTION} Part {n}.</p>" for n in range(3))
    return (
        f'<html><body><main><div class="product"><h1>Speckle Mug</h1>{paragraphs}'
        f'<div class="tab-panel" style="display:none">{sheet}</div></div></main></body></html>'
    )


def _read_as(page_type: str, html: str) -> list[str]:
    return [block.text for block in content_as(html, profile_for(page_type)).blocks]


def test_a_sheet_printed_twice_is_given_once() -> None:
    # a shop prints the same hidden sheet for phones and for desktops
    sheet = "<dl><dt>Capacity</dt><dd>350 ml</dd><dt>Height</dt><dd>9.5 cm</dd></dl>"
    lines = _read_as("product", _page(sheet + sheet))
    assert lines.count("Capacity | 350 ml") == 1
    assert lines.count("Height | 9.5 cm") == 1


def test_only_a_product_reading_adds_the_sheet() -> None:
    html = _page(_sheet(("Capacity", "350 ml"), ("Glaze", "Speckled white")))
    assert "Glaze | Speckled white" in _read_as("product", html)
    assert not any("Speckled white" in line for line in _read_as("article", html))


def test_a_hidden_table_that_is_not_a_sheet_of_pairs_stays_out() -> None:
    # a size chart (four columns) is hidden too, beside the sheet: only the sheet comes back
    chart = (
        "<table><tr><th>UK</th><th>EU</th><th>US</th><th>Bust</th></tr>"
        "<tr><td>8</td><td>36</td><td>4</td><td>84</td></tr></table>"
    )
    lines = _read_as("product", _page(chart + _sheet(("Material", "Stoneware"), ("Made in", "Portugal"))))
    assert "Made in | Portugal" in lines
    assert not any("Bust" in line for line in lines)


def test_a_row_the_reading_gave_already_is_not_added_again() -> None:
    # the sheet is shown in the description and hidden again in a tab: its rows are read once
    shown = _sheet(("Capacity", "350 ml"), ("Glaze", "Speckled white"))
    hidden = _sheet(("Capacity", "350 ml"), ("Glaze", "Speckled white"), ("Made in", "Portugal"))
    html = _page(hidden).replace("<h1>Speckle Mug</h1>", f"<h1>Speckle Mug</h1>{shown}")
    lines = _read_as("product", html)
    assert "Made in | Portugal" in lines
    assert lines.count("Capacity | 350 ml") == 1


def test_the_product_name_leads_the_body_once() -> None:
    # WooCommerce's <h1> sits in the summary box beside the price; trafilatura's reading starts at
    # the description tab ("Description"), without the name (a paragraph naming the product
    # would count as giving it)
    got = PRODUCT.record("woocommerce")
    assert got["title"] == "Linen Market Dress"
    assert got["body"].startswith("Linen Market Dress\n\n")
    assert got["body"].count("Linen Market Dress") == 1
    assert "Linen Market Dress" not in got["headings"]


def test_only_a_product_reading_puts_the_name_first() -> None:
    from newsscrape.extractor.content._blocks import Block
    from newsscrape.extractor.content._product import name_first

    blocks = [Block(text=DESCRIPTION)]
    assert [b.text for b in name_first(blocks, "Speckle Mug", profile_for("product"))] == [
        "Speckle Mug",
        DESCRIPTION,
    ]
    assert name_first(blocks, "Speckle Mug", profile_for("article")) == blocks


BAR = "Free shipping on orders over $75"


def _barred(bar: str, after: str = "") -> str:
    """A product box whose announcement ``bar`` comes before the name, ``after`` below the text."""
    paragraphs = "".join(f"<p>{DESCRIPTION} Part {n}.</p>" for n in range(3))
    return (
        f'<html><body><main><div class="product"><p>{bar}</p><h1>Speckle Mug</h1>{paragraphs}'
        f"{after}</div></main></body></html>"
    )


def test_a_product_reading_drops_the_shop_line_above_the_name() -> None:
    assert BAR not in _read_as("product", _barred(BAR))
    assert BAR in _read_as("article", _barred(BAR))


def test_a_line_above_the_name_printed_again_below_it_stays() -> None:
    assert BAR in _read_as("product", _barred(BAR, after=f"<p>{BAR}</p>"))


def test_a_long_line_above_the_name_stays() -> None:
    from newsscrape.extractor.content._product import AFTER_NAME

    words = AFTER_NAME["product"]
    prose = " ".join(["The mug is thrown by hand"] * (words // 5 + 1)) + "."
    assert prose in _read_as("product", _barred(prose))


def test_a_collection_reading_drops_the_shop_line_above_the_category_name() -> None:
    # a shop's category page: a sale banner, the category's name, its blurb and its cards
    cards = "".join(f'<li><a href="/p/mug-{n}">Speckle Mug {n}</a> <span>$24</span></li>' for n in range(8))
    html = (
        "<html><body><main><p>Spring sale: 20% off</p><h1>Mugs</h1>"
        f"<p>{DESCRIPTION}</p><ul>{cards}</ul></main></body></html>"
    )
    lines = _read_as("collection", html)
    assert DESCRIPTION in lines
    assert "Spring sale: 20% off" not in lines
