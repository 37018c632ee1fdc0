"""A thread's reading drops its replies' subjects (``_tidy.REPLY_SUBJECT``): the "Re: " and the
thread's title a bulletin board prints above every reply, as a heading of its own or on one line
with the poster and time, whose words then stay. WCXB truths keep the posts' words, not the
subjects. A post's own line opening with "Re:" stays, and a reading of another type keeps a
"Re: " heading. The pages are written here in a generic bulletin-board style (not copied from any site)."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

TITLE = "Kiln shelf cracked on the first firing"
POSTS = (
    "My new cordierite shelf cracked straight across during a cone 6 glaze firing. Is it the shelf?",
    "Did you let it cool in the kiln? Opening it above 200 degrees will crack a shelf every time.",
    "Also check that the posts sit right above each other, or the shelf bends under the load.",
)


def board(*, subjects_in_headings: bool) -> str:
    def subject(n: int) -> str:
        line = TITLE if n == 0 else f"Re: {TITLE}"
        if subjects_in_headings:
            return (
                f"<h3 class='post-subject'>{line}</h3><p class='author'>by poster{n} » Mar {n + 2}, 2024</p>"
            )
        return f"<p class='post-subject'>{line} by poster{n}: 9:4{n}pm On Mar {n + 2}, 2024</p>"

    posts = "".join(
        f'<div class="post" id="p{n}">{subject(n)}<div class="content"><p>{text}</p></div></div>'
        for n, text in enumerate(POSTS)
    )
    return (
        f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Board index</a></nav>"
        f"<main><h1>{TITLE}</h1>{posts}</main><footer>An example pottery board</footer></body></html>"
    )


def test_a_thread_is_read_without_its_reply_subject_headings() -> None:
    content = content_as(
        board(subjects_in_headings=True), PROFILES["forum"], url="https://board.example.org/t/7"
    )
    lines = [block.text for block in content.blocks]
    for text in POSTS:
        assert text in lines, lines
    assert not [line for line in lines if line.startswith("Re:")], lines
    assert any(r.reason == "reply subject" for r in content.removed)


def test_the_poster_and_time_after_a_reply_subject_stay() -> None:
    content = content_as(
        board(subjects_in_headings=False), PROFILES["forum"], url="https://board.example.org/t/7"
    )
    lines = [block.text for block in content.blocks]
    assert not [line for line in lines if line.startswith("Re:")], lines
    assert "by poster1: 9:41pm On Mar 3, 2024" in lines, lines


def test_a_post_opening_with_re_stays() -> None:
    html = board(subjects_in_headings=True).replace(POSTS[2], f"Re: the posts. {POSTS[2]}")
    lines = [
        block.text
        for block in content_as(html, PROFILES["forum"], url="https://board.example.org/t/7").blocks
    ]
    assert f"Re: the posts. {POSTS[2]}" in lines, lines


def test_another_reading_keeps_a_re_heading() -> None:
    html = (
        "<html><head><title>Quarterly letter</title></head><body><main><h1>Quarterly letter</h1>"
        "<p>Our shareholders asked about the plant closure, and this letter answers them in full.</p>"
        "<h2>Re: Quarterly letter</h2>"
        "<p>A reader wrote back, and we print the reply in full below, with the writer's consent.</p>"
        "</main></body></html>"
    )
    lines = [block.text for block in content_as(html, PROFILES["service"]).blocks]
    assert "Re: Quarterly letter" in lines, lines
