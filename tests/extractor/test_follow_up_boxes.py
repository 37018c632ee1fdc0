"""A box classed "follow-up" holds a later step of the page (comments under an answer, a section of a
landing page), not a "follow us" bar: the chrome word "follow" is not read in it
(``_chrome.FOLLOW_UP``). The pages are written here in a generic style."""

from __future__ import annotations

from newsscrape import extract
from newsscrape.config import ExtractConfig
from newsscrape.extractor.content._chrome import _tokens

STORY = (
    "<p>Our planning tool keeps every project of a small team in one place, from the first call to "
    "the final invoice, so nothing waits in someone's inbox.</p>"
    "<p>Tasks, files and deadlines sit side by side, and each person sees what is due this week "
    "without asking around or digging through old threads.</p>"
    "<p>Reports are written for you at the end of each month: hours spent, work done and work "
    "still open, per client and per person, ready to send with the invoice.</p>"
    "<p>Plans start free for teams of three, and every plan can be cancelled at any time from the "
    "settings page without a call to our sales team.</p>"
)
FOLLOW_UP = (
    "<p>Customers tell us the weekly summary alone saves them an afternoon of status meetings, "
    "and that new hires find their way around in a day.</p>"
    "<p>A bakery with three shops moved its ordering onto the board and stopped losing "
    "orders between the morning and the evening shift.</p>"
)


def page(klass: str) -> str:
    return (
        "<html><head><title>Plan your work</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav>"
        f"<main><h1>Plan your work</h1><section class='intro'>{STORY}</section>"
        f"<section class='{klass}'><h2>What customers say</h2>{FOLLOW_UP}</section></main>"
        "<footer>Example Ltd</footer></body></html>"
    )


NATIVE = ExtractConfig(fallback=False)  # the block walk's own reading, which the class words steer


def test_a_follow_up_section_stays() -> None:
    body = extract(page("home__follow-up"), url="https://example.com/", config=NATIVE).body
    assert "weekly summary alone" in body, body
    assert "stopped losing orders" in body, body


def test_a_follow_bar_still_goes() -> None:
    html = page("social-follow").replace(FOLLOW_UP, "<p>Follow us on every network we are on.</p>")
    body = extract(html, url="https://example.com/", config=NATIVE).body
    assert "Follow us" not in body, body


def test_follow_up_is_one_word_in_any_spelling() -> None:
    for name in ("follow-up", "js-follow-ups-container", "followUpBox", "register_follow_up"):
        assert "follow" not in _tokens(name, None), name
    assert "follow" in _tokens("follow-upper social-follow", None)
