"""Fit the title chooser's three thresholds on WCXB half A; write them as data.

``_title.MIN_OVERLAP`` is the share of words an ``h1`` must have in common with a meta title
(og:title, JSON-LD headline, <title>: any of its forms, with or without the labels a cut takes off,
once it shares a word with the cut form) to be taken as the same story in other words: readers see
the h1, so it wins then. ``_title.MIN_COPY`` is the likeness of the
two texts (difflib's ratio, letters and digits in order) from which such an h1 is the meta title
copied with a slip ("and" for "&", a lost glyph), or its headline copied without the subtitle
after a colon ("Index funds" for "Index Funds: How to Invest"): the meta title wins then (above 1:
never). ``_title.LABEL_RATIO`` is how many times longer than a short part after a strong separator
(" | ", " - ", ...) the rest of a meta title must be for that part to be a label cut off ("Headline |
Opinion"), not the headline's own subtitle ("Plant-based diet - tips and tricks"). Each triple of a
small grid is scored by WCXB's title metric (equal after folding case and punctuation, article
pages with a true title) on half A; the best wins, on a tie the larger MIN_COPY (fewer overrides),
then the larger MIN_OVERLAP (a stricter match), then the larger LABEL_RATIO (fewer cuts).
Half B is printed for the record, never used to choose; aeb's unambiguous titles must stay right
(checked by ``score.py aeb``).

The title sources of each page are read once (as ``read_metadata`` reads them, with the site name
and trail chosen before the title), then the chooser runs on them for every triple.

    python benchmarks/fit_title.py            # fit on half A, report half B, write the data file
    python benchmarks/fit_title.py --dry-run
    python benchmarks/fit_title.py --misses   # the misses by kind (which candidate the truth is)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsscrape.extractor._charset import decode_html, has_mojibake, undo_mojibake  # noqa: E402
from newsscrape.extractor.metadata import _title  # noqa: E402
from newsscrape.extractor.metadata._metapage import Metadata, Page  # noqa: E402
from newsscrape.extractor.metadata._metarules import TABLE, Rule, title_sources  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "title.json"
# Below .3 a logo h1 inside a longer title ("Daily Planet" in a nine-word <title>: 2/9) would pass as
# the headline, and an h2 sharing a word or two with the title would anchor the date finder.
GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
COPY_GRID = (0.8, 0.85, 0.9, 0.92, 0.95, 2.0)  # 2.0: the meta title never overrides a resembling h1
LABEL_GRID = (1.5, 2.0, 2.5, 3.0, 4.0)
WORD = re.compile(r"\w+")


def fold(text: str | None) -> str:
    return " ".join(WORD.findall((text or "").lower()))


def pages(half: str) -> list[tuple[_title.TitleSources, str]]:
    """Each article page of the half with a true title: its title sources and that title."""
    out = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            if "AB"[int(truth["id"]) % 2] == half and truth["type"] == "article" and truth["title"]:
                html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
                out.append((sources(html, truth["url"]), truth["title"]))
    return out


def sources(html: bytes, url: str) -> _title.TitleSources:
    """The title sources as ``read_metadata`` sees them: the page decoded as the extractor decodes it
    (its charset, text encoded twice upstream undone), then the rules above the title run first."""
    text = decode_html(html, url=url)
    if has_mojibake(text.encode("utf-8", "replace")):
        text = undo_mojibake(text)
    page, meta = Page.read(LexborHTMLParser(text), url=url), Metadata()
    for row in TABLE:
        if row.field == "title":
            break
        if isinstance(row, Rule) and row.field not in meta.sources and (value := row.read(page, meta)):
            meta.choose(row.field, value, row.source)
    return title_sources(page, meta)


def accuracy(docs: list[tuple[_title.TitleSources, str]], low: float, high: float, ratio: float) -> float:
    _title.MIN_OVERLAP, _title.MIN_COPY, _title.LABEL_RATIO = low, high, ratio
    return mean(fold(_title.choose_title(src)[0]) == fold(title) for src, title in docs)


def miss_kind(src: _title.TitleSources, title: str) -> str | None:
    """Why the chosen title misses the true one (None: it does not), by which candidate the truth is."""
    chosen, truth = fold(_title.choose_title(src)[0]), fold(title)
    if chosen == truth:
        return None
    h1s = [fold(h1) for h1 in src.h1s if not _title._is_site_name(h1, src)]
    claims = [text for text in (src.og, src.headline, src.twitter, src.html_title) if text]
    cut = {fold(_title.strip_site(text, src)) for text in claims}
    if truth in {fold(text) for text in claims} - cut:
        return "the truth keeps the site name or label we cut"
    if h1s and truth == h1s[0]:
        return "the truth is the h1, we gave a meta title"
    if truth in cut:
        return "the truth is a meta title, we gave the h1" if chosen in h1s else "another meta title"
    if any(text.startswith(truth + " ") for text in cut | {chosen, *h1s}):
        return "the truth cuts a further label or subtitle"
    return "the truth is no candidate (a later h1, other words)"


def h1_over_meta(src: _title.TitleSources, title: str) -> bool:
    """The h1 was given and is the truth, though every meta title (cut) words it otherwise."""
    cut = {
        fold(_title.strip_site(text, src))
        for text in (src.og, src.headline, src.twitter, src.html_title)
        if text
    }
    chosen = fold(_title.choose_title(src)[0])
    return (
        bool(cut) and chosen == fold(title) and chosen not in cut and chosen in {fold(h1) for h1 in src.h1s}
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument(
        "--misses", action="store_true", help="count the misses by kind on both halves; fit nothing"
    )
    args = ap.parse_args()
    half_a, half_b = pages("A"), pages("B")
    if args.misses:
        for name, docs in (("A", half_a), ("B", half_b)):
            kinds = Counter(kind for src, title in docs if (kind := miss_kind(src, title)))
            print(f"half {name}: {sum(kinds.values())} misses of {len(docs)}")
            for kind, n in kinds.most_common():
                print(f"  {n:3d}  {kind}")
            # the other side of the first kind: the truth convention is split, not a rule missed
            print(
                f"  ({sum(map(h1_over_meta, (src for src, _ in docs), (t for _, t in docs)))} right where"
                " the h1 differs from every cut meta title and the truth is the h1)"
            )
        return
    triples = [(low, high, ratio) for low in GRID for high in COPY_GRID for ratio in LABEL_GRID]
    scores = {triple: accuracy(half_a, *triple) for triple in triples}
    best = max(triples, key=lambda t: (scores[t], t[1], t[0], t[2]))
    # two slices through the best triple: the pairs at its ratio, the ratios at its pair
    shown = [t for t in triples if t[2] == best[2]] + [t for t in triples if t[:2] == best[:2] and t != best]
    for triple in shown:
        mark = "  <- chosen" if triple == best else ""
        print(
            f"min_overlap {triple[0]:.1f} min_copy {triple[1]:.2f} label_ratio {triple[2]:.1f}:"
            f" half A {scores[triple]:.3f}  half B {accuracy(half_b, *triple):.3f}{mark}"
        )
    if not args.dry_run:
        data = {
            "fitted": dt.date.today().isoformat(),
            "by": "benchmarks/fit_title.py",
            "data": f"WCXB development split, half A ({len(half_a)} article pages with a title)",
            "grid": GRID,
            "copy_grid": COPY_GRID,
            "label_grid": LABEL_GRID,
            "half_a": {" ".join(map(str, triple)): round(score, 4) for triple, score in scores.items()},
            "min_overlap": best[0],
            "min_copy": best[1],
            "label_ratio": best[2],
        }
        DATA.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
