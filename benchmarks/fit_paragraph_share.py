"""Fit when trafilatura's second opinion, though longer, does not replace a typed reading's text
because it has far fewer paragraphs, on WCXB half A; write it as data.

A shop's page read as a product asks trafilatura on every page, and its text wins whenever it has
words. Where trafilatura read one box of the page (the description's text) and the native pass the
whole product (its name, price, sheet and description under their headings), trafilatura's text has
few paragraphs against the native text's many. A reading's ``paragraph share`` is the share of the
native text's blocks at or below which trafilatura's paragraphs do not replace them
(``_content.PARAGRAPH_SHARES``).

Every WCXB page is extracted twice: with the rule off for every reading, recording for the reading
whose text the pipeline returns whether it asked trafilatura, how many blocks its native text had
and how many paragraphs trafilatura's text had when it won; and with the rule on for every reading
at any share (trafilatura's text never replaces a native text that has blocks). A share of the grid
is replayed for one reading at a time: a page read as that one, where trafilatura's text won with at
most that share of the native blocks, gets the second extraction's F1. A reading's share is the one
of the grid whose reading's own page type gains most in mean F1 on half A (the smallest such share
on a tie: it changes fewest pages), provided the mean F1 of all pages gains, no page type loses more
than ``MAX_DROP`` on half A, and it lifts at least ``MIN_UP`` pages of half A and more than it
lowers (one page is no evidence for a rule). Half B does not choose; it can only refuse: when a page
type's mean F1 on half B drops by more than ``MAX_DROP`` with the chosen share, the reading keeps
the rule off (``null``) and the refusal is written.

    python benchmarks/fit_paragraph_share.py             # fit on half A, report half B, write the data
    python benchmarks/fit_paragraph_share.py --dry-run   # the same, without writing
    python benchmarks/fit_paragraph_share.py --rows /tmp/paragraph_rows.json   # cache the rows

Writes ``src/newsscrape/extractor/data/paragraph_shares.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_second_opinion import extracted  # noqa: E402  (WCXB pages read, kept)
from fitgrid import fit_grid, fit_main  # noqa: E402  (the grid fits' shared parts)

from newsscrape.extractor.content import _content  # noqa: E402
from newsscrape.extractor.content._profiles import PROFILES  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "paragraph_shares.json"
GRID: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)
# a share must lift at least this many pages of half A, and more than it lowers (a page moves when
# its F1 changes by more than fitgrid.MOVED)
MIN_UP = 2
TYPES = ["collection", "documentation", "forum", "listing", "product", "service"]


class Recorder:
    """Wraps the content pass's steps to record, for the reading whose text the pipeline returns
    (the last that gives each paragraph once, as ``fitgrid.Tail`` finds it), whether trafilatura's
    text won and how many blocks each text had."""

    def __init__(self) -> None:
        self.last: dict[str, Any] | None = None
        self.asked: dict[str, Any] | None = None  # the second opinion of the reading under way
        unsure, second, give_once = _content._unsure, _content._second_opinion, _content._give_once

        def started(content: _content.Content, meta: Any) -> bool:
            self.asked = None  # every reading asks whether it is unsure, before any second opinion
            return unsure(content, meta)

        def asked(content: _content.Content, html: str, deadline: Any, **kwargs: Any) -> None:
            native = len(content.blocks)
            second(content, html, deadline, **kwargs)
            won = content.method == "trafilatura" and native > 0
            self.asked = {"native_blocks": native, "paragraphs": len(content.blocks) if won else None}

        def given(content: _content.Content, profile: _content.ContentProfile) -> None:
            self.last = {"reading": profile.reading, **(self.asked or {})}
            give_once(content, profile)

        _content._unsure = started
        _content._second_opinion = asked
        _content._give_once = given

    def reset(self) -> None:
        self.last = self.asked = None


def collect() -> list[dict[str, Any]]:
    """Each page's row: its F1 with the rule off, the last second opinion's record, and its F1 with
    the rule on at any share for every reading."""
    shares = dict(_content.PARAGRAPH_SHARES)
    recorder = Recorder()
    _content.PARAGRAPH_SHARES.clear()
    rows = []
    for _, row in extracted(recorder.reset):
        del row["body"]
        rows.append(row | (recorder.last or {}))
    _content.PARAGRAPH_SHARES.update({name: math.inf for name in PROFILES})
    for row, (_, again) in zip(rows, extracted(recorder.reset), strict=True):
        row["f1_native"] = again["f1"]
    _content.PARAGRAPH_SHARES.clear()
    _content.PARAGRAPH_SHARES.update(shares)
    return rows


def after(row: dict[str, Any], share: float) -> float:
    """A row's F1 with the rule on at ``share`` for its reading."""
    paragraphs = row.get("paragraphs")
    if paragraphs is not None and paragraphs <= share * row["native_blocks"]:
        return float(row["f1_native"])
    return float(row["f1"])


def fit(halves: dict[str, list[dict[str, Any]]], name: str) -> dict[str, Any]:
    """One reading's share: half A's best of the grid if it gains and costs no page type more than
    ``MAX_DROP``; kept unless half B drops on some page type with it."""
    grid = GRID  # the smallest first: it wins a tie
    return fit_grid(halves, name, grid, after, label="share", max_drop=MAX_DROP, min_up=MIN_UP)


def main() -> None:
    fit_main(
        __doc__,
        DATA,
        collect,
        fit,
        after,
        types=TYPES,
        grid=GRID,
        max_drop=MAX_DROP,
        field="paragraph_shares",
    )


if __name__ == "__main__":
    main()
