"""read_metadata on tiny inline pages: one behaviour per test."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import Metadata, normalise_language, read_metadata

URL = "https://news.example.com/world/2021/03/04/story.html"


def meta_of(html: str, url: str | None = URL) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url=url)


def ld(body: str) -> str:
    return f'<script type="application/ld+json">{body}</script>'


def test_jsonld_graph_gives_the_article() -> None:
    page = ld(
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example News"},'
        '{"@type": "NewsArticle", "headline": "Rain returns", "datePublished": "2021-03-04T08:00:00Z",'
        ' "author": {"@type": "Person", "name": "Jane Doe"}}]}'
    )
    meta = meta_of(page)
    assert (meta.record.title, meta.record.authors, meta.record.site_name) == (
        "Rain returns",
        ("Jane Doe",),
        "Example News",
    )
    assert meta.sources["published"] == "json-ld"


def test_breadcrumb_list_gives_trail_and_section() -> None:
    page = (
        ld(
            '{"@type": "BreadcrumbList", "itemListElement": ['
            '{"@type": "ListItem", "position": 3, "name": "Rain returns"},'
            '{"@type": "ListItem", "position": 1, "item": {"@id": "/", "name": "Home"}},'
            '{"@type": "ListItem", "position": 2, "name": "Current affairs"}]}'
        )
        + "<h1>Rain returns</h1>"
    )
    meta = meta_of(page)
    assert meta.record.breadcrumbs == ("Home", "Current affairs")
    assert meta.record.section == "Current affairs"


def test_dom_breadcrumbs_when_no_jsonld() -> None:
    page = (
        '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>'
        "</ol></nav><h1>Match report</h1>"
    )
    meta = meta_of(page)
    assert (meta.record.breadcrumbs, meta.record.section, meta.sources["section"]) == (
        ("Home", "Sport"),
        "Sport",
        "dom",
    )


def test_article_with_breadcrumb_class_is_not_a_trail() -> None:
    page = (
        '<article class="url-breadcrumb"><ul><li>FACEBOOK</li><li>TWITTER</li></ul>'
        "<p>" + "Long story text. " * 40 + "</p></article>"
    )
    assert meta_of(page).record.breadcrumbs == ()


def test_cms_identifiers_are_not_tags() -> None:
    page = ld('{"@type": "NewsArticle", "keywords": "@post-id:17, ctp_video, Hong Kong"}')
    assert meta_of(page).record.tags == ("Hong Kong",)


def test_broken_jsonld_is_tolerated() -> None:
    page = ld('<!-- {"@type": "NewsArticle", "headline": "Line\nbreak", "keywords": ["rain", "sun",],} -->')
    meta = meta_of(page)
    assert meta.record.title == "Line break"
    assert meta.record.tags == ("rain", "sun")


def test_hopeless_jsonld_is_ignored() -> None:
    meta = meta_of(ld("{not json at all") + '<meta property="og:title" content="Still here">')
    assert meta.record.title == "Still here"


def test_author_cleanup_from_meta() -> None:
    meta = meta_of('<meta name="author" content="By Jane Doe, Staff Writer">')
    assert meta.record.authors == ("Jane Doe",)


def test_person_in_the_byline_wins_over_an_organisation_author() -> None:
    page = ld('{"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "Example News"}]}')
    page += '<article><h1>T</h1><p class="byline">By Jane Doe</p></article>'
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_organisation_author_is_credited_when_no_person_is_named() -> None:
    author = '{"@type": "GovernmentOrganization", "name": "Center for Tests"}'
    page = ld(f'{{"@type": "NewsArticle", "author": {author}}}')
    meta = meta_of(page)
    assert (meta.record.authors, meta.sources["authors"]) == (("Center for Tests",), "json-ld")


def test_team_named_as_a_person_is_the_credit() -> None:
    page = ld('{"@type": "Article", "author": {"@type": "Person", "name": "The Example Team"}}')
    assert meta_of(page).record.authors == ("The Example Team",)


def test_lower_case_name_in_a_structured_field_is_kept() -> None:
    page = ld('{"@type": "BlogPosting", "author": {"@type": "Person", "name": "kirsten doe"}}')
    assert meta_of(page).record.authors == ("kirsten doe",)


def test_cms_placeholder_and_generated_handle_are_nobody() -> None:
    assert meta_of('<meta name="author" content="admin">').record.authors == ()
    assert meta_of('<meta name="author" content="jdoe7ma0ci">').record.authors == ()


def test_author_reference_in_a_graph_is_followed() -> None:
    page = ld(
        '{"@graph": [{"@type": "Article", "author": {"@id": "https://x.example/#/person/1"}},'
        '{"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Jane Doe"}]}'
    )
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_twitter_written_by_pair_names_the_author() -> None:
    page = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">'
    page += '<meta name="twitter:label2" content="Reading time"><meta name="twitter:data2" content="4 Min">'
    meta = meta_of(page)
    assert (meta.record.authors, meta.sources["authors"]) == (("Jane Doe",), "meta")


def test_byline_link_to_an_author_page() -> None:
    page = '<article><h1>T</h1><p class="m">By <a href="/authors/j-doe/">Jane Doe</a></p></article>'
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_label_and_name_in_sibling_elements() -> None:
    page = '<h1>T</h1><div class="x"><p>Last updated</p><time>Aug 4, 2025</time></div>'
    page += '<div class="y"><p>Written by</p><p>Jane Doe</p></div><p>Story text.</p>'
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_byline_line_after_the_headline_wins_over_a_teaser_above_it() -> None:
    page = '<div class="card"><p>By John Smith</p></div><h1>T</h1><div><span>By Jane Doe</span></div>'
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_author_box_biography_is_not_read_as_names() -> None:
    bio = "Sam studied at Example University and won the Example Prize for Writing in the Year of the Rabbit."
    page = f'<h1>T</h1><div class="author-bio">{bio}</div>'
    assert meta_of(page).record.authors == ()


def test_byline_naming_a_team_is_the_credit() -> None:
    page = '<h1>T</h1><ul class="meta"><li>by <a href="#">Marketing Team</a></li></ul><p>Text.</p>'
    assert meta_of(page).record.authors == ("Marketing Team",)


def test_bullet_parts_the_name_from_the_date() -> None:
    page = '<h1>T</h1><div class="post-byline-date">By Jane Doe \u2022 <span>March 12, 2025</span></div>'
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_byline_element_when_nothing_structured() -> None:
    meta = meta_of('<article><h1>T</h1><p class="byline">By Jane Doe and John Smith</p></article>')
    assert (meta.record.authors, meta.sources["authors"]) == (("Jane Doe", "John Smith"), "dom")


def test_single_word_byline_text_is_not_a_name() -> None:
    page = (
        '<article><h1>T</h1><span class="author">Views</span><span class="author">Jane Doe</span></article>'
    )
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_section_is_the_first_of_a_comma_list() -> None:
    assert (
        meta_of(ld('{"@type": "NewsArticle", "articleSection": "game,news,slider"}')).record.section == "game"
    )


def test_tags_from_article_tag_metas() -> None:
    page = '<meta property="article:tag" content="Rain"><meta property="article:tag" content="rain">'
    assert meta_of(page).record.tags == ("Rain",)


def test_timezone_aware_published() -> None:
    meta = meta_of('<meta property="article:published_time" content="2021-03-04T08:30:00+01:00">')
    assert isinstance(meta.record.published, datetime)
    assert meta.record.published.utcoffset() is not None
    assert meta.record.published.astimezone(UTC).hour == 7


def test_date_only_gives_a_date() -> None:
    meta = meta_of('<meta name="pubdate" content="2021-03-04">', url=None)
    assert meta.record.published == date(2021, 3, 4)
    assert not isinstance(meta.record.published, datetime)


def test_future_date_is_rejected() -> None:
    page = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert meta_of(page, url=None).record.published is None


def test_modified_kept_apart_from_published() -> None:
    page = (
        '<meta property="article:published_time" content="2021-03-04T08:00:00+01:00">'
        '<meta property="article:modified_time" content="2021-03-06T09:00:00+01:00">'
    )
    meta = meta_of(page)
    assert meta.record.published is not None
    assert meta.record.modified is not None
    assert (meta.record.published.day, meta.record.modified.day) == (4, 6)


def test_url_date_is_the_fallback() -> None:
    meta = meta_of("<h1>No dates here</h1>")
    assert (meta.record.published, meta.sources["published"]) == (date(2021, 3, 4), "url")


def test_written_date_after_the_headline_beats_header_today() -> None:
    page = '<div class="today">Friday, 5 March 2021</div><h1>Story</h1><p>March 4, 2021</p>'
    assert meta_of(page, url=None).record.published == date(2021, 3, 4)


def test_utc_stamp_near_midnight_keeps_its_instant() -> None:
    # The URL says March 4 and the stamp March 5 in UTC: both are right, the instant is the answer.
    meta = meta_of('<meta property="article:published_time" content="2021-03-05T02:10:00Z">')
    assert meta.record.published == datetime(2021, 3, 5, 2, 10, tzinfo=UTC)


def test_utc_stamp_near_midnight_is_told_in_the_page_zone_from_a_local_copy() -> None:
    page = (
        '<meta property="article:published_time" content="2021-03-05T02:10:00Z">'
        '<script>var publication_date = "2021-03-04 21:10:00";</script>'
    )
    published = meta_of(page).record.published
    assert published == datetime(2021, 3, 5, 2, 10, tzinfo=UTC)  # the same instant ...
    assert isinstance(published, datetime)
    assert published.isoformat() == "2021-03-04T21:10:00-05:00"  # ... on the URL's local day


def test_utc_stamp_near_midnight_is_told_in_the_zone_of_another_stamp() -> None:
    page = (
        '<meta property="article:published_time" content="2021-03-05T02:10:00Z">'
        '<meta property="article:modified_time" content="2021-03-04T23:00:00-05:00">'
    )
    published = meta_of(page).record.published
    assert isinstance(published, datetime)
    assert published.isoformat() == "2021-03-04T21:10:00-05:00"


def test_zoneless_stamp_near_midnight_yields_to_url_day() -> None:
    meta = meta_of('<meta property="article:published_time" content="2021-03-05T02:10:00">')
    assert meta.record.published == date(2021, 3, 4)


def test_no_date_anywhere_gives_none() -> None:
    assert meta_of("<h1>Timeless</h1><p>Text.</p>", url="https://example.com/a").record.published is None


def test_language_normalised() -> None:
    assert meta_of('<html lang="pt_br"><body></body></html>').record.language == "pt-BR"


def test_language_from_og_locale_when_html_has_none() -> None:
    meta = meta_of('<meta property="og:locale" content="en_GB">')
    assert (meta.record.language, meta.sources["language"]) == ("en-GB", "og")


def test_normalise_language_rejects_junk() -> None:
    assert [normalise_language(x) for x in ("EN", "zh-hant-tw", "{{lang}}", "")] == [
        "en",
        "zh-Hant-TW",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("declared", "code"),
    [("guj", "gu"), ("deu-DE", "de-DE"), ("iw", "he"), ("in", "id"), ("fil", "fil"), ("tl", "tl")],
)
def test_a_language_code_is_written_as_bcp_47_prefers_it(declared: str, code: str) -> None:
    # a three-letter code that has a two-letter one, or a withdrawn code, gives way; "fil" has none
    assert normalise_language(declared) == code
    assert meta_of(f'<meta property="og:locale" content="{declared}">').record.language == code


def test_image_resolved_to_absolute_url() -> None:
    meta = meta_of('<meta property="og:image" content="/img/rain.jpg">')
    assert meta.record.image == "https://news.example.com/img/rain.jpg"


def test_a_space_or_line_break_in_an_address_is_written_as_a_browser_writes_it() -> None:
    # WHATWG URL: a space is "%20", tabs and line breaks inside an address are dropped
    meta = meta_of('<meta property="og:image" content="/img/Link\n Photo.png">')
    assert meta.record.image == "https://news.example.com/img/Link%20Photo.png"


def test_canonical_resolved_against_page_url() -> None:
    meta = meta_of('<link rel="canonical" href="../story.html">')
    assert meta.record.canonical_url == "https://news.example.com/world/2021/03/story.html"


def test_article_body_hint_from_jsonld() -> None:
    meta = meta_of(
        ld('{"@type": "BlogPosting", "articleBody": "Full  text.\\n\\nMore &amp; more.", "wordCount": "5"}')
    )
    assert (meta.article_body, meta.word_count) == ("Full text.\nMore & more.", 5)


def test_the_pages_own_jsonld_article_wins() -> None:
    page = ld(
        '[{"@type": "NewsArticle", "headline": "Other story", "datePublished": "2021-01-01",'
        ' "author": "Jane Doe", "articleBody": "x", "url": "https://news.example.com/other"},'
        ' {"@type": "NewsArticle", "headline": "This story", "datePublished": "2021-03-04",'
        ' "mainEntityOfPage": {"@id": "https://news.example.com/world/2021/03/04/story.html"}}]'
    )
    meta = meta_of(page)
    assert (meta.record.title, meta.record.published) == ("This story", date(2021, 3, 4))


def test_unix_timestamp_in_meta() -> None:
    meta = meta_of('<meta property="article:published_time" content="1614850200">', url=None)
    assert meta.record.published == datetime(2021, 3, 4, 9, 30, tzinfo=UTC)


def test_trail_ending_with_a_cut_title_drops_it() -> None:
    page = (
        '<nav class="breadcrumbs"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li>'
        "<li>Rain returns to the valley a…</li></ul></nav><h1>Rain returns to the valley after a decade</h1>"
    )
    meta = meta_of(page)
    assert (meta.record.breadcrumbs, meta.record.section) == (("Home", "World"), "World")


def test_byline_update_time_is_not_the_publication() -> None:
    page = '<h1>Story</h1><p class="dateline">Updated March 6, 2021 | Published March 4, 2021</p>'
    assert meta_of(page, url=None).record.published == date(2021, 3, 4)


def test_byline_with_only_an_update_time_dates_the_page_by_it() -> None:
    # A missing date is the last resort: a page that shows only its update is dated by it.
    page = '<h1>Story</h1><p class="dateline">Updated March 6, 2021</p>'
    meta = meta_of(page, url=None)
    assert (meta.record.published, meta.record.modified) == (date(2021, 3, 6), date(2021, 3, 6))


def test_modified_before_published_is_dropped() -> None:
    page = (
        '<meta property="article:published_time" content="2021-03-04">'
        '<meta property="article:modified_time" content="2021-03-01">'
    )
    meta = meta_of(page, url=None)
    assert (meta.record.published, meta.record.modified) == (date(2021, 3, 4), None)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@graph",
                    "headline",
                    "author",
                    "datePublished",
                    "image",
                    "keywords",
                    "name",
                    "itemListElement",
                    "position",
                    "item",
                    "inLanguage",
                    "publisher",
                    "mainEntityOfPage",
                    "articleSection",
                    "wordCount",
                    "articleBody",
                    "url",
                    "@id",
                ]
            ),
            inner | st.sampled_from(["NewsArticle", "BreadcrumbList", "Person", "2021-03-04T08:00:00Z"]),
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_JSON)
def test_any_jsonld_shape_is_survived(data: object) -> None:
    meta = meta_of(ld(json.dumps(data)))
    assert isinstance(meta.record.authors, tuple)
    assert all(
        isinstance(name, str) for name in meta.record.authors + meta.record.tags + meta.record.breadcrumbs
    )
    assert meta.record.title is None or isinstance(meta.record.title, str)


_TOKENS = [
    "<h1>",
    "</h1>",
    "<meta ",
    "<time ",
    "<article>",
    ">",
    "<",
    "/",
    "=",
    '"',
    "'",
    " ",
    "a",
    "content",
    "property",
    "article:published_time",
    "datetime",
    "2019-03-04",
    "By Jane Doe",
    "class=date",
    "Home",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_any_markup_is_survived(markup: str) -> None:
    meta = meta_of(markup)
    assert meta.record.published is None or isinstance(meta.record.published, date)


def test_other_stories_printed_dates_do_not_shift_a_utc_stamp() -> None:
    page = (
        '<meta itemprop="datePublished" content="2021-03-04T13:16+0000">'
        '<time itemprop="datePublished" datetime="2021-03-04T13:16+0000">4 March 2021</time>'
        '<aside><time itemprop="datePublished" datetime="2021-03-05">5 March 2021</time></aside>'
        '<div class="related"><time itemprop="datePublished">5 March 2021</time></div>'
    )
    assert meta_of(page, url=None).record.published == datetime(2021, 3, 4, 13, 16, tzinfo=UTC)


def test_zoneless_stamp_after_midnight_yields_to_url_day() -> None:
    meta = meta_of('<meta property="article:published_time" content="2021-03-05 03:05:46">')
    assert meta.record.published == date(2021, 3, 4)


def test_announced_date_anywhere_is_the_last_resort() -> None:
    page = '<div><span class="about">publiziert am 4. März 2021</span></div><h1>T</h1><p>Text.</p>'
    assert meta_of(page, url=None).record.published == date(2021, 3, 4)


def test_hcard_name_in_a_byline_is_the_author() -> None:
    page = (
        '<article><h1>Rain returns</h1><span class="byline">By <span class="author vcard">'
        '<a class="url fn n" href="/author/minji-park/">Min-ji Park</a></span>, Senior Correspondent</span>'
        '<a rel="author" href="/author/minji-park/">View all</a><p>Text.</p></article>'
    )
    assert meta_of(page).record.authors == ("Min-ji Park",)


def test_unmarked_localised_byline_below_the_headline() -> None:
    page = (
        "<article><header><h1>Radweg freigegeben</h1>"
        '<p>Von <a href="/a/lh">Lena Hoffmann</a> und <a href="/a/tb">Tobias Brandt</a></p></header>'
        "<p>Text.</p></article>"
    )
    assert meta_of(page).record.authors == ("Lena Hoffmann", "Tobias Brandt")


def test_a_sentence_below_the_headline_is_no_byline() -> None:
    page = "<article><h1>Rain returns</h1><p>By Monday the valley was green again.</p></article>"
    assert meta_of(page).record.authors == ()


def test_visible_tag_list_gives_tags() -> None:
    page = (
        "<article><h1>Radweg</h1><p>Text.</p>"
        '<p class="artikel__schlagworte">Schlagworte: '
        '<a href="/t/r">Radverkehr</a>, <a href="/t/p">Pendler</a></p>'
        "</article>"
    )
    assert meta_of(page).record.tags == ("Radverkehr", "Pendler")


def test_tag_cloud_in_a_sidebar_is_not_the_story_tags() -> None:
    page = '<article><p>Text.</p></article><aside><div class="tags"><a href="/t/a">Weather</a></div></aside>'
    assert meta_of(page).record.tags == ()


def test_a_tag_container_with_prose_is_not_a_tag_list() -> None:
    page = '<div class="post-tags">Read <a href="/x">this story</a> about the rain that fell all week.</div>'
    assert meta_of(page).record.tags == ()


def test_meta_keywords_are_the_last_resort_for_tags() -> None:
    page = '<meta name="keywords" content="transport, tram"><meta name="news_keywords" content="Tram">'
    assert meta_of(page).record.tags == ("Tram",)
    assert meta_of('<meta name="keywords" content="transport, tram">').record.tags == ("transport", "tram")


def test_topics_bar_above_the_headline_is_not_the_story_tags() -> None:
    page = '<div class="topics"><a href="/t/x">Elections</a></div><h1>Rain returns</h1><p>Text.</p>'
    assert meta_of(page).record.tags == ()


def test_tags_without_a_word_character_are_dropped() -> None:
    assert meta_of('<meta name="keywords" content="rain, &quot;, \ufeffvalley">').record.tags == (
        "rain",
        "valley",
    )


def test_trail_joined_by_separators_above_the_headline() -> None:
    page = (
        '<div class="crumbs"><a href="/">Home</a> &raquo; <a href="/news/">News</a> &raquo; '
        '<a href="/news/local/">Local</a></div><h1>Park grows</h1><p>Text.</p>'
    )
    meta = meta_of(page)
    assert (meta.record.breadcrumbs, meta.record.section) == (("Home", "News", "Local"), "Local")


def test_trail_named_in_another_language_above_the_headline() -> None:
    page = (
        '<nav aria-label="Sie sind hier"><a href="/">Startseite</a> <a href="/rm">Rhein-Main</a></nav>'
        "<article><header><h1>Radweg</h1></header><p>Text.</p></article>"
    )
    assert meta_of(page).record.breadcrumbs == ("Startseite", "Rhein-Main")


def test_menu_above_the_headline_is_not_a_trail() -> None:
    page = (
        '<nav><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sport/">Sport</a></nav>'
        '<div><a href="/">Home</a> <a href="/news/">News</a></div><h1>Park grows</h1>'
    )
    assert meta_of(page).record.breadcrumbs == ()


def test_site_name_from_the_title_suffix_beside_the_headline() -> None:
    page = "<title>Park grows - News | The Gazette</title><h1>Park grows</h1>"
    assert meta_of(page, url="http://gazette.example.com/a").record.site_name == "The Gazette"


def test_title_label_like_the_host_is_the_site_name() -> None:
    page = "<title>Park grows - sn.dk - Forsiden - Danmark</title><h1>Park grows</h1>"
    assert meta_of(page, url="https://sn.dk/a/1").record.site_name == "sn.dk"


def test_site_name_from_the_home_link_logo() -> None:
    page = '<a href="/"><img src="/l.gif" alt="The Gazette logo"></a><h1>Park grows</h1>'
    assert meta_of(page, url="http://gazette.example.com/a").record.site_name == "The Gazette"


def test_story_photo_is_the_image_when_no_meta_names_one() -> None:
    page = (
        '<td><a href="/"><img src="/logo.gif" alt="Gazette" width="960"></a>'
        '<h1>Park grows</h1><img src="/ads/x.gif" width="300" height="250" alt="Advertisement">'
        '<img src="/photos/park.jpg" width="250" height="180"><p>Text.</p></td>'
    )
    assert meta_of(page, url="http://gazette.example.com/news/a.html").record.image == (
        "http://gazette.example.com/photos/park.jpg"
    )


def test_small_icons_below_the_headline_are_not_the_image() -> None:
    page = '<article><h1>Park grows</h1><img src="/share.png" width="16" height="16"><p>Text.</p></article>'
    assert meta_of(page).record.image is None


def test_date_printed_by_a_one_line_script_is_the_last_resort() -> None:
    page = '<h1>Park grows</h1><td><script>showDate("2020/04/17 01:43:09")</script> views 7</td>'
    assert meta_of(page, url=None).record.published == datetime(2020, 4, 17, 1, 43, 9)


def test_scripts_doing_more_than_printing_a_date_are_code() -> None:
    page = '<h1>Park grows</h1><script>track("2020/04/17 01:43:09"); var a = 1;</script>'
    assert meta_of(page, url=None).record.published is None


def test_standfirst_opening_with_from_is_no_byline() -> None:
    page = "<article><h1>Rail link opens</h1><p>From Kyiv To Kharkiv In Four Hours</p><p>Text.</p></article>"
    assert meta_of(page).record.authors == ()


def test_commenter_hcard_is_not_the_byline() -> None:
    page = "<article><h1>Story</h1><p>Text.</p></article><ol class='comment-list'><li>"
    page += "<div class='vcard'><b class='fn'>Pembuat Film | Berita Islami</b></div> said: nice</li></ol>"
    assert meta_of(page).record.authors == ()


def test_business_hcard_with_an_address_is_not_the_byline() -> None:
    page = "<h1>Filing</h1><div class='vcard'><div>Filed by.</div><div class='fn'>Murrays Mowing</div>"
    page += "<div class='adr'><span class='locality'>Cleveland</span></div></div>"
    assert meta_of(page).record.authors == ()


def test_hcard_byline_still_names_the_author() -> None:
    page = "<h1>Story</h1><span class='byline'><span class='vcard'><a class='fn'>Jane Doe</a></span></span>"
    assert meta_of(page).record.authors == ("Jane Doe",)


def test_site_buttons_and_sections_are_not_tags() -> None:
    page = ld('{"@type": "NewsArticle", "keywords": ["Front Page", "Climate", "Show more", "News"]}')
    assert meta_of(page).record.tags == ("Climate",)


def test_cms_key_value_tags_are_not_tags_but_a_titled_colon_is() -> None:
    keywords = (
        '["Type/Article", "subject:crime", "Category: Moon", "[SYNDICATED CONTENT]", "Star Wars: A New Hope"]'
    )
    assert meta_of(ld(f'{{"@type": "NewsArticle", "keywords": {keywords}}}')).record.tags == (
        "Star Wars: A New Hope",
    )


def test_the_site_name_and_the_headline_are_not_tags() -> None:
    page = '<meta property="og:site_name" content="Daily Mail"><h1>Rain returns to Leeds</h1>'
    page += '<meta name="keywords" content="dailymail, Rain returns to Leeds, Leeds, weather">'
    assert meta_of(page, url="https://www.dailymail.co.uk/news/rain.html").record.tags == ("Leeds", "weather")


def test_site_wide_keywords_are_not_the_story_tags() -> None:
    page = '<h1>Senate moves motion</h1><meta name="keywords" content="Nigeria breaking news, PDP news, '
    page += 'latest news, sport news, Buhari, herdsmen">'
    assert meta_of(page).record.tags == ()


def test_a_news_category_among_real_topics_keeps_the_list() -> None:
    topics = ", ".join(
        ["Business News", "Michigan", "Ford", "Nissan", "Toyota", "Volkswagen", "Europe", "AP"]
    )
    page = f'<h1>New SUVs at the show</h1><meta name="news_keywords" content="{topics}">'
    assert meta_of(page).record.tags[:2] == ("Business News", "Michigan")


def test_the_headline_cut_into_words_is_not_a_tag_list() -> None:
    page = "<h1>Tehran buries Zadeh and accuses the opposition</h1>"
    page += '<meta name="keywords" content="Tehran, buries, Zadeh, accuses, opposition, the">'
    assert meta_of(page).record.tags == ()


def test_rel_tag_links_of_other_story_cards_are_not_tags() -> None:
    page = "<article><h1>Stadia reviews</h1><a rel='tag' href='/c/games'>Games</a></article>"
    page += "<article><h2>Other</h2><a rel='tag' href='/c/sex'>Sex</a></article>"
    assert meta_of(page).record.tags == ("Games",)


def test_an_icon_title_is_not_part_of_a_tag() -> None:
    page = "<h1>Verstappen sixth</h1><div class='tags'><a href='/t/f1'>Formule 1"
    page += "<svg><title>Pijltje rechts</title></svg></a></div>"
    assert meta_of(page).record.tags == ("Formule 1",)


def test_share_buttons_are_not_tags() -> None:
    page = "<article><h1>Story</h1><div class='tags'><a href='#c'>Tweet</a> <a href='#c'>Comments</a></div>"
    assert meta_of(page).record.tags == ()


def test_a_dozen_lowercase_words_picked_from_the_text_are_not_tags() -> None:
    words = "water, nasa, europa, vapor, surface, moon, icy, team, scientists, observations"
    assert meta_of(f'<h1>Plumes on Europa</h1><meta name="keywords" content="{words}">').record.tags == ()


def test_generic_section_labels_are_no_section() -> None:
    assert meta_of('<meta property="article:section" content="News">').record.section is None
    assert meta_of(ld('{"@type": "NewsArticle", "articleSection": "post"}')).record.section is None


def test_a_generic_last_crumb_gives_way_to_the_crumb_above() -> None:
    trail = '<ol class="breadcrumb"><li>Business News</li><li>Markets</li><li>Stocks</li><li>News</li></ol>'
    assert meta_of(trail + "<h1>Bank shares gain</h1>").record.section == "Stocks"


def test_date_archive_crumbs_are_no_section() -> None:
    trail = '<ol class="breadcrumb"><li>Home</li><li>Stories</li><li>2020</li><li>August</li></ol>'
    assert meta_of(trail + "<h1>Beneficiaries remain steady</h1>").record.section is None


def test_a_headline_long_last_crumb_is_the_page_not_its_section() -> None:
    crumbs = ["Home", "Local", "Rajkot", "People who are scared call and say they see it in hand and foot"]
    items = "".join(f'{{"@type": "ListItem", "position": {i}, "name": "{n}"}}' for i, n in enumerate(crumbs))
    meta = meta_of(ld(f'{{"@type": "BreadcrumbList", "itemListElement": [{items.replace("}{", "},{")}]}}'))
    assert (meta.record.breadcrumbs, meta.record.section) == (("Home", "Local", "Rajkot"), "Rajkot")


def test_a_declared_section_drops_the_generic_part() -> None:
    page = ld('{"@type": "NewsArticle", "articleSection": "Blog Briefing Room - News"}')
    assert meta_of(page).record.section == "Blog Briefing Room"


def test_you_are_here_label_is_not_a_crumb() -> None:
    trail = '<ul class="breadcrumb"><li>sei in</li><li>Italia e Mondo</li><li>Mondo</li></ul><h1>Voto</h1>'
    assert meta_of(trail).record.breadcrumbs == ("Italia e Mondo", "Mondo")


def test_site_name_given_as_a_url_is_its_host() -> None:
    assert (
        meta_of('<meta property="og:site_name" content="https://www.inquirer.com">').record.site_name
        == "inquirer.com"
    )


def test_site_name_tagline_keeps_the_name() -> None:
    page = '<meta property="og:site_name" content="LinkNaija | Nigeria\'s popular news platform">'
    assert meta_of(page, url="https://www.linknaija.com/2018/10/a.html").record.site_name == "LinkNaija"
    page = '<meta property="og:site_name" content="Press release service No.1｜PR TIMES">'
    assert meta_of(page, url="https://prtimes.jp/main/a.html").record.site_name == "PR TIMES"


def test_blog_site_name_written_after_the_post_title() -> None:
    page = '<meta property="og:title" content="Lilies in bloom (7/2) - Just Fine!!">'
    page += '<meta property="og:site_name" content="Lilies in bloom (7/2) - Just Fine!!">'
    assert meta_of(page, url="https://blog.example.jp/a/1").record.site_name == "Just Fine!!"


def test_a_handle_is_not_the_site_name() -> None:
    page = '<meta property="og:site_name" content="@factcheck">'
    page += '<meta name="application-name" content="FactCheck">'
    assert meta_of(page).record.site_name == "FactCheck"


def test_logo_and_placeholder_share_images_are_not_the_story_image() -> None:
    for image in (
        "/img/pages/article/opengraph_default.png",
        "/images/site_fb_logo.jpg",
        "https://example.com",
    ):
        assert meta_of(f'<meta property="og:image" content="{image}">').record.image is None
    story = "https://cdn.example.com/2019/11/alibaba-logo-getty-1024-683-57ed9e94e3d24.jpg"
    assert meta_of(f'<meta property="og:image" content="{story}">').record.image == story


def test_default_named_picture_in_a_story_folder_is_kept() -> None:
    image = "https://news.example.am/img/news/61/51/63/default.jpg"
    assert meta_of(f'<meta property="og:image" content="{image}">').record.image == image


def test_a_declared_language_in_another_script_than_the_text_is_dropped() -> None:
    page = '<html lang="en-US"><title>سرقة منزل أميرة سعودية في باريس يضم أغراضاً فاخرة بقيمة كبيرة</title>'
    assert meta_of(page).record.language is None


def test_the_next_declaration_is_tried_when_the_first_does_not_fit() -> None:
    page = '<html lang="en"><meta property="og:locale" content="es_MX">'
    page += "<title>Pescadores gestionarán crías de peces en la presa para mejorar la pesca del año</title>"
    assert meta_of(page).record.language == "es-MX"


def test_a_telegraphic_english_headline_keeps_its_declared_language() -> None:
    page = "<html lang='en'><title>'Meth. We're On It': South Dakota campaign is working, Noem says</title>"
    assert meta_of(page).record.language == "en"


def test_a_modified_time_before_the_published_one_is_dropped() -> None:
    page = (
        '<meta property="article:published_time" content="2019-11-19T07:09:00+00:00">'
        '<meta property="article:modified_time" content="2019-11-19T05:44:00+00:00">'
    )
    meta = meta_of(page)
    assert (meta.record.published, meta.record.modified) == (datetime(2019, 11, 19, 7, 9, tzinfo=UTC), None)


def test_a_modified_day_equal_to_the_published_instant_is_kept() -> None:
    page = (
        '<meta property="article:published_time" content="2019-11-18T08:22:00-05:00">'
        '<meta property="article:modified_time" content="2019-11-18">'
    )
    assert meta_of(page).record.modified == date(2019, 11, 18)


def test_a_site_blurb_is_not_the_story_description() -> None:
    page = '<meta name="description" content="Breaking News, Latest News and Current News from OANN.com.">'
    assert meta_of(page, url="https://www.oann.com/protesters-gather/").record.description is None


def test_a_story_description_naming_the_agency_is_kept() -> None:
    text = "WASHINGTON (Reuters) - Scientists on Monday unveiled the first map of Titan."
    page = f'<meta name="description" content="{text}">'
    assert meta_of(page, url="https://www.reuters.com/article/titan").record.description == text


def test_a_description_written_as_markup_is_read_as_its_text() -> None:
    # a CMS's excerpt field, HTML and all, escaped into the meta
    excerpt = "&lt;p&gt;I did &lt;a href=&quot;/aoc&quot;&gt;Advent of Code&lt;/a&gt; again.&lt;/p&gt;"
    page = f'<meta property="og:description" content="{excerpt}">'
    assert meta_of(page).record.description == "I did Advent of Code again."


@pytest.mark.parametrize(
    "text",
    [
        "The <table> HTML element represents tabular data in rows and columns.",
        "Visitors came to watch <The Palace: Tale of Jang Noksu> and left their reviews.",
    ],
)
def test_angle_brackets_in_a_description_are_text(text: str) -> None:
    escaped = text.replace("<", "&lt;").replace(">", "&gt;")
    assert meta_of(f'<meta property="og:description" content="{escaped}">').record.description == text


def test_a_url_folder_is_not_a_declared_section() -> None:
    page = ld('{"@type": "NewsArticle", "articleSection": "zurawik"}')
    assert (
        meta_of(page, url="https://www.example.com/opinion/columnists/zurawik/bs-ed-1.html").record.section
        is None
    )


def test_language_is_read_from_the_text_when_nothing_is_declared() -> None:
    from newsscrape.extractor._core import explain

    story = "".join(
        f"<p>Der Stadtrat hat am Montag beschlossen, die alte Brücke über den Fluss zu sanieren ({n}).</p>"
        for n in range(3)
    )
    report = explain(f"<html><body><article><h1>Brücke wird saniert</h1>{story}</article></body></html>")
    assert (report.article.language, report.sources["language"]) == ("de", "text")


def test_a_refuted_declaration_gives_way_to_the_text() -> None:
    from newsscrape.extractor import extract

    story = "".join(
        f"<p>Los pescadores gestionarán las crías de peces en la presa para mejorar la pesca ({n}).</p>"
        for n in range(3)
    )
    head = "<head><title>Pesca en la presa</title></head>"
    page = f'<html lang="en">{head}<body><article>{story}</article></body></html>'
    assert extract(page).language == "es"


def test_every_metadata_field_is_a_record_field_or_a_content_hint() -> None:
    from dataclasses import fields
    from typing import get_args

    from newsscrape.extractor.metadata._metadata import MetaField
    from newsscrape.models import Article

    hints = {"article_body", "word_count"}  # read for the content pass; the record counts its own words
    assert set(get_args(MetaField)) - hints <= {f.name for f in fields(Article)}
    assert hints <= {f.name for f in fields(Metadata)}
