"""A thread's reading drops the relative times of its posts' heads (``_tidy.RELATIVE_HEAD``):
"Name 2 years ago#1", "16 minutes ago, Name said:". The rest of the head (the poster, "said:", the
post's number) stays, as WCXB truths print it; a head of nothing but the time goes. A post's own
sentence with "ago" stays, and a reading of another type keeps a relative time.
The pages are written here in a generic board style (not copied from any site)."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

POSTS = (
    ("Oakley", "2 years ago", "Which chain lube lasts through a wet winter of commuting on gravel roads?"),
    ("Mira", "16 minutes ago", "Wax lasts longest for me, but it needs a clean chain and a day to set."),
    ("Jon", "Just now", "I bought a wet lube 3 weeks ago. It already squeaks after two rainy rides."),
)


def board() -> str:
    posts = "".join(
        f'<div class="post" id="p{n}"><div class="post-head">{name} {when}#{n + 1}</div>'
        f'<div class="post-when">{when}</div><div class="post-text"><p>{text}</p></div></div>'
        for n, (name, when, text) in enumerate(POSTS)
    )
    return (
        "<html><head><title>Chain lube for winter</title></head><body><nav><a href='/'>Boards</a></nav>"
        f"<main><h1>Chain lube for winter</h1>{posts}</main>"
        "<footer>An example cycling board</footer></body></html>"
    )


def test_a_thread_is_read_without_its_heads_relative_times() -> None:
    content = content_as(board(), PROFILES["forum"], url="https://boards.example.org/t/41")
    lines = [block.text for block in content.blocks]
    for _, _, text in POSTS:
        assert text in lines, lines  # a post's own sentence with "ago" stays
    assert "Oakley #1" in lines, lines
    assert "Mira #2" in lines, lines
    assert not [line for line in lines if line.endswith(" ago") or line == "Just now"], lines
    assert any(r.reason == "relative time" for r in content.removed)


def test_another_reading_keeps_a_relative_time() -> None:
    html = (
        "<html><head><title>Our new office</title></head><body><main><h1>Our new office</h1>"
        "<p class='when'>2 days ago</p>"
        "<p>We moved into the old mill by the river, with room for the whole team and a workshop.</p>"
        "<p>Visitors are welcome on Fridays, when the workshop is open to anyone who books a slot.</p>"
        "</main></body></html>"
    )
    lines = [block.text for block in content_as(html, PROFILES["service"]).blocks]
    assert "2 days ago" in lines, lines
