"""Fit when a typed reading reads the page post by post, on WCXB half A; write it as data.

A forum thread whose replies are marked up as a comment section ("comments", "replies") loses them
to the first reading's page-wide chrome, and a thread whose messages sit in reply forms (old Reddit)
loses them to the block walk: trafilatura, which leaves comments out, gives no better. The content
pass then reads the thread's message boxes one by one (``_content._read_thread``, ``_posts``) and
takes that reading when it holds more than ``thread share`` times the words of the text the
reading chose, or when that text leaves out more than the ``missed share`` of the thread's posts
(``_content._missed``: trafilatura's reading of a XenForo thread may keep half of the posts): a
reading that already holds the thread is left alone (its posts are the same words, and its
clean-up was fitted on it).

The pair is fitted per reading (per page type, as ``fit_second_opinion.py`` does). Every
WCXB page is extracted once with the post-by-post reading made but never taken, recording its
blocks, the words of the text the pipeline chose and the share of the posts it left out. Each pair
of the grid is then replayed for one reading at a time, the post-by-post text scored as the
pipeline finishes it (each paragraph once, each post under its head: ``finished``; scored raw, it
lost to the chosen text, which had its heads). A reading's pair is the one of the grid with the
best mean F1 of all pages of half A, provided no page type loses more than ``MAX_DROP`` on half A.
Half B does not choose; it can only refuse: when a page type's mean F1 on half B drops by more than
``MAX_DROP`` with the chosen pair, the reading never reads post by post (``null``) and the refusal
is written.

    python benchmarks/fit_threads.py             # fit on half A, report half B, write the data file
    python benchmarks/fit_threads.py --dry-run   # the same, without writing

Writes ``src/newsscrape/extractor/data/threads.json``, read by ``content/_content.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_f1  # noqa: E402  (WCXB's metric, one copy for the fitting scripts)
from fit_second_opinion import cached_rows, extracted  # noqa: E402  (WCXB pages read, kept)
from fitgrid import fit_readings, grid_point, settle, write_fit  # noqa: E402  (the grid fits' shared parts)

from newsscrape.extractor._text import count_words  # noqa: E402
from newsscrape.extractor.content import _content  # noqa: E402
from newsscrape.extractor.content._posts import Head  # noqa: E402
from newsscrape.extractor.content._profiles import PROFILES  # noqa: E402

DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "threads.json"
SHARES: tuple[float, ...] = (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
MISSED: tuple[float, ...] = (1.0, 0.6, 0.5, 0.4, 0.3, 0.2)  # 1.0: never taken for the posts it misses
GRID: tuple[tuple[float, float], ...] = tuple((share, missed) for missed in MISSED for share in SHARES)
MAX_DROP = 0.001  # mean F1 a page type may lose on half A (noise of one page in a few dozen)


class Recorder:
    """Makes the post-by-post reading on every typed reading it may be fitted for, never taking it,
    and records it beside the words of the text the pipeline chose."""

    def __init__(self, types: list[str]) -> None:
        self.last: dict[str, Any] | None = None
        self.posts_read = False  # a post-by-post reading was just made: the next weighing is its
        read, more = _content._read_thread, _content._more_words
        _content.THREAD_SHARES.clear()
        _content.THREAD_SHARES.update(
            dict.fromkeys((t for t in types if t in PROFILES), 1.0)
        )  # any share: the step runs
        _content.THREAD_MISSED.clear()  # and never takes the posts for those the chosen text missed
        reading_of: list[str] = []
        made: list[tuple[_content.Thread, _content._Reading]] = []  # the reading post by post

        def record_read(html: str, reading: _content._Reading) -> _content.Thread:
            reading_of[:] = [reading.profile.reading]
            thread = read(html, reading)
            self.posts_read = bool(thread[0])  # the pipeline weighs a reading that found posts
            made[:] = [(thread, reading)]
            return thread

        def record_more(texts: Iterable[str], than: list[_content.Block], share: float) -> bool:
            if not self.posts_read:  # the second opinion's weighing, which the pipeline does as it does
                return more(texts, than, share)
            self.posts_read = False
            posts = list(texts)
            (blocks, heads), reading = made[0]
            self.last = {
                "posts": finished(blocks, heads, reading.profile, reading.title),
                "posts_words": sum(map(count_words, posts)),
                "chosen_words": sum(count_words(b.text) for b in than),
                "missed": _content._missed((text for text, _, _ in heads), _content._given(than)),
                "reading": reading_of[0],
            }
            return False  # the pipeline keeps the text it chose

        _content._read_thread = record_read
        _content._more_words = record_more

    def reset(self) -> None:
        self.last, self.posts_read = None, False


def finished(
    blocks: list[_content.Block], heads: list[Head], profile: _content.ContentProfile, title: str | None
) -> str:
    """The text of the post-by-post reading as the pipeline would give it: without its bare
    numbers, each paragraph once, each post under its head, without the replies' subjects (of the
    thread's ``title``) and the heads' relative times (the posters' cards it drops are left in:
    they need the page's tree)."""
    content = _content.Content()
    content.blocks = list(blocks)
    _content.drop_counters(content)
    _content._give_once(content, profile)
    _content._with_heads(content, heads)
    _content._tidy_thread(content, title, profile)
    return "\n\n".join(b.text for b in content.blocks)


def collect(types: list[str]) -> list[dict[str, Any]]:
    recorder = Recorder(types)
    rows = []
    for truth, row in extracted(recorder.reset):
        del row["body"]
        if recorder.last is not None:
            last = recorder.last
            row |= {k: last[k] for k in ("posts_words", "chosen_words", "missed", "reading")}
            row["f1_posts"] = word_f1(truth["body"], last["posts"])
        rows.append(row)
    return rows


def replay(
    rows: list[dict[str, Any]], pairs: dict[str, tuple[float, float]]
) -> tuple[float, dict[str, float]]:
    """Mean F1 and mean F1 by page type with these pairs (reading -> (share, missed share))."""
    by_type: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        pair = pairs.get(row.get("reading", ""))
        taken = pair is not None and (
            row["posts_words"] > pair[0] * row["chosen_words"] or row["missed"] > pair[1]
        )
        by_type[row["type"]].append(row["f1_posts"] if taken else row["f1"])
    overall = mean(f1 for f1s in by_type.values() for f1 in f1s)
    return overall, {page_type: mean(f1s) for page_type, f1s in by_type.items()}


def fit(halves: dict[str, list[dict[str, Any]]], name: str) -> dict[str, Any]:
    base = {half: replay(docs, {}) for half, docs in halves.items()}
    best: tuple[float, tuple[float, float]] | None = None
    scores: dict[str, dict[str, Any]] = {}
    changes: dict[tuple[str, tuple[float, float]], dict[str, float]] = {}
    for pair in GRID:
        got = grid_point(
            halves,
            base,
            replay,
            {name: pair},
            key=f"{pair[0]} {pair[1]}",
            line=f"{name:10} {{half}} share={pair[0]:<4} missed={pair[1]:<4}",
            scores=scores,
        )
        changes.update({(half, pair): change for half, (_, change) in got.items()})
        overall, change = got["A"]
        fair = min(change.values(), default=0.0) >= -MAX_DROP
        if fair and overall > base["A"][0] + 1e-9 and (best is None or overall > best[0]):
            best = (overall, pair)
    return settle(name, best, changes, scores, MAX_DROP)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument("--types", nargs="+", default=["forum"], help="fit the readings of these")
    ap.add_argument("--rows", type=Path, help="keep the extraction's rows there (read back when it exists)")
    args = ap.parse_args()
    rows = cached_rows(args.rows, lambda: collect(args.types))
    readings, fits, pairs, summary = fit_readings(rows, args.types, fit, replay)
    if args.dry_run:
        return
    write_fit(
        DATA,
        "fit_threads.py",
        {
            "max_drop": MAX_DROP,
            "grid": {"share": list(SHARES), "missed": list(MISSED)},
            "types": sorted(args.types),
            "readings": fits,
            "all_kept": summary,
            "thread_shares": {name: pairs[name][0] if name in pairs else None for name in readings},
            "missed_shares": {name: pairs[name][1] if name in pairs else None for name in readings},
        },
    )


if __name__ == "__main__":
    main()
