"""Publication dates on tiny inline pages whose lead photo's caption has a day of its own: a caption says
when the photo was taken, not when the story was published."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "The harbor board met on Tuesday and voted to rebuild the pier this summer. " * 4 + "</p>"
# A news CMS's story header: the headline, the lead figure (a file photo, its caption dated), the byline.
HEADER = (
    "<header><h1>Harbor pier to be rebuilt</h1>"
    '<figure class="lead-image"><img src="/pier.jpg" alt="">'
    "<figcaption><span>Crews clear debris from the pier on March 2, 2023 near the harbor.</span>"
    '<span class="credit">Photo: Staff</span></figcaption></figure>'
    '<div class="byline"><a href="/by/jane-doe">Jane Doe</a><time>May 14, 2024 9:12 AM</time></div>'
    "</header>"
)
LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    ' "headline": "Harbor pier to be rebuilt", "datePublished": "2024-05-14T09:12:00-04:00"}</script>'
)


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_a_caption_day_does_not_overrule_the_markup() -> None:
    # An earlier day printed in the byline would mean a re-stamped story; one in the caption does not.
    page = f"<html><head>{LD}</head><body><article>{HEADER}{TEXT}</article></body></html>"
    assert published(page) == date(2024, 5, 14)


def test_a_caption_day_does_not_date_a_page_without_markup() -> None:
    # The byline's printed day (here in plain elements) dates the story, not the caption's above it.
    byline = '<div class="byline"><a href="/by/jane-doe">Jane Doe</a><time>May 14, 2024 9:12 AM</time></div>'
    header = HEADER.replace(byline, "<p>By Jane Doe</p><p>May 14, 2024</p>")
    page = f"<html><body><article>{header}{TEXT}</article></body></html>"
    assert published(page) == date(2024, 5, 14)
