"""Fit when a typed reading skips trafilatura's second opinion, on WCXB half A; write it as data.

A page read as a type whose profile asks trafilatura on every page (forum, service, product,
listing, documentation) pays for trafilatura's whole extraction, more than the native pass costs.
Where the native reading already holds most of the page's visible text, trafilatura's rarely
does better. ``covered_share`` is that share (native characters over the page's folded visible
text, before chrome is removed): at or above it, the page keeps its native reading. A page whose
native reading looks short (``_unsure``) always asks.

Every WCXB page is extracted once as the pipeline stands (the gate off), recording at the typed
reading's gate the share the native text covers, the F1 of the native text and of the text the
pipeline returned, and the CPU time of trafilatura's call. Each ``covered_share`` of the grid is
then replayed: pages at or above it get their native text's F1 and save that time. The share kept
is the smallest (the most pages spared) at which no page type's mean F1 on half A drops by more
than ``MAX_DROP``. Half B does not choose; it can only refuse: when a page type's mean F1 on half B
drops at the chosen share (by any amount), the gate stays off (``null``) and the refusal is written.

    python benchmarks/fit_second_opinion.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_second_opinion.py --dry-run   # the same, without writing

Writes ``src/newsscrape/extractor/data/second_opinion.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for both fitting scripts)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor.content import _content  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "second_opinion.json"
GRID: tuple[float | None, ...] = (None, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)


class Recorder:
    """Wraps the content pass's gate and second opinion, recording what the gate would decide on."""

    def __init__(self) -> None:
        self.gate: dict[str, Any] | None = None
        covered, second = _content.covered, _content._second_opinion

        def record_gate(content: _content.Content) -> bool:
            chars = sum(len(b.text) for b in content.blocks)
            self.gate = {
                "share": chars / content.page_chars if content.page_chars else 0.0,
                "native": "\n\n".join(b.text for b in content.blocks),
            }
            return covered(content)

        def record_second(content: _content.Content, html: str, deadline: Any, **kwargs: Any) -> None:
            start = time.process_time()
            second(content, html, deadline, **kwargs)
            if self.gate is not None and "cpu" not in self.gate:
                self.gate["cpu"] = time.process_time() - start

        _content.covered = record_gate
        _content._second_opinion = record_second


def collect() -> list[dict[str, Any]]:
    recorder = Recorder()
    rows = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
            recorder.gate = None
            try:
                body = extract(html, url=truth["url"]).body
            except ExtractError:
                body = ""
            row = {
                "half": "AB"[int(truth["id"]) % 2],
                "type": truth["type"],
                "f1": word_f1(truth["body"], body),
            }
            if recorder.gate is not None:
                gate = recorder.gate
                row |= {"share": gate["share"], "cpu": gate.get("cpu", 0.0)}
                row["f1_native"] = word_f1(truth["body"], gate["native"])
            rows.append(row)
    return rows


def replay(rows: list[dict[str, Any]], covered_share: float | None) -> tuple[dict[str, float], float]:
    """Mean F1 by page type, and trafilatura's CPU seconds saved per page, with this share."""
    by_type: dict[str, list[float]] = defaultdict(list)
    saved = 0.0
    for row in rows:
        skip = covered_share is not None and "share" in row and row["share"] >= covered_share
        by_type[row["type"]].append(row["f1_native"] if skip else row["f1"])
        saved += row["cpu"] if skip else 0.0
    return {page_type: mean(f1s) for page_type, f1s in by_type.items()}, saved / len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    args = ap.parse_args()
    if json.loads(DATA.read_text(encoding="utf-8"))["covered_share"] is not None:
        sys.exit(f"{DATA.name}: set covered_share to null first (the pipeline must run with the gate off)")
    rows = collect()
    halves = {half: [r for r in rows if r["half"] == half] for half in "AB"}
    base = {half: replay(docs, None)[0] for half, docs in halves.items()}
    chosen: float | None = None
    b_drops: dict[str, float] = {}
    scores: dict[str, dict[str, Any]] = {}
    for share in GRID:
        for half, docs in halves.items():
            f1s, saved = replay(docs, share)
            overall = mean(
                r["f1_native"] if share is not None and r.get("share", -1) >= share else r["f1"] for r in docs
            )
            scores.setdefault(str(share), {})[f"half_{half.lower()}"] = {
                "f1": round(overall, 4),
                "by_type": {t: round(f1s[t], 4) for t in sorted(f1s)},
                "ms_saved_per_page": round(1000 * saved, 2),
            }
            drops = {t: base[half][t] - f1s[t] for t in f1s}
            print(
                f"{half} covered_share={share!s:5} F1={overall:.4f} saved={1000 * saved:5.1f} ms/page  "
                + " ".join(f"{t[:5]}={-d:+.4f}" for t, d in sorted(drops.items()))
            )
            if half == "A" and share is not None and max(drops.values()) <= MAX_DROP and chosen is None:
                chosen = share
            if half == "B" and share == chosen:
                b_drops = {t: round(d, 4) for t, d in drops.items() if d > 1e-9}
    print("chosen on half A: covered_share =", chosen)
    kept = chosen if not b_drops else None
    if b_drops:
        print("refused by half B, which drops on", b_drops, "- the gate stays off")
    if args.dry_run:
        return
    DATA.write_text(
        json.dumps(
            {
                "fitted": dt.date.today().isoformat(),
                "by": "benchmarks/fit_second_opinion.py",
                "data": "WCXB development split: half A (even ids) chooses; half B (odd ids) may only refuse",
                "max_drop": MAX_DROP,
                "grid": list(GRID),
                "scores": scores,
                "chosen_on_half_a": chosen,
                "half_b_drops": b_drops,
                "covered_share": kept,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
