"""The parts the grid fits share (``fit_threads``, ``fit_repeats``, ``fit_copies``, ``fit_routing``):
a grid point replayed on both halves of WCXB, the data file a fit writes, and the content pass's
last steps held off at one and replayed after it (``Tail``, ``finish``). Each fit keeps its own
grid, its replay and its rule for choosing on half A.

Importing this module needs the package on the path (``src``), as the fits set it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from statistics import mean
from typing import Any, Final, TypeVar

from newsscrape.extractor.content import _content
from newsscrape.extractor.content._blocks import Block
from newsscrape.extractor.content._posts import Head
from newsscrape.extractor.content._profiles import profile_for

V = TypeVar("V")  # a grid's value: a share, a (min_chars, piece_share) pair
Rows = list[dict[str, Any]]
Scored = tuple[float, dict[str, float]]  # mean F1 of all pages, and mean F1 by page type
# A page's F1 with a rule at a value, replayed from its row (``row_replay``, ``fit_grid``).
After = Callable[[dict[str, Any], V], float]
# A page moves with a value when its F1 changes by more than this (``moved``).
MOVED: Final = 0.001
HALVES_NOTE = "WCXB development split: half A (even ids) chooses; half B (odd ids) may only refuse"
# The content pass's last steps, in the order ``_content.extract_content`` takes them, as the
# package defines them (taken before a recorder holds one off): a replay finishes with the steps
# after the one it fits, so its text is the one the pipeline returns (a thread's posts under
# their heads, a product's name first)
TAIL: Final = ("_give_once", "_drop_copies", "_name_first", "_with_heads")
STEPS: Final[dict[str, Callable[..., None]]] = {step: getattr(_content, step) for step in TAIL}


class Tail:
    """Holds one of the content pass's last steps (``step``, of ``TAIL`` before ``_name_first``)
    off, recording what a replay needs to finish the text from there (``finish``): the blocks the
    step would judge, the reading, and what the steps after it were given (the product's name, the
    posts' heads); ``last`` is None on a page the step did not see."""

    def __init__(self, step: str) -> None:
        self.last: dict[str, Any] | None = None

        def record(content: _content.Content, profile: _content.ContentProfile) -> None:
            # the pipeline keeps the last reading that has blocks (the typed one, unless it found none)
            blocks = list(content.blocks)
            self.last = {"blocks": blocks, "reading": profile.reading, "name": None, "heads": []}

        def named(content: _content.Content, name: str | None, profile: _content.ContentProfile) -> None:
            if self.last is not None:
                self.last["name"] = name
            STEPS["_name_first"](content, name, profile)

        def headed(content: _content.Content, heads: list[Head]) -> None:
            if self.last is not None:
                self.last["heads"] = [(text, tuple(lines), own) for text, lines, own in heads]
            STEPS["_with_heads"](content, heads)

        setattr(_content, step, record)
        _content._name_first = named
        _content._with_heads = headed

    def reset(self) -> None:
        self.last = None


def finish(step: str, blocks: list[Block], last: dict[str, Any]) -> str:
    """The body the pipeline returns when the step ``step``, which ``Tail`` held off on the page
    recorded as ``last``, leaves ``blocks``: the steps after it taken as the pipeline takes them."""
    content = _content.Content()
    content.blocks = list(blocks)
    profile = profile_for(last["reading"])
    for later in TAIL[TAIL.index(step) + 1 :]:
        if not content.blocks:
            break
        if later == "_name_first":
            STEPS[later](content, last["name"], profile)
        elif later == "_with_heads":
            if last["heads"]:
                STEPS[later](content, [(text, tuple(lines), own) for text, lines, own in last["heads"]])
        else:
            STEPS[later](content, profile)
    _content._tidy_thread(content, last["name"], profile)  # the thread's clean-up after the heads
    return "\n\n".join(b.text for b in content.blocks)


def by_half(rows: Rows) -> dict[str, Rows]:
    """The rows of half A (even page ids: the fit chooses) and of half B (odd: it may only refuse)."""
    return {half: [r for r in rows if r["half"] == half] for half in "AB"}


def grid_point(
    halves: Mapping[str, Rows],
    base: Mapping[str, Scored],
    replay: Callable[[Rows, dict[str, V]], Scored],
    setting: dict[str, V],
    *,
    key: str,
    line: str,
    scores: dict[str, dict[str, Any]],
) -> dict[str, Scored]:
    """One grid point, ``setting`` (reading or label -> value), replayed on each half: its mean F1
    and what it changes by page type (against ``base``), recorded as ``scores[key]`` and printed
    after ``line`` ("{half}" in it names the half)."""
    out: dict[str, Scored] = {}
    for half, docs in halves.items():
        overall, f1s = replay(docs, setting)
        change = {t: f1s[t] - base[half][1][t] for t in f1s if abs(f1s[t] - base[half][1][t]) > 1e-9}
        scores.setdefault(key, {})[f"half_{half.lower()}"] = {
            "f1": round(overall, 4),
            "changed": {t: round(d, 4) for t, d in sorted(change.items())},
        }
        changed = " ".join(f"{t[:5]}={d:+.4f}" for t, d in sorted(change.items()))
        print(f"{line.format(half=half)} F1={overall:.4f} {changed}", flush=True)
        out[half] = (overall, change)
    return out


def row_replay(after: After[V]) -> Callable[[Rows, dict[str, V]], Scored]:
    """The replay of a rule read page by page: a page read as a reading the setting names gets
    ``after(row, value)``, the others keep their F1; the mean F1 of all pages and by page type."""

    def replay(rows: Rows, values: dict[str, V]) -> Scored:
        by_type: dict[str, list[float]] = defaultdict(list)
        for row in rows:
            value = values.get(row.get("reading", ""))
            by_type[row["type"]].append(row["f1"] if value is None else after(row, value))
        overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
        return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}

    return replay


