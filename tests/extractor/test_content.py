"""The content pass, one behaviour per test, on tiny inline pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import ExtractError, extract
from newsscrape.extractor import explain
from newsscrape.extractor.content._profiles import ContentProfile
from profiled import asking_trafilatura


def page(article: str, *, before: str = "", after: str = "") -> str:
    return (
        "<html><head><title>T</title></head><body>"
        f"{before}<article><h1>The title</h1>{article}</article>{after}"
        "</body></html>"
    )


def body(html: str) -> str:
    return extract(html, config=NATIVE).body


def test_paragraphs_kept_in_order() -> None:
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"))
    assert text == f"{PARA}\n\n{PARA2}\n\n{PARA3}"


def test_title_h1_is_not_body() -> None:
    assert "The title" not in body(page(f"<p>{PARA}</p><p>{PARA2}</p>"))


def test_subsection_headings_in_order() -> None:
    art = extract(page(f"<p>{PARA}</p><h2>First part</h2><p>{PARA2}</p><h3>Second part</h3><p>{PARA3}</p>"))
    assert art.headings == ("First part", "Second part")
    assert [s.heading for s in art.sections] == [None, "First part", "Second part"]
    assert art.sections[2].level == 3


def test_latest_news_rail_after_body_removed() -> None:
    rail = '<section><h2>Latest news</h2><ul><li><a href="/a">Other story one</a></li></ul></section>'
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>{rail}"))
    assert "Latest news" not in text
    assert "Other story one" not in text


def test_related_box_in_middle_of_body_removed() -> None:
    box = '<div class="related-stories"><h3>Related</h3><a href="/x">A different story entirely</a></div>'
    text = body(page(f"<p>{PARA}</p>{box}<p>{PARA2}</p>"))
    assert "different story" not in text
    assert PARA2 in text


def test_rail_heading_directly_in_body_removes_its_links() -> None:
    rail = '<h2>Related news</h2><p><a href="/1">Another headline about something</a></p>'
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>{rail}"))
    assert "Another headline" not in text


def test_breadcrumb_removed() -> None:
    crumbs = '<nav aria-label="breadcrumb"><a href="/">Home</a><a href="/c">Current affairs</a></nav>'
    text = body(page(f"{crumbs}<p>{PARA}</p><p>{PARA2}</p>"))
    assert "Current affairs" not in text


def test_share_bar_removed() -> None:
    share = '<div class="share-bar"><span>Share on Facebook</span><span>Tweet</span></div>'
    assert "Facebook" not in body(page(f"{share}<p>{PARA}</p><p>{PARA2}</p>"))


def test_newsletter_box_removed() -> None:
    box = '<div class="newsletter-signup"><p>Get our daily briefing in your inbox every morning.</p></div>'
    assert "briefing" not in body(page(f"<p>{PARA}</p>{box}<p>{PARA2}</p>"))


@pytest.mark.parametrize(
    "label",
    [
        "Advertisement",
        "- Advertisement -",
        "ADVERTISEMENT",
        "Anzeige",
        "Publicidad",
        "スポンサードリンク",
        "广告",
    ],
)
def test_advertisement_label_removed(label: str) -> None:
    assert label not in body(page(f"<p>{PARA}</p><div>{label}</div><p>{PARA2}</p>"))


def test_ad_slot_removed() -> None:
    ad = '<div class="ad-slot"><p>Buy the best shoes today at our partner store.</p></div>'
    assert "shoes" not in body(page(f"<p>{PARA}</p>{ad}<p>{PARA2}</p>"))


def test_comment_section_removed() -> None:
    comments = "".join(
        f"<p>Comment number {i}: I strongly disagree with this article.</p>" for i in range(20)
    )
    html = page(f"<p>{PARA}</p><p>{PARA2}</p>", after=f'<div id="comments">{comments}</div>')
    assert "disagree" not in body(html)


def test_author_bio_removed() -> None:
    bio = '<div class="author-bio"><p>Jane Doe covers city hall and has written for many papers.</p></div>'
    assert "Jane Doe" not in body(page(f"<p>{PARA}</p><p>{PARA2}</p>{bio}"))


def test_tag_list_removed() -> None:
    tags = '<ul class="tags"><li><a href="/t/budget">Budget</a></li><li><a href="/t/city">City</a></li></ul>'
    assert "Budget" not in body(page(f"<p>{PARA}</p><p>{PARA2}</p>{tags}"))


def test_read_more_teaser_inside_body_removed() -> None:
    teaser = '<p>Read more: <a href="/other">Council approves new parking rules</a></p>'
    text = body(page(f"<p>{PARA}</p>{teaser}<p>{PARA2}</p>"))
    assert "parking" not in text
    assert PARA2 in text


def test_sidebar_outside_article_not_taken() -> None:
    aside = f"<aside><p>{PARA3}</p></aside>"
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>", after=aside))
    assert "bridge" not in text


def test_inline_links_keep_their_spaces() -> None:
    text = body(page(f'<p>The <a href="/m">mayor</a> said <b>no</b>. {PARA}</p><p>{PARA2}</p>'))
    assert text.startswith("The mayor said no. ")


def test_adjacent_inline_tags_are_not_split() -> None:
    text = body(page(f"<p><b>Break</b>ing news: {PARA}</p><p>{PARA2}</p>"))
    assert text.startswith("Breaking news: ")


def test_br_does_not_glue_words() -> None:
    text = body(page(f"<p>{PARA}<br>Second line of the address</p><p>{PARA2}</p>"))
    assert "flood.Second" not in text
    assert "Second line of the address" in text


def test_list_items_are_paragraphs() -> None:
    art = extract(
        page(f"<p>{PARA}</p><ul><li>First point made</li><li>Second point made</li></ul><p>{PARA2}</p>"),
        config=NATIVE,  # the native pass's reading; a page this bare could be any type to the classifier
    )
    assert "First point made" in art.sections[0].paragraphs
    assert "Second point made" in art.sections[0].paragraphs


def test_paragraphs_without_a_word_character_are_dropped() -> None:
    signs = "<p>* * *</p><p>\u2014</p><ul><li>-</li><li>Second point made</li></ul><p>\uf074</p>"
    text = body(page(f"<p>{PARA}</p>{signs}<p>{PARA2}</p><p>___</p><p>Reporting by Ann Lee.</p>"))
    # a rule of underscores is wire copy's mark before the credits: it stays
    assert text == f"{PARA}\n\nSecond point made\n\n{PARA2}\n\n___\n\nReporting by Ann Lee."


def test_a_table_row_of_signs_is_kept() -> None:
    table = "<table><tr><th>Size</th><th>Price</th></tr><tr><td>-</td><td>\u2014</td></tr></table>"
    art = extract(page(f"<p>{PARA}</p>{table}<p>{PARA2}</p>"), config=NATIVE)
    assert "- | \u2014" in art.sections[0].paragraphs


def test_blockquote_kept() -> None:
    text = body(page(f"<p>{PARA}</p><blockquote>We will not give up, she said.</blockquote><p>{PARA2}</p>"))
    assert "We will not give up, she said." in text


def test_caption_removed() -> None:
    fig = "<figure><figcaption>A photo of the council chamber</figcaption></figure>"
    assert "photo" not in body(page(f"<p>{PARA}</p>{fig}<p>{PARA2}</p>"))


def test_scripts_and_styles_never_body() -> None:
    html = page(f"<p>{PARA}</p><script>var x = 'secret';</script><style>p{{color:red}}</style><p>{PARA2}</p>")
    text = body(html)
    assert "secret" not in text
    assert "color" not in text


def test_explain_records_removed_blocks_and_container() -> None:
    share = '<div class="social-share"><a href="#">Share</a></div>'
    report = explain(page(f"<p>{PARA}</p>{share}<p>{PARA2}</p>"), config=NATIVE)
    assert report.container is not None
    assert "article" in report.container
    assert any(r.kind == "share" for r in report.removed)
    assert report.method == "native"


def test_page_without_text_is_no_body() -> None:
    with pytest.raises(ExtractError) as info:
        extract("<html><body><div></div></body></html>", config=NATIVE)
    assert info.value.reason == "no_body"


def test_page_without_text_keeps_its_metadata_in_the_error() -> None:
    # a page whose text a script draws (a forum thread, say) still has its title, date and site
    head = (
        "<title>Where do I start? - Home Community</title>"
        '<meta property="og:title" content="Where do I start?">'
        '<meta property="og:site_name" content="Home Community">'
        '<meta property="article:published_time" content="2026-01-24T07:02:34+00:00">'
    )
    with pytest.raises(ExtractError) as info:
        extract(
            f"<html><head>{head}</head><body><div id='app'></div></body></html>", url="https://x.test/t/1"
        )
    found = info.value.metadata
    assert info.value.reason == "no_body"
    assert found is not None
    assert (found.title, found.site_name) == ("Where do I start?", "Home Community")
    assert found.published is not None
    assert found.published.isoformat() == "2026-01-24T07:02:34+00:00"


def test_page_with_only_a_menu_is_no_body() -> None:
    menu = "<nav>" + "".join(f'<a href="/{i}">Section {i}</a>' for i in range(10)) + "</nav>"
    with pytest.raises(ExtractError) as info:
        extract(f"<html><body>{menu}</body></html>", config=NATIVE)
    assert info.value.reason == "no_body"


def test_short_native_result_asks_for_second_opinion() -> None:
    # the story's text in list items only (lists do not vote): the native pass finds one short line
    items = "".join(f"<li>{p}</li>" for p in (PARA, PARA2, PARA3))
    report = explain(
        f"<html><body><div><p>Posted in the city news section today.</p></div><ul>{items}</ul></body></html>"
    )
    assert report.method == "trafilatura"
    assert "bridge" in report.article.body


SEED_SECTIONS = ("Summit Location and Timing", "Agenda on the Table", "Historic Meeting Amid Isolation")


def test_seed_shaped_page() -> None:
    # breadcrumb glued before the title, h2 subsections, "Latest news"/"Related news" rails after
    sections = "".join(
        f"<h2>{h}</h2><p>{p}</p>" for h, p in zip(SEED_SECTIONS, (PARA, PARA2, PARA3), strict=True)
    )
    rails = "".join(
        f'<div class="td-block"><h4 class="block-title"><span>{name}</span></h4>'
        + "".join(f'<div class="item"><h3><a href="/{i}">Story {name} {i}</a></h3></div>' for i in range(4))
        + "</div>"
        for name in ("Latest news", "Related news")
    )
    html = (
        '<html><body><div class="wrapper"><div class="entry-crumbs"><a href="/">Home</a>'
        '<a href="/c">Current affairs</a></div><h1>Kim Summit</h1><div class="content">'
        f"<p>{PARA}</p>{sections}</div>{rails}</div></body></html>"
    )
    art = extract(html, config=NATIVE)
    assert art.headings == SEED_SECTIONS
    assert "Current affairs" not in art.body
    assert "Latest news" not in art.body
    assert "Related news" not in art.body
    assert "Story" not in art.body


def test_long_rail_does_not_outvote_a_short_story() -> None:
    teasers = "".join(
        f'<article><p>{PARA2} Teaser {i}.</p><a href="/{i}">more</a></article>' for i in range(6)
    )
    html = (
        f"<html><body><article><h1>T</h1><p>{PARA}</p></article>"
        f'<section><h3 class="title">You may also like</h3>{teasers}</section></body></html>'
    )
    text = body(html)
    assert PARA in text
    assert "Teaser" not in text


def test_later_h1_inside_story_is_kept_as_text() -> None:
    text = body(page(f"<p>{PARA}</p><h1>Second part of the story</h1><p>{PARA2}</p>"))
    assert "The title" not in text
    assert "Second part of the story" in text


@pytest.mark.parametrize(
    "line",
    [
        "Nov. 20, 2019, 9:28 AM UTC",
        "Tags: budget, council",
        "Copyright 2019 The Paper. All rights reserved.",
        "Image 1 of 5",
        "By Reuters",
        "2018-08-16",
        "Sign up for our daily newsletter to get the news in your inbox.",
        # wordings met on news pages outside the tuning set
        "May 15, 2020,07:02pm EDT",
        "Photo: Jane Smith/Reuters",
        "Foto: Agencije",
        "Rogelio V. Solis/AP",
        "RIPRODUZIONE RISERVATA © Copyright ANSA",
        "View this post on Instagram",
        "wideo 2/8",
        "NEXT STORY:",
        "Download The Times of India News App for Latest City News",
        "ख़बर सुनें",
        "EFE",
        "We use cookies to improve your experience on our site. By continuing you accept our policy.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Colleen Barry, The Associated Press",
        "A version of this article appears in print on March 11, 2020, Section A, Page 18 of the New "
        "York edition with the headline: Plan approved.",
    ],
)
def test_short_furniture_lines_removed(line: str) -> None:
    assert line not in body(page(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>"))


@pytest.mark.parametrize(
    "line",
    [
        "Copyright Complexity in a Fragmented World",
        "Copyrighted materials are provided to students through the library.",
        "(c) The bridge stays closed to heavy vehicles.",
    ],
)
def test_lines_opening_with_the_word_copyright_are_not_copyright_notices(line: str) -> None:
    assert line in body(page(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>"))


@pytest.mark.parametrize(
    "line", ["© The Paper", "Copyright © The Paper", "Copyright: The Paper", "(c) 2019 The Paper"]
)
def test_copyright_notices_removed(line: str) -> None:
    assert line not in body(page(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>"))


def test_embedded_post_in_social_box_kept() -> None:
    embed = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        "<p>Big news today.</p></blockquote></div>"
    )
    assert "Big news today." in body(page(f"<p>{PARA}</p>{embed}<p>{PARA2}</p>"))


def test_paragraph_that_is_a_bare_url_kept() -> None:
    url = "https://example.org/report.pdf"
    assert url in body(page(f'<p>{PARA}</p><p><a href="{url}">{url}</a></p><p>{PARA2}</p>'))


def test_link_only_paragraph_removed() -> None:
    teaser = '<p><a href="/x">Mayor resigns after long row over parking</a></p>'
    assert "Mayor resigns" not in body(page(f"<p>{PARA}</p>{teaser}<p>{PARA2}</p>"))


def test_class_word_on_inline_link_keeps_sentence() -> None:
    text = body(
        page(f'<p>Fans of <a class="tag" href="/t">Doobie Brothers</a> cheered. {PARA}</p><p>{PARA2}</p>')
    )
    assert "Fans of Doobie Brothers cheered." in text


def test_heading_worded_as_furniture_is_not_a_heading() -> None:
    art = extract(
        page(f"<p>{PARA}</p><h3>More:</h3><p>{PARA2}</p><h2>Real part</h2><p>{PARA3}</p>"), config=NATIVE
    )
    assert art.headings == ("Real part",)


def test_hover_card_inside_sentence_removed_name_kept() -> None:
    card = (
        '<span class="rollover-people"><a class="rollover-people-link" href="/p">Jane Roe</a>'
        '<span class="rollover-people-block"><a href="/x">Her other story headline</a></span></span>'
    )
    text = body(page(f"<p>Mayor {card} said no. {PARA}</p><p>{PARA2}</p>"))
    assert "Mayor Jane Roe said no." in text
    assert "other story" not in text


def test_framework_hidden_class_removed() -> None:
    hidden = '<span class="hidden"><span itemprop="url">http://example.com/a.jpg</span></span>'
    assert "a.jpg" not in body(page(f"<p>{PARA}</p>{hidden}<p>{PARA2}</p>"))


def test_responsive_hidden_class_kept() -> None:
    assert PARA2 in body(page(f'<p>{PARA}</p><div class="d-none d-md-block"><p>{PARA2}</p></div>'))


def test_story_body_class_outranks_chrome_word() -> None:
    box = f'<div class="widget_text article-body"><p>{PARA2}</p></div>'
    assert PARA2 in body(page(f"<p>{PARA}</p>{box}<p>{PARA3}</p>"))


def test_story_split_around_an_ad_keeps_both_parts() -> None:
    long_part = "".join(f"<p>{p} Part one.</p>" for p in (PARA, PARA2, PARA3, PARA, PARA2))
    html = (
        f'<html><body><div class="main"><h1>T</h1><div class="text-block">{long_part}</div>'
        '<div class="ad-slot">Buy now</div>'
        f'<div class="text-block"><p>{PARA3} Part two.</p></div></div></body></html>'
    )
    text = body(html)
    assert "Part two." in text
    assert text.index("Part one.") < text.index("Part two.")
    assert "Buy now" not in text


def test_heading_linking_within_the_site_is_a_teaser() -> None:
    html = page(
        f'<p>{PARA}</p><h3><a href="https://news.example.com/other">Other story</a></h3><p>{PARA2}</p>'
    )
    art = extract(html, URL, config=NATIVE)  # an article's URL: a listing keeps its cards' headings
    assert art.headings == ()


def test_heading_linking_to_another_site_is_kept() -> None:
    html = page(
        f'<p>{PARA}</p><h3><a href="https://shop.example.org/item">Acme Kettle</a></h3><p>{PARA2}</p>'
    )
    art = extract(html, "https://news.example.com/story", config=NATIVE)
    assert art.headings == ("Acme Kettle",)


def test_link_only_paragraph_to_another_site_kept() -> None:
    source = '<p><a href="https://agency.example.org/report">The full agency report</a></p>'
    art = extract(page(f"<p>{PARA}</p>{source}<p>{PARA2}</p>"), "https://news.example.com/s", config=NATIVE)
    assert "The full agency report" in art.body


def test_link_only_paragraph_within_the_site_removed() -> None:
    teaser = '<p><a href="https://www.news.example.com/other">Mayor resigns after long row</a></p>'
    art = extract(page(f"<p>{PARA}</p>{teaser}<p>{PARA2}</p>"), "https://news.example.com/s", config=NATIVE)
    assert "Mayor resigns" not in art.body


def test_list_of_outside_sources_kept_follow_bar_removed() -> None:
    sources = "".join(
        f'<li><a href="https://source{i}.example.org/r">Independent study number {i} on bridges</a></li>'
        for i in range(3)
    )
    follow = '<ul><li><a href="https://facebook.com/x">Facebook</a></li><li><a href="https://x.com/y">X</a></li></ul>'
    html = page(f"<p>{PARA}</p><ul>{sources}</ul><p>{PARA2}</p>{follow}")
    text = extract(html, URL, config=NATIVE).body  # an article's URL: a listing keeps its boxes of links
    assert "Independent study number 2 on bridges" in text
    assert "Facebook" not in text


# The seed page rebuilt in a common news theme's markup (breadcrumb row, header meta, share row,
# inline ad label, tags footer, related-posts block, "Latest news" sidebar).
SEED_THEMED = Path(__file__).with_name("seed_themed.html")


def test_seed_page_in_a_news_theme() -> None:
    art = extract(SEED_THEMED.read_bytes(), "https://example.com/kim")
    assert art.headings == (
        "Summit Location and Timing",
        "Agenda on the Table",
        "Historic Meeting Amid Isolation",
        "Travel Details",
    )
    assert art.body.startswith("North Korean leader Kim Jong Un")
    assert art.body.endswith("the world watches with anticipation.")
    for chrome in (
        "Current affairs",
        "Facebook",
        "Advertisement",
        "TAGS",
        "Related news",
        "Latest news",
        "Staff",
    ):
        assert chrome not in art.body


def test_staircase_of_unclosed_divs_keeps_every_paragraph() -> None:
    # a CMS that never closes its paragraph divs nests the story one level deeper per paragraph
    paras = [f"{PARA} Number {i}." for i in range(300)]
    html = "<html><body>" + "".join(f"<div><p>{p}</p>" for p in paras) + "</body></html>"
    text = body(html)
    assert "Number 0." in text
    assert "Number 299." in text


def test_staircase_of_unclosed_br_lines_keeps_every_line() -> None:
    html = "<html><body>" + "".join(f"<div>{PARA} Line {i}.<br>" for i in range(300)) + "</body></html>"
    text = body(html)
    assert "Line 0." in text
    assert "Line 299." in text


def test_login_and_cookie_dialogs_do_not_outvote_a_short_story() -> None:
    # dialogs the page shows on demand are forms full of sentences; three of them hold more
    # paragraph text than a two-paragraph story and would win the container vote
    dialog = (
        '<div class="{0}"><p>Dear reader, thank you for your interest in our stories. We have added '
        "registration so that we can improve the information we give you.</p><p>If you already have "
        "an account, enter your details; if not, press the button below to create one.</p></div>"
    )
    dialogs = "".join(dialog.format(k) for k in ("login-popup", "register-popup", "cookie-banner"))
    html = (
        '<html><body><div class="site"><div class="strap">The Daily Gazette, since 1901</div>'
        f'<div class="story"><h1>T</h1><div class="body"><p>{PARA}</p><p>{PARA2}</p></div></div></div>'
        f"{dialogs}</body></html>"
    )
    text = body(html)
    assert text == f"{PARA}\n\n{PARA2}"


def test_story_whose_later_box_is_nested_by_an_unclosed_div_keeps_its_first_box() -> None:
    # <div class="part-1"><div class="para"><p>..</p><p>..</p></div>  (part-1 never closed)
    #   <div class="part-2"><p>..</p> x6 </div>
    first = f"<p>{PARA} First box.</p><p>{PARA2}</p>"
    rest = "".join(f"<p>{PARA3} Rest {i}.</p>" for i in range(6))
    html = (
        '<html><body><div class="article"><h1>T</h1><div class="part part-1">'
        f'<div class="para">{first}</div><div class="part part-2">{rest}</div></div></div>'
        '<div class="sidebar"><p>Weather: sunny with a light breeze over the bay all afternoon.</p></div>'
        "</body></html>"
    )
    text = body(html)
    assert text.startswith(f"{PARA} First box.")
    assert "Rest 5." in text


def test_story_printed_twice_around_an_ad_is_given_once() -> None:
    # a CMS prints the body twice (a teaser copy a script slices, then the full copy below an ad)
    copy = f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
    html = (
        '<html><body><section class="main"><h1>T</h1>'
        f'<div class="content-body"><div id="body-1">{copy}</div></div>'
        '<div class="advertisment">Ad</div>'
        f'<section class="content-continued-body"><div id="body-2">{copy}</div></section>'
        "</section></body></html>"
    )
    assert body(html) == f"{PARA}\n\n{PARA2}\n\n{PARA3}"


def test_a_lone_repeated_paragraph_is_kept() -> None:
    # a refrain or a repeated question is the author's, not a second copy of the story
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p><p>{PARA}</p>"))
    assert text.count(PARA) == 2


# -- page shapes of common CMSs that the tuning set has few of --------------------------------
PARA4 = (
    "The mayor said the first works would start in spring and promised that shops along the "
    "route would be compensated for the months of disruption."
)
STORY = f"{PARA}\n\n{PARA2}\n\nWhat happens next\n\n{PARA3}\n\n{PARA4}"
URL = "https://news.example.com/2020/03/10/plan"


def test_drupal_node_keeps_body_field_only() -> None:
    html = (
        '<html><body><header role="banner"><a href="/">City Times</a></header><main role="main">'
        '<article role="article" class="node node--type-article node--view-mode-full">'
        '<h1 class="page-title"><span class="field field--name-title">Plan approved</span></h1>'
        '<div class="node__meta"><span class="field--name-uid">Submitted by <a href="/user/3">jsmith</a>'
        '</span> on <span>Tue, 03/10/2020 - 10:21</span></div><div class="node__content">'
        '<div class="text-formatted field field--name-body field--type-text-with-summary field__item">'
        f"<p>{PARA}</p><p>{PARA2}</p><h2>What happens next</h2><p>{PARA3}</p><p>{PARA4}</p></div>"
        '<div class="field field--name-field-tags field--label-above"><div class="field__label">Tags'
        '</div><div class="field__items"><div class="field__item"><a href="/taxonomy/term/4">Transport'
        "</a></div></div></div></div>"
        '<ul class="links inline"><li class="comment-add"><a href="/comment/reply/12">Add new comment'
        '</a></li></ul><section class="comment-section"><h2>Comments</h2><article class="comment">'
        "<p>Great news for the city, finally some progress on buses and bikes.</p></article></section>"
        '</article></main><footer role="contentinfo"><p>City Times, 1 Main Street.</p></footer>'
        "</body></html>"
    )
    assert extract(html, URL, config=NATIVE).body == STORY


def test_ghost_post_keeps_quote_drops_caption_subscribe_box_and_read_next() -> None:
    html = (
        '<html><body class="post-template"><main class="site-main"><article class="post-full post">'
        '<header class="post-full-header"><h1 class="post-full-title">Plan approved</h1>'
        '<span class="byline-reading-time">3 min read</span></header>'
        f'<section class="post-full-content"><div class="post-content"><p>{PARA}</p><p>{PARA2}</p>'
        '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="y.jpg">'
        "<figcaption>The new cycle lane, as drawn by the planners.</figcaption></figure>"
        f"<h2>What happens next</h2><p>{PARA3}</p><blockquote>We will not sign anything yet.</blockquote>"
        f'<p>{PARA4}</p></div></section><section class="subscribe-form"><h3>Subscribe to City Blog</h3>'
        "<p>Get the latest posts delivered right to your inbox</p></section></article></main>"
        '<aside class="read-next outer"><article class="post-card"><a href="/bikes/"><h2>Bike sharing '
        'comes to the old town</h2><section class="post-card-excerpt"><p>A new scheme lets residents '
        "rent a bicycle for an hour for the price of a coffee.</p></section></a></article></aside>"
        "</body></html>"
    )
    text = extract(html, URL, config=NATIVE).body
    assert text == STORY.replace(PARA4, f"We will not sign anything yet.\n\n{PARA4}")


def test_arc_style_inline_read_more_and_promo_card_removed() -> None:
    cls = 'class="default__StyledText-sc-10mj2vp-0 body-paragraph"'
    html = (
        '<html><body><div id="fusion-app"><article class="article-body-wrapper"><h1>Plan approved</h1>'
        f'<div class="article-body"><p {cls}>{PARA}</p><p {cls}><strong>Read more:</strong> '
        f'<a href="/news/2020/03/01/tram/">The tram line nobody wanted</a></p><p {cls}>{PARA2}</p>'
        '<div class="promo-item card"><div class="promo-text"><h2 class="promo-headline">'
        '<a href="/news/bridge/">Bridge repairs to start in June</a></h2><p class="promo-description">'
        "Engineers say the work will close the crossing to heavy traffic all summer.</p></div></div>"
        f"<p {cls}>{PARA3}</p><p {cls}>{PARA4}</p></div></article></div></body></html>"
    )
    assert extract(html, URL, config=NATIVE).body == f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA4}"


def test_live_blog_keeps_every_entry_and_its_heading_in_page_order() -> None:
    entry = (
        '<div class="live-blog-post"><p class="live-blog-post__time"><time>{0}</time></p>'
        '<h2 class="live-blog-post__headline">{1}</h2><div class="live-blog-post__body"><p>{2}</p></div>'
        '<div class="share-tools"><a href="#">Share</a></div></div>'
    )
    entries = [("21:05", "Plan approved", PARA), ("20:10", "Review asked", PARA3), ("19:00", "Debate", PARA2)]
    html = (
        '<html><body><main><h1>Transport vote: live</h1><div class="live-blog">'
        + "".join(entry.format(*e) for e in entries)
        + "</div></main></body></html>"
    )
    art = extract(html, URL, config=NATIVE)
    assert art.headings == ("Plan approved", "Review asked", "Debate")
    assert art.body.index(PARA) < art.body.index(PARA3) < art.body.index(PARA2)
    assert "Share" not in art.body


def test_table_and_numbered_list_inside_the_story_are_kept() -> None:
    html = page(
        f"<p>{PARA}</p><table><tr><th>Item</th><th>Cost</th></tr><tr><td>Bus lines</td>"
        f"<td>4.2 million</td></tr></table><p>{PARA2}</p><h2>Steps</h2><ol><li>Tender in April.</li>"
        f"<li>Works from May to September.</li><li>First buses in October.</li></ol><p>{PARA3}</p>"
    )
    art = extract(html, URL, config=NATIVE)
    for text in ("Tender in April.", "First buses in October.", PARA3):
        assert text in art.body
    assert art.headings == ("Steps",)


def test_table_row_is_one_line_with_its_cells_joined() -> None:
    # a data table reads row by row; a lone cell such as a date would otherwise be judged alone
    html = page(
        f"<p>{PARA}</p><table>\n<tr> <th>Date</th> <th>Amount</th></tr>\n<tr><td>2020-09-01</td>"
        f"<td>$2,800</td></tr></table><p>{PARA2}</p>"
    )
    assert body(html) == f"{PARA}\n\nDate | Amount\n\n2020-09-01 | $2,800\n\n{PARA2}"


def test_layout_table_cells_keep_their_paragraphs() -> None:
    html = page(f"<table><tr><td><p>{PARA}</p><p>{PARA2}</p></td><td><p>{PARA3}</p></td></tr></table>")
    assert body(html) == f"{PARA}\n\n{PARA2}\n\n{PARA3}"


def test_story_split_by_ad_and_newsletter_boxes_with_varying_classes_kept_whole() -> None:
    html = (
        '<html><body><div class="page"><div class="story"><h1>Plan approved</h1>'
        f'<div class="story-text story-text--first"><p>{PARA}</p><p>{PARA2}</p></div>'
        '<div class="ad-container"><div id="div-gpt-ad-1">Advertisement</div></div>'
        f'<div class="story-text"><p>{PARA3}</p></div><div class="inline-newsletter"><p>Get our '
        "morning briefing in your inbox every weekday, free.</p></div>"
        f'<div class="story-text story-text--last"><p>{PARA4}</p></div></div><aside class="sidebar">'
        '<h3>Most read</h3><ol><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ol></aside>'
        "</div></body></html>"
    )
    assert extract(html, URL, config=NATIVE).body == f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA4}"


def test_rail_heading_in_lenticular_brackets_removed() -> None:
    rail = (
        '<h3>【熱門點閱】</h3><ul><li><a href="/a">其他新聞一</a></li>'
        '<li><a href="/b">其他新聞二</a></li></ul>'
    )
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>{rail}"))
    assert "熱門點閱" not in text
    assert "其他新聞一" not in text


def test_read_the_full_story_link_paragraph_removed() -> None:
    teaser = (
        '<p>Read the entire article here: <a href="https://other.example.org/x">other.example.org</a></p>'
    )
    assert "entire article" not in body(page(f"<p>{PARA}</p>{teaser}<p>{PARA2}</p>"))


@pytest.mark.parametrize(
    "heading",
    [
        "Shared custody rules",  # "share" only as a whole word
        "Authorities respond",  # "author"
        "Okullar yeniden açılıyor",  # tr "oku" (read) inside "okullar" (schools)
        "Latest developments in the trial of the former mayor",  # a long heading is the story's own
        "Reply from the council",
    ],
)
def test_story_subheading_that_merely_starts_like_furniture_is_kept(heading: str) -> None:
    art = extract(page(f"<p>{PARA}</p><h2>{heading}</h2><p>{PARA2}</p>"), config=NATIVE)
    assert art.headings == (heading,)


@pytest.mark.parametrize("heading", ["Comments (12)", "Latest news", "Related coverage from the region"])
def test_short_furniture_heading_still_removed(heading: str) -> None:
    art = extract(page(f"<p>{PARA}</p><p>{PARA2}</p><h2>{heading}</h2>"), config=NATIVE)
    assert art.headings == ()


def test_body_box_named_after_its_share_bar_is_kept() -> None:
    # a stream of short stories, each body in <div class="sr-body-share-wrapper">; no one body
    # holds half the container, so only its paragraphs can say it is not a share bar
    story = (
        '<section><article><div class="sr-date">6:14 a.m.</div>'
        '<div class="sr-body-share-wrapper"><p>{0}</p><p>{1}</p><p>{2}</p>'
        '<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a></div></div>'
        "</article></section>"
    )
    html = (
        '<html><body><h1>Speed reads</h1><div id="stream">'
        + story.format(PARA, PARA2, PARA3)
        + story.format(PARA4, PARA, PARA2)
        + story.format(PARA3, PARA4, PARA)
        + "</div></body></html>"
    )
    text = body(html)
    assert text.startswith(f"{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert "Facebook" not in text


def test_teaser_cards_whose_summary_sits_inside_the_link_do_not_outvote_the_story() -> None:
    # <a href><h3>title</h3><p>summary</p></a>: the summary is part of a link to another story
    card = (
        '<div class="card"><a href="/news/{0}"><h3>Other story {0}</h3><p>A summary of the other '
        "story number {0}, long enough to look like a paragraph of its own.</p></a></div>"
    )
    cards = "".join(card.format(n) for n in range(12))
    html = (
        f'<html><body><article><h1>T</h1><div class="text"><p>{PARA}</p><p>{PARA2}</p></div>'
        f'</article><div class="more">{cards}</div></body></html>'
    )
    assert body(html) == f"{PARA}\n\n{PARA2}"


def test_story_typed_straight_into_divs_is_found_natively() -> None:
    # editors that never write <p> (pasted posts, old CMSs): one <div> per paragraph
    html = (
        '<html><body><div class="wrap"><h1>T</h1><div class="story">'
        f"<div>{PARA}</div><div>{PARA2}</div><div>{PARA3}</div></div>"
        '<div class="side"><ul><li><a href="/x">Other story one here</a></li></ul></div></div></body></html>'
    )
    assert body(html) == f"{PARA}\n\n{PARA2}\n\n{PARA3}"


def test_dont_miss_promotion_of_another_page_removed() -> None:
    promo = '<p>Ezt ne hagyja ki! Történetek és hírek a Balatonról itt: <a href="https://x.hu/">x.hu</a>.</p>'
    assert "Balatonról" not in body(page(f"<p>{PARA}</p>{promo}<p>{PARA2}</p>"))


def test_second_opinion_keeps_the_headings_the_native_pass_found() -> None:
    from newsscrape.extractor._guard import Deadline
    from newsscrape.extractor.content._content import Block, Content, _second_opinion

    html = page(f"<p>{PARA}</p><h2>First part</h2><p>{PARA2}</p><p>{PARA3}</p>")
    content = Content(blocks=[Block(text="First part", level=2)])
    _second_opinion(content, html, Deadline(10.0, url=None))
    assert content.method == "trafilatura"
    assert Block(text="First part", level=2) in content.blocks
    assert all(block.level == 0 for block in content.blocks if block.text != "First part")


def test_every_kind_the_vocabularies_name_is_a_removal_kind() -> None:
    from typing import get_args

    from newsscrape.extractor.content._chrome import (
        COMPOUND_KIND,
        ROLE_KIND,
        TAG_KIND,
        WORD_KIND,
        RemovalKind,
    )
    from newsscrape.extractor.content._vocabulary import CHROME_HEADINGS

    named = {*TAG_KIND.values(), *ROLE_KIND.values(), *WORD_KIND.values(), *CHROME_HEADINGS}
    named |= {kind for _, kind in COMPOUND_KIND}
    assert named <= set(get_args(RemovalKind))


def test_explain_reports_only_declared_removal_kinds() -> None:
    from typing import get_args

    from newsscrape.extractor.content._chrome import RemovalKind

    share = '<div class="share-bar"><a href="/s">Share on X</a></div>'
    report = explain(page(f"<p>{PARA}</p>{share}<h2>Latest news</h2><p>{PARA2}</p>"), config=NATIVE)
    kinds = {r.kind for r in report.removed}
    assert "share" in kinds
    assert kinds <= set(get_args(RemovalKind))


def test_a_page_read_again_as_its_type_asks_trafilatura_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    calls: list[str] = []
    real = trafilatura.extract

    def counted(html: str, **kwargs: object) -> str | None:
        calls.append(html)
        return real(html, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "extract", counted)
    cards = "".join(
        f'<li class="card"><h2><a href="/news/story-{i}">Story {i}</a></h2><p>Teaser {i}. Read more</p></li>'
        for i in range(5)
    )
    page = f'<html><body><h1>Latest news</h1><ul class="river">{cards}</ul></body></html>'
    article = extract(page, url="https://example.com/category/town/")
    assert article.page_type != "article"  # so the page was read twice, once as its type
    assert len(calls) == 1


# --- The second opinion's covered gate: a typed reading whose native text holds its fitted share of
# the page skips trafilatura (benchmarks/fit_second_opinion.py, data/second_opinion.json).


def _asks_for(profile: ContentProfile, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """The method of a reading of a page that is all story, and how often it asked trafilatura."""
    html = page("".join(f"<p>{text}</p>" for text in (PARA, PARA2, PARA3, PARA4)))
    content, calls = asking_trafilatura(html, profile, monkeypatch)
    return content.method, calls


def test_a_reading_covering_its_share_of_the_page_does_not_ask_trafilatura(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from newsscrape.extractor.content import _content
    from newsscrape.extractor.content._profiles import ContentProfile

    reading = ContentProfile(reading="service", second_share=1.0)
    monkeypatch.setattr(_content, "COVERED_SHARES", {"service": 0.8})
    assert _asks_for(reading, monkeypatch) == ("native", 0)
    # a profile a fit varies keeps its type's gate
    assert _asks_for(replace(reading, descent_share=0.5), monkeypatch) == ("native", 0)


def test_a_reading_without_a_covered_share_asks_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsscrape.extractor.content import _content
    from newsscrape.extractor.content._profiles import ContentProfile

    # the gate is the reading's own: another reading's share does not spare this one
    monkeypatch.setattr(_content, "COVERED_SHARES", {"product": 0.8})
    monkeypatch.setattr(_content, "LEFT_SHARES", {"product": 0.9})
    assert _asks_for(ContentProfile(reading="service", second_share=1.0), monkeypatch)[1] == 1


def test_each_fitted_profile_is_read_as_its_own_type() -> None:
    from newsscrape.extractor._data import fitted
    from newsscrape.extractor.content._profiles import PROFILES

    # the gates are keyed by the reading's type: each must name a profile, each profile its type
    assert set(fitted("second_opinion.json")["covered_shares"]) <= set(PROFILES)
    assert set(fitted("second_opinion.json")["left_shares"]) <= set(PROFILES)
    assert all(profile.reading == page_type for page_type, profile in PROFILES.items())


def test_forum_user_card_counters_and_join_date_are_dropped() -> None:
    card = (
        '<dl class="postprofile"><dt><a href="/u/7">ann</a></dt><dd>Volunteer</dd>'
        "<dd><strong>Posts:</strong> 1725</dd><dd><strong>Joined:</strong> 14. Sep 2019, 16:51</dd></dl>"
    )
    text = body(page(f"{card}<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"))
    assert PARA in text
    assert "Posts" not in text
    assert "Joined" not in text


def _second_reading(html: str) -> list[str]:
    """The blocks of trafilatura's reading of ``html``, asked over a native text of one short block."""
    from newsscrape.extractor._guard import Deadline
    from newsscrape.extractor.content._content import Block, Content, _second_opinion

    content = Content(blocks=[Block(text="Short")])
    _second_opinion(content, html, Deadline(10.0, url=None))
    assert content.method == "trafilatura"
    return [block.text for block in content.blocks]


