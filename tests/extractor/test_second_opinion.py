"""The second opinion's covered gate with the fitted shares (data/second_opinion.json): a typed
reading whose native text holds its share of the page is not second-guessed by trafilatura; one
whose native text holds little of it is."""

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


def _service_page(footer_notices: int) -> str:
    offers = "".join(f"<p>{OFFER} Offer {n}.</p>" for n in range(6))
    footer = "".join(f"<p>{NOTICE}</p>" for _ in range(footer_notices))
    return (
        f"<html><body><main><h1>Heating services</h1>{offers}</main><footer>{footer}</footer></body></html>"
    )


@pytest.mark.parametrize("page_type", ["service", "forum", "product"])
def test_a_typed_reading_covering_the_page_is_not_second_guessed(
    page_type: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _trafilatura_calls(_service_page(0), page_type, monkeypatch) == 0


def test_a_typed_reading_holding_little_of_the_page_asks_trafilatura(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the footer's notices are most of the page's visible text: the offers alone cover too little
    assert _trafilatura_calls(_service_page(12), "service", monkeypatch) == 1
