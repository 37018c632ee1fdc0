"""find_authors on pages without JSON-LD or author metas: the byline printed with the headline comes
before better-marked bylines elsewhere on the page (other stories' cards)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._bylines import find_authors
from newsscrape.extractor.metadata._jsonld import JsonLd


def authors_of(html: str) -> tuple[str, ...]:
    return find_authors(LexborHTMLParser(html), {}, JsonLd(), site=None, host=None)[0]


# Cards of other stories in a "more from us" rail, each credited with a rel=author link.
CARDS = (
    '<section class="latest"><div class="display-card"><h3><a href="/other-story">Another story</a></h3>'
    '<div class="card-meta">By <a class="meta-author" href="/author/mark-lee/" rel="author">Mark Lee</a>'
    "</div></div>"
    '<div class="display-card"><h3><a href="/third-story">A third story</a></h3>'
    '<div class="card-meta">By <a class="meta-author" href="/author/ann-west/" rel="author">Ann West</a>'
    "</div></div></section>"
)


def test_the_byline_below_the_headline_beats_cards_marked_rel_author() -> None:
    # The story's own byline link has no rel; its header box is a sibling of the headline's.
    page = (
        '<article class="story"><div class="story-title"><h1>How I automated my mornings</h1></div>'
        '<div class="story-header"><div class="story-meta">By <a class="meta-author" '
        'href="/author/jane-roe/">Jane Roe</a> <span class="meta-date">May 1, 2025</span></div></div>'
        f"<div class='story-body'><p>{'The story goes on for a while. ' * 60}</p>{CARDS}</div></article>"
    )
    assert authors_of(page) == ("Jane Roe",)


def test_a_byline_sharing_the_headlines_box_beats_cards_marked_rel_author() -> None:
    # The byline sits above the headline in the same short header.
    page = (
        f"{CARDS}"
        '<header class="post-head"><p class="post-writer">Written by <span class="post-author-name">'
        "Jane Roe</span></p><h1>Sleep training, answered</h1></header>"
        f"<div class='post-body'><p>{'The story goes on for a while. ' * 60}</p></div>"
    )
    assert authors_of(page) == ("Jane Roe",)


def test_co_authors_below_the_headline_keep_their_order() -> None:
    # A dated byline line naming two authors, each linked: the links' order, not the line's reading.
    page = (
        "<h1>Housing predictions</h1>"
        '<div class="post-byline"><span>Published on December 2nd, 2025 by '
        '<a class="author" href="/author/chen-zhao/" rel="author">Chen Zhao</a> and '
        '<a class="author" href="/author/daryl-fair/" rel="author">Daryl Fair</a></span></div>'
        f"<p>{'The story goes on for a while. ' * 60}</p>"
    )
    assert authors_of(page) == ("Chen Zhao", "Daryl Fair")


# A rail of other stories, each card crediting a person.
PEOPLE_CARDS = (
    '<aside class="more-stories"><div class="story-card"><h3><a href="/s1">A first story</a></h3>'
    '<p class="card-byline">By <a href="/author/ben-hale/" rel="author">Ben Hale</a></p></div>'
    '<div class="story-card"><h3><a href="/s2">A second story</a></h3>'
    '<p class="card-byline">By <a href="/author/eve-ross/" rel="author">Eve Ross</a></p></div></aside>'
)
STORY = f"<div class='entry'><p>{'The story goes on for a while. ' * 60}</p></div>"


def test_a_team_credited_below_the_headline_beats_people_on_other_stories_cards() -> None:
    page = (
        "<header class='entry-header'><h1>The city's new winners</h1>"
        '<p class="byline">By <a href="/author/guide-staff/" rel="author">Guide Staff</a></p></header>'
        f"{STORY}{PEOPLE_CARDS}"
    )
    assert authors_of(page) == ("Guide Staff",)


def test_a_one_word_handle_below_the_headline_beats_people_on_other_stories_cards() -> None:
    page = (
        "<h1>Best drip coffee makers</h1>"
        '<div class="post-meta"><a class="meta-writer" href="/author/kev/">Kev</a> '
        '<span class="meta-date">May 10, 2022</span></div>'
        f"{STORY}{PEOPLE_CARDS}"
    )
    assert authors_of(page) == ("Kev",)


def test_the_header_is_read_one_byline_selector_at_a_time() -> None:
    # The name's own element, then a line around it that adds the writer's trade below the name:
    # the first selector that names someone gives the byline, as elsewhere.
    page = (
        "<h1>Planting by the moon</h1>"
        '<div class="author-line-block"><div class="author-line">'
        '<span class="author-label">Written By:</span> '
        '<span class="author-name"><a href="/author/jane-roe">Jane Roe</a></span> '
        '<span class="author-title">Gardener &amp; Astrologer</span></div></div>'
        f"{STORY}{PEOPLE_CARDS}"
    )
    assert authors_of(page) == ("Jane Roe",)


def test_a_bio_link_or_a_section_and_date_in_the_header_credit_nobody() -> None:
    # The header's byline box holds the section and the day; the author's page is linked as
    # "Full bio". Neither is a credit.
    page = (
        "<h1>Renovations that pay back</h1>"
        '<div class="post-byline">Personal finance<br><span>Jun 2</span></div>'
        '<div class="author-dropdown"><a href="/authors/rick-garner/">Full bio</a></div>'
        f"{STORY}"
    )
    assert authors_of(page) == ()


def test_a_person_the_story_credits_in_a_written_by_line_beats_a_team_in_the_header() -> None:
    page = (
        "<h1>Query tuning basics</h1>"
        '<a class="post-author" href="/blog/author/team/"><p>By Team Acme Data</p></a>'
        f"{STORY}<p>Written by <a href='https://example.org/pgio'>Paulo Gio</a></p>"
    )
    assert authors_of(page) == ("Paulo Gio",)


def test_a_forum_posters_profile_link_by_the_title_is_no_credit() -> None:
    # A thread's poster, linked to the member's profile beside the title: no author of a story.
    page = (
        "<h1>Enamelled pan and metal spoons?</h1>"
        '<span class="post-credit"><a class="author-name" href="/user/PanLover/">PanLover</a></span>'
        "<div class='post-body'><p>Is it safe to use metal spoons on an enamelled pan?</p></div>"
    )
    assert authors_of(page) == ()
