"""Documentation subheadings that carry a permalink mark (Sphinx/docutils, rustdoc, GitHub-style
anchors) are the page's own sections, not linked titles of other stories."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract


def page(body: str) -> str:
    return (
        "<html><head><title>Best trails in town</title></head><body>"
        '<header class="site"><a href="/">Home</a></header>'
        f"<article><header><h1>Best trails in town</h1><p>By Jo Smith</p></header>{body}</article>"
        "</body></html>"
    )


def test_sphinx_headings_with_a_back_reference_and_a_headerlink_are_kept() -> None:
    # docutils writes each heading as a link back to its table-of-contents entry ("#id4", an id
    # elsewhere on the page) followed by the "¶" permalink to its own section
    html = page(
        f"<p>{PARA}</p>"
        '<div class="section" id="setting-up"><h2><a class="toc-backref" href="#id4">Setting up</a>'
        '<a class="headerlink" href="#setting-up" title="Permalink to this headline">\u00b6</a></h2>'
        f"<p>{PARA2}</p></div>"
        '<div class="section" id="conclusion"><h2><a class="toc-backref" href="#id9">Conclusion</a>'
        '<a class="headerlink" href="https://example.com/story#conclusion">\u00b6</a></h2>'
        f"<p>{PARA3}</p></div>"
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.page_type == "article"
    # and shown without the permalink's glyph
    assert art.headings == ("Setting up", "Conclusion")


def test_headings_with_an_anchor_class_or_a_hidden_mark_are_kept() -> None:
    # rustdoc's "§" anchor, a GitHub-style hidden link icon: marks of the section itself, whatever
    # the heading's own text links to on the page
    html = page(
        f"<p>{PARA}</p>"
        '<h2><a href="#id2">Examples</a><a class="anchor" href="#examples">\u00a7</a></h2>'
        f"<p>{PARA2}</p>"
        '<h3><a aria-hidden="true" href="#id3"><svg></svg></a><a href="#id5">Panics</a></h3>'
        f"<p>{PARA3}</p>"
        '<h2><a href="/news/other-story">Another story</a><a href="/news/other-story#top">#</a></h2>'
        f"<p>{PARA}</p>"
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.page_type == "article"
    # a "#" pointing at another page's section is no permalink: that heading is still a linked title
    assert art.headings == ("Examples", "Panics")


def test_a_hash_in_the_heading_own_words_stays() -> None:
    # "C#" ends in the permalink glyph "#" but links nowhere: the words stay as written
    html = page(
        f"<p>{PARA}</p>"
        '<h2 id="csharp">Learning C#<a class="headerlink" href="#csharp">\u00b6</a></h2>'
        f"<p>{PARA2}</p>"
        f"<h2>Why C#</h2><p>{PARA3}</p>"
    )
    art = extract(html, url="https://example.com/story", config=NATIVE)
    assert art.headings == ("Learning C#", "Why C#")
    assert "Learning C#\n" in art.body
