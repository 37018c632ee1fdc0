"""Extraction cost per page, newsscrape beside trafilatura, with newsscrape's time split by stage.

Run by hand from the repository root (the development pages live in ../shared/bench):

    .venv/bin/python benchmarks/extract_speed.py                 # WCXB (all 1,358 pages) and aeb
    .venv/bin/python benchmarks/extract_speed.py --set aeb --every 2 --no-peer
    .venv/bin/python benchmarks/extract_speed.py --profile 40     # cProfile's top 40 (tottime) too

Every call is timed with ``time.process_time`` (CPU of this process), so other work on the machine
inflates the two columns less than wall time would; still, compare the two extractors within one
run, never across runs. trafilatura runs as ``score.py`` runs it: ``extract`` on the page's bytes
with metadata and tables, no comments. Both are warmed first (``_warm.WARM_STEPS``, as a crawl's
workers are), so a model loaded on first need is not charged to one page.

The stage table wraps the pipeline's steps where ``_core`` and ``_content`` call them (a stage
called twice per page, as the content pass on a page read again as its type, adds up), and the
metadata rules one by one. Stages nest: ``extract_content`` holds ``_native`` (which holds
``_pagewide.prepare``, itself holding ``_drop_rails`` and ``paragraph_weights``, then
``choose_container`` and the block walk) and ``_second_opinion`` (``trafilatura_text``);
``read_metadata`` holds the ``meta:`` rows.

``--second-opinion`` accounts for trafilatura's second opinion: on how many pages it is asked, its
CPU as called, how often its text is dropped (the native reading kept), and what ``fast=True`` (no
fallback algorithms) would cost and change. It runs trafilatura twice more per page asked (CPU only;
not part of the timed extraction).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import functools
import gzip
import json
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsscrape  # noqa: E402
from newsscrape.extractor import _core  # noqa: E402
from newsscrape.extractor._warm import WARM_STEPS  # noqa: E402
from newsscrape.extractor.content import _content, _pagewide  # noqa: E402
from newsscrape.extractor.content._trafilatura import trafilatura_tree  # noqa: E402
from newsscrape.extractor.metadata import _metadata, _metapage  # noqa: E402

CORE_STAGES = (
    "decode_page",
    "valid_text",
    "has_mojibake",
    "undo_mojibake",
    "tame_attributes",
    "_parse",
    "read_metadata",
    "page_signals",
    "extract_content",
    "classify",
    "content_signals",
    "_check_language",
    "_build",
)
CONTENT_STAGES = (
    "_native",
    "prepare",
    "choose_container",
    "drop_repeats",
    "_second_opinion",
    "trafilatura_text",
    "_unsure",
)
PAGEWIDE_STAGES = ("_drop_rails", "paragraph_weights")  # called inside ``_pagewide.prepare``


def pages(which: str, every: int) -> Iterator[tuple[str, bytes, str | None]]:
    if which in ("all", "wcxb"):
        with gzip.open(BENCH / "wcxb" / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n % every:
                    continue
                gt = json.loads(line)
                html = gzip.decompress((BENCH / "wcxb" / "html" / f"{gt['id']}.html.gz").read_bytes())
                yield "wcxb", html, gt.get("url")
    if which in ("all", "aeb"):
        truth = json.loads((BENCH / "aeb" / "ground-truth.json").read_text())
        for n, key in enumerate(sorted(truth)):
            if n % every:
                continue
            html = gzip.decompress((BENCH / "aeb" / "html" / f"{key}.html.gz").read_bytes())
            yield "aeb", html, truth[key]["url"]


class Stages:
    """CPU seconds per stage, summed over the pages of the current set."""

    def __init__(self) -> None:
        self.cpu: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[name] += time.process_time() - start
                self.calls[name] += 1

        return timed

    def install(self) -> None:
        for name in CORE_STAGES:
            if hasattr(_core, name):
                setattr(_core, name, self.wrap(name, getattr(_core, name)))
        for module, names in ((_content, CONTENT_STAGES), (_pagewide, PAGEWIDE_STAGES)):
            for name in names:
                setattr(module, name, self.wrap(name, getattr(module, name)))
        _metapage.Page.read = self.wrap("meta:Page.read", _metapage.Page.read)  # type: ignore[method-assign]
        rows = []
        for row in _metadata.TABLE:
            if hasattr(row, "read"):
                rows.append(row._replace(read=self.wrap(f"meta:{row.field}", row.read)))
            else:
                rows.append(row._replace(decide=self.wrap(f"meta:{row.field}", row.decide)))
        _metadata.TABLE = tuple(rows)


class SecondOpinions:
    """What trafilatura's second opinion costs, and what of it the extraction keeps: a page's calls
    are recorded while it is extracted, and trafilatura is run again on it (as called and with
    ``fast=True``) only after its extraction is timed."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()
        self._page: dict[str, bool] = {}  # this page's markup asked about -> a reading kept the text

    def install(self) -> None:
        ask = _content._second_opinion

        @functools.wraps(ask)
        def recorded(content: Any, html: str, *args: Any, **kwargs: Any) -> None:
            before = content.method
            ask(content, html, *args, **kwargs)
            if len(html) <= _content.FALLBACK_MAX_CHARS:  # else trafilatura is not asked
                kept = content.method == "trafilatura" and before != "trafilatura"
                self._page[html] = self._page.get(html, False) or kept

        _content._second_opinion = recorded

    def settle(self) -> None:
        """Account for the page just extracted (a page read again as its type asks once more; its
        text is cached, so it counts once)."""
        import trafilatura

        for html, kept in self._page.items():
            self.counts["pages asked"] += 1
            self.counts["its text kept by a reading" if kept else "its text dropped"] += 1
            texts = []
            for fast in (False, True):
                start = time.process_time()
                tree = trafilatura_tree(html)  # the tree the second opinion reads
                texts.append(
                    None
                    if tree is None
                    else trafilatura.extract(tree, include_comments=False, include_tables=True, fast=fast)
                )
                cpu = time.process_time() - start
                self.cpu["fast=True" if fast else "as called"] += cpu
                if not fast:
                    self.cpu["as called, its text kept" if kept else "as called, its text dropped"] += cpu
            self.counts["fast=True gives another text"] += texts[0] != texts[1]
        self._page.clear()

    def report(self, pages: int) -> None:
        asked = max(self.counts["pages asked"], 1)
        print(f"second opinion over {pages} pages: {dict(self.counts)}")
        for what, cpu in self.cpu.items():
            print(f"    {what:<28} {1000 * cpu / pages:7.2f} ms/page {1000 * cpu / asked:7.2f} ms/page asked")


