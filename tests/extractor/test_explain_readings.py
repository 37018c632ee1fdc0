"""``explain`` lists every reading of the text the content pass weighed (``Content.readings``):
the native walk, trafilatura's second opinion (asked or not, and why), a thread read post by post,
with the one whose text was taken marked. The thread is written here in a generic board style."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

REPLIES = (
    "Wax lasts longest for me, but it needs a clean chain and a full day to set before a ride.",
    "I switched to a ceramic wet lube last autumn and it held up through every rainy commute.",
    "Whatever you pick, wipe the chain after each wet ride or the grit will eat the drivetrain.",
)


def thread() -> str:
    """A question whose replies are marked up as a comment section, which the native walk drops."""
    replies = "".join(
        f'<li class="comment"><a class="username" href="/u/{n}">Rider{n}</a>'
        f'<div class="comment-text"><p>{text}</p></div></li>'
        for n, text in enumerate(REPLIES)
    )
    return (
        "<html><head><title>Chain lube for winter</title></head><body><main><h1>Chain lube for winter</h1>"
        "<div class='question'><p>Which chain lube lasts through a wet winter of commuting?</p></div>"
        f"<div class='comments'><ol>{replies}</ol></div></main></body></html>"
    )


def read(html: str, *, explain: bool) -> list[tuple[str, int | None, bool, str]]:
    content = content_as(html, PROFILES["forum"], explain=explain)
    assert (content.readings is None) is not explain
    return [(r.method, r.words, r.won, r.why) for r in content.readings or []]


def test_a_thread_read_post_by_post_is_the_reading_taken() -> None:
    readings = read(thread(), explain=True)
    methods = [method for method, _, _, _ in readings]
    assert methods[0] == "native", readings
    assert methods[-1] == "posts", readings
    [(method, words, _, _)] = [r for r in readings if r[2]]
    native_words = readings[0][1]
    assert method == "posts"
    assert words is not None
    assert native_words is not None
    assert words > native_words, readings  # the replies the native walk dropped as comments


def test_nothing_is_noted_when_not_explaining() -> None:
    assert read(thread(), explain=False) == []
