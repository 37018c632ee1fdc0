"""Fit which readings give each paragraph once, and how, on WCXB half A; write it as data.

A forum thread prints a post again inside every reply quoting it; a shop prints a product's
description or specification twice (a tab for phones, the same for desktops). WCXB's truths give
that text once. The content pass's last step (``_content._give_once``) drops a paragraph found in
the text given before it, when it is at least ``min_chars`` long without white space (a short line,
"Thanks!", "$9", repeats on its own, and can be found by chance inside a longer one): found whole,
or ``piece_share`` of its 20-character pieces (a quote that adds "X said in ...:" or leaves out a
line; 1.0: found whole only).

The pair is fitted per reading (per page type, ``ContentProfile.reading``, as
``fit_second_opinion.py`` does). Every WCXB page is extracted once with the step held off,
recording the paragraphs of the reading the pipeline returned and the reading it was made with;
each pair of the grid is then replayed for one reading at a time, the text finished as the
pipeline finishes it (the steps after this one, ``fitgrid.finish``: each post of a thread under its
head, a product's name first; a page whose replay with every paragraph kept is not the body the
pipeline returned keeps its F1). A reading's pair is the one
of the grid whose reading's own page types gain most in mean F1 on half A, a match by pieces
(``piece_share`` below 1.0, looser) less ``PIECE_GAIN``, provided the mean F1 of all pages gains
and no page type (a page read as the type may be of another) loses more than ``MAX_DROP`` on
half A. Half B does not choose; it can only refuse: when a page type's mean F1 on half B drops by
more than ``MAX_DROP`` with the chosen pair, the reading keeps every paragraph (``null``) and the
refusal is written. Only the readings of the page types
asked for are fitted (default: forum, product, listing and collection); the others keep every paragraph.

    python benchmarks/fit_repeats.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_repeats.py --dry-run   # the same, without writing
    python benchmarks/fit_repeats.py --types forum product collection   # these readings

Writes ``src/newsscrape/extractor/data/repeats.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for the fitting scripts)
from fit_second_opinion import extracted  # noqa: E402  (WCXB pages read)
from fitgrid import Tail, finish, fit_readings, grid_point, settle, write_fit  # noqa: E402  (the grid fits' shared parts)

from newsscrape.extractor.content import _content  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "repeats.json"
MIN_CHARS: tuple[int, ...] = (5, 10, 20, 40, 80)
PIECE_SHARES: tuple[float, ...] = (1.0, 0.9, 0.8, 0.7)
GRID: tuple[tuple[int, float], ...] = tuple((n, share) for share in PIECE_SHARES for n in MIN_CHARS)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)
# a match by pieces is looser than a whole one: it must beat the best whole match by this much of
# the reading's type's mean F1 on half A
PIECE_GAIN = 0.002


STEP = "_give_once"  # the step fitted, held off while the pages are read


def collect() -> list[dict[str, Any]]:
    """Each page's row, with the blocks the step would judge, when a replay that keeps them all
    gives the body the pipeline returned (the steps after it taken as the pipeline takes them)."""
    tail = Tail(STEP)
    rows = []
    for truth, row in extracted(tail.reset):
        row["truth"], body = truth["body"], row.pop("body")
        last = tail.last
        if last is not None and finish(STEP, last["blocks"], last) == body:
            row |= last
        rows.append(row)
    return rows


def replay(rows: list[dict[str, Any]], pairs: dict[str, tuple[int, float]]) -> tuple[float, dict[str, float]]:
    """Mean F1 and mean F1 by page type with these pairs (reading -> (min_chars, piece_share))."""
    by_type: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        pair = pairs.get(row.get("reading", ""))
        if pair is None:
            by_type[row["type"]].append(row["f1"])
            continue
        blocks = row["blocks"]
        again = _content.repeated(blocks, *pair)
        kept = [b for b, dropped in zip(blocks, again, strict=True) if not dropped]
        by_type[row["type"]].append(word_f1(row["truth"], finish(STEP, kept, row)))
    overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
    return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}


def fit(halves: dict[str, list[dict[str, Any]]], name: str) -> dict[str, Any]:
    """One reading's pair: half A's best of the grid if it gains and costs no page type more than
    ``MAX_DROP``; kept unless half B drops on some page type with it."""
    base = {half: replay(docs, {}) for half, docs in halves.items()}
    best: tuple[float, tuple[int, float]] | None = None
    scores: dict[str, dict[str, Any]] = {}
    changes: dict[tuple[str, tuple[int, float]], dict[str, float]] = {}
    for pair in GRID:
        got = grid_point(
            halves,
            base,
            replay,
            {name: pair},
            key=f"{pair[0]} {pair[1]}",
            line=f"{name:14} {{half}} min_chars={pair[0]:<3} piece_share={pair[1]:<4}",
            scores=scores,
        )
        changes.update({(half, pair): change for half, (_, change) in got.items()})
        overall, change = got["A"]
        fair = min(change.values(), default=0.0) >= -MAX_DROP
        if fair and overall > base["A"][0] + 1e-9:
            # scored by the mean F1 of the reading's own page type (a loose match must earn its
            # place there), best first
            own = change.get(name, 0.0)
            if pair[1] < 1.0:
                own -= PIECE_GAIN
            if best is None or own > best[0]:
                best = (own, pair)
    return settle(name, best, changes, scores, MAX_DROP)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument(
        "--types",
        nargs="+",
        default=["forum", "product", "listing", "collection"],
        help="fit the readings of these",
    )
    args = ap.parse_args()
    readings, fits, pairs, summary = fit_readings(collect(), args.types, fit, replay)
    if args.dry_run:
        return
    write_fit(
        DATA,
        "fit_repeats.py",
        {
            "max_drop": MAX_DROP,
            "grid": {"min_chars": list(MIN_CHARS), "piece_share": list(PIECE_SHARES)},
            "types": sorted(args.types),
            "readings": fits,
            "all_kept": summary,
            "once": {
                name: None
                if name not in pairs
                else {"min_chars": pairs[name][0], "piece_share": pairs[name][1]}
                for name in readings
            },
        },
    )


if __name__ == "__main__":
    main()