@pytest.mark.parametrize(
    ("furniture", "gone"),
    [
        ("<ul><li>Posts: 1725</li><li>Joined: 14. Sep 2019, 16:51</li></ul>", ("Posts", "Joined")),
        ("<p>3 Likes</p><p>Quote</p>", ("3 Likes", "Quote")),
    ],
)
def test_second_opinion_drops_forum_post_furniture(furniture: str, gone: tuple[str, ...]) -> None:
    texts = _second_reading(page(f"<p>{PARA}</p>{furniture}<p>{PARA2}</p>{furniture}<p>{PARA3}</p>"))
    assert PARA2 in texts
    assert not [text for text in texts if any(word in text for word in gone)]


@pytest.mark.parametrize(
    "label",
    ["Read more", "Loading...", "- Advertisement -", "Share", "Skip to main content", "Skip to navigation"],
)
def test_second_opinion_drops_the_labels_the_walk_drops(label: str) -> None:
    # a button's or an ad slot's label on its own line of trafilatura's text goes, as in the walk
    html = page(f"<p>{PARA}</p><p>{label}</p><p>{PARA2}</p><div>{label}</div><p>{PARA3}</p>")
    texts = _second_reading(html)
    assert PARA2 in texts
    assert PARA3 in texts
    assert label not in texts


