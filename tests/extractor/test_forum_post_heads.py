"""A thread's reading prints each post under its head: the poster's name and the post's date
(``_posts.post_heads``, ``_content._with_heads``), which the readings drop with the poster's card
and the post's header bar. The pages are written here in a generic forum style."""

from __future__ import annotations

import pytest

from newsscrape.config import ExtractConfig
from newsscrape.extractor._guard import Deadline
from newsscrape.extractor.content import _content
from newsscrape.extractor.content._blocks import Block
from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

POSTS = (
    ("marta_k", "Mar 3, 2024", "My sourdough starter stopped rising after I moved it to the cellar."),
    ("j.okafor", "Mar 3, 2024", "A cellar is too cold for it: keep it near the oven and feed it twice."),
    ("marta_k", "Mar 4, 2024", "That did it, the jar doubled overnight. Thanks for the quick answer!"),
)


def thread(*, when: str = "{date}") -> str:
    posts = "".join(
        f'<article class="message" itemscope itemtype="https://schema.org/Comment">'
        f'<section class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<h4 class="message-name"><a class="username" itemprop="name">{name}</a></h4>'
        f'<h5 class="userTitle">Well-known member</h5><dl><dt>Messages</dt><dd>1,204</dd></dl></section>'
        f'<div class="message-main"><header class="message-attribution">'
        f'<time class="u-dt" datetime="2024-03-0{n + 3}T10:00:00">{when.format(date=date)}</time>'
        f'<a href="#post-{n}">#{n + 1}</a></header>'
        f'<div class="message-body" itemprop="text"><div class="bbWrapper">{text}</div></div></div></article>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    return (
        "<html><body><nav><a href='/'>Forums</a> <a href='/new'>New posts</a></nav>"
        f"<main><h1>Starter stopped rising</h1>{posts}</main>"
        "<footer>Community platform by an example host</footer></body></html>"
    )


def body(html: str) -> list[str]:
    content = content_as(html, PROFILES["forum"], url="https://forum.example.org/threads/starter.12/")
    return [block.text for block in content.blocks]


HEADS = [[name, date] for name, date, _ in POSTS]


def heads(lines: list[str], *, quote: str | None = None) -> list[list[str]]:
    """The two lines before each post's text (before the ``quote`` it opens with, if it does)."""
    found = []
    for _, _, text in POSTS:
        at = lines.index(text)
        at -= quote is not None and lines[at - 1] == quote
        found.append(lines[at - 2 : at])
    return found


def test_each_post_follows_its_posters_name_and_date() -> None:
    lines = body(thread())
    assert heads(lines) == HEADS, lines
    # the rest of the poster's card stays out
    assert not any("Well-known member" in line or "1,204" in line for line in lines)


def test_the_authors_name_is_read_without_the_avatars_initial() -> None:
    # a default avatar prints the poster's initial in the author box, beside the name
    html = thread().replace(
        '<h4 class="message-name">', '<span class="avatar">M</span><h4 class="message-name">'
    )
    html = html.replace(
        '<h5 class="userTitle">Well-known member</h5><dl><dt>Messages</dt><dd>1,204</dd></dl>', ""
    )
    lines = body(html)
    assert lines[lines.index(POSTS[0][2]) - 2] == "marta_k", lines


def test_a_date_without_its_year_is_no_head() -> None:
    # "2 days ago" tells the reader nothing once the page is stored
    lines = body(thread(when="2 days ago"))
    assert "2 days ago" not in lines
    assert lines[lines.index(POSTS[1][2]) - 1] == POSTS[1][0]


def test_an_article_reading_gives_no_heads() -> None:
    html = thread()
    content = content_as(html, PROFILES["article"], url="https://forum.example.org/threads/starter.12/")
    assert "marta_k" not in [block.text for block in content.blocks]


QUOTE = "<blockquote><cite>marta_k wrote: <time>Mar 1, 2024</time></cite>Too cold?</blockquote>"


