"""find_authors on tiny inline pages: byline patterns written in the style of common themes."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsscrape import extract
from newsscrape.extractor._text import squash
from newsscrape.extractor.metadata._authors import BYLINE_START, MAYBE_BYLINE_START, clean_authors, credits
from newsscrape.extractor.metadata._bylinemarks import AUTHOR_LINKS, BylineMarks
from newsscrape.extractor.metadata._bylines import find_authors
from newsscrape.extractor.metadata._jsonld import JsonLd


def authors_of(html: str, metas: dict[str, list[str]] | None = None) -> tuple[str, ...]:
    return find_authors(LexborHTMLParser(html), metas or {}, JsonLd(), site=None, host=None)[0]


def test_a_name_opening_with_an_initial_is_a_person() -> None:
    # A magazine byline: "By <a href=".../contributor/a._j._neal">A. J. Neal</a>".
    assert clean_authors(["By A. J. Neal"]) == ("A. J. Neal",)
    assert clean_authors(["A Group Of Readers"]) == ()  # the article "A" still opens no name


def test_name_and_date_on_lines_of_their_own() -> None:
    # The Go blog's style: <p class="author">Name<br>4 August 2010</p>.
    page = '<h1>T</h1><p class="author">\n  Andrew Gerrand<br>\n  4 August 2010\n</p>'
    assert authors_of(page) == ("Andrew Gerrand",)


def test_author_card_with_name_role_and_date_in_blocks() -> None:
    # A Webflow blog card: the name, the job title and the date each in a div, no commas between.
    page = (
        '<h1>T</h1><div class="t-blogpost-author-info"><div class="t-blogpost-author-name">Liza Burke</div>'
        '<div class="t-blogpost-author-position">Marketing Director</div>'
        '<div class="t-blogpost-date">May 14, 2025</div></div>'
    )
    assert authors_of(page) == ("Liza Burke",)


def test_link_to_the_author_page_credits_a_team() -> None:
    # Dotdash-style byline box: a team's name linked to its contributor page, a "Full Bio" link, and
    # a reviewer under a label on a line of its own (a reviewer, not an author).
    page = (
        '<h1>T</h1><div class="mntl-byline"><div class="byline-author"><span>By</span>\n'
        '<a href="https://www.example.com/contributors/5/">The Example Team</a>\n'
        '<div><a href="https://www.example.com/contributors/5/">Full Bio</a></div></div>'
        '<div class="byline-reviewer"><div>Reviewed by</div>'
        '<div><a href="/p/7">Margaret James</a></div></div></div>'
    )
    assert authors_of(page) == ("The Example Team",)
    # ... while the link to the list of authors credits nobody
    assert authors_of('<nav><a href="/contributors/">Contributors</a></nav><h1>T</h1><p>Text.</p>') == ()


@pytest.mark.parametrize(
    "text",
    [
        "Full Bio",  # the text of a link to the author's page
        "View Profile",
        "Marketing Director",  # a job title on the line below the name
        "Expert Reviewer",
        "Consulting Firms",  # an organisation
    ],
)
def test_a_profile_link_a_title_or_a_firm_is_no_name(text: str) -> None:
    assert clean_authors([text]) == ()


def test_a_photo_credit_is_not_the_byline() -> None:
    page = (
        "<h1>T</h1>"
        '<figure><img src="a.jpg"><figcaption>Photo by Solen Feyissa on Unsplash</figcaption></figure>'
    )
    assert authors_of(page) == ()


def test_cxense_author_meta_names_the_author() -> None:
    assert authors_of("<h1>T</h1>", {"cxenseparse:author": ["Harry Rabinowitz"]}) == ("Harry Rabinowitz",)


def test_lines_after_the_byline_date_are_other_matter() -> None:
    # A news theme wraps the byline (name and time on lines of their own) with the share and
    # text-size buttons in a "byline-actions" box: nobody is named after the date.
    page = (
        '<h1>T</h1><div class="byline-actions"><div class="article-byline">Jane Doe<br>'
        "<span>Updated: Dec 17, 2025, 21:47 IST</span></div>"
        '<div class="share"><span>Share</span><div><button>+</button><strong>Text Size</strong>'
        "<ul><li>Small</li><li>Large</li></ul></div></div></div>"
    )
    assert authors_of(page) == ("Jane Doe",)


def test_a_symbol_before_a_word_does_not_make_it_a_name() -> None:
    # A newsletter byline: name, date and "∙ Paid" on lines of their own.
    page = (
        '<h1>T</h1><div class="post-byline"><div>Charlie Hills</div>'
        "<div>Nov 02, 2025</div><div>∙ Paid</div></div>"
    )
    assert authors_of(page) == ("Charlie Hills",)


def test_author_box_link_text_names_the_author() -> None:
    assert clean_authors(["Articles by Jane Doe"]) == ("Jane Doe",)
    assert clean_authors(["More About Jane Doe »"]) == ("Jane Doe",)


def test_a_credit_line_ends_before_the_reading_time() -> None:
    # A Webflow post card: <div>By</div><div>The Example Team</div><div>|</div><div>6</div><div>mins</div> ...
    page = (
        '<h1>T</h1><div class="post-card__meta"><div>By</div><div>The Example Team</div><div>|</div>'
        "<div>6</div><div>mins</div><div>|</div><div>February 28, 2026</div></div>"
    )
    assert authors_of(page) == ("The Example Team",)
    assert credits(["By The Example Team | 6 mins | February 28, 2026"]) == ("The Example Team",)


def test_each_author_line_of_a_review_byline_is_read() -> None:
    # A reviews site: "Written by" then one line per author, each with a credential and a figure.
    page = (
        '<h1>T</h1><div class="article-byline"><span>Written by</span>'
        '<div><a href="/authors/1">Jane Doe</a> , 4+ years covering computer hardware</div>'
        '<div><a href="/authors/2">John Smith</a> , 2 years covering laptops</div></div>'
    )
    assert authors_of(page) == ("Jane Doe", "John Smith")


def test_a_date_beside_a_bare_byline_label_credits_nobody() -> None:
    assert credits(["Written By Feb 11, 2019 · 3 min read"]) == ()


def test_scholarly_citation_authors_in_order_and_given_name_first() -> None:
    # Highwire Press tags, as arXiv and journal sites write them: one per author, "Last, First".
    metas = {"citation_author": ["Roy, Ana", "Patel, Jyoti M.", "Ruth Lee"]}
    assert authors_of("<h1>T</h1>", metas) == ("Ana Roy", "Jyoti M. Patel", "Ruth Lee")


def test_the_dot_of_a_title_does_not_part_a_name() -> None:
    assert clean_authors(["By Dr. Jane Doe"]) == ("Dr. Jane Doe",)
    assert clean_authors(["Prof. Ana Lee and Mrs. Ruth Doe"]) == ("Prof. Ana Lee", "Mrs. Ruth Doe")
    assert clean_authors(["Jane Doe. Example International"]) == ("Jane Doe",)  # a name, then an outlet


def test_a_byline_naming_a_desk_credits_it() -> None:
    # A small business paper: the byline names the desk and its address, no person.
    page = '<h1>T</h1><div class="byline"><span class="author">Newsdesk</span> news@example.co.uk</div>'
    assert authors_of(page) == ("Newsdesk",)


def test_a_posted_by_line_ends_the_name_before_its_date() -> None:
    # A Slash-style story header: "Posted by <a>handle</a> on <time>" in a span of its own.
    page = (
        '<h1>T</h1><span class="story-byline">Posted by <a href="https://social.example/in/jdoe/">JaneDoeHQ</a>'
        " <time>on Friday December 19, 2025 @08:00PM</time> from the jobs dept.</span><p>Text.</p>"
    )
    assert authors_of(page) == ("JaneDoeHQ",)


def test_a_movable_type_footer_names_its_blogger() -> None:
    # Movable Type's post footer: "Posted by David at December 16, 2025 11:15 AM".
    page = '<h1>T</h1><p>Text.</p><div class="posted">Posted by David at December 16, 2025 11:15 AM</div>'
    assert authors_of(page) == ("David",)


def test_the_head_of_an_author_box_with_a_biography() -> None:
    # A Webflow blog's author box after the story: portrait, name, then the biography, which names her.
    bio = (
        "Jane Roe is a marketing writer who covers clinics, scheduling software and how practices grow. " * 2
    )
    page = (
        "<h1>T</h1><p>Text.</p>"
        '<div class="blog_author-box"><div class="blog_author-image-wrapper"><img alt="Jane Roe"></div>'
        '<div class="blog_author-text"><div class="text-weight-semibold">Jane Roe</div>'
        f"<p>{bio}</p></div></div>"
    )
    assert authors_of(page) == ("Jane Roe",)
    # ... but a whole post wrapped in "blog-item-author-wrapper" opens with a heading, which no
    # biography under it names.
    story = "The guide compares providers, prices and contracts for small firms. " * 3
    page = (
        '<h1>T</h1><div class="blog-item-author-wrapper">'
        f"<h2>Outsourced Payroll Providers</h2><p>{story}</p></div>"
    )
    assert authors_of(page) == ()


def test_a_printed_byline_beats_an_author_meta_the_page_never_shows() -> None:
    # WordPress + Yoast: the "author" meta names the account that posted; the theme prints the writer.
    page = '<h1>T</h1><h3>By <a href="/jane-roe/">Jane Roe</a>, Columnist</h3><p>Text.</p>'
    assert authors_of(page, {"author": ["John Poster"]}) == ("Jane Roe",)
    # ... while a meta the page prints as well keeps its place
    shown = page.replace("<p>Text.</p>", "<p>Edited by John Poster.</p>")
    assert authors_of(shown, {"author": ["John Poster"]}) == ("John Poster",)


def test_a_team_the_byline_prints_beats_the_people_of_teasers() -> None:
    # A WordPress blog: the story is signed "By <a rel=author>Example Staff</a>", the cards of other
    # stories below sign with their writers' names.
    cards = "".join(
        f'<article class="card"><a href="/p{n}">Story {n}</a> By '
        f'<a rel="author" href="/author/{n}">{name}</a></article>'
        for n, name in enumerate(("Ben Roe", "Ella Poe"))
    )
    page = (
        '<h1>T</h1><div class="byline">By <a rel="author" href="/author/staff">Example Staff</a></div>'
        f"<p>Text.</p>{cards}"
    )
    assert authors_of(page, {"author": ["Example Staff"]}) == ("Example Staff",)


def test_a_by_after_the_date_in_one_line() -> None:
    # WordPress's entry meta ("Posted on <time> by <author>") and a meta line with the reading time.
    page = (
        '<h1>T</h1><div class="entry-meta">Posted on <time>May 1, 2025</time> by <a href="/?p=2">Jane Roe</a>'
    )
    assert authors_of(page + "</div><p>Text.</p>") == ("Jane Roe",)
    page = "<h1>T</h1><div>March 15, 2022 <span>·</span> 3 min read <span>·</span> By Example Online</div>"
    assert authors_of(page) == ("Example Online",)
    # ... not a "by" in prose, nor an upper-case "POR" after a rank in a results table
    prose = "<h1>T</h1><p>The puzzle was first described by Kan Chu Sen in a book.</p>"
    table = "<h1>T</h1><table><tr><td>3 POR Portland Trail Blazers</td></tr></table>"
    assert authors_of(prose) == authors_of(table) == ()


def test_a_printed_byline_beats_a_json_ld_person_the_page_never_shows() -> None:
    page = '<h1>T</h1><p class="post-meta">By <a href="/team/jane/">Jane Roe</a></p><p>Text.</p>'
    ld = JsonLd(article={"@type": "BlogPosting", "author": {"@type": "Person", "name": "John Poster"}})
    assert find_authors(LexborHTMLParser(page), {}, ld, site=None, host=None) == (("Jane Roe",), "dom")


def test_author_links_read_in_one_walk_are_each_selectors_own_links() -> None:
    # The author-page selectors are matched as one group and shared out by path: each must still get
    # exactly the links it matches alone, in page order, once each (a link may match two paths, and
    # the selectors' "i" flag folds ASCII letters only), save a link to the list of authors itself.
    page = LexborHTMLParser(
        '<a href="/AUTHOR/jane">1</a><a href="/news/x">2</a><a href="/author/bo/Authors/">3</a>'
        '<a href="/Writers/">4</a><a href="/writer/">5</a><a href="/author">6</a>'
        '<a href="/AUTHOR\u0130S/">7</a><a href="/contributors/a/">8</a><a>9</a><a href="/author/">10</a>'
    )
    marks = BylineMarks(page)
    for selector in AUTHOR_LINKS:
        stem = selector.split('"')[1]  # the path: a link that stops there is the list ("/author/")
        hrefs = [(n, (n.attributes.get("href") or "").lower()) for n in page.css(selector)]
        alone = [n.text() for n, href in hrefs if href.partition(stem)[2].strip("/")]
        assert [n.text() for n in marks.css(selector)] == alone, selector
    assert [n.text() for n in marks.css('a[href*="/author/" i]')] == ["1", "3"]


def test_byline_markup_is_read_per_page() -> None:
    # What one page's byline markup gave is not reused for the next page.
    first = '<h1>T</h1><a href="/author/jane-doe/">Jane Doe</a>'
    second = '<h1>T</h1><a href="/author/john-roe/">John Roe</a>'
    assert (authors_of(first), authors_of(second)) == (("Jane Doe",), ("John Roe",))


# Words and white space a byline text is made of, in the spellings a page may hold them.
_BYLINE_BITS = (
    "By",
    "por",
    "Escrito",
    "Written",
    "from",
    "autor",
    "Jane",
    "5",
    "3i",
    "10am",
    ":",
    " ",
    "\n ",
    "\u3000",
    "\xa0",
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BYLINE_BITS), max_size=6).map("".join))
@example(" Escrito\n por Juan ")
@example("By: \n ")
def test_a_text_that_opens_a_byline_once_squashed_is_let_through_before(raw: str) -> None:
    # labelled_lines squashes only the texts MAYBE_BYLINE_START lets through: it must let through
    # every text that BYLINE_START matches once squashed.
    if BYLINE_START.match(squash(raw)):
        assert MAYBE_BYLINE_START.match(raw)


def test_labelled_line_with_its_words_parted_by_line_breaks() -> None:
    # The page's own white space: "Escrito" and "por" on two lines, the label alone before the name.
    label = "<span>\n  Escrito\n   por  \n</span>"
    paragraphs = "<p>Story text.</p>" * 8  # past the few elements read right below the headline
    page = f"<h1>T</h1>{paragraphs}<div>{label}<a href='/x'>Juan Pérez</a></div>"
    assert authors_of(page) == ("Juan Pérez",)


def test_a_by_line_crediting_a_linked_handle_in_lower_case() -> None:
    # A forum-style blog: "by <a href="/users/jdoe42x">" with the account's handle as the only byline.
    page = (
        '<h1>T</h1><div><span class="PostsAuthors-root">by <span><a href="/users/jsmithers">jsmithers</a>'
        "</span></span></div><p>Text.</p>"
    )
    assert authors_of(page) == ("jsmithers",)
    # ... a lower-case word after "by" that no link carries is a menu's or a sentence's
    menu = (
        '<h1>T</h1><p>Text.</p><div class="menu"><div class="is-title">By industry</div>'
        '<a href="/r">Retail</a></div>'
    )
    prose = "<h1>T</h1><p>Text.</p><p><em>by design</em></p>"
    assert authors_of(menu) == authors_of(prose) == ()


def test_a_reviewer_linked_beside_the_author_is_not_an_author() -> None:
    # A health site: both people link to their author pages, one of them as the reviewer.
    page = (
        '<h1>T</h1><div class="author-content">By <a href="/author/dr-jane-roe">Jane Roe, DVM</a>. '
        'Reviewed by <a href="/author/dr-john-poe">John Poe, DVM</a></div><p>Text.</p>'
    )
    assert authors_of(page) == ("Jane Roe, DVM",)
    # ... and so is a photographer named in a label of its own before the link
    photo = page.replace("Reviewed by ", "<span>Photos by</span> ")
    assert authors_of(photo) == ("Jane Roe, DVM",)


def test_a_structured_name_with_letters_is_shown_by_a_byline_without_them() -> None:
    # The meta gives the credentials, the byline only the name: the same person, with her letters.
    metas = {"author": ["Jane Doe, MD"]}
    page = '<h1>T</h1><p class="byline">By Jane Doe</p><p>Text.</p>'
    assert find_authors(LexborHTMLParser(page), metas, JsonLd(), site=None, host=None) == (
        ("Jane Doe, MD",),
        "meta",
    )


def test_bylines_of_other_stories_on_the_page_name_no_author() -> None:
    # The story's byline names two co-authors in one box; the "More stories" cards below print
    # their own writers with the same markup, far from it.
    prose = "<p>" + "Words of the story itself. " * 40 + "</p>"
    card = '<div class="card"><h3>Another story</h3><span class="author">{}</span></div>'
    page = (
        '<main><h1>T</h1><div class="meta">By <span class="author">Jane Doe</span> and '
        f'<span class="author">John Roe</span></div>{prose}'
        f"<section><h2>More stories</h2>{card.format('Mary Major')}{card.format('Rick Minor')}"
        "</section></main>"
    )
    assert authors_of(page) == ("Jane Doe", "John Roe")


def test_a_consent_sentence_opening_with_by_is_no_byline() -> None:
    # A newsletter form under the story: "and" in the sentence must not part off "Privacy Policy" as a name.
    page = (
        "<main><h1>T</h1><p>Words of the story.</p><form><p>By clicking &quot;Join&quot; you are agreeing"
        " to our Terms of Service and Privacy Policy.</p></form></main>"
    )
    assert authors_of(page) == ()


def test_a_filter_label_after_by_is_no_credit() -> None:
    # A shop's facets: "Shop" / "By Category" and "By Brand" name no author; "By" and a link still do.
    page = '<main><h1>T</h1><div class="facets"><h3>Shop</h3><p>By Category</p><p>By Brand</p></div></main>'
    assert authors_of(page) == ()
    assert authors_of('<main><h1>T</h1><p>By <a href="/u/regan">Regan</a></p></main>') == ("Regan",)


def test_a_name_only_in_a_body_script_is_not_printed() -> None:
    # A Next.js page's state, or a JSON-LD block placed in the body, is text to the parser.
    page = BylineMarks(
        LexborHTMLParser(
            '<body><h1>T</h1><script>{"author":{"name":"Jane Roe"}}</script>'
            "<style>.jane-roe{}</style><p>A story by nobody named here.</p></body>"
        )
    )
    assert not page.shows("Jane Roe")
    assert not page.shows("jane roe")
    assert not page.shows("Roe")


def test_a_name_printed_and_in_a_body_script_is_printed() -> None:
    html = '<body><script>{"author":"Jane Roe"}</script><p class="byline">By JANE  ROE</p></body>'
    page = BylineMarks(LexborHTMLParser(html))
    assert page.shows("Jane Roe")
    assert page.shows("Roe")


def test_a_body_json_ld_author_the_page_never_prints_yields_to_its_byline() -> None:
    ld = (
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rain returns",'
        '"author":{"@type":"Person","name":"Jane Roe"}}'
    )
    line = "<p>Farmers in the valley said the rain came back on day {} of the month.</p>"
    story = "".join(line.format(n) for n in range(8))
    html = (
        f'<html><body><script type="application/ld+json">{ld}</script><article><h1>Rain returns</h1>'
        f'<p class="byline">By John Doe</p>{story}</article></body></html>'
    )
    assert extract(html).authors == ("John Doe",)
