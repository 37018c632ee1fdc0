"""The lead image is the story's picture, never the site's logo or icon shared as the page's image."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata
from newsscrape.extractor.metadata._site import plausible_image

URL = "https://shop.example.com/blog/spring-sale/"


def page(og_image: str, body_image: str = "") -> str:
    figure = f'<figure><img src="{body_image}" width="800" height="450"></figure>' if body_image else ""
    return (
        f'<html lang="en"><head><title>Spring sale | Example Shop</title>'
        f'<meta property="og:site_name" content="Example Shop">'
        f'<meta property="og:image" content="{og_image}"></head>'
        f"<body><article><h1>Spring sale</h1>{figure}<p>Our spring sale opens on Friday.</p></article>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "url",
    [
        # hashes and letter-digit mixes are no words: the name is still a short one built around "logo"
        "https://shop.example.com/cdn/files/Shop-Primary-logo_ceec8917-4619-4676-b983-7a7dc8197fad.jpg",
        "https://cdn.example.com/assets/shop-og-logo.5fd6463.png",
        "https://cdn.example.com/assets/shop-logo-55c5b9a1fe52.png",
        # the mark glued to other letters, or named otherwise
        "https://static.example.com/images/open-graph/shoplogo_1200x630.png",
        "https://static.example.com/images/Example_ShopLogo_WhtBG.jpg",
        "https://static.example.com/images/example-wordmark-2023.png",
        # icons: touch icons, site icons, an icons folder, a logos folder
        "https://shop.example.com/Img/apple-touch-icon@2.png?v=f987de6cbbd2",
        "https://shop.example.com/images/og-site-icon.png",
        "https://shop.example.com/theme/icons/home_thumbnail.png",
        "https://cdn.example.com/site/header_image_logos/shop_feed_header.jpg",
    ],
)
def test_a_shared_logo_or_icon_is_no_lead_image(url: str) -> None:
    assert plausible_image(url) is None
    meta = read_metadata(LexborHTMLParser(page(url)), url=URL)
    assert meta.record.image is None


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/uploads/2024/03/spring-sale-window-display-1024x576.jpg",
        "https://shop.example.com/uploads/catalogo/primavera-2024.jpg",  # "catalogo" is no logo
        "https://shop.example.com/uploads/2024/03/how-we-redesigned-our-shop-logo-for-the-new-season.jpg",
    ],
)
def test_a_story_picture_stays_the_lead_image(url: str) -> None:
    assert plausible_image(url) == url


def test_the_story_picture_replaces_a_shared_logo() -> None:
    html = page(
        "https://shop.example.com/cdn/files/Shop-Primary-logo_ceec8917-4619-4676-b983-7a7dc8197fad.jpg",
        body_image="https://shop.example.com/uploads/2024/03/spring-window.jpg",
    )
    meta = read_metadata(LexborHTMLParser(html), url=URL)
    assert meta.record.image == "https://shop.example.com/uploads/2024/03/spring-window.jpg"
