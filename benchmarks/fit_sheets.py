"""Fit which readings add back the hidden specification sheets, and which sheets, on WCXB half A.

A shop keeps a product's specification (label/value rows: a ``<table>`` of ``<th>``/``<td>``, a
``<dl>`` of ``<dt>``/``<dd>``) in a closed tab or accordion, which both readings drop and WCXB's
truths keep. ``content/_product.hidden_sheets`` adds the rows a reading lacks of each hidden sheet
at least ``pair_share`` of whose rows are pairs; a reading whose share is null adds nothing.

Every WCXB page is extracted once with the step held off, recording the reading it was made with;
the pages of each fitted reading are then extracted again with each share of the grid. A
reading's share is the one of the grid whose reading's own page types gain most in mean F1 on
half A (a tie goes to the stricter, higher share), provided the mean F1 of all pages gains and no
page type (a page read as the type may be of another) loses more than ``MAX_DROP`` on half A. Half
B does not choose; it can only refuse: when a page type's mean F1 on half B drops by more than
``MAX_DROP`` with the chosen share, the reading adds nothing (``null``) and the refusal is written.

    python benchmarks/fit_sheets.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_sheets.py --dry-run   # the same, without writing
    python benchmarks/fit_sheets.py --types product service   # these readings (default: product)

Writes ``src/newsscrape/extractor/data/sheets.json``, read by ``content/_product.py``.
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
from fit_second_opinion import WCXB, extracted, reading  # noqa: E402  (WCXB pages read; types read alike)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor.content import _content, _product  # noqa: E402
from newsscrape.extractor.content._profiles import PROFILES, ContentProfile  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "sheets.json"
PAIR_SHARES: tuple[float, ...] = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)


class Recorder:
    """Records the reading each page's text was made with (the last one with blocks)."""

    def __init__(self) -> None:
        self.last: str | None = None
        real = _content.hidden_sheets  # type: ignore[attr-defined]

        def record(body: Any, blocks: list[Any], profile: ContentProfile) -> list[Any]:
            self.last = reading(profile)
            return real(body, blocks, profile)

        _content.hidden_sheets = record  # type: ignore[attr-defined]

    def reset(self) -> None:
        self.last = None


def collect() -> list[dict[str, Any]]:
    """One row per page, the step held off: half, type, id, F1 and the reading."""
    _product.PAIR_SHARES.clear()
    recorder = Recorder()
    rows = []
    for truth, row in extracted(recorder.reset):
        del row["body"]
        rows.append(row | {"id": truth["id"], "url": truth["url"], "reading": recorder.last or ""})
    return rows


def with_share(rows: list[dict[str, Any]], profile: ContentProfile, share: float) -> dict[str, float]:
    """The F1 of each page of ``profile``'s reading (by id) when it adds sheets at ``share``."""
    name = reading(profile)
    truths = {}
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            truths[truth["id"]] = truth
    _product.PAIR_SHARES.clear()
    _product.PAIR_SHARES[profile] = share
    out = {}
    for row in rows:
        if row["reading"] != name:
            continue
        truth = truths[row["id"]]
        html = gzip.decompress((WCXB / "html" / f"{row['id']}.html.gz").read_bytes())
        try:
            body = extract(html, url=truth["url"]).body
        except ExtractError:
            body = ""
        out[row["id"]] = word_f1(truth["body"], body)
    _product.PAIR_SHARES.clear()
    return out


def by_type(rows: list[dict[str, Any]], half: str, f1: dict[str, float]) -> dict[str, float]:
    """Mean F1 per page type on ``half``, a page's F1 taken from ``f1`` when it is there."""
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row["half"] == half:
            scores[row["type"]].append(f1.get(row["id"], row["f1"]))
    return {page_type: mean(values) for page_type, values in scores.items()}


def fit(rows: list[dict[str, Any]], page_type: str) -> dict[str, Any]:
    profile = PROFILES[page_type]
    name = reading(profile)
    own = name.split("+")
    base = {half: by_type(rows, half, {}) for half in "AB"}
    best: tuple[float, float | None, dict[str, float]] = (0.0, None, {})
    report = []
    for share in PAIR_SHARES:
        f1 = with_share(rows, profile, share)
        on_a = by_type(rows, "A", f1)
        gain = mean(on_a[t] - base["A"][t] for t in own if t in on_a)
        overall = mean(f1.get(r["id"], r["f1"]) for r in rows if r["half"] == "A") - mean(
            r["f1"] for r in rows if r["half"] == "A"
        )
        worst = min(on_a[t] - base["A"][t] for t in on_a)
        report.append({"pair_share": share, "gain_a": round(gain, 4), "all_a": round(overall, 5)})
        print(f"{name:<12} share={share:<4} own A {gain:+.4f}  all A {overall:+.5f}  worst type {worst:+.4f}")
        if gain > best[0] and overall > 0 and worst >= -MAX_DROP:
            best = (gain, share, f1)
    _, chosen, f1 = best
    result: dict[str, Any] = {"reading": name, "grid": report, "chosen": chosen}
    if chosen is not None:
        on_b = by_type(rows, "B", f1)
        drops = {t: round(on_b[t] - base["B"][t], 4) for t in on_b if on_b[t] - base["B"][t] < -MAX_DROP}
        result |= {
            "half_a": {t: [round(base["A"][t], 4), round(by_type(rows, "A", f1)[t], 4)] for t in own},
            "half_b": {t: [round(base["B"][t], 4), round(on_b[t], 4)] for t in own},
        }
        if drops:
            result |= {"refused_by_b": drops, "chosen": None}
    print(f"{name}: {result.get('chosen')} (half A {result.get('half_a')}, half B {result.get('half_b')})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--types", nargs="+", default=["product"])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    rows = collect()
    fitted = {page_type: fit(rows, page_type) for page_type in args.types}
    if args.dry_run:
        return
    DATA.write_text(
        json.dumps(
            {
                "fitted": dt.date.today().isoformat(),
                "by": "benchmarks/fit_sheets.py",
                "data": "WCXB development split, half A (even ids) chooses; half B may only refuse",
                "grid": PAIR_SHARES,
                "max_drop": MAX_DROP,
                "pair_share": {t: result["chosen"] for t, result in fitted.items()},
                "fits": fitted,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
