"""Publication dates on tiny inline pages without structured data whose tag-manager data layer (WordPress's
gtm4wp plugin) declares the post's day, while the byline shows only when the post was updated."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "The county opened two more cooling centres as the heat wave went on. " * 4 + "</p>"
# A WordPress theme's story header that prints the modified day only.
HEADER = (
    "<header><h1>Cooling centres open across the county</h1>"
    '<div class="entry-meta"><span class="author">Ana Ruiz</span>'
    '<span class="updated-date">Updated: October 22, 2025</span></div></header>'
)
DATA_LAYER = (
    '<script data-cfasync="false">var dataLayer_content = {"pagePostType":"post",'
    '"pagePostAuthor":"Ana Ruiz","pagePostDate":"July 28, 2025","pagePostDateYear":2025,'
    '"pagePostDateIso":"2025-07-28T15:48:00+00:00"};</script>'
)


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_the_data_layer_dates_a_page_that_shows_only_its_update() -> None:
    page = f"<html><head>{DATA_LAYER}</head><body><article>{HEADER}{TEXT}</article></body></html>"
    assert published(page) == date(2025, 7, 28)


def test_the_printed_byline_day_stays_first() -> None:
    header = HEADER.replace("Updated: October 22, 2025", "August 2, 2025")
    page = f"<html><head>{DATA_LAYER}</head><body><article>{header}{TEXT}</article></body></html>"
    assert published(page) == date(2025, 8, 2)


def test_without_a_data_layer_the_update_dates_the_page() -> None:
    page = f"<html><body><article>{HEADER}{TEXT}</article></body></html>"
    assert published(page) == date(2025, 10, 22)
