"""The author strings users get: no button text run into a name, forum handles with numbers kept,
and the author metas of Parse.ly and The New York Times read. Each page is a tiny one in a generic
CMS style."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "Water the beds at dawn, then mulch them before the sun dries the soil. " * 6 + "</p>"
URL = "https://www.example-gardens.com/news/2025/05/01/spring-beds/"


def _page(head: str, byline: str) -> str:
    return (
        f"<html><head><title>Spring beds</title>{head}</head>"
        f"<body><article><h1>Spring beds</h1>{byline}{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        # a byline box whose share buttons are text next to the name
        '<div class="byline">Jane Doe <span class="share">Share</span> <span>Tweet</span></div>',
        # an author card's follow button, and an e-mail link labelled "Email"
        '<div class="author-card"><span class="author">Jane Doe <button>Follow</button></span></div>',
        '<p class="byline">By Jane Doe <a href="mailto:jane@example-gardens.com">Email</a></p>',
        # the reading time and the comment count printed in the byline's text
        '<p class="byline">By Jane Doe 5 min read</p>',
        '<div class="byline">Jane Doe 12 Comments</div>',
    ],
)
def test_the_buttons_a_byline_prints_after_the_name_are_no_part_of_it(byline: str) -> None:
    assert newsscrape.extract(_page("", byline), url=URL).authors == ("Jane Doe",)


def test_an_author_meta_with_a_button_word_after_the_name() -> None:
    head = '<meta name="author" content="Jane Doe Share">'
    assert newsscrape.extract(_page(head, ""), url=URL).authors == ("Jane Doe",)


@pytest.mark.parametrize("name", ["Rachael Link", "Piers Read", "Anna Print"])
def test_a_surname_that_is_also_a_word_stays(name: str) -> None:
    byline = f'<p class="byline">By {name}</p>'
    assert newsscrape.extract(_page("", byline), url=URL).authors == (name,)


@pytest.mark.parametrize("handle", ["user42", "dave_1985", "Simple07"])
def test_a_forum_handle_ending_in_a_number_is_credited(handle: str) -> None:
    # a forum post's JSON-LD author (a meta or a "by" line is looser: see ``credits``)
    head = (
        '<script type="application/ld+json">'
        f'{{"@type": "DiscussionForumPosting", "author": {{"@type": "Person", "name": "{handle}"}}}}'
        "</script>"
    )
    assert newsscrape.extract(_page(head, ""), url=URL).authors == (handle,)


def test_a_phpbb_post_line_credits_the_poster() -> None:
    byline = '<p class="author">Post by <a href="/memberlist.php?u=7">jdoe</a> \u00bb Tue Aug 05, 2025</p>'
    assert newsscrape.extract(_page("", byline), url=URL).authors == ("jdoe",)


def test_a_generated_account_name_is_still_nobody() -> None:
    posting = '{"@type": "DiscussionForumPosting", "author": "jdoe2ma0ci"}'
    head = f'<script type="application/ld+json">{posting}</script>'
    assert newsscrape.extract(_page(head, ""), url=URL).authors == ()


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        (
            '<meta name="parsely-page" content=\''
            '{"title": "Spring beds", "author": "Jane Doe", "pub_date": "2025-05-01T08:00:00Z"}'
            "'>",
            ("Jane Doe",),
        ),
        (
            '<meta name="parsely-page" content=\'{"authors": ["Jane Doe", "John Roe"]}\'>',
            ("Jane Doe", "John Roe"),
        ),
        ('<meta name="parsely-page" content="{not json">', ()),
        ('<meta name="byl" content="By Jane Doe and John Roe">', ("Jane Doe", "John Roe")),
    ],
)
def test_the_author_metas_of_parsely_and_the_new_york_times(head: str, authors: tuple[str, ...]) -> None:
    assert newsscrape.extract(_page(head, ""), url=URL).authors == authors


def test_a_sort_controls_author_option_is_no_byline() -> None:
    # a forum topic's "Sort by" control: its options "Author", "Post time", "Subject" name nobody
    control = (
        '<form><label>Sort by<select name="sk"><option value="a">Author</option>'
        '<option value="t" selected="selected">Post time</option><option value="s">Subject</option>'
        "</select></label></form>"
    )
    assert newsscrape.extract(_page("", control), url=URL).authors == ()


def test_a_breadcrumb_in_a_byline_box_is_no_name() -> None:
    # a theme's page header: the trail back to the section in a box named for the byline it lacks
    box = (
        '<div class="post-meta no-byline"><span><a href="/">Home</a></span> \u00bb '
        '<span><a href="/garden-services/">Garden Services &amp; Care</a></span> \u00bb '
        "<span><strong>Lawn Care</strong></span></div>"
    )
    assert newsscrape.extract(_page("", box), url=URL).authors == ()