def test_a_username_link_names_the_poster_without_schema_org() -> None:
    # a bulletin board's post: the poster's name is a "username" link beside the post's time,
    # both printed inside the post's body box above the message; a quote's time is no head
    posts = "".join(
        f'<div class="post" id="p{n}"><div class="postbody"><h3>Re: Starter stopped rising</h3>'
        f'<p class="author">by <strong><a class="username" href="/profile/{n}">{name}</a></strong> '
        f'» <time datetime="2024-03-0{n + 3}T18:36:00">{date}, 18:36</time></p>'
        f'<div class="content">'
        f"{QUOTE if n else ''}"
        f"{text}</div></div>"
        f'<dl class="postprofile"><dd>Posts: {n + 10}</dd><dd>Joined: Jan 2020</dd></dl></div>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    html = f"<html><body><div id='page-body'><h2>Starter stopped rising</h2>{posts}</div></body></html>"
    lines = body(html)
    for name, date, text in POSTS:
        at = lines.index(text)
        at -= lines[at - 1].startswith("marta_k wrote")  # a reply may open with its quote
        assert lines[at - 2 : at] == [name, f"{date}, 18:36"], lines
    assert "Mar 1, 2024" not in lines


def test_posts_the_text_lacks_cost_a_few_blocks_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # a long thread whose chosen text kept none of the posts: each head looks a few blocks ahead,
    # not through the whole text (2,000 x 2,000 look-ups took seconds)
    blocks = [
        Block(text=f"Paragraph {n} of a long story that is not the thread at all.") for n in range(2000)
    ]
    heads = [(f"post{n}isnotinthetextanywhereatall", ("someone", "Mar 3, 2024"), "") for n in range(2000)]
    looks = 0
    shows = _content._shows

    def counted(key: str, post: str, previous: str) -> bool:
        nonlocal looks
        looks += 1
        return shows(key, post, previous)

    monkeypatch.setattr(_content, "_shows", counted)
    content = _content.Content(blocks=list(blocks))
    _content._with_heads(content, heads)
    assert looks <= len(heads) * _content.HEAD_LOOKAHEAD < len(heads) * len(blocks)
    assert content.blocks == blocks


def test_invision_communitys_author_pane_and_long_time_are_the_head() -> None:
    # Invision Community: the poster's name is the link in the author pane's heading (no username
    # class; a reputation badge beside it), the date a <time> printed twice, long and short, of
    # which the long one is the head
    posts = "".join(
        f'<article class="cPost ipsBox" id="elPost_{n}">'
        f'<aside class="ipsPost_author cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author">'
        f'<a href="/profile/{n}-{name}/" class="ipsType_break">{name}</a>'
        f' <span class="ipsRepBadge">{n + 9}</span></h3>'
        f'<ul class="cAuthorPane_info"><li>Members</li><li>{n + 12} posts</li></ul></aside>'
        f'<div class="ipsPost_content"><div class="ipsPost_meta">Posted '
        f'<time datetime="2024-03-0{n + 3}T10:00:00Z" class="ipsTime ipsTime--long">'
        f'<span class="ipsTime__long">{date}</span><span class="ipsTime__short">1 yr</span></time></div>'
        f'<div class="ipsType_richText" data-role="postContent"><p>{text}</p></div></div></article>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    html = f"<html><body><div id='ipsLayout_body'><h1>Starter stopped rising</h1>{posts}</div></body></html>"
    lines = body(html)
    assert heads(lines) == HEADS, lines


XF_QUOTE = '<blockquote data-author="marta_k">Too cold?</blockquote>'


def test_a_post_wrappers_data_author_names_the_poster() -> None:
    # a forum whose post wrapper carries its poster in data-author (XenForo's themes, old Reddit)
    # and prints the name in no username link; a quote's data-author is the quoted poster's
    posts = "".join(
        f'<article class="js-post" data-author="{name}" id="js-post-{n}">'
        f'<div class="MessageCard"><a class="avatar" href="/members/{n}/"><img src="/a/{n}.png" alt=""></a>'
        f'<a href="#post-{n}"><time datetime="2024-03-0{n + 3}T10:00:00">{date}</time></a>'
        f'<div class="message-body" itemprop="text">'
        f"{XF_QUOTE if n else ''}"
        f"<p>{text}</p></div></div></article>"
        for n, (name, date, text) in enumerate(POSTS)
    )
    html = f"<html><body><main><h1>Starter stopped rising</h1>{posts}</main></body></html>"
    lines = body(html)
    assert heads(lines, quote="Too cold?") == HEADS, lines


def test_the_threads_reading_keeps_the_author_pane_it_reads_heads_from() -> None:
    # Invision Community's author pane is an <aside> classed "ipsComment_author": page-wide chrome
    # (an aside) to any other reading, it stays in the thread's tree, where the post's head is read
    html = (
        "<html><body><main>"
        + "".join(
            f'<article class="cPost"><aside class="ipsComment_author cAuthorPane">'
            f'<h3 class="cAuthorPane_author"><a href="/profile/{n}/">{name}</a></h3></aside>'
            f'<div class="cPost_contentWrap">'
            f'<time datetime="2024-03-0{n + 3}">{date}</time>'
            f'<div class="ipsType_richText" itemprop="text"><p>{text}</p></div></div></article>'
            for n, (name, date, text) in enumerate(POSTS)
        )
        + "</main></body></html>"
    )
    reading = _content._Reading(
        config=ExtractConfig(),
        url=None,
        title=None,
        deadline=Deadline(10.0),
        profile=PROFILES["forum"],
        base_url=None,
    )
    _, heads = _content._read_thread(html, reading)
    assert [lines for _, lines, _ in heads] == [(name, date) for name, date, _ in POSTS]


def test_a_post_wrappers_data_username_names_the_poster() -> None:
    # NodeBB's post wrapper carries its poster in data-username, its schema.org name a <meta>
    posts = "".join(
        f'<li component="post" class="post-item" data-username="{name}" data-index="{n}">'
        f'<a class="avatar" href="/user/{n}"><img src="/a/{n}.png" alt=""></a>'
        f'<a href="/post/{n}"><time datetime="2024-03-0{n + 3}T10:00:00">{date}</time></a>'
        f'<div class="content text-break" component="post/content" itemprop="text">'
        f"<p>{text}</p></div></li>"
        for n, (name, date, text) in enumerate(POSTS)
    )
    html = f"<html><body><main><h1>Starter stopped rising</h1><ul>{posts}</ul></main></body></html>"
    lines = body(html)
    assert heads(lines) == HEADS, lines


def test_a_post_opening_with_a_short_greeting_gets_its_head_before_the_greeting() -> None:
    # a greeting on a line of its own is the post's start: the head goes above it, not below
    reply = POSTS[1][2]
    html = thread().replace(reply, f"<p>Hi Marta,</p><p>{reply}</p>")
    lines = body(html)
    at = lines.index("Hi Marta,")
    assert lines[at - 2 : at] == HEADS[1], lines
    assert lines[at + 1] == reply, lines


def test_a_short_reply_below_its_quote_gets_its_head() -> None:
    # the third post quotes the second whole, then answers in a line too short to be looked up
    # on its own: its start is where its own words begin
    quote = f'<blockquote class="bbCodeBlock">{POSTS[1][2]}</blockquote>'
    html = thread().replace(POSTS[2][2], f"{quote}Worked, thanks!")
    lines = body(html)
    at = lines.index("Worked, thanks!")
    assert lines[at - 2 : at] == [POSTS[2][0], POSTS[2][1]], lines
