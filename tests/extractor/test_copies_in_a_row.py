"""A section a page prints again right after itself (a carousel's cloned slides, one copy per
screen width) is given once on a reading fitted to do so (``_copies``, ``_content._drop_copies``);
a line printed again further down stays."""

from __future__ import annotations

from newsscrape.extractor.content._blocks import Block
from newsscrape.extractor.content._copies import MAX_STRETCH, copies
from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

INTRO = (
    "Plan the quarter, track every task and report to the board from one workspace that the whole "
    "company can learn in an afternoon."
)
SLIDES = (
    (
        "Boards for every team",
        "Marketing, finance and operations each keep their own board and share one calendar.",
    ),
    (
        "Automations that run themselves",
        "Move a task when its status changes and tell its owner without a meeting.",
    ),
)


def slides(css: str) -> str:
    return "".join(f'<div class="{css}"><h3>{title}</h3><p>{text}</p></div>' for title, text in SLIDES)


def page(middle: str) -> str:
    return (
        "<html><head><title>Work management</title></head><body><main><h1>Work management</h1>"
        f"<p>{INTRO}</p>{middle}<p>Start free, no credit card needed, and invite your team when ready.</p>"
        "</main></body></html>"
    )


def texts(html: str) -> list[str]:
    return [block.text for block in content_as(html, PROFILES["service"]).blocks]


def test_a_carousel_with_cloned_slides_gives_each_slide_once() -> None:
    carousel = (
        '<div class="carousel"><div class="track">'
        f"{slides('slide slide-clone')}{slides('slide')}{slides('slide slide-clone')}</div></div>"
    )
    got = texts(page(carousel))
    for title, text in SLIDES:
        assert got.count(title) == 1
        assert got.count(text) == 1
    assert got.index(SLIDES[0][0]) < got.index(SLIDES[1][0])


def test_lines_printed_again_under_each_plan_stay() -> None:
    features = "<ul><li>Unlimited boards and tasks</li><li>Email support within one day</li></ul>"
    plans = "".join(
        f'<div class="plan"><h3>{name}</h3><p>{price} per seat a month</p>{features}</div>'
        for name, price in (("Basic", "$9"), ("Standard", "$12"), ("Pro", "$19"))
    )
    got = texts(page(f'<div class="pricing">{plans}</div>'))
    assert got.count("Unlimited boards and tasks") == 3
    assert got.count("Email support within one day") == 3


def test_a_single_paragraph_printed_twice_in_a_row_is_no_copy_of_a_stretch() -> None:
    blocks = [Block(text=t) for t in ("/01", "How search works.", "How search works.", "/02")]
    assert copies(blocks, 2) == [False] * 4
    assert copies(blocks, 1) == [False, False, True, False]


def test_no_stretch_longer_than_the_guard_is_looked_for() -> None:
    # a page of thousands of equal lines costs a bounded look-up per block
    stretch = [Block(text=f"Line {n}") for n in range(MAX_STRETCH + 1)]
    assert not any(copies(stretch + stretch, 2))
    assert all(copies(stretch[:MAX_STRETCH] * 2, 2)[MAX_STRETCH:])
