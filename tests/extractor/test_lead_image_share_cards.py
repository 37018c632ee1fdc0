"""A site's share card (the og:image every page of it shares) is no lead image; a story's picture is."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata
from newsscrape.extractor.metadata._site import plausible_image

URL = "https://www.gazette-daily.com/2024/05/city-park-reopens/"


def page(og_image: str) -> str:
    return (
        '<html lang="en"><head><title>City park reopens | Gazette Daily</title>'
        f'<meta property="og:image" content="{og_image}"></head>'
        "<body><article><h1>City park reopens</h1><p>The park reopens on Friday.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "url",
    [
        # named for what it is and where it goes
        "https://www.gazette-daily.com/static/open-graph.jpg",
        "https://www.gazette-daily.com/content/dam/images/facebook-og-homepage-image.png",
        # ... or for the site itself, the page's host or the image's own
        "https://www.gazette-daily.com/images/gazette-daily-og-general.jpeg",
        "https://cdn.example.net/images/gazettedaily.jpg",
        "https://gazette.example.io/uploads/2021/07/gazette.jpg",
        "https://www.gazette-daily.com/images/gazette-daily-social-1200x630.png",
    ],
)
def test_a_share_card_is_no_lead_image(url: str) -> None:
    meta = read_metadata(LexborHTMLParser(page(url)), url=URL)
    assert meta.record.image is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gazette-daily.com/uploads/2024/05/city-park-reopens-og.jpg",
        "https://www.gazette-daily.com/uploads/2024/05/12345.jpg",  # a number names a story's file
        "https://www.gazette-daily.com/uploads/2024/05/image-4.png",  # a post's pasted upload
        "https://www.gazette-daily.com/uploads/2024/05/thumbnail-18.jpg",
        "https://www.gazette-daily.com/api/og?path=/2024/05/city-park-reopens/",  # drawn for this page
        "https://cdn.example.net/images/gazettedaily/park-fountain.jpg",
    ],
)
def test_a_story_picture_made_for_sharing_stays(url: str) -> None:
    assert plausible_image(url, page_url="https://www.gazette-daily.com/news/") == url
    assert read_metadata(LexborHTMLParser(page(url)), url=URL).record.image == url


@pytest.mark.parametrize(
    ("image", "page_url"),
    [
        (
            "https://docs.example.com/og-image/widgetdb.jpg",
            "https://docs.example.com/widgetdb/language/blocks",
        ),
        ("https://docs.example.com/images/og-learn.png", "https://docs.example.com/learn/first-steps"),
        (
            "https://docs.example.com/assets/social-cards/actions.png",
            "https://docs.example.com/en/actions/run",
        ),
    ],
)
def test_a_share_card_named_for_the_section_is_no_lead_image(image: str, page_url: str) -> None:
    assert plausible_image(image, page_url=page_url) is None


@pytest.mark.parametrize(
    ("image", "page_url"),
    [
        ("https://guides.example.org/assets/img/social/vpn.png", "https://guides.example.org/en/vpn/"),
        ("https://blog.example.dev/og-image/dot-github.png", "https://blog.example.dev/post/dot-github"),
        ("https://docs.example.com/images/og-learn.png", "https://docs.example.com/learn"),
    ],
)
def test_a_share_card_named_for_the_page_itself_stays(image: str, page_url: str) -> None:
    assert plausible_image(image, page_url=page_url) == image
