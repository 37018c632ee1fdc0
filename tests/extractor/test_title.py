"""Title choice: the h1 another source vouches for, site names cut, glued breadcrumbs dropped."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata
from newsscrape.extractor.metadata._title import TitleSources, choose_title, strip_site


def title_of(html: str, url: str | None = "https://www.dailyplanet.example/a") -> str | None:
    return read_metadata(LexborHTMLParser(html), url=url).record.title


def test_site_suffix_stripped_by_site_name() -> None:
    src = TitleSources(site_name="Daily Planet")
    assert strip_site("Rain returns | Daily Planet", src) == "Rain returns"
    assert strip_site("Daily Planet: Rain returns", src) == "Rain returns"


def test_site_suffix_stripped_by_host() -> None:
    assert strip_site("Rain returns - DailyPlanet.example", TitleSources(host="www.dailyplanet.example")) == (
        "Rain returns"
    )


def test_a_meta_title_whose_headline_the_template_left_empty_claims_nothing() -> None:
    page = "<title> | Nuts &amp; Bolts Magazine</title><h1>Electronic Gadgets</h1>"
    assert title_of(page, url="https://www.nutsandbolts.example/gadgets") == "Electronic Gadgets"


def test_a_separator_set_before_a_heading_is_no_part_of_it() -> None:
    page = '<meta property="og:title" content="Agency Portfolio | Blennd"><h1>/ Agency Portfolio</h1>'
    assert title_of(page) == "Agency Portfolio"


def test_a_host_named_before_a_separator_is_cut_with_it() -> None:
    assert strip_site("DailyPlanet.example - Rain returns", TitleSources(host="dailyplanet.example")) == (
        "Rain returns"
    )


def test_short_label_beside_a_long_headline_is_cut() -> None:
    assert strip_site("Rain returns to the valley after a dry decade | Metro", TitleSources()) == (
        "Rain returns to the valley after a dry decade"
    )


def test_colon_in_a_headline_is_kept() -> None:
    assert strip_site("Fact check: is it raining?", TitleSources()) == "Fact check: is it raining?"


def test_h1_vouched_by_og_title_wins() -> None:
    page = '<meta property="og:title" content="Rain returns | Daily Planet"><h1>Rain returns</h1>'
    assert title_of(page) == "Rain returns"


def test_h1_wins_over_edited_og_title_when_jsonld_agrees() -> None:
    page = (
        '<meta property="og:title" content="Rain is back">'
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Rain returns at last"}</script>'
        "<h1>Site logo</h1><article><h1>Rain returns at last</h1></article>"
    )
    assert title_of(page) == "Rain returns at last"


def test_glued_breadcrumb_is_dropped() -> None:
    page = (
        '<meta property="og:title" content="Kim Jong Un\'s Summit in Russia Sparks Interest">'
        "<h1>HomeCurrent affairsKim Jong Un's Summit in Russia Sparks Interest</h1>"
    )
    assert title_of(page) == "Kim Jong Un's Summit in Russia Sparks Interest"


def test_title_element_when_nothing_else() -> None:
    assert (
        title_of("<title>Rain returns to the valley - Daily Planet</title>") == "Rain returns to the valley"
    )


def test_h1_alone() -> None:
    assert choose_title(TitleSources(h1s=("Rain returns",))) == ("Rain returns", "dom")


def test_no_title_at_all() -> None:
    assert title_of("<p>nothing</p>", url=None) is None


def test_logo_h1_inside_a_longer_title_is_not_the_headline() -> None:
    page = "<h1>Daily Planet</h1><title>Daily Planet reporters find rain in the desert again</title>"
    assert title_of(page, url=None) == "Daily Planet reporters find rain in the desert again"


_CRUMB = '<nav aria-label="breadcrumb"><ol>{}</ol></nav>'


@pytest.mark.parametrize(
    ("page", "url", "title"),
    [
        pytest.param(  # a trail glued to the headline, and no meta title to tell them apart
            _CRUMB.format('<li><a href="/">Home</a></li><li><a href="/c">Current affairs</a></li>')
            + "<h1>HomeCurrent affairsKim Jong Un's Summit in Russia</h1>",
            None,
            "Kim Jong Un's Summit in Russia",
            id="glued-trail-cut",
        ),
        pytest.param(  # a shop's category "Running" over its page "Running Shoes"
            _CRUMB.format('<li><a href="/running">Running</a></li>')
            + "<h1>Running Shoes</h1><title>Running Shoes | Trailhead Outfitters Co-op</title>",
            "https://shop.example/running/shoes",
            "Running Shoes",
            id="crumb-is-the-headlines-first-word",
        ),
        pytest.param(
            _CRUMB.format('<li><a href="/">Home</a></li>')
            + '<h1 class="entry-title">Home Office Chairs Compared for Long Days</h1>'
            + '<meta property="og:title" content="The Best Home Office Chairs for Long Days">',
            None,
            "Home Office Chairs Compared for Long Days",
            id="home-crumb-over-a-headline-starting-with-home",
        ),
        pytest.param(
            _CRUMB.format('<li><a href="/news">News</a></li>')
            + "<h1>News &gt; Rain returns to the valley</h1>",
            None,
            "Rain returns to the valley",
            id="crumb-set-off-by-a-separator-is-cut",
        ),
        pytest.param(  # a series kicker the h1 and every meta title carry: part of the headline
            _CRUMB.format('<li><a href="/the-download">The Download</a></li>')
            + '<meta property="og:title" content="The Download: rain returns, and a dam opens">'
            + "<title>The Download: rain returns, and a dam opens</title>"
            + '<h1 class="entry-title">The Download: rain returns, and a dam opens</h1>',
            None,
            "The Download: rain returns, and a dam opens",
            id="section-kicker-before-a-colon-is-kept",
        ),
        pytest.param(  # the same, with no h1: the meta titles keep it too
            _CRUMB.format('<li><a href="/the-download">The Download</a></li>')
            + '<meta property="og:title" content="The Download: rain returns, and a dam opens">'
            + "<title>The Download: rain returns, and a dam opens</title>",
            None,
            "The Download: rain returns, and a dam opens",
            id="section-kicker-in-meta-titles-is-kept",
        ),
        pytest.param(  # the same section named after the headline is a label
            _CRUMB.format('<li><a href="/">Home</a></li><li><a href="/weather">Weather</a></li>')
            + "<title>Rain returns to the valley at last / Weather</title>"
            + '<h1 class="entry-title">Rain returns to the valley at last</h1>',
            None,
            "Rain returns to the valley at last",
            id="section-after-the-headline-is-cut",
        ),
        pytest.param(  # a shop's category after a colon ("Product : Category"): a label
            _CRUMB.format('<li><a href="/outdoor">Outdoor</a></li><li><a href="/running">Running</a></li>')
            + "<title>Trail shoes for wet and muddy days : Running</title>",
            None,
            "Trail shoes for wet and muddy days",
            id="category-after-a-colon-is-cut",
        ),
    ],
)
def test_a_crumb_trail_is_cut_off_the_headline_only_where_it_is_glued_on(
    page: str, url: str | None, title: str
) -> None:
    assert title_of(page, url=url) == title


def test_ideographic_space_in_a_headline_is_kept() -> None:
    page = '<meta property="og:title" content="一か月\u3000福井県"><h1>一か月\u3000福井県\n  </h1>'
    assert title_of(page) == "一か月\u3000福井県"


def test_layout_white_space_in_a_headline_is_folded() -> None:
    assert title_of('<meta property="og:title" content="Rain returns"><h1>Rain\n\u00a0 returns</h1>') == (
        "Rain returns"
    )


def test_an_h1_in_edited_wording_of_the_meta_title_is_the_headline() -> None:
    # a third of the words in common: the same story, reworded for the page (fitted MIN_OVERLAP)
    src = TitleSources(h1s=("Best budget earbuds of 2025 we tested",), og="Top cheap earbuds of 2025 | Site")
    assert choose_title(src) == ("Best budget earbuds of 2025 we tested", "dom")


def test_a_site_name_the_h1_shares_with_the_meta_title_is_cut_from_both() -> None:
    page = (
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta property="og:title" content="Rain returns to the valley – Daily Planet - Daily Planet">'
        "<h1>Rain returns to the valley – Daily Planet</h1>"
    )
    assert title_of(page) == "Rain returns to the valley"


def test_a_section_label_in_both_h1_and_og_title_is_cut() -> None:
    page = (
        '<meta property="og:title" content="Why the valley floods every spring | Opinion">'
        "<h1>Why the valley floods every spring | Opinion</h1>"
    )
    assert title_of(page) == "Why the valley floods every spring"


def test_a_line_break_in_the_h1_is_a_space() -> None:
    page = "<title>Top picks for 2025 | Daily Planet</title><h1>Top picks<br>for <span>2025</span></h1>"
    assert title_of(page) == "Top picks for 2025"


def test_an_h1_that_is_the_host_name_is_a_logo_not_the_headline() -> None:
    page = '<meta property="og:title" content="Rain returns | DailyPlanet.example">'
    page += "<h1>dailyplanet.example</h1>"
    assert title_of(page, url="https://www.dailyplanet.example/2025/rain") == "Rain returns"


def test_a_label_naming_the_host_is_a_site_name_whatever_else_it_says() -> None:
    # "Gazette Media Group" on news.gazette.example: the host's name inside a longer label
    page = (
        "<title>Rain returns to the valley | Weather | Gazette Media Group</title>"
        "<h1>Rain returns to the valley | Weather | Gazette Media Group</h1>"
    )
    assert title_of(page, url="https://news.gazette.example/rain") == "Rain returns to the valley"


def test_an_h1_that_copies_the_meta_title_with_a_slip_gives_way_to_it() -> None:
    # nearly the same letters in the same order (fitted MIN_COPY): the meta title retyped, "&" as "and"
    src = TitleSources(
        h1s=("Ten tips for keeping your home office warm and dry in a cold winter",),
        og="Ten tips for keeping your home office warm & dry in a cold winter | Daily Planet",
        site_name="Daily Planet",
    )
    assert choose_title(src) == ("Ten tips for keeping your home office warm & dry in a cold winter", "og")


def test_without_h1_an_h2_merely_resembling_the_meta_title_does_not_replace_it() -> None:
    # the first h2s stand in for a missing h1 only when a meta title names them; the byline date
    # under that h2 is still found (the date finder anchors on an h2 telling the same story)
    page = (
        '<meta property="og:title" content="Top 5 HR management tools in 2026 | Daily Planet">'
        "<main><h2>Top 5 HR management tools and platforms of 2026</h2>"
        "<p>By Ann Lee, February 16, 2026</p><p>HR teams compare five tools this year.</p>"
        "<h2>Comments</h2><p>March 3, 2026</p></main>"
    )
    meta = read_metadata(LexborHTMLParser(page), url="https://www.dailyplanet.example/hr")
    assert meta.record.title == "Top 5 HR management tools in 2026"
    assert meta.record.published is not None
    assert meta.record.published.isoformat()[:10] == "2026-02-16"


def test_an_h1_with_one_word_more_than_the_meta_title_is_still_its_copy() -> None:
    # 8 of 9 words in common, but the letters read almost the same in the same order (fitted MIN_COPY)
    src = TitleSources(
        h1s=("Best audiobook apps in 2025 - I tried 11 services",),
        og="Best audiobook apps in 2025 [Tried 11 services] | Daily Planet",
        site_name="Daily Planet",
    )
    assert choose_title(src) == ("Best audiobook apps in 2025 [Tried 11 services]", "og")


def test_an_h1_that_is_the_meta_titles_headline_without_its_subtitle_gives_way_to_it() -> None:
    # "Headline: subtitle" in the meta title, the h1 its headline (fitted MIN_COPY): the fuller title wins
    page = (
        '<meta property="og:title" content="The best rain boots for 2026: Ten pairs compared | Daily Planet">'
        "<h1>Best rain boots for 2026</h1><p>We walked ten pairs through the valley.</p>"
    )
    assert title_of(page) == "The best rain boots for 2026: Ten pairs compared"


def test_site_name_in_brackets_after_the_headline_is_cut() -> None:
    # "Headline (Site)" names the site without a separator; the page's second h1 is then vouched for
    src = TitleSources(
        h1s=("Ann Lee's Rain Pages:", "The Valley Rain Record"),
        html_title="The Valley Rain Record (Ann Lee)",
        host="annlee.example",
    )
    assert choose_title(src) == ("The Valley Rain Record", "dom")


def test_host_name_before_the_headline_is_cut() -> None:
    # a blog's <title> "example.com Headline" beside a logo h1 that is the host name
    page = "<title>rainlog.example Vibe checks</title><h1>rainlog.example</h1><p>Short post.</p>"
    assert title_of(page, url="https://rainlog.example/2025/vibe.html") == "Vibe checks"
    # a headline that merely starts with a word keeps it
    assert strip_site("Rain returns today", TitleSources(host="rain.example")) == "Rain returns today"


def test_an_h1_that_changes_a_number_of_the_meta_title_is_an_edit_not_a_slip() -> None:
    # letters alike (above MIN_COPY), but the year was updated in the h1 only: readers see the h1
    src = TitleSources(
        h1s=("7 Rain Trends to Watch in 2026",),
        og="7 Rain Trends to Watch in 2025",
        html_title="7 Rain Trends to Watch in 2025",
    )
    assert choose_title(src) == ("7 Rain Trends to Watch in 2026", "dom")


def test_an_h1_the_breadcrumb_trail_repeats_is_not_a_slipped_copy() -> None:
    src = TitleSources(
        h1s=("Top 100 Weather Station and Rain Gauge Makers in the U.S. in 2025",),
        og="Top 100 Weather Station and Rain Gauge Makers in 2025 - Gauges",
        breadcrumbs=("Home", "Rankings", "Top 100 Weather Station and Rain Gauge Makers in the U.S. in 2025"),
    )
    assert choose_title(src) == ("Top 100 Weather Station and Rain Gauge Makers in the U.S. in 2025", "dom")
    # without the trail, the meta title's wording wins (the h1 reads as its copy)
    assert choose_title(TitleSources(h1s=src.h1s, og=src.og))[1] == "og"


def test_an_h1_that_words_the_meta_titles_cut_label_too_is_the_same_story() -> None:
    # the <title>'s label " - Top 7 Picks" is cut from the headline, but the h1 says "Top 7" as well:
    # counted with the label's words, the h1 tells the same story in its own words, and readers see it
    page = (
        '<meta property="og:title" content="Best Kettles to Buy for a Kitchen in 2026 \u2013 Top 7 Picks">'
        "<title>Best Kettles to Buy for a Kitchen in 2026 \u2013 Top 7 Picks</title>"
        "<h1>Top 7: Best Kitchen Kettle (tested by our team)</h1><p>We poured a thousand cups.</p>"
    )
    assert title_of(page) == "Top 7: Best Kitchen Kettle (tested by our team)"
    # a blog's name as h1 (the label cut off the <title>) shares words with the label only: no headline
    page = (
        '<meta property="og:title" content="Gauges compared for kitchen gardens">'
        "<title>Kestrel Rain Notes: Gauges compared for kitchen gardens</title>"
        "<h1>Kestrel Rain Notes</h1><p>Five gauges, one summer.</p>"
    )
    url = "https://blog.kestrelrain.example/gauges"
    assert title_of(page, url=url) == "Gauges compared for kitchen gardens"


def test_a_meta_title_that_adds_the_lists_count_or_year_to_the_h1_is_the_full_title() -> None:
    # the h1 leaves out the count or the year the meta titles print, though the JSON-LD headline
    # copies the h1: the title with the numbers is the full one
    page = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Rain Gauges for Gardens"}'
        "</script>"
        '<meta property="og:site_name" content="Kestrel Supplies">'
        '<meta property="og:title" content="9 Rain Gauges for Gardens - Kestrel Supplies">'
        "<title>9 Rain Gauges for Gardens - Kestrel Supplies</title>"
        "<h1>Rain Gauges for Gardens</h1><p>Nine gauges, one summer.</p>"
    )
    assert title_of(page) == "9 Rain Gauges for Gardens"
    src = TitleSources(
        h1s=("12 Best Rain Gauges",), og="12 Best Rain Gauges 2026", headline="12 Best Rain Gauges"
    )
    assert choose_title(src) == ("12 Best Rain Gauges 2026", "og")
    # a number the h1 changes is an edit (readers see the h1), and an escaped sign is no number
    src = TitleSources(
        h1s=("7 Rain Trends in 2026",), og="7 Rain Trends in 2025", headline="7 Rain Trends in 2026"
    )
    assert choose_title(src) == ("7 Rain Trends in 2026", "dom")
    src = TitleSources(h1s=("And finally\u2026 rain",), og="And finally&#8230; rain")
    assert choose_title(src) == ("And finally\u2026 rain", "dom")


def test_an_unmarked_h1_in_other_words_gives_way_to_the_meta_title() -> None:
    # a bare <h1> in a landing page's banner is a display line; the meta title names the page
    meta = '<meta property="og:title" content="Rain gauge buying tips"><title>Rain gauge buying tips</title>'
    banner = "<div class=banner><h1>A guide to buying rain gauges</h1></div><p>Five gauges, one summer.</p>"
    assert title_of(meta + banner) == "Rain gauge buying tips"
    # the same h1 with a class, or in an article's header, is the template's headline: readers see it
    marked = banner.replace("<h1>", '<h1 class="entry-title">')
    assert title_of(meta + marked) == "A guide to buying rain gauges"
    story = "<article><header><h1>A guide to buying rain gauges</h1></header><p>Five gauges.</p></article>"
    assert title_of(meta + story) == "A guide to buying rain gauges"


def test_an_unmarked_h1_leaves_the_choice_to_the_meta_titles_not_to_the_likest_one() -> None:
    # the JSON-LD headline words the display line most alike, but og:title and <title> agree
    h1 = "A guide to buying rain gauges"
    src = TitleSources(
        h1s=(h1,),
        unmarked=(h1,),
        headline="Rain gauges: a buying guide",
        og="Rain gauge buying tips",
        html_title="Rain gauge buying tips",
    )
    assert choose_title(src) == ("Rain gauge buying tips", "og")


def meta_of(html: str) -> tuple[str | None, str | None]:
    record = read_metadata(LexborHTMLParser(html), url="https://docs.example.org/book/ch04-01.html").record
    return record.title, record.site_name


# mdBook: <title> "Chapter - Book", the book's name an h1 in the menu bar, the chapter an h2;
# phpBB: the board's name the page's h1, the topic's subject an h2 in the page body
MDBOOK = (
    "<title>What is Ownership? - The Rust Book</title>"
    '<div id="menu-bar"><h1 class="menu-title">The Rust Book</h1></div>'
    '<main><h2 id="what-is-ownership">What Is Ownership?</h2><p>Ownership is a set of rules.</p></main>'
)
PHPBB = (
    "<title>Discuss the 7.1 release here - forums.example.org</title>"
    '<div class="headerbar"><h1>forums.example.org</h1></div>'
    '<div id="page-body" role="main"><h2 class="topic-title">Discuss the 7.1 release here</h2></div>'
)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(MDBOOK, ("What is Ownership?", "The Rust Book"), id="mdbook"),
        pytest.param(PHPBB, ("Discuss the 7.1 release here", "forums.example.org"), id="phpbb"),
    ],
)
def test_a_books_or_boards_name_in_an_h1_over_the_pages_own_heading_is_the_site(
    page: str, expected: tuple[str, str]
) -> None:
    assert meta_of(page) == expected


def test_a_site_name_printed_as_a_lower_heading_leaves_the_stories_h1_the_title() -> None:
    # the other way round: the story's h1 is a part of the <title>, the site's name a heading too
    page = (
        "<title>Startup lessons learned - Jane Doe</title>"
        "<main><article><h1>Startup lessons learned</h1><p>It failed.</p></article>"
        "<h3>Jane Doe</h3></main>"
    )
    assert meta_of(page)[0] == "Startup lessons learned"
    page = page.replace("<main><article>", '<div class="masthead">').replace("</article>", "</div><main>")
    assert meta_of(page)[0] == "Startup lessons learned"
