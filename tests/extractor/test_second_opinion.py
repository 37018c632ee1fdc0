"""The second opinion's gates with the fitted shares (data/second_opinion.json): a typed reading
whose native text holds its share of the page, or of the text left once page-wide chrome is gone,
is not second-guessed by trafilatura; one whose native text holds little of either is."""

from __future__ import annotations

import pytest

from newsscrape.extractor.content._profiles import PROFILES
from profiled import asking_trafilatura

OFFER = (
    "Our certified engineers design, install and service heating systems for homes and small "
    "offices across the region, and every part we fit carries a ten year warranty."
)
# a site footer's long notice: visible text of the page, removed as chrome before the reading
NOTICE = (
    "This website is operated by a registered company. Registered office and company number are "
    "listed on our legal page, together with our privacy policy and the terms of every sale. "
)


def _trafilatura_calls(html: str, page_type: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often a reading of ``html`` as ``page_type`` asked trafilatura."""
    return asking_trafilatura(html, PROFILES[page_type], monkeypatch)[1]


def _service_page(footer_notices: int = 0, linked_notices: int = 0) -> str:
    """Six offers in the page's <main>, after it notices in a site footer (page-wide chrome) and
    linked notices in a plain box (left in the tree, dropped by the walk as links)."""
    offers = "".join(f"<p>{OFFER} Offer {n}.</p>" for n in range(6))
    footer = "".join(f"<p>{NOTICE}</p>" for _ in range(footer_notices))
    links = "".join(f'<p><a href="/legal/{n}">{NOTICE}</a></p>' for n in range(linked_notices))
    return (
        f"<html><body><main><h1>Heating services</h1>{offers}</main><footer>{footer}</footer>"
        f'<div class="legal">{links}</div></body></html>'
    )


@pytest.mark.parametrize("page_type", ["service", "forum", "product"])
def test_a_typed_reading_covering_the_page_is_not_second_guessed(
    page_type: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _trafilatura_calls(_service_page(), page_type, monkeypatch) == 0


def test_a_typed_reading_holding_what_is_left_of_the_page_is_not_second_guessed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the footer's notices are most of the page's visible text, but gone with the page-wide chrome:
    # the offers are all the text left
    assert _trafilatura_calls(_service_page(footer_notices=12), "service", monkeypatch) == 0


def test_a_typed_reading_holding_little_of_the_page_asks_trafilatura(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the linked notices are most of the page's visible text, left in the tree: the offers alone
    # cover too little of either
    assert _trafilatura_calls(_service_page(linked_notices=12), "service", monkeypatch) == 1
