"""A forum reading reads the thread post by post when its posts hold more words than the text it
chose, or when that text leaves out most of the thread's posts even with more words
(``_content._missed``, ``THREAD_MISSED``): the board's blurb and rules printed above a long opening
post outweigh a handful of short replies in a comment section, which the first reading dropped as
page-wide chrome."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

OPENING = (
    "I have kept a planted tank of forty litres for three years and this spring the carpet plants "
    "started to melt from the middle outwards. The light is the same, the fertiliser is the same "
    "and I change a third of the water every Sunday. The only thing that changed is that I moved "
    "the tank to the other side of the room, away from the window, and swapped the old filter for "
    "a canister of the same flow. Has anybody seen a carpet melt like this after a move, and did "
    "it come back on its own or did you have to replant the whole front of the tank from scratch?"
)
RULES = (
    "Be kind to new members: everybody melted a carpet once. Keep a thread to one tank and one "
    "question, post the answer that worked when you find it, and mark the thread solved so that the "
    "next member with the same trouble can find it from the search box without reading every page."
)
BLURB = (
    "The planted tank board is for questions about aquatic plants, substrates, lighting and "
    "fertilising. Please give the size of your tank, your light and your dosing in the first post "
    "of a new thread, add photographs where you can, and search the board before asking, since most "
    "questions about melting plants, algae outbreaks and carbon dioxide have been answered here many "
    "times over the years by members who keep tanks of every size and style."
)
REPLIES = (
    "A new canister often strips the nutrients for a few weeks, give it time.",
    "Mine melted after a move too and came back within a month without replanting.",
    "Check the temperature near the back wall, it may be colder than by the window.",
)


def page(replies_of: tuple[str, ...] = REPLIES, *, above: bool = True) -> str:
    def post(n: int, text: str) -> str:
        return (
            f'<article class="message" id="post-{n}"><div class="message-user"><a class="username">'
            f'member{n}</a></div><div class="message-body"><div class="bbWrapper"><p>{text}</p></div></div>'
            "</article>"
        )

    replies = "".join(post(n + 1, text) for n, text in enumerate(replies_of))
    board = f"<p>{BLURB}</p><p>{RULES}</p>" if above else ""
    return (
        "<html><head><title>Carpet melting after a move</title></head><body><main>"
        f"<h1>Carpet melting after a move</h1>"
        f"<div class='thread'>{board}{post(0, OPENING)}</div>"
        f"<section id='comments' class='comments'><h2>Replies</h2>{replies}</section>"
        "</main></body></html>"
    )


def test_a_reading_that_misses_most_replies_gives_way_to_the_posts() -> None:
    got = [block.text for block in content_as(page(), PROFILES["forum"]).blocks]
    assert OPENING in got
    for reply in REPLIES:
        assert reply in got


def test_a_reply_the_reading_left_out_is_read_when_the_posts_hold_more_words() -> None:
    # two posts: too few to count the missed share; the posts hold more words than the opening post
    # alone (the share fitted with the posts' heads in the replay: 1.0, was 2.0)
    got = [block.text for block in content_as(page(REPLIES[:1], above=False), PROFILES["forum"]).blocks]
    assert OPENING in got
    assert REPLIES[0] in got
