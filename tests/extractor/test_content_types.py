"""The content pass on pages that are not articles (products, listings, forums), on tiny inline pages."""

from __future__ import annotations

from newsscrape import ExtractConfig, extract

NATIVE = ExtractConfig(fallback=False)  # the native pass, not trafilatura's opinion

DESCRIPTION = (
    "A true original, our wool runner combines soft merino wool with a cushioned sole for "
    "comfort from the first step, and it goes in the washing machine."
)
TERMS = (
    "These terms of use apply to your access to and use of our online services, our stores and "
    "our customer support channels, and govern every purchase made through them. "
)


def test_an_aria_dialog_in_the_footer_is_an_overlay_not_the_story() -> None:
    # a shop's footer links to its policies and carries each one's full text in a modal
    # (role="dialog", its own <h1>): longer than the product description, never the page's text
    terms = "".join(f"<p>{TERMS}Clause {n}.</p>" for n in range(12))
    html = (
        '<html><body><main><div class="product"><h1>Wool Runner</h1>'
        f'<div class="details"><p>{DESCRIPTION}</p><p>{DESCRIPTION} Again.</p></div></div></main>'
        '<footer><a href="/terms">Terms of use</a><div id="modal-terms" role="dialog">'
        f'<div class="prose"><h1>Terms of use</h1>{terms}</div></div></footer></body></html>'
    )
    text = extract(html, config=NATIVE).body
    assert text.startswith(DESCRIPTION)
    assert "terms of use apply" not in text


def test_page_builder_widgets_holding_the_text_are_kept() -> None:
    # Elementor (and HubSpot, SiteOrigin, Webflow) wraps every content module in a "widget" box:
    # each holds a part of the story, none of them alone half of it
    parts = "".join(
        f'<div class="elementor-element elementor-widget elementor-widget-text-editor">'
        f'<div class="elementor-widget-container"><p>{DESCRIPTION} Part {n}.</p></div></div>'
        for n in range(4)
    )
    html = f'<html><body><div class="elementor"><h1>Types of service</h1>{parts}</div></body></html>'
    text = extract(html, config=NATIVE).body
    assert all(f"Part {n}." in text for n in range(4))
