"""trafilatura's reading does not replace a product reading that has far more blocks than it.

A shop's page read as a product asks trafilatura for a second opinion, whose text wins whenever it
has words. Where trafilatura read one box of the page (the description, in a box named like a
post's content) and the native pass the whole product (its price, its selling points, its sheet and
its description under their headings), trafilatura's text has few paragraphs against the native
text's many; at or below the reading's fitted share of them (``_content.PARAGRAPH_SHARES``, fitted
by ``benchmarks/fit_paragraph_share.py``) the native text stays. Written in the style of a small
outdoor shop's product page.
"""

from __future__ import annotations

import pytest

from newsscrape.extractor.content import _content
from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

SITE = "https://outfitters.example.com"
POINTS = (
    "It packs small: the globe folds flat into the base, so the lantern slips into a side pocket.",
    "It lasts: a full charge runs a long weekend on the middle setting, and the battery can be swapped.",
    "It shares: the USB-C port charges a phone or a headlamp from the lantern when the evening runs long.",
)
SHEET = ("Battery: 4400 mAh", "Water resistance: IPX4", "Colour: Forest green", "Weight: 240 grams")
DESCRIPTION = (
    "The Trail Lantern lights a whole tent or a picnic table with a warm, even glow, and folds down to"
    " the size of a coffee mug for the trip home. A dimmer ring sets the brightness anywhere from a night"
    " light to a full work light.",
    "Each lantern ships in a cotton bag with a short cable, and comes with a two year warranty.",
)
FOOTER = (
    "Help centre",
    "Returns and exchanges",
    "Shipping rates and times",
    "Warranty claims",
    "Find a store near you",
    "Careers at Example Outfitters",
    "Gift cards",
    "Members programme",
    "Repair service",
    "Gear rental",
    "Guided trips and classes",
)


def _product_page() -> str:
    points = "".join(f"<p>{text}</p>" for text in POINTS)
    sheet = "".join(f"<li>{line}</li>" for line in SHEET)
    description = "".join(f"<p>{text}</p>" for text in DESCRIPTION)
    footer = "".join(f'<li><a href="{SITE}/{n}">{text}</a></li>' for n, text in enumerate(FOOTER))
    return (
        f'<html><body><main><div class="product"><h1>Trail Lantern 300</h1><p class="price">$39.00</p>'
        f"<h2>Why campers choose it</h2>{points}<h2>Specifications</h2><ul>{sheet}</ul>"
        f'<h2>Description</h2><div class="entry-content">{description}</div></div></main>'
        f"<footer><ul>{footer}</ul><p>Example Outfitters, 12 Market Street, Springfield.</p></footer>"
        "</body></html>"
    )


def test_a_product_reading_keeps_its_blocks_against_one_box_of_them() -> None:
    content = content_as(_product_page(), PROFILES["product"], url=f"{SITE}/p/lantern", fallback=True)
    assert content.method != "trafilatura"
    text = "\n".join(block.text for block in content.blocks)
    assert all(line in text for line in (*POINTS, *SHEET, *DESCRIPTION))


def test_without_the_share_trafilatura_reads_only_the_description(monkeypatch: pytest.MonkeyPatch) -> None:
    # what the rule turns away: trafilatura's text of the description box alone
    monkeypatch.setattr(_content, "PARAGRAPH_SHARES", {})
    content = content_as(_product_page(), PROFILES["product"], url=f"{SITE}/p/lantern", fallback=True)
    assert content.method == "trafilatura"
    text = "\n".join(block.text for block in content.blocks)
    assert all(line in text for line in DESCRIPTION)
    assert not any(line in text for line in POINTS)
