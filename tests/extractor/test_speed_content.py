"""The content pass's shortcuts (speed only): each answers what the longer way answered.

Junk is found by one query instead of one per tag; a node's first heading and first link come from
one query per walk instead of one per box; page-wide chrome no longer asks for ARIA dialogs,
removed before it.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape import ExtractConfig
from newsscrape.extractor import explain
from newsscrape.extractor.content._boxes import first_below
from newsscrape.extractor.content._chrome import JUNK_TAGS, strip_junk
from newsscrape.extractor.content._walk import Walk

# junk inside junk, in every order: a removal must neither miss the inner node nor touch freed memory
NESTED_JUNK = (
    "<html><body><p>Kept one</p><button><svg><path d='M0'/></svg><img src=a.png>Buy</button>"
    "<picture><source srcset=b.webp><img src=b.png></picture><form><label>Name <input name=n>"
    "</label><select><option>A</option></select><textarea>Say</textarea></form>"
    "<noscript><img src=pixel.gif></noscript><script>var x;</script><p>Kept two</p></body></html>"
)


def test_one_query_strips_nested_junk_as_tag_by_tag_stripping_does() -> None:
    fast = LexborHTMLParser(NESTED_JUNK)
    slow = LexborHTMLParser(NESTED_JUNK)
    assert fast.body is not None
    assert slow.body is not None
    strip_junk(fast.body)
    slow.body.strip_tags(JUNK_TAGS)
    assert fast.html == slow.html
    assert fast.body.text(separator="|") == "Kept one|Kept two"  # a <button> goes with its words


def test_stripping_a_stripped_tree_again_changes_nothing() -> None:
    tree = LexborHTMLParser(NESTED_JUNK)
    assert tree.body is not None
    strip_junk(tree.body)
    once = tree.html
    strip_junk(tree.body)
    assert tree.html == once


def test_a_page_written_in_noscript_is_opened_then_stripped() -> None:
    story = "<p>" + "A post in plain HTML for readers without scripts. " * 20 + "</p>"
    tree = LexborHTMLParser(f"<body><div id=app></div><noscript>{story}<img src=x.gif></noscript></body>")
    assert tree.body is not None
    strip_junk(tree.body)
    assert tree.body.css_first("noscript") is None
    assert tree.body.css_first("img") is None  # what the box held is stripped like the page's own
    assert "A post in plain HTML" in tree.body.text()


STORY = (
    "The council voted on Tuesday to keep the library open through the winter, after a long "
    "debate in which residents spoke for and against the plan to close it early."
)
# boxes in boxes: a heading or a link deep inside one box, before or after another in document order
BOXES_PAGE = (
    f"<div id=story><p>{STORY}</p>"
    "<div class=box><div class=inner><div><h3>Related stories</h3></div>"
    "<ul><li><a href=/a>Story A</a></li><li><a href=/b>Story B</a></li></ul></div>"
    "<h2>The vote itself</h2></div>"
    f"<div class=plain><div><div><p>{STORY}</p></div></div></div>"
    "<div class=cells><div><div><span><a href=/c>Section C</a> <a href=/d>Section D</a></span>"
    f"</div></div></div><p>{STORY}</p></div>"
)


def _story() -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><body>{BOXES_PAGE}<div id=twin><h4>Twin</h4><a href=/t>T</a></div>")


def test_first_below_answers_css_first_for_every_node() -> None:
    tree = _story()
    roots = tuple(node for node in (tree.css_first("#story"), tree.css_first("#twin")) if node is not None)
    assert len(roots) == 2  # the story and a twin box beside it, as _container.twins gives them
    for selector in ("h2, h3, h4, h5, h6", "a"):
        first = first_below(roots, selector)
        for root in roots:
            for node in root.traverse():
                found = node.css_first(selector)
                mine = first.get(node.mem_id)
                assert (mine.mem_id if mine else None) == (found.mem_id if found else None), node.html


def test_a_box_is_judged_by_its_first_heading_and_its_deepest_links() -> None:
    tree = _story()
    container = tree.css_first("#story")
    assert container is not None
    walk = Walk(container, container_chars=len(container.text()), max_depth=50)
    walk.run()
    kept = [b.text for b in walk.blocks]
    # the outer box opens with "Related stories" two levels down: the box goes, its later h2 with it
    assert "The vote itself" not in kept
    assert ("other_stories", "div.box") in {(r.kind, r.where.split(" > ")[-1]) for r in walk.removed}
    # links three levels down make that box one of links; a box without links or headings stays
    assert ("links", "div.cells") in {(r.kind, r.where.split(" > ")[-1]) for r in walk.removed}
    assert kept == [STORY, STORY, STORY]


def test_an_aria_dialog_goes_before_the_vote_though_page_chrome_no_longer_asks_for_it() -> None:
    # a sign-in dialog with more sentences than the story, and no class or id saying "popup"
    dialog = "<section role=alertdialog><h2>Dear reader</h2>" + f"<p>{STORY} Sign in.</p>" * 4 + "</section>"
    html = f"<html><body><main><h1>The vote</h1><p>{STORY}</p></main>{dialog}</body></html>"
    report = explain(html, config=ExtractConfig(fallback=False))
    assert "Sign in." not in report.article.body
    assert ("popup", "ARIA dialog") in {(r.kind, r.reason) for r in report.removed}
