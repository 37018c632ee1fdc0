"""Publication-date accuracy on WCXB article pages and the dates set, metadata pass only (fast).

    .venv/bin/python benchmarks/fit_dates.py --half A --worst 30
    .venv/bin/python benchmarks/fit_dates.py --set dates
    .venv/bin/python benchmarks/fit_dates.py --half A --conventions
    .venv/bin/python benchmarks/fit_dates.py --half A --markup-only --worst 40
    .venv/bin/python benchmarks/fit_dates.py --half A --no-structured --sweep MAX_KICKER_TEXTS=4,8,12
    .venv/bin/python benchmarks/fit_dates.py --half A --misses
    .venv/bin/python benchmarks/fit_dates.py --set dates --no-structured --misses

Reads the same ground truth as ``../shared/bench/score.py`` (same day = right; on the dates set a
null truth is right only when no date is returned) but runs only ``read_metadata``, so a page whose
body the content pass refuses still counts here. Use it to study and tune date rules on half A,
then confirm on half B and with ``score.py``.

``--markup-only`` dates each page from its markup and text alone (no JSON-LD, no metas), the
readers a page without structured data depends on: their misses on half A, where the structured
data of the page says the truth, show where those readers go wrong (a comment's time, a related
story's card) without any miss of the full pass to study.

``--no-structured`` dates each page as ``quality.py --no-structured`` gives it (``without_structured``:
no JSON-LD, no author or date metas, no author or date itemprops, the visible text untouched), so a
sweep or a list of misses here is the same mode as that report's date figures. ``--markup-only``
keeps the page's date itemprops (``<meta itemprop="datePublished">`` in a blog template's body):
half A .8048 against .7945 the report shows.

``--conventions`` studies the pages dated with a published and a later modified day: which
one the truth takes, by what the page prints (the published day anywhere, the modified day anywhere,
the modified day as the byline zone's first date) and where the published day comes from (json-ld,
og, meta; "+og" when an Open Graph article meta declares it too), with the page ids of each row
of 12 pages or fewer. Where the same evidence goes both ways, no rule on it can gain: the truth
follows two conventions there, not the page.

``--misses`` sorts every miss by what the page offers for the true day (``miss_kind``): the page's
modified day, a day another reader found (JSON-LD, a meta, the byline ...), the day next to ours
(the same moment in another zone), the day written in the page where no reader looked, only its
month ("June 2022" for June 1), or nowhere in the page at all. Only the middle kinds leave a rule
something to find; the first is a convention (``--conventions``), the last no rule can reach.
With ``--markup-only`` or ``--no-structured`` it sorts the misses of that mode (the fallback readers').
"""

from __future__ import annotations

import argparse
import gzip
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal, get_args

from quality import without_structured  # the report's own cut, not a copy
from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor._charset import decode_html
from newsscrape.extractor.metadata import _datemarkup, _datetext, _datewalk, _datezone, _pubdate
from newsscrape.extractor.metadata._dates import day_of
from newsscrape.extractor.metadata._metadata import Metadata, read_metadata
from newsscrape.extractor.metadata._metapage import Page

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
# The date pass's modules: a swept constant is set in each that holds it (a module that imports it
# by value reads its own copy), and a name none of them holds is refused rather than set nowhere.
DATE_MODULES = (_pubdate, _datetext, _datemarkup, _datezone, _datewalk)


