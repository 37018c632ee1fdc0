"""A thread's reading drops its bare numbers (``_tidy.COUNTER``): a post's vote score or
reaction count, its position in the thread, a poster's counter, each printed on a line of its own.
WCXB truths keep the posts' words, not the counters. A post's own sentence with numbers stays, and
a reading of another type keeps a bare number (a service page's "24" above "hours of support").
The pages are written here in a generic Q&A style (not copied from any site)."""

from __future__ import annotations

from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

POSTS = (
    ("154", "Why does my sourdough collapse in the oven after a long proof in the fridge overnight?"),
    ("32", "It is over-proofed: the gluten gives out. Shorten the cold proof to 10 hours and bake it cold."),
    ("7", "Score it deeper too, about 1 cm, so the loaf can open where you want it to."),
)


def thread() -> str:
    posts = "".join(
        f'<div class="post" id="p{n}"><div class="votecell"><div class="vote-count">{votes}</div></div>'
        f'<div class="postcell"><div class="post-position">#{n + 1}</div>'
        f'<div class="post-text"><p>{text}</p>{"<p>+1</p>" if n else ""}</div></div></div>'
        for n, (votes, text) in enumerate(POSTS)
    )
    return (
        "<html><body><nav><a href='/'>Questions</a> <a href='/tags'>Tags</a></nav>"
        f"<main><h1>Sourdough collapses in the oven</h1>{posts}</main>"
        "<footer>An example Q&amp;A site</footer></body></html>"
    )


def test_a_thread_is_read_without_its_bare_numbers() -> None:
    content = content_as(thread(), PROFILES["forum"], url="https://qa.example.org/questions/12/sourdough")
    lines = [block.text for block in content.blocks]
    for _, text in POSTS:
        assert text in lines, lines
    assert not [line for line in lines if line.lstrip("#").isdigit()], lines
    assert "+1" in lines  # a poster's own reply, not a score
    assert any(r.reason == "bare number" for r in content.removed)


def test_another_reading_keeps_a_bare_number() -> None:
    html = (
        "<html><body><main><h1>Support that never sleeps</h1>"
        "<p>Our team answers every ticket, whatever the hour, from three offices on three continents.</p>"
        "<div class='stat'><p>24</p><p>hours of support a day, every day of the year, on every plan.</p>"
        "</div>"
        "</main></body></html>"
    )
    lines = [block.text for block in content_as(html, PROFILES["service"]).blocks]
    assert "24" in lines, lines
