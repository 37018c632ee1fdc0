"""Fit the title chooser's one threshold on WCXB half A; write it as data.

``_title.MIN_OVERLAP`` is the share of words an ``h1`` must have in common with a meta title
(og:title, JSON-LD headline, <title>, each with its site name cut) to be taken as the same story
in other words: readers see the h1, so it wins then. Each value of a small grid is scored by
WCXB's title metric (equal after folding case and punctuation, article pages with a true title) on
half A; the best wins, the larger on a tie (a stricter match). Half B is printed for the record,
never used to choose; aeb's unambiguous titles must stay right (checked by ``score.py aeb``).

    python benchmarks/fit_title.py            # fit on half A, report half B, write the data file
    python benchmarks/fit_title.py --dry-run
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsscrape.extractor.metadata import _title  # noqa: E402
from newsscrape.extractor.metadata._metadata import read_metadata  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "title.json"
GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
WORD = re.compile(r"\w+")


def fold(text: str | None) -> str:
    return " ".join(WORD.findall((text or "").lower()))


def pages(half: str) -> list[tuple[str, str, bytes]]:
    out = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            if "AB"[int(truth["id"]) % 2] == half and truth["type"] == "article" and truth["title"]:
                html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
                out.append((truth["url"], truth["title"], html))
    return out


def accuracy(docs: list[tuple[str, str, bytes]], value: float) -> float:
    _title.MIN_OVERLAP = value
    pairs = [(read_metadata(LexborHTMLParser(html), url=u).record.title, title) for u, title, html in docs]
    return mean(fold(got) == fold(title) for got, title in pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    args = ap.parse_args()
    half_a, half_b = pages("A"), pages("B")
    scores = {value: accuracy(half_a, value) for value in GRID}
    best = max(GRID, key=lambda value: (scores[value], value))
    for value in GRID:
        mark = "  <- chosen" if value == best else ""
        print(
            f"min_overlap {value:.1f}: half A {scores[value]:.3f}  half B {accuracy(half_b, value):.3f}{mark}"
        )
    if not args.dry_run:
        data = {
            "fitted": dt.date.today().isoformat(),
            "by": "benchmarks/fit_title.py",
            "data": f"WCXB development split, half A ({len(half_a)} article pages with a title)",
            "grid": GRID,
            "half_a": {str(value): round(score, 4) for value, score in scores.items()},
            "min_overlap": best,
        }
        DATA.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
