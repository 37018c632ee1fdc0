"""Fit when a typed reading skips trafilatura's second opinion, on WCXB half A; write it as data.

A page read as a type whose profile asks trafilatura on every page (forum, service, product,
listing, documentation) pays for trafilatura's whole extraction, more than the native pass costs.
Where the native reading already holds most of the page's visible text, trafilatura's rarely
does better. A reading's ``covered share`` is that share (native characters over the page's folded
visible text, before chrome is removed): at or above it, the page keeps its native reading. A page
whose native reading looks short (``_unsure``) always asks.

The share is fitted per reading (per page type, ``ContentProfile.reading``), because the types
differ: a documentation page whose native text covers most of the page is rarely bettered, a product
page often is. Every WCXB page is extracted once with every gate open, recording at the typed
reading's gate the share the native text covers, the F1 of the native text and of the text the
pipeline returned, and the CPU time of trafilatura's call. Each share of the grid is then replayed
for one reading at a time: pages at or above it get their native text's F1 and save that time. A
reading's share is the smallest (the most pages spared) at which no page type's mean F1 on half A
drops by more than the gate's ``MAX_DROPS`` and which half B does not refuse. Half B does not choose; it can
only refuse: half A's shares are offered to it from the smallest up, and it refuses one at which a
page type's mean F1 on half B drops by more than ``MAX_DROPS`` (the refusals are written); when it
refuses them all, that reading's gate stays off (``null``).

A second gate, fitted beside the first, is the reading's ``left share``: native characters over the
folded visible text left once page-wide chrome is removed (the tree the native pass walked). A page
at or above either of its reading's shares keeps its native reading.

    python benchmarks/fit_second_opinion.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_second_opinion.py --dry-run   # the same, without writing
    python benchmarks/fit_second_opinion.py --rows /tmp/rows.json  # keep the extraction's rows there
                                                        # (read them back when the file exists)
    python benchmarks/fit_second_opinion.py --only left_share  # fit that gate alone, beside the
                                                        # shipped values of the gates before it

Writes ``src/newsscrape/extractor/data/second_opinion.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for both fitting scripts)
from fitgrid import by_half, drops, write_fit  # noqa: E402  (the data file a fit writes)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor.content import _content  # noqa: E402
from newsscrape.extractor.content._profiles import ContentProfile  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "second_opinion.json"
# The gates, fitted in this order, each beside those kept before it: the share of the page's
# visible text the native reading holds, then its share of the text left once page-wide chrome is
# gone. (A gate on the mean words of the native blocks was fitted after the first in session 8: it
# spared 0.25 ms/page more and half B refused it on service pages.)
GRIDS: dict[str, tuple[float, ...]] = {
    "covered_share": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
    "left_share": (0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
}
# A gate is kept only if aeb's body F1 and the dates set's accuracy do not drop with it either
# (``score.py aeb`` / ``score.py dates``, run by hand on the fitted file): the readings refused there.
REFUSED_ELSEWHERE: dict[str, str] = {
    "listing": "aeb body F1 0.9864 -> 0.9862 at 0.5 (a story read as a listing lost trafilatura's reading)",
}
GATE_ROW = {"covered_share": "share", "left_share": "left"}  # the row's field each gate reads
DATA_KEY = {"covered_share": "covered_shares", "left_share": "left_shares"}  # its key in the data file
# Mean F1 a page type may lose on each half, by gate: the noise of one page in a few dozen; the
# left share, fitted as a speed-up after the first gate was kept, may lose half that.
MAX_DROPS = {"covered_share": 0.001, "left_share": 0.0005}


class Recorder:
    """Wraps the content pass's gate (holding it open) and second opinion, recording what the gate
    would decide on."""

    def __init__(self) -> None:
        self.gate: dict[str, Any] | None = None
        second = _content._second_opinion

        def record_gate(content: _content.Content, profile: ContentProfile, body: Any = None) -> bool:
            chars = sum(len(b.text) for b in content.blocks)
            left = _content.walked_chars(body) if body is not None else 0
            self.gate = {
                "share": chars / content.page_chars if content.page_chars else 0.0,
                "left": chars / left if left else 0.0,
                "native": "\n\n".join(b.text for b in content.blocks),
                "reading": profile.reading,
            }
            return False  # the pipeline runs as with every gate off

        def record_second(content: _content.Content, html: str, deadline: Any, **kwargs: Any) -> None:
            start = time.process_time()
            second(content, html, deadline, **kwargs)
            if self.gate is not None and "cpu" not in self.gate:
                self.gate["cpu"] = time.process_time() - start

        _content.covered = record_gate
        _content._second_opinion = record_second

    def reset(self) -> None:
        self.gate = None


def extracted(before: Callable[[], None]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each WCXB page's truth and its row (half, type, F1 of the body the pipeline returns, or of ""
    when it refuses the page); ``before`` runs ahead of each page's extraction (a recorder's reset)."""
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
            before()
            try:
                body = extract(html, url=truth["url"]).body
            except ExtractError:
                body = ""
            f1 = word_f1(truth["body"], body)
            yield truth, {"half": "AB"[int(truth["id"]) % 2], "type": truth["type"], "f1": f1, "body": body}


