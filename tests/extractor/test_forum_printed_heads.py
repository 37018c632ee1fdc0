"""Bulletin boards that mark neither the poster nor the date print a post's head as plain text
(``_posts._printed_head``): the name as a link to the poster's profile, the date as text above the
message, or, under a post headed with a name, below it. The pages are written here in a generic
bulletin-board style."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

POSTS = (
    (
        "marta_k",
        "2024-03-03, 09:14 PM",
        "My sourdough starter stopped rising after I moved it to the cellar.",
    ),
    (
        "j.okafor",
        "2024-03-03, 11:02 PM",
        "A cellar is too cold for it: keep it near the oven and feed it twice.",
    ),
    (
        "marta_k",
        "2024-03-04, 07:45 AM",
        "That did it, the jar doubled overnight. Thanks for the quick answer!",
    ),
)


def body(posts: str) -> list[str]:
    html = (
        "<html><body><nav><a href='/'>Forums</a> <a href='/new'>New posts</a></nav>"
        f"<div id='posts'><h1>Starter stopped rising</h1>{posts}</div>"
        "<footer>Community platform by an example host</footer></body></html>"
    )
    content = content_as(html, PROFILES["forum"], url="https://forum.example.org/thread-12.html")
    return [block.text for block in content.blocks]


def headed(lines: list[str], posts: tuple[tuple[str, str, str], ...] = POSTS) -> bool:
    """Whether each post's name and date are among the three lines before its text."""
    return all(
        {name, date} <= set(lines[max(0, lines.index(text) - 3) : lines.index(text)])
        for name, date, text in posts
    )


# a second paragraph of each message: a card's counters weigh as prose beside a one-line message
LATER = "I will report back next week with photos of the loaf, if it rises as well as the jar did."


def card(n: int, name: str) -> str:
    # the poster's card beside the post, its name a link to the profile, its counters plain text
    return (
        f'<div class="post_author"><div class="author_avatar"><a href="user-{n + 7}.html">'
        f'<img src="/avatars/{n}.png" alt=""></a></div>'
        f'<div class="author_information"><strong><a href="https://forum.example.org/user-{n + 7}.html">'
        f"{name}</a></strong></div>"
        f'<div class="author_statistics">Posts: {n + 96}<br>Threads: {n + 11}<br>Joined: Feb 2011</div></div>'
    )


def test_a_profile_link_and_a_printed_date_above_the_message_are_its_head() -> None:
    # MyBB: the whole post is one box of the template; the message box inside it follows the
    # poster's card and a header line with the post's number and its date
    posts = "".join(
        f'<div class="post" id="post_{n}">{card(n, name)}'
        f'<div class="post_content"><div class="post_head">'
        f'<span class="post_date">{date}</span></div>'
        f'<div class="post_body" id="pid_{n}">{text}<br>{LATER}<br>Cheers,<br>someone</div></div></div>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    lines = body(posts)
    assert headed(lines), lines
    assert not any("Joined" in line or "Threads" in line for line in lines)


def test_a_date_below_the_message_of_a_post_headed_with_a_name_is_its_head() -> None:
    # XenForo 1: the username link above the message, "name, date" under it
    posts = "".join(
        f'<li class="message" id="post-{n}"><div class="messageUserInfo">'
        f'<h3 class="userText"><a class="username" href="/members/{name}.{n}/">{name}</a></h3></div>'
        f'<div class="messageInfo"><blockquote class="messageText">{text}<br>Cheers</blockquote>'
        f'<div class="messageMeta"><span class="authorEnd"><a class="author" href="/members/{name}.{n}/">'
        f'{name}</a>,</span> <span class="DateTime">{date}</span></div></div></li>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    lines = body(f"<ol id='messageList'>{posts}</ol>")
    assert headed(lines), lines


def test_a_card_below_the_message_is_no_head() -> None:
    # a questions-and-answers site: the poster's card with its date follows the message, a
    # footer the truths leave out
    posts = "".join(
        f'<div class="answer" id="answer-{n}"><div class="s-prose">{text}<br>Hope this helps.</div>'
        f'<div class="post-signature"><span class="relativetime">answered {date}</span>'
        f'<a href="/users/{n + 90}/{name}">{name}</a></div></div>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    lines = body(posts)
    assert not any(name in lines or date in lines for name, date, _ in POSTS), lines


def test_the_date_is_the_posts_not_the_cards() -> None:
    # phpBB: "by name » date" in the message box above the text; the card beside it prints the
    # day the poster joined
    posts = "".join(
        f'<div class="post bg{n % 2 + 1}" id="p{n}"><dl class="postprofile">'
        f'<dt><a href="./memberlist.php?mode=viewprofile&amp;u={n + 5}">{name}</a></dt>'
        f"<dd><strong>Founded:</strong> Dec 11, 2021</dd></dl>"
        f'<div class="postbody"><h3><a href="#p{n}">Re: Starter stopped rising</a></h3>'
        f'<p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u={n + 5}">{name}</a>'
        f"</strong> &raquo; Tue Mar {n + 3}, 2024 1:47 am</p>"
        f'<div class="content">{text}<br>Cheers</div></div></div>'
        for n, (name, _, text) in enumerate(POSTS)
    )
    lines = body(posts)
    dated = tuple((name, f"Tue Mar {n + 3}, 2024 1:47 am", text) for n, (name, _, text) in enumerate(POSTS))
    assert headed(lines, dated), lines
    assert "Dec 11, 2021" not in lines


def test_a_name_box_holding_the_name_twice_names_the_poster_once() -> None:
    # Tapatalk: a box classed for the name holds it twice (for phones and for desktops)
    posts = "".join(
        f'<div class="post row" id="p_{n}"><div class="profile-block">'
        f'<dt class="avatar-username"><span class="username">{name}</span>'
        f'<div class="username mobile"><span class="username">{name}</span></div>'
        f'<div class="stats">{n + 516} Member</div></dt></div>'
        f'<div class="postbody"><p class="head"><span class="timespan">{date}</span></p>'
        f'<div class="content">{text}<br>Cheers</div></div></div>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    lines = body(posts)
    assert headed(lines), lines
