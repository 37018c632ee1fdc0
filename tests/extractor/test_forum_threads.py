"""A forum thread is read post by post when its readings missed the thread (``_content._read_thread``).

Each ``fixtures/forum-threads/<family>.json`` names a page beside it, written in the markup of one
forum family (not copied from any site), the URL it is extracted as, the thread's posts as a reader
sees them (``posts``: each must be in the body, in the thread's order) and the chrome between them
(``without``: user cards, Reply/Quote/Thanks bars, signatures, sidebars) that must not be.
"""

from __future__ import annotations

from functools import cache

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.content._posts import thread_posts
from newsscrape.extractor.content._profiles import PROFILES
from newsscrape.extractor.content._scoring import paragraph_weights
from pagefolder import PageFolder
from profiled import content_as

THREADS = PageFolder("forum-threads")
FAMILIES = THREADS.names


@cache
def record(name: str) -> str:
    """The page's text read as a forum thread (whatever the page-type model makes of a page this
    small), trafilatura asked as on any typed page."""
    html = THREADS.html(name)
    content = content_as(html, PROFILES["forum"], url=THREADS.truth(name)["url"], fallback=True)
    return "\n\n".join(block.text for block in content.blocks)


@pytest.mark.parametrize("name", FAMILIES)
def test_every_post_is_read_in_order_without_the_chrome_between_posts(name: str) -> None:
    body = record(name)
    paragraphs = body.split("\n\n")
    missing = [post for post in THREADS.truth(name)["posts"] if post not in paragraphs]
    assert not missing, f"{name}: posts not read: {missing}"
    places = [paragraphs.index(post) for post in THREADS.truth(name)["posts"]]
    assert places == sorted(places), f"{name}: posts out of the thread's order"
    leaks = [text for text in THREADS.truth(name)["without"] if text in body]
    assert not leaks, f"{name}: chrome found in the body: {leaks}"


def posts_of(html: str) -> list[str]:
    body = LexborHTMLParser(html).body
    assert body is not None
    return [" ".join(node.text(deep=True).split()) for node in thread_posts(body, paragraph_weights(body))]


def test_the_message_boxes_are_found_not_their_wrappers_or_user_cards() -> None:
    # bbPress: the topic and its replies share one template; each post's box also holds its
    # author's card, so the tightest group of nearly all the prose is the messages themselves
    # (with the list's "Posts" column labels, printed in the same box class)
    got = [post for post in posts_of(THREADS.html("bbpress")) if post != "Posts"]
    # the opening post too, in the same template; no author card ("Participant", "Keymaster")
    openings = ("My starter is two weeks old", "It is hungry", "Same thing happened", "Two feeds a day")
    assert len(got) == len(openings)
    assert all(post.startswith(opening) for post, opening in zip(got, openings, strict=True))


def test_schema_org_text_marks_the_posts_whatever_their_class() -> None:
    # Discourse's crawler view: the opening post's box is classed apart from the replies', both
    # carry a DiscussionForumPosting/Comment's itemprop="text"
    posts = (
        "The nightly build stopped starting on my laptop after yesterday's update: it shows the splash "
        "screen and quits without any message in the log.",
        "Same here on two machines. Removing the cache folder in the profile got it starting again for me.",
        "That worked, thanks. Still worth a bug report so the updater clears the cache itself.",
    )
    boxes = "".join(
        f'<div class="topic-body crawler-post" itemscope itemtype="http://schema.org/Comment">'
        f'<div class="crawler-post-meta"><span class="creator" itemprop="author">user{n}</span></div>'
        f'<div class="{"post first" if n == 0 else "post"}" itemprop="text"><p>{text}</p></div>'
        f'<div class="crawler-post-infos"><span itemprop="interactionStatistic">{n} Likes</span></div></div>'
        for n, text in enumerate(posts)
    )
    html = f"<html><body><div id='main-outlet'><h1>Nightly quits at start</h1>{boxes}</div></body></html>"
    assert posts_of(html) == list(posts)


