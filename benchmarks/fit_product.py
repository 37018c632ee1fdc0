"""Fit the product reading's three steps on WCXB half A and write them as data.

``content/_product.py`` does three things on the readings ``data/product.json`` names:
- ``hidden_sheets``: a shop keeps a product's specification (label/value rows: a ``<table>`` of
  ``<th>``/``<td>``, a ``<dl>`` of ``<dt>``/``<dd>``) in a closed tab or accordion, which both
  readings drop and WCXB's truths keep; the rows a reading lacks of each hidden sheet at least
  ``pair_share`` of whose rows are pairs are added (null: none);
- ``name_first``: the reading starts with the product's name (the record's title) when no
  paragraph holds it (WCXB's truths of product pages often start with it; trafilatura's reading,
  which wins there, leaves it out);
- ``after_name``: the reading drops its lines of at most that many words found in the page's text
  only before its first ``<h1>`` (the shop's announcement bars and promotions; null: none).

Every WCXB page is extracted once with both steps held off, recording the reading it was made
with; the pages of each fitted reading are then extracted again with each setting of the grid,
one step after the other (the share first, then the name with the share chosen, then the lines
above the name with both chosen). A step's setting
is the one whose reading's own page types gain most in mean F1 on half A (a tie goes to the
first of the grid: the stricter share), provided the mean F1 of all pages gains and no page type
(a page read as the type may be of another) loses more than ``MAX_DROP`` on half A. Half B does
not choose; it can only refuse: when a page type's mean F1 on half B drops with the chosen
setting (by more than ``B_MAX_DROP``, rounding), the step stays off for the reading and the
refusal is written.

    python benchmarks/fit_product.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_product.py --dry-run   # the same, without writing
    python benchmarks/fit_product.py --types product service   # these readings (default: product)

Writes ``src/newsscrape/extractor/data/product.json``, read by ``content/_product.py``.
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
from fit_second_opinion import WCXB, extracted  # noqa: E402  (WCXB pages read)

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor.content import _content, _product  # noqa: E402
from newsscrape.extractor.content._profiles import PROFILES, ContentProfile  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "product.json"
PAIR_SHARES: tuple[float, ...] = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
AFTER_WORDS: tuple[int, ...] = (10, 20, 50, 100, 200)  # fewest first: a tie goes to the stricter
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)
# half B may not lose on any page type: less than half a unit of the fourth decimal is no loss
B_MAX_DROP = 0.00005


class Recorder:
    """Records the reading each page's text was made with (the last one with blocks)."""

    def __init__(self) -> None:
        self.last: str | None = None
        real = _content.hidden_sheets  # type: ignore[attr-defined]

        def record(body: Any, blocks: list[Any], profile: ContentProfile) -> list[Any]:
            self.last = profile.reading
            return real(body, blocks, profile)

        _content.hidden_sheets = record  # type: ignore[attr-defined]

    def reset(self) -> None:
        self.last = None


def setting(
    profile: ContentProfile | None = None,
    share: float | None = None,
    named: bool = False,
    words: int | None = None,
) -> None:
    """The steps as the fit tries them: on ``profile``'s reading only, or off everywhere."""
    _product.PAIR_SHARES.clear()
    _product.NAME_FIRST.clear()
    _product.AFTER_NAME.clear()
    if profile is not None and share is not None:
        _product.PAIR_SHARES[profile.reading] = share
    if profile is not None and named:
        _product.NAME_FIRST.add(profile.reading)
    if profile is not None and words is not None:
        _product.AFTER_NAME[profile.reading] = words


def collect() -> list[dict[str, Any]]:
    """One row per page, both steps held off: half, type, id, F1 and the reading."""
    setting()
    recorder = Recorder()
    rows = []
    for truth, row in extracted(recorder.reset):
        del row["body"]
        rows.append(row | {"id": truth["id"], "reading": recorder.last or ""})
    return rows


def scored(rows: list[dict[str, Any]], profile: ContentProfile) -> dict[str, float]:
    """The F1 of each page of ``profile``'s reading (by id), extracted with the steps as set."""
    name = profile.reading
    wanted = {row["id"] for row in rows if row["reading"] == name}
    out = {}
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            if truth["id"] not in wanted:
                continue
            html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
            try:
                body = extract(html, url=truth["url"]).body
            except ExtractError:
                body = ""
            out[truth["id"]] = word_f1(truth["body"], body)
    return out


