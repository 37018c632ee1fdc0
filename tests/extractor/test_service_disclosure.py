"""A ``<button>`` that opens a panel of text (``aria-controls``) is the panel's heading, not a form
control: an accordion's question on a service page's FAQ, a tab's name. Its text stays in the body,
before the answer it opens; other buttons ("Subscribe", a menu toggle opening a short panel) go as
ever.
"""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3
from selectolax.lexbor import LexborHTMLParser

from newsscrape import extract
from newsscrape.extractor.content._chrome import disclosure_buttons

QUESTION = "Can I cancel my plan at any time?"
ANSWER = "Yes: cancel from your account page whenever you like, and you will not be charged again."
TOGGLE = "Show more options"
SUBSCRIBE = "Subscribe to our weekly newsletter"


def _page() -> str:
    return (
        "<html><head><title>Plans</title></head><body><main>"
        f"<h1>Plans and pricing</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
        '<div class="faq"><h2>Questions</h2>'
        f'<h3><button aria-expanded="false" aria-controls="faq-1">{QUESTION}</button></h3>'
        f'<div id="faq-1"><p>{ANSWER}</p></div>'
        f'<button aria-controls="more">{TOGGLE}</button><div id="more"><p>Fewer</p></div>'
        f"<button>{SUBSCRIBE}</button></div>"
        "</main></body></html>"
    )


def test_an_accordion_question_stays_before_its_answer_and_other_buttons_go() -> None:
    body = extract(_page(), url="https://example.com/pricing", config=NATIVE).body
    assert QUESTION in body
    assert body.index(QUESTION) < body.index(ANSWER)
    assert TOGGLE not in body  # its panel is one word: a menu's, not a section's
    assert SUBSCRIBE not in body  # it opens nothing


def test_disclosure_buttons_needs_a_panel_of_text() -> None:
    body = LexborHTMLParser(_page()).body
    assert body is not None
    kept = disclosure_buttons(body)
    assert [node.text() for node in body.css("button") if node.mem_id in kept] == [QUESTION]
