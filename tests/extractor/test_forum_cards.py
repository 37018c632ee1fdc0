"""A thread's reading drops its posters' cards (``_posts.POSTER_CARDS``, ``_content``).

Each post of a forum thread sits beside a card on its poster: rank, join date, message count,
location, a custom profile field. WCXB truths keep the posts' words, never the card; the block walk
drops the card's counters by their wording ("Posts:", "Joined:") but not a rank or a place. The
pages below are written in the markup of two forum families (not copied from any site).
"""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

POSTS = (
    "I fitted the new liftgate lights last weekend and the left one flickers whenever the tailgate "
    "is half open. Has anyone else seen this with the kit?",
    "Mine did the same until I reseated the connector behind the trim panel; the clip was not fully "
    "home on the left side, which is easy to miss.",
    "Thanks, that was it. The clip on my car had a bent tab too, so I bent it back with pliers and "
    "the flicker is gone now.",
)


XENFORO_URL = "https://forum.example.org/threads/led-liftgate-lights.17/"


def read(html: str, url: str) -> list[str]:
    return [block.text for block in content_as(html, PROFILES["forum"], url=url).blocks]


def xenforo_post(n: int, text: str) -> str:
    pairs = (("Joined", "Mar 3, 2019"), ("Messages", "1,204"), ("Location", "Leeds, West Yorkshire"))
    extras = "".join(f'<dl class="pairs pairs--justified"><dt>{k}</dt><dd>{v}</dd></dl>' for k, v in pairs)
    return (
        '<article class="message message--post"><div class="message-inner">'
        '<div class="message-cell message-cell--user"><section class="message-user">'
        f'<div class="message-userDetails"><h4 class="message-name"><a href="/members/{n}">user{n}</a></h4>'
        '<h5 class="userTitle message-userTitle">Well-known member</h5></div>'
        f'<div class="message-userExtras">{extras}</div></section></div>'
        '<div class="message-cell message-cell--main"><div class="message-content">'
        f'<div class="message-userContent"><article class="message-body"><div class="bbWrapper">{text}'
        "</div></article></div></div></div></div></article>"
    )


def xenforo_thread(texts: tuple[str, ...]) -> str:
    posts = "".join(xenforo_post(n, text) for n, text in enumerate(texts))
    return (
        "<html><body><header><nav><a href='/'>Forums</a></nav></header><div class='p-body'>"
        f"<h1>LED liftgate lights flicker</h1><div class='block-body'>{posts}</div></div>"
        "<footer>Forum software</footer></body></html>"
    )


def phpbb_post(n: int, text: str) -> str:
    return (
        f'<div id="p{n}" class="post bg2"><div class="inner"><dl class="postprofile" id="profile{n}">'
        f'<dt><a href="./memberlist.php?u={n}" class="username">user{n}</a></dt>'
        '<dd class="profile-rank">Senator</dd>'
        f"<dd class='profile-posts'><strong>Posts:</strong> 2{n}4</dd>"
        f"<dd class='profile-custom-field'><strong>Founded:</strong> Oct 1{n}, 2011</dd>"
        "<dd class='profile-custom-field'>Civil Rights Lovefest</dd></dl>"
        f'<div class="postbody"><div class="content">{text}</div></div></div></div>'
    )


def test_a_xenforo_posters_title_and_extras_are_not_read() -> None:
    texts = read(xenforo_thread(POSTS), XENFORO_URL)
    assert [text for text in texts if text in POSTS] == list(POSTS)
    leaks = [text for text in texts if text in ("Well-known member", "1,204", "Leeds, West Yorkshire")]
    assert not leaks


def test_a_phpbb_posters_rank_and_profile_fields_are_not_read() -> None:
    posts = "".join(phpbb_post(n, text) for n, text in enumerate(POSTS))
    html = (
        "<html><body><div id='page-body'><h2 class='topic-title'>LED liftgate lights flicker</h2>"
        f"{posts}</div></body></html>"
    )
    texts = read(html, "https://forum.example.org/viewtopic.php?t=17")
    assert [text for text in texts if text in POSTS] == list(POSTS)
    leaks = [text for text in texts if "Senator" in text or "Founded" in text or "Lovefest" in text]
    assert not leaks


def test_a_line_of_a_post_that_a_card_also_prints_stays() -> None:
    # only what is found whole in the cards alone goes: a post's own paragraph is never a card
    reply = "Leeds, West Yorkshire"
    last = f"<p>{POSTS[2]}</p><p>Where am I? {reply}, as my card says.</p><p>{reply}</p>"
    texts = (POSTS[0], POSTS[1], last)
    read_texts = read(xenforo_thread(texts), XENFORO_URL)
    assert reply in read_texts
    assert "Well-known member" not in read_texts
