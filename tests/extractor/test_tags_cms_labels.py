"""Tags are topics an editor chose, not the CMS's own labels, codes or the site's keyword list."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://www.gazette-daily.com/2024/05/city-park-reopens/"


Tags = tuple[str, ...]


def tags(*, article_tags: Tags = (), keywords: str = "", site: str = "Gazette Daily") -> Tags:
    metas = "".join(f'<meta property="article:tag" content="{tag}">' for tag in article_tags)
    if keywords:
        metas += f'<meta name="keywords" content="{keywords}">'
    html = (
        f'<html lang="en"><head><title>City park reopens | {site}</title>'
        f'<meta property="og:site_name" content="{site}">{metas}</head>'
        "<body><article><h1>City park reopens</h1><p>The park reopens on Friday.</p></article></body></html>"
    )
    return read_metadata(LexborHTMLParser(html), url=URL).record.tags


@pytest.mark.parametrize(
    "label",
    [
        "textbelowcenterfullbleed",  # a template slot
        "CityEventPage2024springpromo",  # a campaign code
        "wfid24920828",  # a tracking code
        "Evergreen",  # what the CMS calls the item or where it places it
        "Page",
        "Overall Positive",  # a feed's sentiment label
    ],
)
def test_a_cms_label_is_no_tag(label: str) -> None:
    assert tags(article_tags=("Parks", label, "City Council")) == ("Parks", "City Council")


def test_a_keywords_list_naming_the_site_is_page_wide() -> None:
    # the same list on every page: the site's name cut into pieces among its products
    keywords = "health plans, Blue Cross, Blue Shield, find a doctor, member login, coverage"
    assert tags(keywords=keywords, site="Blue Cross Blue Shield Association") == ()


def test_a_hashtag_in_capitals_stays() -> None:
    hashtags = ("CityParks", "SustainableAgriculture")
    assert tags(article_tags=hashtags) == hashtags


def test_a_story_keywords_list_stays() -> None:
    assert tags(keywords="city park, fountain, reopening") == ("city park", "fountain", "reopening")
