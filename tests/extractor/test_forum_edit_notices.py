"""A post's edit notice is no part of the thread (``_wording``: the "edit notice" line rule).

Forum engines print under an edited post who edited it and when: "Last edited: <date>" (XenForo),
"Last edited by <name> on <date>, edited 4 times in total." (phpBB), "Edited <date> by <name>"
(Invision Community). WCXB truths drop the line. A post's own sentence that starts with "Edited"
stays. The pages are written here in the markup of those families (not copied from any site).
"""

from __future__ import annotations

import pytest

from newsscrape.extractor.content._profiles import PROFILES
from newsscrape.extractor.content._wording import line_kind
from profiled import content_as

POSTS = (
    "The garden pump stopped priming after the first frost. I drained it in October, so I am not sure "
    "what froze or whether the seal is gone.",
    "Check the foot valve before anything else: a cracked valve lets the water run back down the pipe "
    "and the pump never primes again.",
    "Edited the intake hose length as you said and replaced the valve, and it primes in ten seconds now.",
)
NOTICES = (
    '<div class="message-lastEdit">Last edited: '
    '<time datetime="2025-03-27T18:27:48-0400">Mar 27, 2025</time></div>',
    '<div class="notice">Last edited by <a href="/memberlist.php?u=7">gardener</a> on 12. Sep 2024, 11:14, '
    "edited 4 times in total.</div>",
    '<span class="ipsType_light"><strong>Edited <time datetime="2026-01-29T13:03:04Z">January 29</time> '
    "by gardener</strong></span>",
)


def thread() -> str:
    posts = "".join(
        f'<article class="post"><div class="post-user"><a class="username" href="/u/{n}">user{n}</a></div>'
        f'<div class="post-body"><div class="content"><p>{text}</p></div>{notice}</div></article>'
        for n, (text, notice) in enumerate(zip(POSTS, NOTICES, strict=True))
    )
    return (
        "<html><body><nav><a href='/'>Forums</a> <a href='/new'>New posts</a></nav>"
        f"<main><h1>Pump will not prime</h1>{posts}</main><footer>Example forum host</footer></body></html>"
    )


def test_a_thread_is_read_without_its_edit_notices() -> None:
    content = content_as(thread(), PROFILES["forum"], url="https://forum.example.org/threads/pump.3/")
    lines = [block.text for block in content.blocks]
    for text in POSTS:  # the last post's own "Edited the intake hose ..." stays
        assert text in lines, lines
    assert not any("last edited" in line.lower() or line.startswith("Edited January") for line in lines)


@pytest.mark.parametrize(
    "line",
    [
        "Last edited: Mar 27, 2025",
        "Last edited by a moderator: Mar 27, 2025",
        "Last edited by gardener; 03-05-2024 at 10:11 AM.",
        "« Last Edit: March 05, 2024, 10:11:12 AM by gardener »",
        "Edited June 19, 2024 by gardener",
        "Edited January 29 by gardener (see edit history)",
        "(This post was last modified: 2024-01-05, 03:27 AM by gardener.)",
    ],
)
def test_edit_notices_of_forum_engines(line: str) -> None:
    assert line_kind(line) == ("meta", "edit notice")


@pytest.mark.parametrize(
    "line", ["Edited the config and it works now.", "Last edition of the guide was better, in my view."]
)
def test_a_posts_own_sentence_is_no_notice(line: str) -> None:
    assert line_kind(line) is None