def test_a_page_without_repeated_boxes_of_prose_has_no_posts() -> None:
    html = (
        "<html><body><article><h1>One story</h1><p>"
        + "Words of one story. " * 20
        + "</p></article></body></html>"
    )
    assert posts_of(html) == []


def test_a_one_line_opening_post_typed_into_its_box_is_read_with_the_replies() -> None:
    # XenForo 2: the replies' message boxes carry a Comment's itemprop="text" and paragraphs split by
    # <br>; the opening post, outside that schema, is one line typed straight into its box, which
    # the paragraph weights leave out: the group of one class holding it too is the thread
    opening = "Interview invitations have started going out, so here is a thread to share them."
    replies = (
        "Got one from the city hospital today.<br>In person only, which surprised me a little.",
        "Congratulations! Mine came by email late last night.<br>They offer video interviews as well.",
        "Thanks, fingers crossed for everyone here.<br>I will post the dates once I know them.",
    )
    boxes = f'<article class="message"><div class="message-body"><div class="bbWrapper">{opening}</div></div>'
    boxes += "</article>"
    boxes += "".join(
        f'<article class="message"><div class="message-body" itemprop="text">'
        f'<div class="bbWrapper">{text}</div></div></article>'
        for text in replies
    )
    html = f"<html><body><div class='p-body'><h1>Interview thread</h1>{boxes}</div></body></html>"
    got = posts_of(html)
    assert got[0] == opening, got
    assert len(got) == 1 + len(replies), got


def test_comments_typed_into_their_boxes_are_no_posts_of_the_answers() -> None:
    # Stack Exchange: answers and their comments alike carry itemprop="text"; a comment is one line
    # typed into its box, and weighs nothing beside the answers' paragraphs
    answers = (
        "Catch only the exceptions you expect. A bare except hides typing mistakes and interrupts.",
        "Log what you swallow. Even a deliberate pass deserves a comment saying why it is safe there.",
    )
    boxes = "".join(
        f'<div class="answer"><div class="s-prose js-post-body" itemprop="text"><p>{text}</p></div>'
        f'<ul class="comments-list"><li class="comment"><div class="comment-copy" itemprop="text">'
        f"A comment on answer {n} that agrees with it and adds nothing.</div></li></ul></div>"
        for n, text in enumerate(answers)
    )
    html = f"<html><body><div id='answers'><h1>Why not except: pass</h1>{boxes}</div></body></html>"
    assert posts_of(html) == list(answers)


def test_a_short_question_is_a_post_beside_its_answers() -> None:
    # a Q&A page: the question and each answer share one message box; the answers' cells hold only
    # their message, so they alone are a tighter group of nearly all the prose, without the question
    answers = [
        "Keep the starter near the oven for a week and feed it twice a day with equal weights of flour "
        "and water; the warmth wakes the yeast up again after its weeks in the cold.",
        "A cellar is simply too cold for a starter you want to bake with every weekend, so bring it up "
        "and let it sit at room temperature for a few days before you feed it again.",
        "Check your water as well: chlorinated tap water slows the culture down, and letting it stand "
        "open overnight is enough to fix that without buying filtered water at all.",
        "Cold does not kill a starter, it only puts it to sleep, so nothing is lost and a few warm "
        "feedings will bring it back to full strength before the weekend is over.",
    ]
    question = "My starter stopped rising in the cellar. How do I wake it up?"
    html = (
        "<html><body><div id='mainbar'>"
        f"<div class='question'><div class='prose'><p>{question}</p></div>"
        "<div class='user-info'>asked Mar 2, 2024</div></div><div id='answers'>"
        + "".join(
            f"<div class='answer'><div class='cell'><div class='prose'><p>{a}</p></div></div></div>"
            for a in answers
        )
        + "</div></div></body></html>"
    )
    assert posts_of(html) == [question, *answers]
