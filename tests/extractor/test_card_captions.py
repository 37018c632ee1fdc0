"""Shop cards whose text sits in a box classed "caption" (Bootstrap's thumbnail card) on a collection reading.

The page is a shop's category page in the Bootstrap 3 style: the category's name, a line about it, a
figure with its credit, and a grid of product cards, each a link holding a picture and its
``div.caption`` (the product's name, maker and price). An article reading drops a "caption" box as an
image's caption; a collection reading keeps it (``kept_kinds``, fitted by ``benchmarks/fit_content.py``),
but a ``<figcaption>`` stays a figure's caption there too.
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import profile_for
from profiled import read_as

SITE = "https://shop.example.com"
CREDIT = "Photo by Jane Roe for the shop"


def _page() -> str:
    cards = "".join(
        f'<div class="col-sm-4 catlist"><a class="thumbnail" href="{SITE}/p/projector-{n}">'
        f'<img src="/img/{n}.jpg" alt=""><div class="caption center">'
        f"<h4>Lumen Pro {n} Short Throw Laser Projector</h4><p>Manufacturer: Lumen</p>"
        f"<p>Price: $1,{n}99.00</p></div></a></div>"
        for n in range(1, 9)
    )
    return (
        '<html><body><div class="container"><section class="col-sm-8 content">'
        "<h1>Laser Projectors</h1><p>Bright, quiet projectors for home cinemas and meeting rooms, "
        "chosen by our staff and shipped free within the country.</p>"
        f'<figure><img src="/img/room.jpg" alt=""><figcaption>{CREDIT}</figcaption></figure>'
        f'<div class="product-list row">{cards}</div></section></div></body></html>'
    )


def _body(page_type: str) -> str:
    return read_as(_page(), f"{SITE}/laser-projectors", profile_for(page_type))


def test_a_collection_reading_keeps_the_cards_caption_boxes() -> None:
    assert "Lumen Pro 3 Short Throw Laser Projector" not in _body("article")
    body = _body("collection")
    assert "Lumen Pro 3 Short Throw Laser Projector" in body
    assert "Price: $1,399.00" in body


def test_a_figure_caption_stays_out_of_a_collection_reading() -> None:
    assert CREDIT not in _body("collection")
