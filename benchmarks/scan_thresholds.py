"""How the content pass's hand-set thresholds fare against their neighbours, on WCXB half A.

The content pass keeps some thresholds that no fit in ``benchmarks/fit_*.py`` sets (a paragraph's
fewest characters to vote, a rail's nearest heading, a card's longest text ...). This scan moves
each one alone over a small grid around its value, reads every page of half A with the whole
pipeline (``newsscrape.extract``), and prints the mean WCXB F1 (WCXB's own metric) beside the
shipped value's, with the pages that moved. A value that beats the shipped one on half A by more
than ``MIN_GAIN`` is then read on half B too (``--confirm``), which may only refuse it; a change
is made by hand in the module, after aeb and the dates set are scored as well (``score.py``).

    .venv/bin/python benchmarks/scan_thresholds.py                  # every threshold, half A
    .venv/bin/python benchmarks/scan_thresholds.py --only MIN_CHARS CARDS_MIN --confirm

A grid point is a fresh pool of worker processes whose module attribute is set before they read a
page (the modules read these names at call time); 2 workers read half A in ~20 s on this VM, the
whole scan in about half an hour. Needs ../shared/bench/wcxb.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path
from statistics import mean
from typing import Final

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fit_content import Page, pages, word_f1  # noqa: E402  (the WCXB pages and metric the fits read)
from fitgrid import MOVED  # noqa: E402  (when a page moves, as the grid fits count it)

import newsscrape  # noqa: E402
from newsscrape.errors import NewsscrapeError  # noqa: E402

MIN_GAIN: Final = 0.0005  # of half A's mean F1: less is one page's noise
_C = "newsscrape.extractor.content."
# (module, name, grid): the grid holds the shipped value's neighbours, not the value itself.
# A name another module imports by value is set there too (``_posts`` takes ``MIN_CHARS``).
THRESHOLDS: Final[tuple[tuple[tuple[str, ...], str, tuple[float, ...]], ...]] = (
    ((_C + "_scoring", _C + "_posts"), "MIN_CHARS", (15, 20, 30, 40)),
    ((_C + "_scoring",), "MAX_LINK_SHARE", (0.3, 0.4, 0.6, 0.7)),
    ((_C + "_scoring",), "GROUP_SHARE", (0.05, 0.2)),
    ((_C + "_content",), "UNSURE_WORDS", (30, 100, 150)),
    ((_C + "_content",), "UNSURE_HINT_SHARE", (0.4, 0.8)),
    ((_C + "_pagewide", _C + "_tidy"), "PAGE_CHROME_MAX_SHARE", (0.2, 0.3, 0.5, 0.6)),
    ((_C + "_pagewide",), "RAIL_MAX_SHARE", (0.7, 0.8, 0.95)),
    ((_C + "_pagewide",), "RAIL_MAX_CLIMB", (4, 6, 12)),
    ((_C + "_pagewide",), "RAIL_MIN_LINKS", (2, 4, 5)),
    ((_C + "_container",), "REPEAT_MIN_CHARS", (40, 60, 120)),
    ((_C + "_container",), "LEAD_BOX_CLIMB", (1, 3, 4)),
    ((_C + "_tidy",), "PIECE_WORDS", (3, 5, 6)),
    ((_C + "_boxes",), "AWAY_BOX_CHARS", (40, 60, 120)),
    ((_C + "_boxes",), "BOX_MAX_PROSE", (1500, 2000, 4500)),
    ((_C + "_boxes",), "RAIL_PROSE_LINK_SHARE", (0.2, 0.4, 0.5)),
    ((_C + "_boxes",), "RAIL_PROSE_CHARS", (100, 200, 300)),
    ((_C + "_boxes",), "SAFE_SHARE", (0.3, 0.4, 0.6, 0.7)),
    ((_C + "_boxes",), "SMALL_BOX_MAX_PROSE", (200, 300, 600)),
    ((_C + "_boxes",), "SECTION_HEADER_SHARE", (0.4, 0.5, 0.7, 0.8)),
    ((_C + "_boxes",), "CARDS_MIN", (2, 4, 5)),
    ((_C + "_boxes",), "CARD_MAX_CHARS", (400, 600, 1200)),
    ((_C + "_chrome",), "PANEL_MIN_WORDS", (4, 6, 12)),
    ((_C + "_wording",), "MAX_HEADING_CHARS", (40, 50, 80)),
    ((_C + "_wording",), "HEADING_LINE", (30, 40, 60, 70)),
    ((_C + "_wording",), "SHORT_LINE", (60, 80, 140)),
    ((_C + "_wording",), "CTA_LINE", (150, 200, 350)),
    ((_C + "_wording",), "DATETIME_LINE", (40, 50, 80)),
    ((_C + "_wording",), "ONE_WORD_DEFAULT_MAX", (2, 4, 5)),
)


def _set(modules: tuple[str, ...], name: str, value: float | None) -> None:
    if value is not None:
        for module in modules:
            held = importlib.import_module(module)
            if not hasattr(held, name):  # a name moved elsewhere: setting it here would change nothing
                raise AttributeError(f"{module} has no {name}: update THRESHOLDS")
            setattr(held, name, value)


def _score(page: Page) -> tuple[str, float]:
    try:
        body = newsscrape.extract(page.html, url=page.truth["url"]).body
    except NewsscrapeError:  # as score.py counts a failure: an empty text
        body = ""
    return page.truth["id"], word_f1(page.truth["body"], body)


def run(
    read: list[Page], modules: tuple[str, ...] = (), name: str = "", value: float | None = None
) -> dict[str, float]:
    """Every page's F1 with ``name`` set to ``value`` in ``modules`` (None: as shipped)."""
    with Pool(2, initializer=_set, initargs=(modules, name, value)) as pool:
        return dict(pool.imap_unordered(_score, read, chunksize=4))


