"""The grid fits' replays are faithful to the pipeline: the content pass's last steps
(``benchmarks/fitgrid.py``: ``Tail``, ``finish``), a step held off on a thread whose posts get their
heads replayed into the body the pipeline returns; and ``fit_threads``' recorder, under which the
pipeline never takes the post-by-post reading (neither for its words nor for the posts the chosen
text missed), so each page's recorded F1 is that of the text chosen without it. The page is written
here in a generic forum style."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from newsscrape.extractor.content import _content
from newsscrape.extractor.content._profiles import PROFILES
from profiled import content_as

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
POSTS = (
    ("ada_r", "Jun 2, 2024", "Is a ten-year-old bike frame still safe to ride on gravel roads?"),
    ("kwame", "Jun 2, 2024", "Steel frames last for decades; check the welds for rust before you go."),
    ("ada_r", "Jun 3, 2024", "Steel frames last for decades; check the welds for rust before you go."),
    ("lin.w", "Jun 4, 2024", "Aluminium ones fatigue sooner, so look for cracks near the bottom bracket."),
)


def thread() -> str:
    """Four posts under their posters' names and dates; the third only quotes the second."""
    posts = "".join(
        f'<article class="message"><section class="message-user"><h4 class="message-name">'
        f'<a class="username">{name}</a></h4></section><div class="message-main">'
        f'<header class="message-attribution"><time datetime="2024-06-0{n + 2}T09:00:00">{date}</time>'
        f'</header><div class="message-body"><div class="bbWrapper">{text}</div></div></div></article>'
        for n, (name, date, text) in enumerate(POSTS)
    )
    return (
        "<html><body><nav><a href='/'>Forums</a></nav>"
        f"<main><h1>Old frame on gravel</h1>{posts}</main><footer>Example forum host</footer></body></html>"
    )


@pytest.fixture
def fitgrid(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The fits' shared module, the content pass's steps and values a recorder replaces restored
    after the test."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    for step in ("_give_once", "_drop_copies", "_name_first", "_with_heads", "_read_thread", "_more_words"):
        monkeypatch.setattr(_content, step, getattr(_content, step))
    for values in ("THREAD_SHARES", "THREAD_MISSED"):
        monkeypatch.setattr(_content, values, dict(getattr(_content, values)))
    import fitgrid

    return fitgrid


def test_a_step_held_off_is_replayed_into_the_body_with_the_posts_heads(fitgrid: ModuleType) -> None:
    tail = fitgrid.Tail("_give_once")
    content = content_as(thread(), PROFILES["forum"], url="https://forum.example.org/threads/frame.7/")
    body = "\n\n".join(block.text for block in content.blocks)
    last = tail.last
    assert last is not None
    assert last["reading"] == "forum"
    assert [text for text, _, _ in last["heads"]]  # the posts' heads went into the body
    assert "ada_r" in body
    # kept whole, the blocks the step would judge finish as the body the pipeline returned
    assert fitgrid.finish("_give_once", last["blocks"], last) == body
    # the quote given again dropped: each post still under its head
    again = _content.repeated(last["blocks"], 5)
    kept = [b for b, dropped in zip(last["blocks"], again, strict=True) if not dropped]
    lines = fitgrid.finish("_give_once", kept, last).split("\n\n")
    assert lines.count(POSTS[1][2]) == 1
    at = lines.index(POSTS[3][2])
    assert lines[at - 2 : at] == ["lin.w", "Jun 4, 2024"], lines


def test_the_threads_recorder_never_takes_the_posts(fitgrid: ModuleType) -> None:
    import fit_threads

    fit_threads.Recorder(["forum"])
    assert _content.THREAD_SHARES == {"forum": 1.0}  # the post-by-post reading is made ...
    assert not _content.THREAD_MISSED  # ... and not taken for the posts the chosen text missed
    content = content_as(thread(), PROFILES["forum"], url="https://forum.example.org/threads/frame.7/")
    assert content.method != "posts"


def test_a_replay_drops_the_replies_subjects_as_the_pipeline_does(fitgrid: ModuleType) -> None:
    # each reply under "Re: " and the thread's title, which the pipeline drops after the heads
    html = thread().replace(
        '<div class="message-body">', '<h3>Re: Old frame on gravel</h3><div class="message-body">'
    )
    tail = fitgrid.Tail("_give_once")
    content = content_as(html, PROFILES["forum"], url="https://forum.example.org/threads/frame.7/")
    body = "\n\n".join(block.text for block in content.blocks)
    last = tail.last
    assert last is not None
    assert "Re: Old frame on gravel" not in body
    assert fitgrid.finish("_give_once", last["blocks"], last) == body
