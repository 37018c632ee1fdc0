"""Every development record, kept and compared: what a change moves, page by page and field by field.

``dump`` extracts every page of the three development sets (aeb, dates, WCXB) as ``extract`` does and
writes one JSON line per page: the record's fields (body, title, headings, authors, dates, page type,
section, trail, site name, language, tags, image, addresses, description) beside the page's scores by
the bench's own ``score.py`` (WCXB word P/R/F1 and its half, aeb shingle P/R, the dates set's day).
``diff`` reads two dumps and prints each set's score before and after (WCXB by half, with the pages
that moved by more than ``--moved``), then how many records changed in each field, and with ``-v``
each change. A commit that claims "every record unchanged" is checked so, as is a rule's reach.

    PYTHONPATH=src python benchmarks/records.py dump /tmp/before.jsonl      # ~40 s on 2 cores
    PYTHONPATH=src python benchmarks/records.py dump /tmp/after.jsonl
    python benchmarks/records.py diff /tmp/before.jsonl /tmp/after.jsonl -v

Needs ../shared/bench (``--bench-dir``), not shipped. Study on half A; half B only confirms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import mean
from typing import Any

from quality import DEFAULT_BENCH, load_score

Record = dict[str, Any]
# The fields a dump keeps of each Article (``published`` as "date"), in the order diff reports them.
FIELDS = (
    "body",
    "title",
    "headings",
    "authors",
    "date",
    "modified",
    "page_type",
    "section",
    "breadcrumbs",
    "site_name",
    "language",
    "tags",
    "image",
    "canonical_url",
    "description",
    "error",
)
MOVED = 0.001  # a page's F1 must move by more than this to count as up or down


def pages(score: Any) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    """(set, key, html, truth) of every development page, in the bench's order."""
    for key, html, gt in score.load_aeb():
        yield "aeb", key, html, gt
    for url, html, gt in score.load_dates():
        yield "dates", url, html, gt
    for key, html, gt in score.load_wcxb(None):
        yield "wcxb", key, html, gt


def record_of(kind: str, key: str, html: Any, gt: dict[str, Any], score: Any) -> Record:
    """One page's record and scores; an ExtractError is a record too (its reason in "error")."""
    import newsscrape

    out: Record = {"set": kind, "id": key}
    try:
        article = newsscrape.extract(html, url=gt.get("url"))
    except newsscrape.NewsscrapeError as error:
        out["error"] = str(error)
        article = None
    for name in FIELDS[:-1]:
        value = getattr(article, "published" if name == "date" else name, None) if article else None
        value = value.isoformat() if hasattr(value, "isoformat") else value
        out[name] = list(value) if isinstance(value, tuple) else value
    body = out["body"] or ""
    if kind == "aeb":
        out["p"], out["r"] = score.shingle_prf(gt["articleBody"], body)[:2]
    elif kind == "dates":
        out["ok"] = (str(out["date"] or "")[:10] or None) == gt["date"]
    else:
        out["p"], out["r"], out["f"] = score.word_prf(gt["body"], body)
        out["half"] = "A" if int(key) % 2 == 0 else "B"
        out["truth_type"] = gt["type"]
    return out


_SCORE: Any = None


def _work(job: tuple[str, str, Any, dict[str, Any], str]) -> Record:
    global _SCORE
    kind, key, html, gt, bench = job
    if _SCORE is None:  # each worker imports score.py once
        _SCORE = load_score(Path(bench))
    return record_of(kind, key, html, gt, _SCORE)


def dump(path: Path, bench: Path, workers: int) -> int:
    score = load_score(bench)
    jobs = ((kind, key, html, gt, str(bench)) for kind, key, html, gt in pages(score))
    count = 0
    with path.open("w", encoding="utf-8") as out, ProcessPoolExecutor(workers) as pool:
        for rec in pool.map(_work, jobs, chunksize=8):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    return count


def load(path: Path) -> dict[tuple[str, str], Record]:
    with path.open(encoding="utf-8") as lines:
        return {(rec["set"], rec["id"]): rec for rec in map(json.loads, lines)}


def summary(
    before: dict[tuple[str, str], Record], after: dict[tuple[str, str], Record], moved: float
) -> list[str]:
    """Each set's score before and after: WCXB's mean F1 per half with the pages up and down, aeb's
    F1 of mean P and R (as score.py prints it), the dates set's accuracy."""
    lines = []
    for half in "AB":
        keys = [k for k, rec in before.items() if rec.get("half") == half and k in after]
        if keys:
            was, now = (mean(side[k]["f"] for k in keys) for side in (before, after))
            up = sum(after[k]["f"] > before[k]["f"] + moved for k in keys)
            down = sum(after[k]["f"] < before[k]["f"] - moved for k in keys)
            lines.append(
                f"wcxb half {half} ({len(keys)} pages): {was:.5f} -> {now:.5f}, {up} up, {down} down"
            )
    aeb = [k for k in before if k[0] == "aeb" and k in after]
    if aeb:
        lines.append(f"aeb ({len(aeb)} pages): {_aeb_f1(before, aeb):.5f} -> {_aeb_f1(after, aeb):.5f}")
    dates = [k for k in before if k[0] == "dates" and k in after]
    if dates:
        was, now = (sum(side[k]["ok"] for k in dates) / len(dates) for side in (before, after))
        lines.append(f"dates ({len(dates)} pages): {was:.4f} -> {now:.4f}")
    return lines


def _aeb_f1(side: dict[tuple[str, str], Record], keys: Iterable[tuple[str, str]]) -> float:
    keys = list(keys)
    p, r = mean(side[k]["p"] for k in keys), mean(side[k]["r"] for k in keys)
    return 2 * p * r / (p + r) if p + r else 0.0


def differences(
    before: dict[tuple[str, str], Record], after: dict[tuple[str, str], Record]
) -> list[tuple[tuple[str, str], str]]:
    """(record, field) of every field that changed, of the records in both dumps, in dump order."""
    return [
        (key, name)
        for key, rec in before.items()
        if key in after
        for name in FIELDS
        if rec.get(name) != after[key].get(name)
    ]


def changes(before: dict[tuple[str, str], Record], after: dict[tuple[str, str], Record]) -> Counter[str]:
    """How many records changed in each field (records in both dumps)."""
    return Counter(name for _, name in differences(before, after))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="extract every development page into one JSON line each")
    d.add_argument("out", type=Path)
    d.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    d.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    c = sub.add_parser("diff", help="what moved between two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--moved", type=float, default=MOVED, help="F1 a page must move by to count")
    c.add_argument("-v", "--verbose", action="store_true", help="print each changed field")
    args = ap.parse_args(argv)
    if args.command == "dump":
        print(f"{dump(args.out, args.bench_dir, args.workers)} records -> {args.out}")
        return
    before, after = load(args.before), load(args.after)
    print("\n".join(summary(before, after, args.moved)))
    changed = differences(before, after)
    counts = Counter(name for _, name in changed)
    records = len({key for key, _ in changed})
    print(f"{records} of {len(before)} records differ" + (f": {dict(counts)}" if counts else ""))
    if args.verbose:
        for key, name in changed:
            was, now = (json.dumps(side[key].get(name), ensure_ascii=False) for side in (before, after))
            print(f"  {key[0]} {key[1][:60]} {name}: {was[:100]} -> {now[:100]}")


if __name__ == "__main__":
    sys.exit(main())
