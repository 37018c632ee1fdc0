"""The content pass's shortcuts (speed only): each answers what the longer way answered.

Junk is found by one query instead of one per tag; a node's first heading and first link come from
one query per walk instead of one per box.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.content._chrome import JUNK_TAGS, strip_junk

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