def cached_rows(path: Path | None, collect: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The extraction's rows: read from ``path`` when it exists, else collected (and written there,
    when a path is given), so a fit can be replayed without extracting every page again."""
    if path is not None and path.exists():
        rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return rows
    rows = collect()
    if path is not None:
        path.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def collect() -> list[dict[str, Any]]:
    recorder = Recorder()
    rows = []
    for truth, row in extracted(recorder.reset):
        del row["body"]
        if recorder.gate is not None:
            gate = recorder.gate
            row |= {
                "share": gate["share"],
                "left": gate["left"],
                "cpu": gate.get("cpu", 0.0),
                "reading": gate["reading"],
            }
            row["f1_native"] = word_f1(truth["body"], gate["native"])
        rows.append(row)
    return rows


def replay(
    rows: list[dict[str, Any]], gates: dict[str, dict[str, float]]
) -> tuple[float, dict[str, float], float]:
    """Mean F1, mean F1 by page type, and trafilatura's CPU seconds saved per page, with these gates
    (reading -> gate -> threshold: a page at or above any of its reading's thresholds is spared)."""
    by_type: dict[str, list[float]] = defaultdict(list)
    saved = 0.0
    for row in rows:
        gate = gates.get(row.get("reading", ""), {})
        skip = any(row[GATE_ROW[name]] >= threshold for name, threshold in gate.items())
        by_type[row["type"]].append(row["f1_native"] if skip else row["f1"])
        saved += row["cpu"] if skip else 0.0
    overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
    return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}, saved / len(rows)


def with_gate(
    gates: dict[str, dict[str, float]], name: str, gate: str, threshold: float
) -> dict[str, dict[str, float]]:
    return {**gates, name: {**gates.get(name, {}), gate: threshold}}


