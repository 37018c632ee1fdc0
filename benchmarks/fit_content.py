"""Fit the content pass's per-page-type profiles on WCXB half A; write them as data.

For each page type of WCXB's taxonomy, every (descent_share, second_opinion) pair of a small grid
is scored with WCXB's own metric (bag-of-words F1, averaged over the type's pages of half A, each
page read as its true type); the best pair becomes that type's profile. A pair must beat the
article profile by ``MIN_GAIN`` to replace it, so that noise on a few dozen pages does not move
a type off the default. Half B is scored with the chosen profiles beside the article profile, for
the record (it is never used to choose).

    python benchmarks/fit_content.py                 # fit on half A, report half B, write the data file
    python benchmarks/fit_content.py --dry-run       # the same, without writing

The data file (``src/newsscrape/extractor/data/content_profiles.json``) keeps the fit's date,
grid, scores and the profiles; ``extractor/_profiles.py`` reads it. Needs ../shared/bench/wcxb.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsscrape import ExtractError, extract  # noqa: E402
from newsscrape.extractor import _profiles  # noqa: E402
from newsscrape.extractor._profiles import ContentProfile  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "content_profiles.json"
DESCENT_SHARES = (0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never step below <body>'s heaviest box
SECOND_OPINIONS = ("unsure", "longer")
TYPES = ("article", "collection", "documentation", "forum", "listing", "product", "service")
MIN_GAIN = 0.015  # F1 points a profile must win by over the article profile (a few dozen pages a type)
WORD = re.compile(r"\w+")


def word_f1(true: str, pred: str) -> float:
    """WCXB's metric for one page."""
    t, p = Counter(WORD.findall(true.lower())), Counter(WORD.findall(pred.lower()))
    if not t or not p:
        return float(not t and not p)
    hit = sum((t & p).values())
    precision, recall = hit / sum(p.values()), hit / sum(t.values())
    return 2 * precision * recall / (precision + recall) if hit else 0.0


def pages(half: str) -> list[tuple[dict[str, str], bytes]]:
    out = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            if "AB"[int(truth["id"]) % 2] == half:
                out.append((truth, gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())))
    return out


def score(docs: list[tuple[dict[str, str], bytes]], profile: ContentProfile) -> float:
    _profiles.PROFILES = dict.fromkeys(TYPES, profile)  # every page read with this profile, whatever its type
    f1s = []
    for truth, html in docs:
        try:
            body = extract(html, url=truth["url"]).body
        except ExtractError:
            body = ""
        f1s.append(word_f1(truth["body"], body))
    return mean(f1s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    args = ap.parse_args()
    by_type: dict[str, dict[str, list[tuple[dict[str, str], bytes]]]] = defaultdict(lambda: defaultdict(list))
    for half in "AB":
        for truth, html in pages(half):
            by_type[truth["type"]][half].append((truth, html))
    saved = dict(_profiles.PROFILES)
    chosen: dict[str, dict[str, object]] = {}
    header = ("type", "pages A", "article A", "best A", "profile", "article B", "best B")
    print("{:<14} {:>7} {:>9} {:>7}  {:<22} {:>9} {:>7}".format(*header))
    for page_type, halves in sorted(by_type.items()):
        default = score(halves["A"], _profiles.ARTICLE)
        grid = {
            (share, opinion): score(halves["A"], ContentProfile(descent_share=share, second_opinion=opinion))
            for share in DESCENT_SHARES
            for opinion in SECOND_OPINIONS
        }
        (share, opinion), best = max(grid.items(), key=lambda kv: kv[1])
        if best < default + MIN_GAIN:
            share, opinion, best = _profiles.ARTICLE.descent_share, _profiles.ARTICLE.second_opinion, default
        profile = ContentProfile(descent_share=share, second_opinion=opinion)
        on_b = score(halves["B"], profile), score(halves["B"], _profiles.ARTICLE)
        chosen[page_type] = {
            "descent_share": share,
            "second_opinion": opinion,
            "half_a": {"pages": len(halves["A"]), "article_f1": round(default, 4), "f1": round(best, 4)},
            "half_b": {"pages": len(halves["B"]), "article_f1": round(on_b[1], 4), "f1": round(on_b[0], 4)},
        }
        label = f"{share} / {opinion}"
        print(
            f"{page_type:<14} {len(halves['A']):>7} {default:>9.3f} {best:>7.3f}  {label:<22} "
            f"{on_b[1]:>9.3f} {on_b[0]:>7.3f}"
        )
    _profiles.PROFILES = saved
    if not args.dry_run:
        DATA.write_text(
            json.dumps(
                {
                    "fitted": dt.date.today().isoformat(),
                    "by": "benchmarks/fit_content.py",
                    "data": "WCXB development split, half A (even ids); half B reported, not used",
                    "grid": {"descent_share": DESCENT_SHARES, "second_opinion": SECOND_OPINIONS},
                    "min_gain": MIN_GAIN,
                    "profiles": chosen,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
