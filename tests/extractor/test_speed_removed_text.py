"""The text of the popups and menus the content pass removes is read only when trafilatura is asked.

Steps 1-2 remove dialogs, popups, menus and footers; the second opinion looks up trafilatura's
lines in the cookie notices and menus among them (``_outside``). Most pages never ask for a
second opinion, so the removed boxes are unlinked from the tree but not freed, and their text is
read on the first look only, as it was when they were removed.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor._guard import Deadline
from newsscrape.extractor.content._pagewide import prepare

PAGE = (
    "<html><body>"
    '<div role="dialog"><p>We use cookies to measure the audience.</p></div>'
    '<div role="dialog"><p>Sign in to keep reading.</p></div>'
    '<nav><a href="/">Home</a> <a href="/world/">World news</a></nav>'
    '<div class="cookie-banner"><p>Accept all cookies?</p></div>'
    "<main><h1>Rain returns</h1><p>The rain came back to the valley after a dry spring and the "
    "rivers rose again.</p></main>"
    "<footer><p>Copyright 2025 The Valley Times</p></footer>"
    "</body></html>"
)


def test_removed_popups_and_menus_are_out_of_the_tree_and_their_text_is_read_when_asked() -> None:
    body = LexborHTMLParser(PAGE).body
    assert body is not None
    prepared = prepare(body, Deadline(10.0, url=None))
    page = body.text(deep=True)
    assert all(gone not in page for gone in ("cookies", "Sign in", "World news", "Copyright"))
    assert [box.parent for box in (*prepared.popup_boxes, *prepared.menu_boxes)] == [None] * 5
    assert prepared.popups == "weusecookiestomeasuretheaudience.\0acceptallcookies?"
    assert prepared.menus == "homeworldnews\0copyright2025thevalleytimes"
