"""Publication dates on tiny inline pages without metadata: the times of comments and of related
stories' cards do not date the story."""

from __future__ import annotations

from datetime import date

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import read_metadata

TEXT = "<p>" + "The council met on Tuesday and voted to keep the library open for another year. " * 4 + "</p>"


def published(html: str) -> date | None:
    found = read_metadata(LexborHTMLParser(html), url=None).record.published
    return None if found is None else day_of(found)


def test_a_comment_time_does_not_date_the_story() -> None:
    # A WordPress theme: the post's day printed in its entry meta, each comment's <time> in the list below.
    page = (
        '<article class="post"><h1>Library stays open</h1><p class="entry-meta">March 3, 2021</p>'
        f"{TEXT}</article>"
        '<div id="comments"><ol class="comment-list"><li class="comment"><article class="comment-body">'
        '<time datetime="2022-11-15T07:03:58-05:00">November 15, 2022 at 7:03 am</time>'
        "<p>Great post!</p></article></li></ol></div>"
    )
    assert published(page) == date(2021, 3, 3)


def test_a_related_story_card_time_does_not_date_the_story() -> None:
    # Cards of other stories above the story, each with its <time>; the story's day only in its byline text.
    page = (
        '<div class="related-stories"><a href="/x"><h3>Another story</h3>'
        '<time datetime="2025-12-19T10:00:00Z">Dec. 19, 2025</time></a></div>'
        '<article><h1>Library stays open</h1><p class="byline-date">Dec. 23, 2024</p>'
        f"{TEXT}</article>"
    )
    assert published(page) == date(2024, 12, 23)


def test_a_recent_posts_card_does_not_date_a_page_without_a_date() -> None:
    # A long service page ends with a "recent posts" rail of blog cards: the cards' days are theirs.
    services = "".join(f"<li>Treatment plan number {n} for homes</li>" for n in range(45))
    page = (
        f"<h1>Pest control in Queen Creek</h1><ul>{services}</ul>"
        '<section class="articles articles-recent"><div class="blog-card">'
        '<p class="blog-card--post-date">December 5, 2025</p><h3>Why termites swarm</h3></div></section>'
    )
    assert published(page) is None


def test_an_open_graph_publication_time_outranks_a_printed_update() -> None:
    # A WordPress review page: Yoast's article:published_time in the head, only "Updated <day>" in the byline.
    head = '<meta property="article:published_time" content="2020-12-16T11:36:18+00:00">'
    page = f"{head}<article><h1>Best electric scooters</h1><p>Updated February 27, 2026</p>{TEXT}</article>"
    assert published(page) == date(2020, 12, 16)
    # Declared in JSON-LD alone, the day is the markup's only: the update the reader sees wins.
    ld = '<script type="application/ld+json">{"@type": "Article", "datePublished": "2020-12-16"}</script>'
    assert published(ld + page.removeprefix(head)) == date(2026, 2, 27)


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="instagram-media"><p>A post shared by Ann (@ann) on '
        '<time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>',
        '<blockquote class="twitter-tweet"><p>Rain at last!</p>&mdash; Ann (@ann) '
        '<time datetime="2018-03-12T19:30:12+00:00">March 12, 2018</time></blockquote>',
        '<blockquote class="tiktok-embed"><section><time datetime="2018-03-12">Mar 12, 2018</time>'
        "</section></blockquote>",
    ],
)
def test_an_embedded_post_time_does_not_date_the_story(embed: str) -> None:
    # The story's day printed in its byline; an embedded post (in the story's text) carries its own <time>.
    page = (
        '<article><h1>Library stays open</h1><p class="byline-date">29.01.2019</p>'
        f"{TEXT}{embed}{TEXT}</article>"
    )
    assert published(page) == date(2019, 1, 29)


def test_a_pubdate_on_another_story_card_does_not_date_the_story() -> None:
    # HTML5's pubdate dates the <article> it is in: a SPIP theme marks every card of its rail so,
    # and the story's own <time> (above, unmarked) is the page's day.
    cards = "".join(
        f'<li><article class="entry"><a href="/s{n}"><strong>Story {n}</strong>'
        '<p class="publication"><time datetime="2019-09-24T13:34:33Z" pubdate>24 septembre</time></p>'
        "</a></article></li>"
        for n in range(3)
    )
    page = (
        '<header><h1>Library stays open</h1><p class="publication">'
        '<time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p></header>'
        f'<div class="main">{TEXT}</div><div class="aside secondary"><ul>{cards}</ul></div>'
    )
    assert published(page) == date(2019, 6, 28)
    # the story's own article, holding its headline, is dated by its pubdate
    story = (
        '<article><h1>Library stays open</h1><time datetime="2019-06-25">June 25</time>'
        f'<time datetime="2019-06-28T13:49:45Z" pubdate>28 juin 2019</time>{TEXT}</article>'
    )
    assert published(story) == date(2019, 6, 28)


def test_the_story_articles_own_footer_dates_it() -> None:
    # WordPress's underscores themes: the post's <time> (its day in the attribute only, the text
    # filled in by a script) in the <footer class="entry-footer"> of the story's <article>.
    page = (
        f'<article class="post"><h1>Library stays open</h1>{TEXT}<footer class="entry-footer">'
        '<span class="posted-on">Posted on <time class="entry-date published" '
        'datetime="2021-03-03T09:00:00+00:00"></time></span></footer></article>'
    )
    assert published(page) == date(2021, 3, 3)


def test_the_site_footer_and_a_cards_footer_do_not_date_the_story() -> None:
    # The site's footer after the story, and the footer of another story's card (an <article> with
    # no <h1>) inside a rail: their times are not the story's.
    page = (
        f"<article><h1>Library stays open</h1>{TEXT}</article>"
        '<div class="rail"><article class="card"><h3>Another story</h3><footer>'
        '<time datetime="2025-12-19T10:00:00Z"></time></footer></article></div>'
        '<footer class="site-footer"><time datetime="2024-01-01T00:00:00Z"></time></footer>'
    )
    assert published(page) is None
