"""The content pass on pages that are not articles (products, listings, forums), on tiny inline pages."""

from __future__ import annotations

from newsscrape import ExtractConfig, extract
from newsscrape.extractor.content._profiles import ContentProfile, profile_for
from profiled import content_as

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


def _native_and_second(share: float) -> str:
    from newsscrape.extractor._guard import Deadline
    from newsscrape.extractor.content._content import Block, Content, _second_opinion

    # the native pass read the whole shop page (cart, reviews, the description); trafilatura reads
    # the description alone: shorter, and on a product page more often right
    html = (
        "<html><body><article><h1>Wool Runner</h1>"
        f"<p>{DESCRIPTION}</p><p>{DESCRIPTION} It comes in six colours.</p></article></body></html>"
    )
    native = [Block(text=f"Review {n}: I love these shoes, they fit well and wash well.") for n in range(20)]
    content = Content(blocks=[*native, Block(text=DESCRIPTION)])
    _second_opinion(content, html, Deadline(10.0, url=None), share=share)
    return "\n\n".join(b.text for b in content.blocks)


def test_second_share_zero_takes_the_second_reading_even_when_shorter() -> None:
    text = _native_and_second(0.0)
    assert "Review 3" not in text
    assert "six colours" in text


def test_second_share_one_keeps_the_longer_native_reading() -> None:
    assert "Review 3" in _native_and_second(1.0)


def test_a_profile_with_a_second_share_asks_trafilatura_on_every_page() -> None:
    paragraphs = "".join(f"<p>{DESCRIPTION} Part {n}.</p>" for n in range(6))
    html = f"<html><body><article><h1>Wool Runner</h1>{paragraphs}</article></body></html>"
    methods = [
        content_as(html, profile, fallback=True).method
        for profile in (ContentProfile(), ContentProfile(second_share=0.0))
    ]
    assert methods == ["native", "trafilatura"]


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


REVIEW = "I bought these for my daily walks and they have held up well after three months of use."


def _read_as(page_type: str, html: str, *, fallback: bool) -> str:
    content = content_as(html, profile_for(page_type), fallback=fallback)
    return "\n\n".join(b.text for b in content.blocks)


def _shop_page(body_class: str = "") -> str:
    reviews = "".join(f'<div class="review"><p>{REVIEW} Review {n}.</p></div>' for n in range(4))
    return (
        f'<html><body class="{body_class}"><main><div class="product"><h1>Wool Runner</h1>'
        f'<div class="description"><p>{DESCRIPTION}</p><p>{DESCRIPTION} It comes in six colours.</p></div>'
        f'<section id="product-reviews"><h2>Customer reviews</h2>{reviews}</section>'
        "</div></main></body></html>"
    )


def test_a_product_reading_drops_customer_reviews_from_the_native_text() -> None:
    text = _read_as("product", _shop_page(), fallback=False)
    assert "six colours" in text
    assert "Review 2." not in text


def test_a_product_reading_drops_customer_reviews_from_trafilaturas_text() -> None:
    # trafilatura's paragraphs carry no markup: they are found inside the review boxes of the tree
    text = _read_as("product", _shop_page(), fallback=True)
    assert "six colours" in text
    assert "Review 2." not in text


def test_a_review_word_on_a_wrapper_of_the_page_does_not_drop_the_page() -> None:
    # WooCommerce themes name their layout on <body> ("single-product-reviews-01"): not a review box
    text = _read_as("product", _shop_page("single-product single-product-reviews-01"), fallback=True)
    assert "six colours" in text
    assert "Review 2." not in text


def test_a_review_is_found_in_its_box_when_a_reading_left_a_line_of_it_out() -> None:
    # trafilatura joins a review's name, stars and words into one paragraph, leaves out the
    # "Verified purchase" line between them, and writes list items as "- item"
    from selectolax.lexbor import LexborHTMLParser

    from newsscrape.extractor.content._content import Block, Content
    from newsscrape.extractor.content._tidy import drop_reviews

    details = "".join(f"<p>{DESCRIPTION} Detail {n}.</p>" for n in range(3))
    html = (
        f'<html><body><div class="description"><p>{DESCRIPTION}</p>{details}</div>'
        '<ul class="review-list"><li><span>Ann Smith</span> <span>5.0 out of 5 stars</span> '
        "<span>Verified purchase</span> "
        f"<p>{REVIEW}</p></li><li><p>{REVIEW} Second.</p></li></ul></body></html>"
    )
    tree = LexborHTMLParser(html)
    assert tree.body is not None  # the reviews are no more than PAGE_CHROME_MAX_SHARE of the page
    content = Content(
        blocks=[
            Block(text=DESCRIPTION),
            Block(text=f"- Ann Smith 5.0 out of 5 stars {REVIEW}"),
            Block(text=f"- {REVIEW} Second."),
        ]
    )
    drop_reviews(tree.body, content)
    assert [b.text for b in content.blocks] == [DESCRIPTION]


def test_a_reading_that_drops_reviews_drops_the_fine_print_boxed_apart_too() -> None:
    # a shop's footnotes to its claims sit in a "disclaimer" box below the description; the block
    # walk drops such a box, trafilatura's reading keeps it (its paragraphs carry no markup)
    from selectolax.lexbor import LexborHTMLParser

    from newsscrape.extractor.content._content import Block, Content
    from newsscrape.extractor.content._tidy import drop_reviews

    note = "Battery life measured under lab conditions with a pre-release model; results vary."
    details = "".join(f"<p>{DESCRIPTION} Detail {n}.</p>" for n in range(3))
    html = (
        f'<html><body><div class="description"><p>{DESCRIPTION}</p>{details}</div>'
        f'<div class="common-bottom-disclaimer"><ol><li>{note}</li></ol></div></body></html>'
    )
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    content = Content(blocks=[Block(text=DESCRIPTION), Block(text=f"- {note}")])
    drop_reviews(tree.body, content)
    assert [b.text for b in content.blocks] == [DESCRIPTION]
    assert [(r.kind, r.reason) for r in content.removed] == [("copyright", "fine print")]