def moved(rows: Rows, name: str, value: V, after: After[V]) -> tuple[int, int]:
    """How many pages read as ``name`` go up and how many go down with ``value`` (by ``MOVED``)."""
    deltas = [after(row, value) - row["f1"] for row in rows if row.get("reading") == name]
    return sum(d > MOVED for d in deltas), sum(d < -MOVED for d in deltas)


def fit_grid(
    halves: Mapping[str, Rows],
    name: str,
    grid: Collection[V],
    after: After[V],
    *,
    label: str,
    max_drop: float,
    min_up: int,
) -> dict[str, Any]:
    """One reading's value: of ``grid`` (tried in its order: the first wins a tie), the one whose
    reading's own page type gains most on half A, provided the mean F1 of all pages gains, no page
    type loses more than ``max_drop`` and it lifts at least ``min_up`` pages of half A (``moved``:
    pages up and down) and more than it lowers; kept unless half B drops on some page type with it
    (``settle``). ``after`` gives a page's F1 at a value (``row_replay``); ``label`` names the value
    in the lines printed."""
    replay = row_replay(after)
    base = {half: replay(docs, {}) for half, docs in halves.items()}
    best: tuple[float, V] | None = None
    scores: dict[str, dict[str, Any]] = {}
    changes: dict[tuple[str, V], dict[str, float]] = {}
    for value in grid:
        got = grid_point(
            halves,
            base,
            replay,
            {name: value},
            key=str(value),
            line=f"{name:14} {{half}} {label}={value!s:<4}",
            scores=scores,
        )
        changes.update({(half, value): change for half, (_, change) in got.items()})
        overall, change = got["A"]
        up, down = moved(halves["A"], name, value, after)
        scores[str(value)]["half_a"] |= {"pages_up": up, "pages_down": down}
        fair = min(change.values(), default=0.0) >= -max_drop and up >= min_up and up > down
        if fair and overall > base["A"][0] + 1e-9:
            own = change.get(name, 0.0)
            if best is None or own > best[0] + 1e-9:
                best = (own, value)
    return settle(name, best, changes, scores, max_drop)


def drops(change: Mapping[str, float], max_drop: float) -> dict[str, float]:
    """The page types ``change`` lowers by more than ``max_drop``, each with its loss.

    >>> drops({"forum": -0.01, "product": 0.02, "service": -0.0001}, 0.001)
    {'forum': 0.01}
    """
    return {t: round(-d, 4) for t, d in change.items() if d < -max_drop}