def run_trafilatura(html: bytes, url: str | None) -> None:
    import trafilatura

    trafilatura.extract(html, url=url, with_metadata=True, include_tables=True, include_comments=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("all", "wcxb", "aeb"), default="all")
    ap.add_argument("--every", type=int, default=1, help="take every n-th page only (quicker, rougher)")
    ap.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    ap.add_argument("--no-stages", action="store_true", help="time whole pages only (no wrappers)")
    ap.add_argument("--profile", type=int, default=0, help="also print cProfile's top N by tottime")
    ap.add_argument("--top", type=int, default=25, help="stages printed per set")
    ap.add_argument("--second-opinion", action="store_true", help="account for trafilatura's second opinion")
    args = ap.parse_args()

    stages = Stages()
    if not args.no_stages:
        stages.install()
    opinions = SecondOpinions()
    if args.second_opinion:
        opinions.install()
    for step in WARM_STEPS:  # what a crawl's worker loads before its first page
        step()
    newsscrape.extract(b"<html><body><p>warm up, some words of text here</p></body></html>")
    stages.cpu.clear()
    if not args.no_peer:
        run_trafilatura(b"<html><body><p>warm up, some words of text here</p></body></html>", None)
    profile = cProfile.Profile() if args.profile else None
    sets: dict[str, dict[str, Any]] = {}
    for name, html, url in pages(args.set, args.every):
        row = sets.setdefault(name, {"pages": 0, "ours": 0.0, "peer": 0.0, "errors": 0, "cpu": Counter()})
        before = stages.cpu.copy()
        if profile:
            profile.enable()
        start = time.process_time()
        try:
            newsscrape.extract(html, url=url)
        except newsscrape.NewsscrapeError:
            row["errors"] += 1
        row["ours"] += time.process_time() - start
        if profile:
            profile.disable()
        row["cpu"].update(stages.cpu - before)
        if args.second_opinion:
            opinions.settle()
        if not args.no_peer:
            start = time.process_time()
            with contextlib.suppress(Exception):  # a peer's crash costs its time, nothing else
                run_trafilatura(html, url)
            row["peer"] += time.process_time() - start
        row["pages"] += 1

    for name, row in sets.items():
        n = row["pages"]
        ours, peer = 1000 * row["ours"] / n, 1000 * row["peer"] / n
        line = f"{name:5} {n:5} pages  newsscrape {ours:7.2f} ms/page (cpu)"
        if not args.no_peer:
            line += f"  trafilatura {peer:7.2f} ms/page  ratio {ours / peer:.3f}"
        print(line + f"  errors {row['errors']}")
        for stage, cpu in row["cpu"].most_common(args.top):
            print(f"    {stage:<28} {1000 * cpu / n:7.2f} ms/page  {100 * cpu / row['ours']:5.1f}%")
    if len(sets) > 1:
        n = sum(r["pages"] for r in sets.values())
        ours = 1000 * sum(r["ours"] for r in sets.values()) / n
        line = f"all   {n:5} pages  newsscrape {ours:7.2f} ms/page (cpu)"
        if not args.no_peer:
            peer = 1000 * sum(r["peer"] for r in sets.values()) / n
            line += f"  trafilatura {peer:7.2f} ms/page  ratio {ours / peer:.3f}"
        print(line)
    if args.second_opinion:
        opinions.report(sum(r["pages"] for r in sets.values()))
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