def test_forum_signature_under_a_post_is_dropped() -> None:
    signature = '<div class="message-signature"><p>Lord of Fish, keeper of tanks since 2006</p></div>'
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>{signature}<p>{PARA3}</p>"))
    assert PARA3 in text
    assert "Lord of Fish" not in text


def test_a_trafilatura_reading_drops_the_forum_signatures() -> None:
    from newsscrape.extractor.content._profiles import ContentProfile
    from profiled import content_as

    sig = "Lord of Fish, keeper of many tanks since the summer of 2006, ask me about cichlids."
    html = page(f'<p>{PARA}</p><div class="signature"><p>{sig}</p></div><p>{PARA2}</p><p>{PARA3}</p>')
    # trafilatura's reading wins
    content = content_as(html, ContentProfile(second_share=0.0), fallback=True)
    assert content.method == "trafilatura"
    texts = [block.text for block in content.blocks]
    assert PARA2 in texts
    assert not [text for text in texts if "Lord of Fish" in text]


def test_forum_post_buttons_on_their_own_line_are_dropped() -> None:
    buttons = '<div class="post-actions"><p>Quote</p><p>Reply</p></div>'
    text = body(page(f"<p>{PARA}</p>{buttons}<p>{PARA2}</p>{buttons}<p>{PARA3}</p>"))
    assert PARA2 in text
    assert "Quote" not in text
    assert "Reply" not in text


def test_a_threads_login_prompt_is_dropped() -> None:
    prompt = "<p>You must log in to answer this question.</p><p>Create an account or sign in to comment</p>"
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>{prompt}"))
    assert PARA3 in text
    assert "log in" not in text
    assert "sign in" not in text


def test_a_prompt_to_log_in_before_seeing_something_is_dropped() -> None:
    prompts = (
        "<p>Please create an account or log in to access all these features</p>"
        "<p>Join to see EXIF info for this image</p>"
    )
    text = body(page(f"<p>{PARA}</p><p>{PARA2}</p>{prompts}<p>{PARA3}</p>"))
    assert PARA3 in text
    assert "log in" not in text
    assert "EXIF" not in text
