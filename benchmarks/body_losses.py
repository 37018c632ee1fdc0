"""Where the body's word F1 is lost on a WCXB half: per page precision and recall, where the extra
words sit, and which of the block walk's rules dropped words the truth keeps.

WCXB scores a body as a bag of lower-cased ``\\w+`` words (per page precision, recall and F1, then
averaged). This script splits each page's loss the two ways, for study on half A:

- per page: P, R, F1 and the F1 points the page costs the half's mean; the body's extra words (not
  in the truth) placed before the first line the truth shares, between, or after the last one (an
  "after" loss is a closing box kept, or a truth cut short: read the page before calling it chrome);
- per rule of the block walk (``_walk.Walk``: a labelled box, a link paragraph, a box of links ...):
  the words it dropped and how many of them the truth wants and the body lacks, with the pages where
  most of a dropped block was wanted (a rule to look at, never a threshold to fit here).

    PYTHONPATH=src python benchmarks/body_losses.py                    # half A, article pages
    PYTHONPATH=src python benchmarks/body_losses.py --types article,service --worst 60
    PYTHONPATH=src python benchmarks/body_losses.py --out /tmp/rows.jsonl   # rows with both texts

Needs ../shared/bench (score.py and its WCXB copy). Half B is for confirming a change, not for this.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
WORD = re.compile(r"\w+")
WANTED_SHARE = 0.6  # a dropped block is "wanted" when this share of its words is missing and in the truth
WANTED_MIN_WORDS = 5


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def placed_extra(body: str, truth: str) -> tuple[int, int, int]:
    """The body's words not in the truth, as (before, between, after) the lines the truth shares."""
    left = Counter(words(truth))
    lines: list[tuple[int, int]] = []  # (words, extra words) per body line
    for line in body.split("\n"):
        found = words(line)
        if not found:
            continue
        extra = sum(1 for w in found if left[w] <= 0)
        left.subtract(found)
        lines.append((len(found), extra))
    shared = [i for i, (n, extra) in enumerate(lines) if extra * 2 <= n]
    if not shared:
        return 0, sum(extra for _, extra in lines), 0
    first, last = shared[0], shared[-1]
    before = sum(extra for _, extra in lines[:first])
    after = sum(extra for _, extra in lines[last + 1 :])
    return before, sum(extra for _, extra in lines[first : last + 1]), after


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", default="A", choices=["A", "B"])
    ap.add_argument("--types", default="article", help="comma-separated WCXB page types")
    ap.add_argument("--worst", type=int, default=40, help="pages listed, lowest F1 first")
    ap.add_argument("--out", help="write one JSON row per page (with body and truth) here")
    args = ap.parse_args()
    sys.path.insert(0, str(BENCH))
    import score  # type: ignore[import-not-found]

    import newsscrape
    from newsscrape.extractor.content import _walk

    dropped: list[tuple[str, str, str]] = []
    record = _walk.Walk._record

    def logged(self: _walk.Walk, kind: Any, reason: str, at: str, text: str) -> None:
        dropped.append((kind, reason, text))
        record(self, kind, reason, at, text)

    _walk.Walk._record = logged  # type: ignore[method-assign]
    types = set(args.types.split(","))
    rows: list[dict[str, Any]] = []
    rules: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0, set()])
    for key, html, gt in score.load_wcxb(args.half):
        if gt["type"] not in types:
            continue
        dropped.clear()
        try:
            body = newsscrape.extract(html, url=gt.get("url")).body or ""
        except newsscrape.ExtractError:
            body = ""
        p, r, f1 = score.word_prf(gt["body"], body)
        missing = Counter(words(gt["body"])) - Counter(words(body))
        for kind, reason, text in dropped:
            found = Counter(words(text))
            total = sum(found.values())
            if not total:
                continue
            wanted = sum((found & missing).values())
            rule = rules[(kind, reason[:40])]
            rule[0] += total
            rule[1] += wanted
            if wanted >= WANTED_MIN_WORDS and wanted >= WANTED_SHARE * total:
                rule[2].add(key)
        rows.append(
            {"id": key, "type": gt["type"], "url": gt.get("url"), "p": p, "r": r, "f1": f1,
             "extra": placed_extra(body, gt["body"]), "body": body, "truth": gt["body"]}
        )  # fmt: skip
    n = len(rows)
    print(f"{n} pages ({args.types}, half {args.half}): F1 {sum(r['f1'] for r in rows) / n:.4f}, "
          f"P {sum(r['p'] for r in rows) / n:.4f}, R {sum(r['r'] for r in rows) / n:.4f}")  # fmt: skip
    print("\npage   F1     P     R    pts  extra words before/between/after  url")
    for row in sorted(rows, key=lambda row: row["f1"])[: args.worst]:
        before, between, after = row["extra"]
        cost = 100 * (1 - row["f1"]) / n
        print(f"{row['id']} {row['f1']:.3f} {row['p']:.3f} {row['r']:.3f} {cost:.3f}"
              f"  {before:5d} {between:6d} {after:6d}  {(row['url'] or '')[:70]}")  # fmt: skip
    print("\nrule of the walk                                   dropped  wanted  pages mostly wanted")
    for (kind, reason), (total, wanted, pages) in sorted(rules.items(), key=lambda kv: -kv[1][1]):
        if wanted:
            shown = " ".join(sorted(pages)[:8])
            print(f"{kind:14s} {reason:36s} {total:7d} {wanted:7d}  {len(pages):3d} {shown}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
