"""Fit which readings drop a stretch printed again right after itself, and how long a stretch, on
WCXB half A; write it as data.

A service or shop page prints a section two or three times in a row (a carousel's cloned slides,
one copy per screen width with the others hidden by the style sheet); WCXB's truths give it once.
The content pass's step after giving each paragraph once (``_content._drop_copies``) drops every
copy of a stretch of at least ``shortest`` blocks that follows the stretch right away
(``_copies.copies``).

``shortest`` is fitted per reading (per page type, as ``fit_repeats.py`` does). Every WCXB page is
extracted once with the step held off, recording the blocks of the reading the pipeline returned and
the reading it was made with; each value of the grid is then replayed for one reading at a time, the
text finished as the pipeline finishes it (the steps after this one, ``fitgrid.finish``: each post
of a thread under its head, a product's name first). A reading's value is the one of the grid whose
reading's own page type gains most in mean F1 on half A (the longest such value on a tie: it drops
least), provided the mean F1 of all pages gains, no page type loses more than ``MAX_DROP`` on half
A, and it lifts at least ``MIN_UP`` pages of half A and more than it lowers (one page is no evidence
for a rule). Half B does not choose; it can only refuse: when a page type's mean F1 on half B drops
by more than ``MAX_DROP`` with the chosen value, the reading keeps every copy (``null``) and the
refusal is written. The article reading is not fitted by default (the aeb set, which this fit does
not see, is its other judge).

    python benchmarks/fit_copies.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_copies.py --dry-run   # the same, without writing
    python benchmarks/fit_copies.py --rows /tmp/copies_rows.json   # cache the extraction's rows

Writes ``src/newsscrape/extractor/data/copies.json``, read by ``content/_copies.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for the fitting scripts)
from fit_second_opinion import extracted  # noqa: E402  (WCXB pages read, kept)
from fitgrid import Tail, finish, fit_grid, fit_main  # noqa: E402  (the grid fits' shared parts)

from newsscrape.extractor.content._blocks import Block  # noqa: E402
from newsscrape.extractor.content._copies import copies  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "copies.json"
GRID: tuple[int, ...] = (1, 2, 3, 4, 6)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)
# a value must lift at least this many pages of half A, and more than it lowers: one page is no
# evidence for a rule (a page moves when its F1 changes by more than fitgrid.MOVED)
MIN_UP = 2
TYPES = ["collection", "documentation", "forum", "listing", "product", "service"]


STEP = "_drop_copies"  # the step fitted, held off while the pages are read


def collect() -> list[dict[str, Any]]:
    """Each page's row, with the blocks the step would judge (text and heading level: the rows may
    be written as JSON), when a replay that keeps them all gives the body the pipeline returned
    (the steps after it taken as the pipeline takes them)."""
    tail = Tail(STEP)
    rows = []
    for truth, row in extracted(tail.reset):
        row["truth"], body = truth["body"], row.pop("body")
        last = tail.last
        if last is not None and finish(STEP, last["blocks"], last) == body:
            row |= last | {"blocks": [(b.text, b.level) for b in last["blocks"]]}
        rows.append(row)
    return rows


def after(row: dict[str, Any], value: int) -> float:
    """A row's F1 with the copies of stretches of at least ``value`` blocks dropped."""
    blocks = [Block(text=text, level=level) for text, level in row["blocks"]]
    again = copies(blocks, value)
    kept = [b for b, dropped in zip(blocks, again, strict=True) if not dropped]
    return word_f1(row["truth"], finish(STEP, kept, row))


def fit(halves: dict[str, list[dict[str, Any]]], name: str) -> dict[str, Any]:
    """One reading's value: half A's best of the grid if it gains and costs no page type more than
    ``MAX_DROP``; kept unless half B drops on some page type with it."""
    grid = sorted(GRID, reverse=True)  # the longest first: it wins a tie
    return fit_grid(halves, name, grid, after, label="shortest", max_drop=MAX_DROP, min_up=MIN_UP)


def main() -> None:
    fit_main(__doc__, DATA, collect, fit, after, types=TYPES, grid=GRID, max_drop=MAX_DROP, field="shortest")


if __name__ == "__main__":
    main()
