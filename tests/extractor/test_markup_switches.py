"""The markup labels a page type's block walk leaves unheeded (``ContentProfile.kept_kinds``,
``hidden_panels``).

The page is a service's landing page: a hero banner stating the service, a carousel of what clients
say, an offer in a "cta" box, tabs whose closed panels are hidden, a question whose answer sits in a
closed ``<details>``, and a hidden decoy (an aria-hidden marquee of logos). Read as an article, every
such box is chrome; read with a profile that keeps a kind, what that kind's label dropped stays, and
nothing else changes.
"""

from __future__ import annotations

import pytest

from newsscrape.extractor.content._chrome import removal_kind
from newsscrape.extractor.content._profiles import ARTICLE, ContentProfile, profile_for
from profiled import read_as

SITE = "https://pest.example.com"
INTRO = (
    "Our technicians inspect the house from the attic to the crawl space, seal the gaps that let "
    "rodents in and come back every quarter to check that the treatment still holds."
)
BANNER = "Termite treatment that protects the whole house for a full year"
QUOTE = "The technician found the nest in an hour and explained every step of the treatment to us"
OFFER = "Save fifty dollars on the initial pest control visit with the spring code"
PANEL = "The quarterly plan covers ants, spiders, roaches and rodents inside and around the house"
ANSWER = "Most treatments dry within two hours, after which children and pets may return"
MARQUEE = "Trusted by thousands of happy homeowners across the state"


def _page() -> str:
    paragraphs = "".join(f"<p>{INTRO} Part {n}.</p>" for n in range(4))
    return (
        '<html><body><main id="main">'
        f'<h1>Pest control</h1><div class="hero-banner"><p>{BANNER}</p></div>{paragraphs}'
        f'<div class="owl-carousel"><div class="item"><p>{QUOTE}</p></div></div>'
        f'<div class="cta-box"><p>{OFFER}</p></div>'
        '<div class="plans"><div role="tablist">Monthly Quarterly</div>'
        f'<div role="tabpanel" hidden=""><p>{PANEL}</p></div></div>'
        f'<details><summary>When is it safe to go back in?</summary><div aria-hidden="true"><p>{ANSWER}'
        "</p></div></details>"
        f'<div class="marquee" aria-hidden="true"><p>{MARQUEE}</p></div>'
        "</main></body></html>"
    )


def _body(profile: ContentProfile) -> str:
    return read_as(_page(), f"{SITE}/pest-control/", profile)


def test_read_as_an_article_the_labelled_boxes_go() -> None:
    body = _body(ARTICLE)
    assert f"{INTRO} Part 2." in body
    for text in (BANNER, QUOTE, OFFER, PANEL, ANSWER, MARQUEE):
        assert text not in body


@pytest.mark.parametrize(
    ("kind", "kept"),
    [("ad", BANNER), ("other_stories", QUOTE), ("newsletter", OFFER)],
)
def test_a_kept_kind_leaves_its_boxes_in_and_only_those(kind: str, kept: str) -> None:
    body = _body(ContentProfile(kept_kinds=frozenset({removal_kind(kind)})))
    assert kept in body
    assert f"{INTRO} Part 2." in body
    for text in {BANNER, QUOTE, OFFER, PANEL, ANSWER, MARQUEE} - {kept}:
        assert text not in body


def test_hidden_panels_keep_a_tab_panel_and_a_details_body_not_other_hidden_text() -> None:
    body = _body(ContentProfile(hidden_panels=True))
    assert PANEL in body
    assert ANSWER in body
    assert MARQUEE not in body  # hidden, but no panel a reader opens
    assert OFFER not in body


def test_a_kind_the_data_file_names_must_be_a_removal_kind() -> None:
    assert removal_kind("share") == "share"
    with pytest.raises(ValueError, match="not a removal kind"):
        removal_kind("sharing")


def test_the_service_profile_keeps_some_markup_the_article_profile_drops() -> None:
    service = profile_for("service")
    assert service.kept_kinds or service.hidden_panels
    assert not ARTICLE.kept_kinds
    assert not ARTICLE.hidden_panels