def compare(base: dict[str, float], other: dict[str, float]) -> tuple[float, int, int]:
    up = sum(other[k] - base[k] > MOVED for k in base)
    down = sum(base[k] - other[k] > MOVED for k in base)
    return mean(other.values()) - mean(base.values()), up, down


def scan(only: set[str] | None, confirm: bool) -> Iterator[float]:
    """Each grid point's gain over the shipped value on half A, printed with the pages that moved;
    with ``confirm``, half B is read (the first time a point needs it) for points that gain."""
    half_a = pages("A")
    base_a = run(half_a)
    half_b: tuple[list[Page], dict[str, float]] | None = None
    print(f"half A as shipped: F1 {mean(base_a.values()):.4f} over {len(base_a)} pages", flush=True)
    for modules, name, grid in THRESHOLDS:
        if only and name not in only:
            continue
        shipped = getattr(importlib.import_module(modules[0]), name)
        for value in grid:
            gain, up, down = compare(base_a, run(half_a, modules, name, value))
            line = f"  {name:<22} {shipped!s:>6} -> {value!s:<6} half A {gain:+.4f} ({up} up, {down} down)"
            if confirm and gain > MIN_GAIN:
                if half_b is None:
                    read_b = pages("B")
                    half_b = read_b, run(read_b)
                gain_b, up_b, down_b = compare(half_b[1], run(half_b[0], modules, name, value))
                line += f"   half B {gain_b:+.4f} ({up_b} up, {down_b} down)"
            print(line, flush=True)
            yield gain


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="+", metavar="NAME", help="scan these thresholds alone")
    parser.add_argument("--confirm", action="store_true", help="read half B for values that win on half A")
    args = parser.parse_args()
    gains = list(scan(set(args.only) if args.only else None, args.confirm))
    best = sum(gain > MIN_GAIN for gain in gains)
    print(f"{len(gains)} grid points; {best} beat the shipped value on half A by more than {MIN_GAIN}")


if __name__ == "__main__":
    main()