def by_type(rows: list[dict[str, Any]], half: str, f1: dict[str, float]) -> dict[str, float]:
    """Mean F1 per page type on ``half``, a page's F1 taken from ``f1`` when it is there."""
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row["half"] == half:
            scores[row["type"]].append(f1.get(row["id"], row["f1"]))
    return {page_type: mean(values) for page_type, values in scores.items()}


def choose(
    rows: list[dict[str, Any]],
    profile: ContentProfile,
    grid: list[tuple[Any, dict[str, float]]],
    base: dict[str, float],
) -> tuple[Any, dict[str, Any]]:
    """The setting of ``grid`` (setting, F1 by page id) that half A chooses and half B lets stand
    (None: the step stays off), against ``base`` (F1 by page id without it), and the report."""
    own = [profile.reading]
    before = {half: by_type(rows, half, base) for half in "AB"}
    mean_a = mean(base.get(r["id"], r["f1"]) for r in rows if r["half"] == "A")
    best: tuple[float, Any, dict[str, float]] = (0.0, None, {})
    report = []
    for value, f1 in grid:
        on_a = by_type(rows, "A", {**base, **f1})
        gain = mean(on_a[t] - before["A"][t] for t in own if t in on_a)
        overall = mean(f1.get(r["id"], base.get(r["id"], r["f1"])) for r in rows if r["half"] == "A") - mean_a
        worst = min(on_a[t] - before["A"][t] for t in on_a)
        report.append({"setting": value, "own_a": round(gain, 4), "all_a": round(overall, 5)})
        print(
            f"{profile.reading:<12} {value!s:<6} own A {gain:+.4f}  all A {overall:+.5f}  worst {worst:+.4f}"
        )
        if gain > best[0] and overall > 0 and worst >= -MAX_DROP:
            best = (gain, value, f1)
    _, chosen, f1 = best
    result: dict[str, Any] = {"grid": report, "chosen": chosen}
    if chosen is not None:
        on_a, on_b = by_type(rows, "A", {**base, **f1}), by_type(rows, "B", {**base, **f1})
        result |= {
            "half_a": {t: [round(before["A"][t], 4), round(on_a[t], 4)] for t in own},
            "half_b": {t: [round(before["B"][t], 4), round(on_b[t], 4)] for t in own},
        }
        changes = {t: on_b[t] - before["B"][t] for t in on_b}
        drops = {t: round(change, 5) for t, change in changes.items() if change < -B_MAX_DROP}
        if drops:
            result |= {"refused_by_b": drops, "chosen": None}
    print(f"{profile.reading}: {result['chosen']} (A {result.get('half_a')}, B {result.get('half_b')})")
    return result["chosen"], result


def fit(rows: list[dict[str, Any]], page_type: str) -> dict[str, Any]:
    profile = PROFILES[page_type]
    grid = []
    for share in PAIR_SHARES:
        setting(profile, share)
        grid.append((share, scored(rows, profile)))
    share, sheets = choose(rows, profile, grid, {})
    setting(profile, share)
    base = scored(rows, profile) if share is not None else {}
    setting(profile, share, named=True)
    named, name = choose(rows, profile, [(True, scored(rows, profile))], base)
    setting(profile, share, named=bool(named))
    base = scored(rows, profile) if share is not None or named else {}
    grid = []
    for words in AFTER_WORDS:
        setting(profile, share, named=bool(named), words=words)
        grid.append((words, scored(rows, profile)))
    words, above = choose(rows, profile, grid, base)
    setting()
    return {
        "reading": profile.reading,
        "pair_share": share,
        "name_first": bool(named),
        "after_name": words,
        "sheets": sheets,
        "name": name,
        "above_name": above,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--types", nargs="+", default=["product"])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    rows = collect()
    fits = {page_type: fit(rows, page_type) for page_type in args.types}
    if args.dry_run:
        return
    DATA.write_text(
        json.dumps(
            {
                "fitted": dt.date.today().isoformat(),
                "by": "benchmarks/fit_product.py",
                "data": "WCXB development split, half A (even ids) chooses; half B may only refuse",
                "grid": {"pair_share": PAIR_SHARES, "name_first": [False, True], "after_name": AFTER_WORDS},
                "max_drop": MAX_DROP,
                "b_max_drop": B_MAX_DROP,
                "pair_share": {t: fit["pair_share"] for t, fit in fits.items()},
                "name_first": {t: fit["name_first"] for t, fit in fits.items()},
                "after_name": {t: fit["after_name"] for t, fit in fits.items()},
                "fits": fits,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
