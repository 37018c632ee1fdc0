"""Fit which readings give each paragraph once, and from what length, on WCXB half A; write it as data.

A forum thread prints a post again inside every reply quoting it; a shop prints a product's
description or specification twice (a tab for phones, the same for desktops). WCXB's truths give
that text once. The content pass's last step (``_content._give_once``) drops a paragraph found whole
in one given before it, when it is at least ``min_chars`` long without white space: a short line
("Thanks!", "$9") repeats on its own, and a short line can be found by chance inside a longer one.

The length is fitted per reading (per content profile, as ``fit_second_opinion.py`` does: page types
whose profiles are equal read alike). Every WCXB page is extracted once with the step held off,
recording the paragraphs of the reading the pipeline returned and the reading it was made with;
each length of the grid is then replayed for one reading at a time. A reading's length is the one
of the grid with the best mean F1 on half A (over all pages: a page read as the type but of
another type counts too), provided that beats the reading without the step and costs no page type
more than ``MAX_DROP`` of its mean F1 on half A. Half B does not choose; it can only refuse: when a
page type's mean F1 on half B drops by more than ``MAX_DROP`` with the chosen length, the reading
keeps every paragraph (``null``) and the refusal is written. Only the readings of the page types
asked for are fitted (default: forum and product); the others keep every paragraph.

    python benchmarks/fit_repeats.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_repeats.py --dry-run   # the same, without writing
    python benchmarks/fit_repeats.py --types forum product collection   # these readings

Writes ``src/newsscrape/extractor/data/repeats.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for the fitting scripts)
from fit_second_opinion import reading  # noqa: E402  (the page types read with one profile)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor.content import _content  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "repeats.json"
GRID: tuple[int, ...] = (5, 10, 20, 40, 80)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)


class Recorder:
    """Holds the content pass's last step off, recording the paragraphs it would judge."""

    def __init__(self) -> None:
        self.last: dict[str, Any] | None = None

        def record(content: _content.Content, profile: _content.ContentProfile) -> None:
            # the pipeline keeps the last reading that has blocks (the typed one, unless it found none)
            self.last = {"blocks": list(content.blocks), "reading": reading(profile)}

        _content._give_once = record


def collect() -> list[dict[str, Any]]:
    recorder = Recorder()
    rows = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
            recorder.last = None
            try:
                body = extract(html, url=truth["url"]).body
            except ExtractError:
                body = ""
            row: dict[str, Any] = {
                "half": "AB"[int(truth["id"]) % 2],
                "type": truth["type"],
                "truth": truth["body"],
                "f1": word_f1(truth["body"], body),
            }
            last = recorder.last
            if last is not None and "\n\n".join(b.text for b in last["blocks"]) == body:
                row |= last
            rows.append(row)
    return rows


def replay(rows: list[dict[str, Any]], lengths: dict[str, int]) -> tuple[float, dict[str, float]]:
    """Mean F1 and mean F1 by page type with these lengths (reading -> min_chars)."""
    by_type: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        min_chars = lengths.get(row.get("reading", ""))
        if min_chars is None:
            by_type[row["type"]].append(row["f1"])
            continue
        blocks = row["blocks"]
        again = _content.repeated(blocks, min_chars)
        kept = [b.text for b, dropped in zip(blocks, again, strict=True) if not dropped]
        by_type[row["type"]].append(word_f1(row["truth"], "\n\n".join(kept)))
    overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
    return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}


def fit(halves: dict[str, list[dict[str, Any]]], name: str) -> dict[str, Any]:
    """One reading's length: half A's best of the grid if it gains and costs no page type more than
    ``MAX_DROP``; kept unless half B drops on some page type with it."""
    base = {half: replay(docs, {}) for half, docs in halves.items()}
    best: tuple[float, int] | None = None
    scores: dict[str, dict[str, Any]] = {}
    changes: dict[tuple[str, int], dict[str, float]] = {}
    for min_chars in GRID:
        for half, docs in halves.items():
            overall, f1s = replay(docs, {name: min_chars})
            change = {t: f1s[t] - base[half][1][t] for t in f1s if abs(f1s[t] - base[half][1][t]) > 1e-9}
            changes[half, min_chars] = change
            scores.setdefault(str(min_chars), {})[f"half_{half.lower()}"] = {
                "f1": round(overall, 4),
                "changed": {t: round(d, 4) for t, d in sorted(change.items())},
            }
            print(
                f"{name:14} {half} min_chars={min_chars:<3} F1={overall:.4f} "
                + " ".join(f"{t[:5]}={d:+.4f}" for t, d in sorted(change.items())),
                flush=True,
            )
            fair = min(change.values(), default=0.0) >= -MAX_DROP
            if half == "A" and fair and overall > base["A"][0] + 1e-9 and (best is None or overall > best[0]):
                best = (overall, min_chars)
    chosen = None if best is None else best[1]
    b_drops = (
        {} if chosen is None else {t: round(-d, 4) for t, d in changes["B", chosen].items() if d < -MAX_DROP}
    )
    kept = chosen if not b_drops else None
    refused = f"refused by half B: {b_drops}" if b_drops else ""
    print(f"{name}: chosen on half A {chosen}", refused, flush=True)
    return {"chosen_on_half_a": chosen, "half_b_drops": b_drops, "min_chars": kept, "scores": scores}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument("--types", nargs="+", default=["forum", "product"], help="fit the readings of these")
    args = ap.parse_args()
    rows = collect()
    unread = sum("reading" not in r for r in rows)
    halves = {half: [r for r in rows if r["half"] == half] for half in "AB"}
    readings = sorted(
        {r["reading"] for r in rows if "reading" in r and set(r["reading"].split("+")) & set(args.types)}
    )
    fits = {name: fit(halves, name) for name in readings}
    lengths = {name: f["min_chars"] for name, f in fits.items() if f["min_chars"] is not None}
    summary = {}
    for half, docs in halves.items():
        before, after = replay(docs, {}), replay(docs, lengths)
        summary[f"half_{half.lower()}"] = {
            "f1_before": round(before[0], 4),
            "f1_after": round(after[0], 4),
            "by_type_after": {t: round(f1, 4) for t, f1 in sorted(after[1].items())},
        }
    print("kept:", lengths, summary, f"({unread} pages without a recorded reading)")
    if args.dry_run:
        return
    DATA.write_text(
        json.dumps(
            {
                "fitted": dt.date.today().isoformat(),
                "by": "benchmarks/fit_repeats.py",
                "data": "WCXB development split: half A (even ids) chooses; half B (odd ids) may only refuse",
                "max_drop": MAX_DROP,
                "grid": list(GRID),
                "types": sorted(args.types),
                "readings": fits,
                "all_kept": summary,
                "min_chars": {
                    page_type: lengths.get(name) for name in readings for page_type in name.split("+")
                },
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
