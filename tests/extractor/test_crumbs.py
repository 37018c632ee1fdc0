"""Breadcrumb trails and sections by the markup conventions of CMS families: one behaviour per test."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

import newsscrape
from newsscrape.extractor.metadata._crumbs import read_breadcrumbs, read_section
from newsscrape.extractor.metadata._metadata import read_metadata

URL = "https://news.example.com/2024/05/01/story/"


def trail(html: str) -> tuple[str, ...]:
    return read_breadcrumbs(LexborHTMLParser(html))


def section(html: str) -> str | None:
    return read_section(LexborHTMLParser(html), site="Example News", url=URL)


def fusion(content: object) -> str:
    state = f"window.Fusion=window.Fusion||{{}};Fusion.globalContent={json.dumps(content)};"
    return f'<script id="fusion-metadata" type="application/javascript">{state}</script>'


def next_data(page_props: object) -> str:
    data = {"props": {"pageProps": page_props}, "page": "/[slug]"}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def test_rdfa_breadcrumb_list_without_a_breadcrumb_class() -> None:
    page = (
        '<ol vocab="https://schema.org/" typeof="BreadcrumbList">'
        '<li property="itemListElement" typeof="ListItem"><a property="item" href="/"><span property="name">'
        'Home</span></a> &rsaquo;</li><li property="itemListElement" typeof="ListItem"><a property="item" '
        'href="/w"><span property="name">World</span></a></li></ol><h1>Rain returns</h1>'
    )
    assert trail(page) == ("Home", "World")


def test_a_test_id_names_a_trail() -> None:
    page = '<div data-testid="Breadcrumbs"><a href="/">Home</a><a href="/sport">Sport</a></div><h1>Win</h1>'
    assert trail(page) == ("Home", "Sport")


def test_a_pretty_printed_trail_is_measured_by_its_words_not_its_indentation() -> None:
    # a template engine's output: each crumb nested deep, so the white space outweighs the words
    indent = "\n" + " " * 60
    crumbs = "".join(
        f'{indent}<li class="breadcrumb">{indent}<a href="/{slug}/">'
        f"{indent}<span>{name}</span>{indent}</a>{indent}</li>"
        for slug, name in (("", "Home"), ("men", "Mens"), ("men/t-shirts", "Mens T-Shirts"))
    )
    page = f'<div class="fields-breadcrumbs"><ul class="breadcrumbs">{crumbs}{indent}</ul></div>'
    page += "<h1>Staple Tee</h1>"
    assert trail(page) == ("Home", "Mens", "Mens T-Shirts")


def test_wordpress_category_link_of_the_story() -> None:
    page = (
        '<div class="trending"><a href="/category/sport/" rel="category tag">Sport</a></div>'
        '<article><h1>Swifts</h1><span class="cat-links"><a href="/category/env/" rel="category tag">'
        "Environment</a>, <a href='/category/birds/' rel='category tag'>Birds</a></span></article>"
    )
    assert section(page) == "Environment"


def test_drupal_7_category_field() -> None:
    page = (
        '<div class="field field-name-field-category field-type-taxonomy-term-reference">'
        '<div class="field-label">Category:&nbsp;</div><div class="field-items">'
        '<div class="field-item even"><a href="/taxonomy/term/4">Courts</a></div></div></div>'
    )
    assert section(page) == "Courts"


def test_ghost_primary_tag() -> None:
    tag = '<span class="post-card-primary-tag"><a href="/tag/science/">Science</a></span>'
    page = f'<div class="article-tag post-card-tags">{tag}</div>'
    assert section(page) == "Science"


def test_arc_primary_section() -> None:
    page = fusion({"taxonomy": {"primary_section": {"_id": "/politics/courts", "name": "Courts"}}})
    assert section(page) == "Courts"


def test_arc_website_section_when_no_primary_section() -> None:
    page = fusion(
        {"taxonomy": {}, "websites": {"ledger": {"website_section": {"_id": "/sport", "name": "Sport"}}}}
    )
    assert section(page) == "Sport"


def test_next_data_trail_and_section_of_the_page_not_a_related_story() -> None:
    props = {
        "story": {
            "related": [
                {"section": {"name": "Economy"}, "breadcrumbs": [{"name": "Home"}, {"name": "Economy"}]}
            ],
            "section": {"slug": "chips", "name": "Chips"},
            "breadcrumbs": [{"name": "Home", "href": "/"}, {"label": "Technology"}, {"name": "Chips"}],
        }
    }
    page = next_data(props)
    assert (trail(page), section(page)) == (("Home", "Technology", "Chips"), "Chips")


def test_category_links_in_a_sidebar_are_not_the_section() -> None:
    page = (
        '<h1>Swifts</h1><aside><a href="/category/sport/" rel="category tag">Sport</a></aside>'
        '<div class="entry-footer"><a href="/category/env/" rel="category tag">Environment</a></div>'
    )
    assert section(page) == "Environment"


def test_a_list_of_tags_is_not_a_primary_tag() -> None:
    page = (
        '<div class="article-tag"><a href="/tag/rain/">Rain</a> <a href="/tag/wind/">Wind</a></div>'
        '<span class="post-card-primary-tag"><a href="/tag/weather/">Weather</a></span>'
    )
    assert section(page) == "Weather"


def test_next_data_slugs_are_no_section() -> None:
    page = next_data(
        {"analytics": {"section": "technology"}, "story": {"section": {"id": 7, "name": "Chips"}}}
    )
    assert section(page) == "Chips"


def test_a_category_link_is_the_section_only_when_nothing_declares_one() -> None:
    story = '<article><h1>Swifts</h1><a href="/category/env/" rel="category tag">Environment</a></article>'
    declared = read_metadata(
        LexborHTMLParser('<meta property="article:section" content="Science">' + story), url=URL
    )
    undeclared = read_metadata(LexborHTMLParser(story), url=URL)
    assert (declared.record.section, declared.sources["section"]) == ("Science", "og")
    assert (undeclared.record.section, undeclared.sources["section"]) == ("Environment", "dom")


def test_next_data_menus_and_layout_are_not_the_story() -> None:
    layout = {"navbar": {"items": [{"category": "Solutions"}]}, "footer": {"section": "About Us"}}
    page = next_data({"layout": layout, "post": {"data": {"fields": {"category": "Toolkit"}}}})
    assert section(page) == "Toolkit"


def test_crumb_names_in_meta_content() -> None:
    item = (
        '<li property="itemListElement" typeof="ListItem">'
        '<a property="item" href="/{0}">{0}<meta property="name" content="{0}"></a></li>'
    )
    crumbs = item.format("Home") + item.format("Nutrition")
    page = f'<ul vocab="http://schema.org/" typeof="BreadcrumbList">{crumbs}</ul><h1>Affordable protein</h1>'
    assert trail(page) == ("Home", "Nutrition")


def test_script_state_nested_too_deep_costs_only_itself() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    state = (
        f'<script id="__NEXT_DATA__" type="application/json">{{"props": {{"pageProps": {deep}}}}}</script>'
        f'<script id="fusion-metadata">Fusion.globalContent={{"taxonomy": {deep}}};</script>'
    )
    story = '<a href="/category/env/" rel="category tag">Environment</a>'
    page = f"<html><body><article><h1>Swifts</h1>{story}<p>{'Swifts are back. ' * 20}</p></article>{state}"
    assert newsscrape.extract(page.encode(), url=URL).section == "Environment"


def test_a_root_crumb_named_for_the_site_is_no_section() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Career Center">'
        "<title>Asking for a raise</title></head><body>"
        '<nav class="breadcrumb"><a href="/">Career Center</a> &rsaquo; <span>Asking for a raise</span></nav>'
        "<article><h1>Asking for a raise</h1><p>Start with what the role pays elsewhere.</p></article>"
        "</body></html>"
    )
    meta = read_metadata(LexborHTMLParser(page), url=URL)
    assert meta.record.breadcrumbs == ("Career Center",)
    assert meta.record.section is None


def test_a_crumb_or_declared_section_naming_the_page_itself_is_no_section() -> None:
    trail = (
        '<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/guides/">Buying Guides</a> &rsaquo; '
        '<a href="/guides/mesh-chairs/">Mesh Office Chairs</a></nav>'
    )
    page = (
        '<html><head><title>8 Mesh Office Chairs | Example Shop</title><meta property="og:site_name" '
        'content="Example Shop"></head><body>' + trail + "<article><h1>8 Mesh Office Chairs</h1>"
        "<p>We sat in every chair for a week.</p></article></body></html>"
    )
    meta = read_metadata(LexborHTMLParser(page), url=URL)
    assert meta.record.section == "Buying Guides"
    declared = page.replace(
        "<title>", '<meta property="article:section" content="8 mesh office chairs"><title>'
    )
    declared = declared.replace(trail, "")
    assert read_metadata(LexborHTMLParser(declared), url=URL).record.section is None


# An unmarked trail whose last crumb, the page itself, is not a link (SPIP's default "arbo" paragraph,
# a held-out page of trafilatura's tests; "miod > software > OpenBSD > stories > <title>" on WCXB).
STORY_TEXT = (
    "<p>" + "The council met on Tuesday and voted to keep the library open for another year. " * 4 + "</p>"
)


def _spip(trail_html: str) -> str:
    return (
        f'<html><body><div class="content hentry">{trail_html}<h1>Library stays open</h1>'
        f"{STORY_TEXT}{STORY_TEXT}</div></body></html>"
    )


def test_an_unmarked_trail_ending_in_the_pages_own_name() -> None:
    page = _spip(
        '<p class="arbo"><a href="/">Accueil</a> &gt; <a href="/r4">Conseil municipal</a> &gt; '
        '<strong class="on">Library stays open</strong></p>'
    )
    assert trail(page) == ("Accueil", "Conseil municipal")
    article = newsscrape.extract(page, url="https://www.example.org/spip.php?article1")
    assert article.body.startswith("The council met")
    assert "Accueil" not in article.body


def test_links_and_words_after_a_separator_are_no_trail_unless_the_words_are_the_title() -> None:
    # a line that goes on after the title, or text between the links, is a sentence with links
    assert (
        trail(_spip('<p><a href="/">Home</a> &gt; <a href="/n">News</a> &gt; Library stays open &gt; x</p>'))
        == ()
    )
    assert trail(_spip('<p>See <a href="/">Home</a> &gt; <a href="/n">News</a></p>')) == ()
    line = '<p><a href="/">Home</a> / <a href="/n">News</a> / Another headline here</p>'
    article = newsscrape.extract(_spip(line), url="https://www.example.org/spip.php?article1")
    assert "Another headline here" in article.body  # not the title: the walk keeps the line


def test_a_back_link_among_the_crumbs_is_no_place_in_the_trail() -> None:
    # a blog theme's "< Back to blog" set in the trail's list, after the crumbs it goes back up
    page = (
        '<ul class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/marketing">Marketing</a></li>'
        '<li><a href="/blog">&lt; Back to blog</a></li></ul><h1>Reviews that sell</h1>'
    )
    assert trail(page) == ("Home", "Marketing")


def test_a_trail_drawn_with_a_back_arrow_names_the_place_without_the_arrow() -> None:
    # one crumb, the way up: "‹ Firm Management" is the section the story sits in
    page = '<nav class="breadcrumb"><a href="/firm-management/">\u2039 Firm Management</a></nav><h1>Fees</h1>'
    assert trail(page) == ("Firm Management",)
    page = '<nav class="breadcrumb"><a href="/firm-management/">&lt; Firm Management</a></nav><h1>Fees</h1>'
    meta = read_metadata(LexborHTMLParser(page), url=URL)
    assert meta.record.section == "Firm Management"


def test_an_icon_fonts_arrow_between_crumbs_is_no_word_of_theirs() -> None:
    # Material Icons draw "keyboard_arrow_right" as a chevron; the trail is the crumbs' names
    arrow = '<i class="material-icons">keyboard_arrow_right</i>'
    page = (
        f'<ol class="breadcrumb"><li><a href="/">Home</a> {arrow}</li>'
        f'<li><a href="/features">Shop by Feature</a> {arrow}</li></ol>'
        f"<h1>Standing desks</h1><p>{'Text. ' * 40}</p>"
    )
    assert newsscrape.extract(page, url=URL).breadcrumbs == ("Home", "Shop by Feature")
