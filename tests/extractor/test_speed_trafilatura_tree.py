"""trafilatura's second opinion reads a tree whose element classes lxml looks up in C.

lxml.html's own lookup calls Python for every element lxml hands to Python (a tenth of
trafilatura's time); it gives form controls classes of their own, whose extras trafilatura never
reads. The tree is parsed as ``trafilatura.utils.load_html`` parses a string, so trafilatura's
text is the same as when it is given the markup. Drawings, links, metas and media sources, which
trafilatura drops in its own cleaning, are gone before it starts: they cost every pattern it prunes with.
"""

from __future__ import annotations

import trafilatura
from lxml import html

from newsscrape.extractor.content._trafilatura import trafilatura_text, trafilatura_tree

PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><title>Opening hours</title>'
    "<script>var hours = {monday: '9-17'};</script><style>p { margin: 0 }</style></head><body>"
    '<nav><a href="/">Home</a> <a href="/visit/">Visit</a> <a href="/contact/">Contact</a></nav>'
    "<main><h1>Opening hours and how to reach the library</h1>"
    "<p>The reading rooms open at nine on weekdays and close at five, except on public holidays, "
    "when the whole building stays closed and the book drop at the side door takes returns.</p>"
    "<p>Buses 12 and 31 stop in front of the main entrance; the car park behind the building has "
    "forty spaces, six of them for visitors with reduced mobility, free for the first two hours.</p>"
    '<form action="/search"><label for="q">Search the catalogue</label><input id="q" name="q">'
    "<select name='room'><option>Any room</option><option>Archive</option></select>"
    "<textarea name='note'>A note for the librarian</textarea></form>"
    "<table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday to Friday</td><td>9 to 17</td></tr>"
    "<tr><td>Saturday</td><td>10 to 14</td></tr></table>"
    "<p>Members may borrow up to twelve books at a time for three weeks, and renew them twice "
    "online or at the desk, unless another reader has reserved them in the meantime.</p></main>"
    "<footer><p>Copyright 2025 The Town Library</p></footer></body></html>"
)


def test_form_controls_are_plain_html_elements_in_the_tree_trafilatura_reads() -> None:
    tree = trafilatura_tree(PAGE)
    assert tree is not None
    controls = [tree.find(f".//{tag}") for tag in ("form", "label", "input", "select", "textarea")]
    assert [type(control) for control in controls] == [html.HtmlElement] * 5


def test_trafilatura_reads_the_tree_as_it_reads_the_markup() -> None:
    trafilatura_text.cache_clear()
    text = trafilatura_text(PAGE)
    assert text is not None
    assert "reading rooms open at nine" in text
    assert text == trafilatura.extract(PAGE, include_comments=False, include_tables=True)


def test_markup_trafilatura_refuses_gives_no_text() -> None:
    fragment = "<p>A lone paragraph, no page around it.</p>"
    assert trafilatura.extract(fragment, include_comments=False, include_tables=True) is None
    assert trafilatura_tree(fragment) is None
    trafilatura_text.cache_clear()
    assert trafilatura_text(fragment) is None


PLAYER = '<video controls><source src="/tour.mp4" type="video/mp4"></video>'
ICON = '<svg viewBox="0 0 24 24"><title>Share</title><g><path d="M1 1h2"/><path d="M3 3h2"/></g></svg>'


def test_textless_elements_trafilatura_drops_are_gone_before_it_reads_and_the_text_after_stays() -> None:
    page = PAGE.replace("<h1>", f"<h1>{ICON}", 1).replace("<main>", f"<main><p>{ICON} Print</p>", 1)
    page = page.replace("</head>", '<meta charset="utf-8"><link rel="stylesheet" href="/s.css"></head>')
    page = page.replace("</h1>", f"</h1>{PLAYER}", 1)
    tree = trafilatura_tree(page)
    assert tree is not None
    for dropped in ("svg", "path", "meta", "link", "source"):
        assert tree.findall(f".//{dropped}") == []
    assert tree.find(".//video") is not None
    assert tree.find(".//h1").text_content() == "Opening hours and how to reach the library"
    assert tree.find(".//main/p").text_content() == " Print"


XHTML = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>Text</p></body></html>'
)


def test_the_repair_is_skipped_exactly_where_it_would_change_nothing() -> None:
    from trafilatura.utils import repair_faulty_html

    from newsscrape.extractor.content._trafilatura import needs_repair

    pages = [
        PAGE,
        PAGE.replace("\n", " "),  # a doctype on the only line: the repair adds a line feed
        XHTML,  # a doctype with a slash: the repair drops it
        PAGE.replace("<!DOCTYPE html>\n", ""),
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>\n<body><p>x</p></body>',
        PAGE.replace("Opening hours", "Opening\u00a0hours \u00e9t\u00e9 \U0001f600"),
        *(PAGE.replace("nine", f"ni{char}ne") for char in ("\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f")),
        *(PAGE.replace("nine", f"ni{char}ne") for char in ("\ufffe", "\uffff", "\t", "\r", "\x7f", "\ufffd")),
    ]
    for page in pages:
        beginning = page[:50].lower()
        assert needs_repair(page, beginning) == (repair_faulty_html(page, beginning) != page), page[:60]
    needs = [needs_repair(page, page[:50].lower()) for page in pages[:6]]
    assert needs == [False, True, True, False, True, False]