def ruling(
    name: str, chosen: V | None, b_drops: dict[str, float], scores: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """What a fit of one reading (or label) decided: half A's choice, kept unless half B dropped
    (``b_drops``: page type -> its loss), with every grid point's scores; printed as well."""
    refused = f"refused by half B: {b_drops}" if b_drops else ""
    print(f"{name}: chosen on half A {chosen}", refused, flush=True)
    kept = chosen if not b_drops else None
    return {"chosen_on_half_a": chosen, "half_b_drops": b_drops, "kept": kept, "scores": scores}


def settle(
    name: str,
    best: tuple[float, V] | None,
    changes: Mapping[tuple[str, V], Mapping[str, float]],
    scores: dict[str, dict[str, Any]],
    max_drop: float,
) -> dict[str, Any]:
    """``ruling`` for a grid fit: half A's ``best`` (its score and value), or None, refused when half
    B's change with that value (``changes[("B", value)]``: page type -> change) drops a page type by
    more than ``max_drop``."""
    chosen = None if best is None else best[1]
    b_drops = {} if chosen is None else drops(changes["B", chosen], max_drop)
    return ruling(name, chosen, b_drops, scores)


def all_kept(
    halves: Mapping[str, Rows], replay: Callable[[Rows, dict[str, V]], Scored], kept: dict[str, V]
) -> dict[str, dict[str, Any]]:
    """Each half's mean F1 before and after the values ``kept``, and by page type."""
    summary = {}
    for half, docs in halves.items():
        before, after = replay(docs, {}), replay(docs, kept)
        summary[f"half_{half.lower()}"] = {
            "f1_before": round(before[0], 4),
            "f1_after": round(after[0], 4),
            "by_type_before": {t: round(f1, 4) for t, f1 in sorted(before[1].items())},
            "by_type_after": {t: round(f1, 4) for t, f1 in sorted(after[1].items())},
        }
    return summary


def fit_readings(
    rows: Rows,
    types: list[str],
    fit: Callable[[dict[str, Rows], str], dict[str, Any]],
    replay: Callable[[Rows, dict[str, V]], Scored],
) -> tuple[list[str], dict[str, dict[str, Any]], dict[str, V], dict[str, dict[str, Any]]]:
    """Each reading of ``types`` the rows recorded, fitted one at a time (``fit``: its ``ruling``),
    and the values kept replayed together (``all_kept``), printed: the readings, their fits, the
    values kept and the summary."""
    halves = by_half(rows)
    readings = sorted({r["reading"] for r in rows if r.get("reading") in types})
    fits = {name: fit(halves, name) for name in readings}
    kept = {name: f["kept"] for name, f in fits.items() if f["kept"] is not None}
    summary = all_kept(halves, replay, kept)
    unread = sum("reading" not in r for r in rows)
    print("kept:", kept, summary, f"({unread} pages without a recorded reading)")
    return readings, fits, kept, summary


def write_fit(path: Path, script: str, fields: dict[str, Any]) -> None:
    """The fitted values and how they were found, as the package reads them."""
    head = {"fitted": dt.date.today().isoformat(), "by": f"benchmarks/{script}", "data": HALVES_NOTE}
    path.write_text(json.dumps(head | fields, indent=2) + "\n", encoding="utf-8")


def fit_main(
    doc: str | None,
    data: Path,
    collect: Callable[[], Rows],
    fit: Callable[[dict[str, Rows], str], dict[str, Any]],
    after: After[V],
    *,
    types: list[str],
    grid: Collection[V],
    max_drop: float,
    field: str,
) -> None:
    """A per-reading grid fit's command line: read (or reuse) the rows, fit each reading, and write
    the values kept under ``field`` in ``data`` with how they were found, unless ``--dry-run``."""
    from fit_second_opinion import cached_rows  # (WCXB pages read, kept)

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument("--types", nargs="+", default=types, help="fit the readings of these")
    ap.add_argument("--rows", type=Path, help="read the extraction's rows from here, or write them here")
    args = ap.parse_args()
    rows = cached_rows(args.rows, collect)
    readings, fits, kept, summary = fit_readings(rows, args.types, fit, row_replay(after))
    if args.dry_run:
        return
    fields = {"max_drop": max_drop, "grid": list(grid), "types": sorted(args.types), "readings": fits}
    write_fit(
        data,
        Path(sys.argv[0]).name,
        fields | {"all_kept": summary, field: {n: kept.get(n) for n in readings}},
    )
