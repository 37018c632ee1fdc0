"""Title choice over headings read as readers see them: a site-name header linking to the front
page is no headline, and a permalink glyph is no part of a heading's text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

# A manual's chapter, as a documentation generator writes it: the site's header is an h1 linking to
# the manual's index, the chapter's own h1 carries a permalink, <title> joins both with an em dash.
MANUAL = """<html><head>
<title>Sharing History Safely \u2014 the rebase extension for Toolkit</title></head><body>
<div class="header"><h1 class="heading">
<a href="{home}"><span>the rebase extension for Toolkit</span></a></h1></div>
<div class="content"><div class="section" id="sharing">
<h1>Sharing History Safely<a class="headerlink" href="#sharing" title="Permalink">\u00b6</a></h1>
<p>Changes that others have pulled must be rewritten with care, or history splits in two.</p>
</div></div></body></html>"""


def title_of(html: str, url: str | None) -> str | None:
    return read_metadata(LexborHTMLParser(html), url=url).record.title


def test_site_header_linking_to_the_index_gives_way_to_the_pages_h1() -> None:
    assert title_of(MANUAL.format(home="index.html"), None) == "Sharing History Safely"


def test_site_header_linking_up_to_the_sections_index() -> None:
    url = "https://docs.example.org/toolkit/rebase/sharing.html"
    assert title_of(MANUAL.format(home="../index.html"), url) == "Sharing History Safely"
    # A link to a sibling page (not a front page above this one) is no site header.
    assert title_of(MANUAL.format(home="other.html"), url) == "the rebase extension for Toolkit"


def test_permalink_glyph_is_not_part_of_the_heading() -> None:
    page = (
        "<title>Quickstart \u2014 Example Framework Documentation (3.1.x)</title>"
        '<section id="quickstart"><h1>Quickstart<a class="headerlink" href="#quickstart">\u00b6</a></h1>'
        "<p>A minimal application looks like this.</p></section>"
    )
    assert title_of(page, "https://docs.example.org/quickstart/") == "Quickstart"
    # An in-page link with words (back to the table of contents) is the heading's text itself.
    page = page.replace("<h1>Quickstart<", '<h1><a class="toc-backref" href="#id1">Quickstart</a><')
    assert title_of(page, "https://docs.example.org/quickstart/") == "Quickstart"


# A club's event page: its only h1 is the club's name linking to the front page, and <title> sets
# the page's own name before the club's.
EVENT = """<html><head><title>Harvest Market \u203a Old Mill Society e.V.</title></head><body>
<h1><a href="https://www.oldmill.example/" title="to the front page"> Old Mill Society e.V. </a></h1>
<ul id="navi"><li><a href="https://www.oldmill.example/">Home</a></li></ul>
<div id="content"><h2>Harvest Market</h2>
<p>Stroll between the stalls of the millers and weavers while the wheel turns beside the pond.</p>
</div></body></html>"""


def test_a_lone_h1_linking_home_is_the_site_name_the_title_cuts_off() -> None:
    url = "https://www.oldmill.example/events/887/"
    assert title_of(EVENT, url) == "Harvest Market"
