"""Fit when a page the classifier nearly calls a listing is read as one, on WCXB half A; write it as data.

The page-type classifier's label picks the content profile that reads the page. A news section's
front or a category of article-like cards is often labelled a service or a collection with the
listing a close second, and a listing's reading keeps the cards' titles and standfirsts that the
other readings drop. The content pass reads such a page as a listing when the listing's probability
reaches a share of the label's (``_content.reading_type``); the label itself stays the classifier's.

The share is fitted per label. Every WCXB page is extracted once as labelled (no page read as a
listing for being a close second), recording its label and probabilities, and once more read as a
listing when its label is one of ``--types`` and the listing's probability reaches the grid's lowest
share of the label's. Each share of the grid is then replayed for one label at a time. A label's share
is the highest (the fewest pages read as listings) whose mean F1 of all pages of half A is within
``MIN_STEP`` of the grid's best, provided it gains at least ``MIN_STEP`` over reading every page as
labelled and no page type loses more than ``MAX_DROP`` on half A. Half B does not choose; it can only
refuse: when its mean F1, or a page type's, drops at all (more than ``B_NOISE``) with the chosen share,
the label is always read as itself (``null``) and the refusal is written.

    python benchmarks/fit_routing.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_routing.py --dry-run   # the same, without writing

Writes ``src/newsscrape/extractor/data/routing.json``, read by ``content/_content.py``. Run
``score.py aeb`` and ``score.py dates`` on the written file before keeping it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import WCXB, word_f1  # noqa: E402  (WCXB's metric, one copy for the fitting scripts)
from fit_second_opinion import cached_rows  # noqa: E402  (an extraction's rows, kept)
from fitgrid import all_kept, by_half, drops, grid_point, ruling, write_fit  # noqa: E402  (the grid fits' shared parts)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor import _core  # noqa: E402
from newsscrape.extractor._pagetype import PageType  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "routing.json"
SHARES: tuple[float, ...] = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)
MIN_STEP = 0.0002  # mean F1 of all pages of half A a looser share must add to be chosen
B_NOISE = 0.0001  # mean F1 half B may lose (rounding), overall or on a page type


def collect(types: list[str]) -> list[dict[str, Any]]:
    """Each WCXB page's row: half, true type, label, probabilities, F1 as labelled, and F1 read as a
    listing when its label is one of ``types`` and the listing is a close enough second."""
    seen: list[PageType] = []
    classify = _core.classify

    def record(signals: Any) -> PageType:
        kind = classify(signals)
        seen.append(kind)
        return kind

    _core.classify = record
    loosest = min(SHARES)
    rows = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
            seen.clear()
            row: dict[str, Any] = {
                "id": truth["id"],
                "half": "AB"[int(truth["id"]) % 2],
                "type": truth["type"],
            }
            row["f1"] = word_f1(truth["body"], _body(html, truth["url"], as_listing=False))
            if seen:
                kind = seen[0]
                chance = dict(kind.probabilities)
                row |= {"label": kind.label, "listing_share": _share(chance, kind.label)}
                if kind.label in types and row["listing_share"] >= loosest:
                    row["f1_listing"] = word_f1(truth["body"], _body(html, truth["url"], as_listing=True))
            rows.append(row)
    return rows


def _share(chance: dict[str, float], label: str) -> float:
    return chance.get("listing", 0.0) / chance[label] if chance.get(label) else 0.0


def _body(html: bytes, url: str, *, as_listing: bool) -> str:
    """The page's body read as labelled, or as a listing whatever its label."""
    _core.reading_type = (lambda label, probabilities: "listing") if as_listing else _as_labelled
    try:
        return extract(html, url=url).body
    except ExtractError:
        return ""


def _as_labelled(label: str, probabilities: Iterable[tuple[str, float]]) -> str:
    return label


def replay(rows: list[dict[str, Any]], shares: dict[str, float]) -> tuple[float, dict[str, float]]:
    """Mean F1 and mean F1 by page type with these shares (label -> share)."""
    by_type: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        share = shares.get(row.get("label", ""))
        taken = share is not None and "f1_listing" in row and row["listing_share"] >= share
        by_type[row["type"]].append(row["f1_listing"] if taken else row["f1"])
    overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
    return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}


def fit(halves: dict[str, list[dict[str, Any]]], label: str) -> dict[str, Any]:
    base = {half: replay(docs, {}) for half, docs in halves.items()}
    scores: dict[str, dict[str, Any]] = {}
    fair: dict[float, float] = {}  # share -> half A's mean F1, for the shares no type loses with
    changes: dict[tuple[str, float], tuple[float, dict[str, float]]] = {}
    for share in SHARES:
        got = grid_point(
            halves,
            base,
            replay,
            {label: share},
            key=str(share),
            line=f"{label:10} {{half}} share={share:<4}",
            scores=scores,
        )
        changes.update(
            {(half, share): (overall - base[half][0], change) for half, (overall, change) in got.items()}
        )
        overall, change = got["A"]
        if min(change.values(), default=0.0) >= -MAX_DROP:
            fair[share] = overall
    chosen = None
    if fair and max(fair.values()) >= base["A"][0] + MIN_STEP:
        best = max(fair.values())
        chosen = max(share for share, overall in fair.items() if overall >= best - MIN_STEP)
    b_drops: dict[str, float] = {}
    if chosen is not None:
        overall_b, change_b = changes["B", chosen]
        b_drops = drops(change_b, B_NOISE)
        if overall_b < -B_NOISE:
            b_drops["all"] = round(-overall_b, 4)
    return ruling(label, chosen, b_drops, scores)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument(
        "--types", nargs="+", default=["collection", "service", "article"], help="fit these labels"
    )
    ap.add_argument("--rows", type=Path, help="keep the extraction's rows there (read back when it exists)")
    args = ap.parse_args()
    rows = cached_rows(args.rows, lambda: collect(args.types))
    halves = by_half(rows)
    fits = {label: fit(halves, label) for label in sorted(args.types)}
    shares = {label: f["kept"] for label, f in fits.items() if f["kept"] is not None}
    summary = all_kept(halves, replay, shares)
    print("kept:", shares, json.dumps(summary))
    if args.dry_run:
        return
    write_fit(
        DATA,
        "fit_routing.py",
        {
            "max_drop": MAX_DROP,
            "min_step": MIN_STEP,
            "grid": list(SHARES),
            "types": sorted(args.types),
            "readings": fits,
            "all_kept": summary,
            "listing_shares": {label: fits[label]["kept"] for label in sorted(args.types)},
        },
    )


if __name__ == "__main__":
    main()
