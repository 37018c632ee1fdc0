"""Words the markup prints in boxes of their own with no space between them (a shop card's brand and
name, its price and its savings badge) stay apart in the text; a footnote mark and a word break
chance join as the markup says."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract
from newsscrape.extractor._text import unglue


def card(brand: str, name: str, price: str) -> str:
    return (
        f'<li class="tile"><a href="/product/{name.lower().replace(" ", "-")}">'
        f'<span class="brand">{brand}</span><span class="name">{name}</span></a>'
        f'<div class="price"><span class="sale">{price}</span><div class="badge">Save 25%</div>'
        '<span class="compare">compared to $129.00</span></div></li>'
    )


def test_a_card_s_boxes_are_read_as_words_apart() -> None:
    html = (
        "<html><head><title>Climbing shoes</title></head><body><main><h1>Climbing shoes</h1>"
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p><ul>"
        + card("Alpine Works", "Granite Climbing Shoes", "$96.73")
        + card("Summit Gear", "Boulder Climbing Shoes", "$99.00")
        + "</ul></main></body></html>"
    )
    body = extract(html, url="https://shop.example.com/c/climbing-shoes", config=NATIVE).body
    assert "Alpine Works Granite Climbing Shoes" in body
    assert "WorksGranite" not in body


def test_a_price_its_badge_and_the_next_line_stay_apart() -> None:
    text = unglue(card("Alpine Works", "Granite Climbing Shoes", "$96.73"))
    assert ">Alpine Works <" in text
    assert ">$96.73 <" in text
    assert ">Save 25% <" in text


def test_footnote_marks_and_break_chances_join() -> None:
    html = "<p>H<sub>2</sub>O keeps the Super<wbr>Califragilistic cells wet<sup>3</sup>.</p>"
    assert unglue(html) == html