def _day(value: date | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _pages(name: str, half: str | None) -> list[tuple[str, str | None, Path, str | None]]:
    """(id, url, html path, true day) for every scored page."""
    if name == "wcxb":
        root = BENCH / "wcxb"
        rows: list[tuple[str, str | None, Path, str | None]] = []
        with gzip.open(root / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                page = json.loads(line)
                if page["type"] != "article" or not page.get("published"):
                    continue
                if half and (int(page["id"]) % 2 == 0) != (half == "A"):
                    continue
                path = root / "html" / f"{page['id']}.html.gz"
                rows.append((str(page["id"]), page["url"], path, str(page["published"])[:10]))
        return rows
    root = BENCH / "dates"
    truth = json.loads((root / "ground-truth.json").read_text())
    return [(v["file"], url, root / "html" / v["file"], v["date"]) for url, v in truth.items()]


def _tree(path: Path, url: str | None, *, no_structured: bool = False) -> LexborHTMLParser:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    if no_structured:
        raw = without_structured(raw)
    return LexborHTMLParser(decode_html(raw, http_charset=None, url=url))


def _published(
    path: Path, url: str | None, *, markup_only: bool = False, no_structured: bool = False
) -> tuple[date | None, str | None]:
    found = _dated(path, url, markup_only=markup_only, no_structured=no_structured)[2]
    return found.published, found.published_source


def _dated(
    path: Path, url: str | None, *, markup_only: bool = False, no_structured: bool = False
) -> tuple[LexborHTMLParser, Metadata, _pubdate.Found]:
    """The page's tree, its metadata and its dates as the mode reads them (``--markup-only``:
    ``find_dates`` without JSON-LD and metas; ``--no-structured``: the page cut as quality.py cuts it)."""
    tree = _tree(path, url, no_structured=no_structured)
    meta = read_metadata(tree, url=url)
    if markup_only:
        found = _pubdate.find_dates(tree, metas={}, article=None, url=url, title=meta.record.title)
    else:
        found = _pubdate.Found(
            published=meta.record.published,
            published_source=meta.sources.get("published"),
            modified=meta.record.modified,
            modified_source=meta.sources.get("modified"),
        )
    return tree, meta, found


def _conventions(name: str, half: str | None) -> None:
    """Which day the truth takes where a page is dated with a published and a later modified day."""
    table: dict[tuple[bool, bool, bool, str, str], list[str]] = {}
    for page_id, url, path, truth in _pages(name, half):
        tree = _tree(path, url)
        meta = read_metadata(tree, url=url)
        published, modified = meta.record.published, meta.record.modified
        if published is None or modified is None or _day(published) == _day(modified):
            continue
        body = _datewalk.Body(tree)
        headline = _datewalk.headline_key(tree, meta.record.title)
        first = _datetext.after_headline(body, headline, limit=_pubdate.MAX_UPDATE_TEXTS, byline=True)
        evidence = (
            _datetext.is_printed(body, day_of(published)),
            _datetext.is_printed(body, day_of(modified)),
            _day(first) == _day(modified),
        )
        # where the published day comes from, and whether an Open Graph article meta declares it too
        source = str(meta.sources.get("published"))
        metas = Page.read(tree, url=url).metas
        keys = _datemarkup.published_metas(metas)
        if source != "og" and _datemarkup.declared(metas, keys, day_of(published)):
            source += "+og"
        taken = {_day(modified): "modified", _day(published): "published"}.get(truth, "other")
        table.setdefault((*evidence, source, taken), []).append(page_id)
    print("published printed | modified printed | modified first in byline | published from | truth takes")
    for (p_printed, m_printed, m_first, source, taken), ids in sorted(table.items()):
        shown = f" ({' '.join(ids)})" if len(ids) <= 12 else ""
        row = f"{p_printed!s:>17} | {m_printed!s:>16} | {m_first!s:>24} | {source:>14}"
        print(f"{row} | {taken:>11}: {len(ids)}{shown}")


MissKind = Literal[
    "modified day",
    "another reader's day",
    "a day off (zone)",
    "written, not read",
    "month only",
    "nowhere in the page",
    "the truth has no day",
]
MISS_KINDS: tuple[MissKind, ...] = get_args(MissKind)


def written_forms(day: date) -> tuple[str, ...]:
    """The ways a page commonly writes ``day`` (ISO, month in words either side, digits both orders).

    >>> written_forms(date(2022, 6, 1))[:3]
    ('2022-06-01', 'june 1, 2022', 'jun 1, 2022')
    """
    month, mon, d, m, y = day.strftime("%B").lower(), day.strftime("%b").lower(), day.day, day.month, day.year
    return (
        day.isoformat(),
        f"{month} {d}, {y}",
        f"{mon} {d}, {y}",
        f"{mon}. {d}, {y}",
        f"{month} {d:02d}, {y}",
        f"{mon} {d:02d}, {y}",
        f"{d} {month} {y}",
        f"{d} {mon} {y}",
        f"{d:02d} {month} {y}",
        f"{m}/{d}/{y}",
        f"{m:02d}/{d:02d}/{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d}.{m}.{y}",
        f"{y}/{m:02d}/{d:02d}",
    )


def miss_kind(
    truth: date,
    found: date | None,
    modified: date | None,
    candidates: list[tuple[str, str, date]],
    text: str,
) -> tuple[MissKind, str]:
    """What the page offers for the true day of a page dated wrongly (or not at all), and the
    reader that found it where one did; ``text`` is the page's HTML or text, any case and spacing.

    >>> miss_kind(date(2022, 6, 1), None, None, [], "Last updated: June 2022")
    ('month only', '')
    """
    if modified is not None and day_of(modified) == truth:
        return "modified day", ""
    reader = next((f"{source} {what}" for source, what, value in candidates if day_of(value) == truth), None)
    if reader is not None:
        return "another reader's day", reader
    if found is not None and abs(day_of(found) - truth) == timedelta(days=1):
        return "a day off (zone)", ""
    page = " ".join(text.lower().split())
    if any(form in page for form in written_forms(truth)):
        return "written, not read", ""
    month = (truth.strftime("%B").lower(), truth.strftime("%b").lower())
    if truth.day == 1 and any(f"{name} {truth.year}" in page for name in month):
        return "month only", ""
    return "nowhere in the page", ""


def page_miss(
    path: Path, url: str | None, truth: str | None, *, markup_only: bool = False, no_structured: bool = False
) -> tuple[MissKind, str] | None:
    """What the page offers for its true day (``miss_kind``) when the mode dates it wrongly; None
    when it dates it right."""
    tree, meta, found = _dated(path, url, markup_only=markup_only, no_structured=no_structured)
    if _day(found.published) == truth:
        return None
    if truth is None or len(truth) < len(
        "2003-11-01"
    ):  # none, or a month ("2003-11") the scorer never matches
        return "the truth has no day", ""
    candidates = Page.read(tree, url=url).date_candidates(meta)
    return miss_kind(date.fromisoformat(truth), found.published, found.modified, candidates, tree.html or "")


def _misses(name: str, half: str | None, *, markup_only: bool = False, no_structured: bool = False) -> None:
    """Every miss of the mode sorted by ``miss_kind``, with the page ids of each kind."""
    table: dict[MissKind, list[str]] = {kind: [] for kind in MISS_KINDS}
    for page_id, url, path, truth in _pages(name, half):
        miss = page_miss(path, url, truth, markup_only=markup_only, no_structured=no_structured)
        if miss is not None:
            kind, reader = miss
            table[kind].append(f"{page_id}({reader})" if reader else page_id)
    for kind, ids in table.items():
        print(f"{kind:>22}: {len(ids):>3} {' '.join(ids)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="wcxb", choices=("wcxb", "dates"))
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--worst", type=int, default=0, help="list this many misses")
    parser.add_argument("--sweep", help="NAME=v1,v2,...: score with each value of a date constant")
    parser.add_argument("--conventions", action="store_true", help="which day the truth takes")
    parser.add_argument("--markup-only", action="store_true", help="markup and text alone")
    parser.add_argument("--misses", action="store_true", help="what the page offers for each missed day")
    parser.add_argument(
        "--no-structured", action="store_true", help="the page as quality.py --no-structured cuts it"
    )
    args = parser.parse_args()
    if args.misses:
        _misses(args.set, args.half, markup_only=args.markup_only, no_structured=args.no_structured)
        return
    if args.conventions:
        _conventions(args.set, args.half)
        return
    if args.sweep:
        name, _, values = args.sweep.partition("=")
        held = [module for module in DATE_MODULES if hasattr(module, name)]
        if not held:
            raise SystemExit(f"--sweep: no date module holds {name}")
        for value in values.split(","):
            for module in held:
                setattr(module, name, int(value))
            print(f"{name}={value}: ", end="")
            _score(args.set, args.half, 0, markup_only=args.markup_only, no_structured=args.no_structured)
        return
    _score(args.set, args.half, args.worst, markup_only=args.markup_only, no_structured=args.no_structured)


def _score(
    name: str, half: str | None, worst: int, *, markup_only: bool = False, no_structured: bool = False
) -> None:
    pages = _pages(name, half)
    right, misses, empty = 0, [], 0
    for page_id, url, path, truth in pages:
        found, source = _published(path, url, markup_only=markup_only, no_structured=no_structured)
        day = _day(found)
        if day == truth:
            right += 1
        else:
            empty += day is None
            misses.append(
                f"{page_id:>8} truth={truth} got={found.isoformat() if found else None} ({source}) {url}"
            )
    print(
        f"{name} half={half or 'all'} pages={len(pages)} accuracy={right / len(pages):.4f} "
        f"missing={empty} wrong={len(misses) - empty}"
    )
    for line in misses[:worst]:
        print(line)


if __name__ == "__main__":
    main()