def fit(
    halves: dict[str, list[dict[str, Any]]], name: str, gate: str, kept: dict[str, dict[str, float]]
) -> dict[str, Any]:
    """One reading's threshold for one gate, beside the gates ``kept`` already: the smallest of the
    gate's grid that costs no page type more than the gate's ``MAX_DROPS`` on half A and that half B
    does not refuse (a page type of half B dropping by more than that with it); half A's candidates
    are offered to half B from the smallest up."""
    max_drop = MAX_DROPS[gate]
    base = {half: replay(docs, kept)[1] for half, docs in halves.items()}
    chosen: float | None = None
    first_on_a: float | None = None
    refused: dict[str, dict[str, float]] = {}
    scores: dict[str, dict[str, Any]] = {}
    for threshold in GRIDS[gate]:
        gates = with_gate(kept, name, gate, threshold)
        change: dict[str, dict[str, float]] = {}  # half -> page type -> F1 change (a drop < 0)
        for half, docs in halves.items():
            overall, f1s, saved = replay(docs, gates)
            change[half] = {t: f1s[t] - base[half][t] for t in f1s}
            moved = {t: d for t, d in sorted(change[half].items()) if abs(d) > 1e-9}
            scores.setdefault(str(threshold), {})[f"half_{half.lower()}"] = {
                "f1": round(overall, 4),
                "changed": {t: round(d, 4) for t, d in moved.items()},
                "ms_saved_per_page": round(1000 * saved, 2),
            }
            shown = " ".join(f"{t[:5]}={d:+.4f}" for t, d in moved.items())
            print(
                f"{name:14} {half} {gate}={threshold:<4} F1={overall:.4f} saved={1000 * saved:5.2f} ms/page",
                shown,
            )
        if chosen is not None or drops(change["A"], max_drop):
            continue  # chosen already, or half A does not offer this threshold
        first_on_a = threshold if first_on_a is None else first_on_a
        b_drops = drops(change["B"], max_drop)
        if b_drops:
            refused[str(threshold)] = b_drops
        else:
            chosen = threshold
    print(
        f"{name} {gate}: first offered by half A {first_on_a}, kept {chosen}; refused by half B: {refused}",
        flush=True,
    )
    return {"first_on_half_a": first_on_a, "refused_by_half_b": refused, gate: chosen, "scores": scores}


def shipped(fitting: list[str]) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Any]]]:
    """The values the data file holds for the gates not in ``fitting`` (reading -> gate -> share),
    and their fit records, kept as they were fitted."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    kept: dict[str, dict[str, float]] = {}
    fits: dict[str, dict[str, Any]] = {}
    for gate in GRIDS:
        if gate in fitting:
            continue
        for name, share in data.get(DATA_KEY[gate], {}).items():
            if share is not None:
                kept = with_gate(kept, name, gate, share)
        for name, record in data["readings"].items():
            if gate in record:
                fits.setdefault(name, {})[gate] = record[gate]
    return kept, fits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument(
        "--rows", type=Path, help="a JSON file of the extraction's rows: read if it exists, else written"
    )
    ap.add_argument(
        "--only",
        choices=tuple(GRIDS),
        help="fit this gate only: the gates before it keep their shipped values",
    )
    args = ap.parse_args()
    rows = cached_rows(args.rows, collect)
    halves = by_half(rows)
    readings = sorted({r["reading"] for r in rows if "reading" in r})
    kept: dict[str, dict[str, float]] = {}
    fits: dict[str, dict[str, Any]] = {}
    gates = list(GRIDS)
    if args.only:
        gates = gates[gates.index(args.only) :]
        kept, fits = shipped(gates)
    for gate in gates:  # in order: each gate is fitted beside those kept before it
        fitted_now = {name: fit(halves, name, gate, kept) for name in readings}
        for name, one in fitted_now.items():
            fits.setdefault(name, {})[gate] = one
            if name in REFUSED_ELSEWHERE:
                one["refused_elsewhere"] = REFUSED_ELSEWHERE[name]
            elif one[gate] is not None:
                kept = with_gate(kept, name, gate, one[gate])
    summary = {}
    for half, docs in halves.items():
        before, after = replay(docs, {}), replay(docs, kept)
        summary[f"half_{half.lower()}"] = {
            "f1_before": round(before[0], 4),
            "f1_after": round(after[0], 4),
            "ms_saved_per_page": round(1000 * after[2], 2),
        }
    print("kept:", kept, summary)
    if args.dry_run:
        return
    write_fit(
        DATA,
        "fit_second_opinion.py",
        {
            "max_drops": MAX_DROPS,
            "grids": {gate: list(grid) for gate, grid in GRIDS.items()},
            "readings": fits,
            "all_kept": summary,
            # a reading the rows no longer hold (its profile asks no longer) keeps its shipped values
            **{
                DATA_KEY[gate]: {name: kept.get(name, {}).get(gate) for name in sorted({*readings, *fits})}
                for gate in GRIDS
            },
        },
    )


if __name__ == "__main__":
    main()
