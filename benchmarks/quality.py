"""Extraction quality and speed of newsscrape next to other extractors, in one run. Run by hand.

    .venv/bin/python benchmarks/quality.py                    # WCXB, aeb and dates from ../shared/bench
    .venv/bin/python benchmarks/quality.py wcxb --limit 100   # one set, its first 100 pages (a quick look)
    .venv/bin/python benchmarks/quality.py --bench-dir /path/to/bench
    .venv/bin/python benchmarks/quality.py wcxb dates --no-structured   # the readers of the visible page
    .venv/bin/python benchmarks/quality.py --no-urls          # pages given without their URLs
    .venv/bin/python benchmarks/quality.py --no-address       # ... and without the address they declare

The development sets live outside the package, in ``../shared/bench`` beside the project (see its
README.md): ``aeb/`` (181 article pages), ``dates/`` (200 news pages) and ``wcxb/`` (WCXB's
development split, 1,358 pages of 7 page types). The metrics are the bench's own ``score.py``,
imported from ``--bench-dir`` and not copied: WCXB's word F1 per page by page type, with title,
author and date accuracy on its article pages and page-type accuracy over all pages, for half A
(even ids, the tuning half), half B (odd ids, the checking half) and all pages; aeb's F1 over
4-word shingles, subsection headings P/R and exact titles; the dates set's day accuracy.

Peers: trafilatura always (as score.py runs it); readability-lxml, newspaper4k and goose3 when
installed (the others are listed as skipped). Times are in-process wall milliseconds per page,
the tools taking turns on each page; ``time x`` is a tool's time over newsscrape's on the same
pages (x4.0: four times as slow). A crash scores as an empty result and counts in ``errors``.

``--no-structured`` gives every tool the pages without their structured metadata: JSON-LD scripts,
the ``<meta>`` tags that carry an author or a date (names and properties with author, date, time,
publish, modif, creat, byl, parsely, sailthru, dc., dcterms; twitter's label/data pairs, which say
"Written by") and microdata ``itemprop`` attributes of that kind (the elements and their text stay).
Many pages users bring have none of these, so the authors and dates then come from the visible page
(bylines, ``<time>``, printed days, the URL): what the development sets' rich markup hides. The
markup is cut as bytes, so each tool decodes the page as it would have (its charset untouched); the
truths are the set's own, and aeb's headings and titles are read from the page as it was.

``--no-urls`` gives every tool each page without its URL, as a page saved to disk or a bare
``extract(html)`` is read: what the page says of its own address (a canonical link, og:url) is all
there is to go by. ``--no-address`` cuts that too (``without_address``): a page read with no address
at all, as pages from before canonical links and og:url come. The options may be given together.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from types import ModuleType
from typing import Any

Runner = Callable[[bytes, str | None], dict[str, Any]]
SETS = ("wcxb", "aeb", "dates")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
WCXB_TYPES = ("article", "collection", "documentation", "forum", "listing", "product", "service")
SHORT = {"collection": "collect", "documentation": "docs"}  # column heads of seven characters
WCXB_META = ("title", "author", "date", "type")
HALVES = ("A", "B", "all")
Prepare = Callable[[bytes], bytes]  # the page each tool is given, from the page as stored

# --no-structured: what is cut from a page (see the module's docstring)
_LD_JSON = re.compile(rb"<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_KEY = re.compile(rb"""\b(?:name|property|itemprop|http-equiv)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_ITEMPROP = re.compile(rb"""\bitemprop\s*=\s*(["'])([^"']*)\1""", re.IGNORECASE)
_METADATA_KEY = re.compile(
    rb"author|date|time|publish|modif|creat|byl|parsely|sailthru|dc\.|dcterms|twitter:(?:label|data)",
    re.IGNORECASE,
)


def without_structured(html: bytes) -> bytes:
    """``html`` without its JSON-LD, its author and date metas and its author and date itemprops.

    >>> without_structured(b'<meta name="author" content="A"><meta name="viewport" content="w">'
    ...                    b'<span itemprop="author">Jo</span>')
    b'<meta name="viewport" content="w"><span >Jo</span>'
    """
    html = _LD_JSON.sub(b"", html)
    html = _META.sub(
        lambda m: b"" if any(_METADATA_KEY.search(k) for k in _META_KEY.findall(m[0])) else m[0], html
    )
    return _ITEMPROP.sub(lambda m: b"" if _METADATA_KEY.search(m[2]) else m[0], html)


# --no-address: what a page says of its own address (what ``Metadata.address`` reads when no URL is given)
_ADDRESS = re.compile(
    rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>"  # its canonical link
    rb"|<meta\b[^>]*\b(?:og|twitter):url\b[^>]*>"  # og:url, twitter:url
    rb"|<base\b[^>]*>"  # the <base href> a relative canonical link is read against
    rb"|<!--\s*saved from url=[^>]*-->|<!--\s*Page saved with SingleFile.*?-->",  # a browser's mark
    re.IGNORECASE | re.DOTALL,
)


def without_address(html: bytes) -> bytes:
    """``html`` without anything that says its address: canonical link, og:url and twitter:url,
    ``<base href>`` and a browser's saved-from mark, as pages of the years before those existed
    (and many a hand-made page) come.

    >>> without_address(b'<link rel="canonical" href="https://x.org/a"><meta property="og:url" '
    ...                 b'content="https://x.org/a"><link rel="icon" href="/i.png">')
    b'<link rel="icon" href="/i.png">'
    """
    return _ADDRESS.sub(b"", html)


def as_stored(html: bytes) -> bytes:
    return html


def _then(first: Prepare, second: Prepare) -> Prepare:
    return lambda html: second(first(html))


def load_score(bench_dir: Path) -> ModuleType:
    """Import the bench's score.py so metrics are computed by the same code as the scorer."""
    path = bench_dir / "score.py"
    if not path.is_file():
        raise SystemExit(
            f"quality.py: no development sets at {bench_dir} (looked for {path}).\n"
            "They are not shipped with newsscrape: put the bench folder (score.py, aeb/, dates/, wcxb/)\n"
            "at ../shared/bench beside the project, or pass --bench-dir /path/to/bench."
        )
    spec = importlib.util.spec_from_file_location("bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"quality.py: cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _day(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def run_readability(html: bytes, url: str | None) -> dict[str, Any]:
    import lxml.html
    from readability import Document

    doc = Document(html, url=url)
    body = lxml.html.fromstring(doc.summary()).text_content()
    return {"body": body, "title": doc.short_title(), "headings": None}


def run_newspaper(html: bytes, url: str | None) -> dict[str, Any]:
    from newspaper import Article

    # no image fetching: it would go to the network for every page (seconds each, offline)
    art = Article(url or "http://example.com/", fetch_images=False)
    art.download(input_html=html.decode("utf-8", errors="replace"))
    art.parse()
    return {
        "body": art.text,
        "title": art.title,
        "headings": None,
        "date": _day(art.publish_date),
        "authors": list(art.authors),
    }


def run_goose(html: bytes, url: str | None) -> dict[str, Any]:
    from goose3 import Goose

    with Goose() as goose:
        art = goose.extract(raw_html=html)
    return {
        "body": art.cleaned_text,
        "title": art.title,
        "headings": None,
        "date": _day(art.publish_date),
        "authors": list(art.authors or ()),
    }


# name -> (module to look for, distribution for the version, runner)
OPTIONAL: dict[str, tuple[str, str, Runner]] = {
    "readability": ("readability", "readability-lxml", run_readability),
    "newspaper4k": ("newspaper", "newspaper4k", run_newspaper),
    "goose3": ("goose3", "goose3", run_goose),
}


def runners(score: ModuleType) -> tuple[dict[str, Runner], list[str]]:
    found: dict[str, Runner] = {"newsscrape": score.run_newsscrape, "trafilatura": score.run_trafilatura}
    skipped = []
    for name, (module, _dist, fn) in OPTIONAL.items():
        if importlib.util.find_spec(module) is None:
            skipped.append(name)
        else:
            found[name] = fn
    return found, skipped


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def revision() -> str:
    """The commit measured (``-dirty`` with uncommitted changes), so a pasted table says what it is of."""
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return done.stdout.strip() or "?"


@dataclass
class Tally:
    """One tool's results on one set (or one WCXB half)."""

    ms: list[float] = field(default_factory=list)
    errors: int = 0
    # wcxb: word F1 by page type and metadata hits; aeb: shingle P/R, headings, titles; dates: hits
    f1: dict[str, list[float]] = field(default_factory=dict)
    meta: dict[str, list[bool]] = field(default_factory=dict)
    p: list[float] = field(default_factory=list)
    r: list[float] = field(default_factory=list)
    heads: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # right, predicted, found, true
    reported_heads: bool = False
    dates: list[str] = field(default_factory=list)  # ok | wrong | missing

    def time(self, out: dict[str, Any], secs: float) -> None:
        self.ms.append(1000 * secs)
        self.errors += "error" in out


def without_url(fn: Runner) -> Runner:
    """``fn`` given no URL whatever the set knows (``--no-urls``)."""

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        return fn(html, None)

    return run


def _limited(pages: Iterable[Any], limit: int | None) -> Iterable[Any]:
    for n, page in enumerate(pages):
        if limit is not None and n >= limit:
            return
        yield page


def measure_wcxb(
    score: ModuleType, tools: dict[str, Runner], limit: int | None, prepare: Prepare = as_stored
) -> dict[str, dict[str, Tally]]:
    """half -> tool -> tally, exactly as score.py's score_wcxb counts (one pass, split by id parity)."""
    rows = {half: {name: Tally() for name in tools} for half in HALVES}
    for key, stored, gt in _limited(score.load_wcxb(None), limit):
        half = "AB"[int(key) % 2]
        html = prepare(stored)
        for name, fn in tools.items():
            out, secs = score.timed(fn, html, gt["url"])
            f1 = score.word_prf(gt["body"], out.get("body"))[2]
            for row in (rows[half][name], rows["all"][name]):
                row.time(out, secs)
                row.f1.setdefault(gt["type"], []).append(f1)
                for kind, hit in _wcxb_meta(score, gt, out):
                    row.meta.setdefault(kind, []).append(hit)
    return rows


def _wcxb_meta(score: ModuleType, gt: dict[str, Any], out: dict[str, Any]) -> Iterable[tuple[str, bool]]:
    if out.get("page_type") is not None:
        yield "type", out.get("page_type") == gt["type"]
    if gt["type"] != "article":
        return
    if gt["title"]:
        yield "title", score.fold(out.get("title")) == score.fold(gt["title"])
    if gt["author"]:
        got = " ".join(score.fold(a) for a in out.get("authors") or [])
        yield "author", bool(got) and score.fold(gt["author"]) in got
    if gt["published"]:
        yield "date", str(out.get("date") or "")[:10] == gt["published"][:10]


def measure_aeb(
    score: ModuleType, tools: dict[str, Runner], limit: int | None, prepare: Prepare = as_stored
) -> dict[str, Tally]:
    rows = {name: Tally() for name in tools}
    for _key, stored, gt in _limited(score.load_aeb(), limit):
        truth_h = score.heading_truth(stored, gt["articleBody"])
        truth_t = score.title_truth(stored)
        html = prepare(stored)
        for name, fn in tools.items():
            out, secs = score.timed(fn, html, gt.get("url"))
            row = rows[name]
            row.time(out, secs)
            p, r, has_p, has_r = score.shingle_prf(gt["articleBody"], out.get("body", ""))
            if has_p:
                row.p.append(p)
            if has_r:
                row.r.append(r)
            if truth_t:
                row.meta.setdefault("title", []).append(score.norm(out.get("title")) == truth_t)
            if out.get("headings") is not None:
                pred = [score.norm(h) for h in out["headings"]]
                row.reported_heads = True
                row.heads[0] += sum(h in truth_h for h in pred)
                row.heads[1] += len(pred)
                row.heads[2] += sum(h in pred for h in truth_h)
                row.heads[3] += len(truth_h)
    return rows


def measure_dates(
    score: ModuleType, tools: dict[str, Runner], limit: int | None, prepare: Prepare = as_stored
) -> dict[str, Tally]:
    rows = {name: Tally() for name in tools}
    for url, stored, gt in _limited(score.load_dates(), limit):
        html = prepare(stored)
        for name, fn in tools.items():
            out, secs = score.timed(fn, html, url)
            rows[name].time(out, secs)
            got = (str(out.get("date") or ""))[:10] or None
            # a page without a date is right only when nothing is returned
            rows[name].dates.append("ok" if got == gt["date"] else "missing" if got is None else "wrong")
    return rows


def _ratio(row: Tally, base: Tally) -> str:
    ms, base_ms = mean(row.ms or [0.0]), mean(base.ms or [0.0])
    return f"{ms / base_ms:6.2f}" if base_ms else "     -"


def _share(hits: list[bool]) -> str:
    return f"{mean(hits):6.3f}" if hits else "     -"


def report_wcxb(rows: dict[str, dict[str, Tally]]) -> None:
    n = {half: sum(len(f) for f in next(iter(rows[half].values())).f1.values()) for half in HALVES}
    print(
        f"WCXB development split: {n['all']} pages (half A {n['A']}: tuning; half B {n['B']}: checking), "
        "word F1 per page (WCXB's metric) overall and by page type;"
    )
    print("title, author and date accuracy on article pages; type: page_type right, over all pages")
    heads = " ".join(f"{SHORT.get(t, t):>7}" for t in WCXB_TYPES)
    meta = " ".join(f"{m:>6}" for m in WCXB_META)
    print(f"half tool             F1 {heads} | {meta} | ms/page time x errors")
    for half in HALVES:
        base = rows[half]["newsscrape"]
        for name, row in rows[half].items():
            f1 = mean(f for fs in row.f1.values() for f in fs) if row.f1 else 0.0
            types = " ".join(f"{mean(row.f1[t]):7.3f}" if row.f1.get(t) else f"{'-':>7}" for t in WCXB_TYPES)
            metas = " ".join(_share(row.meta.get(m, [])) for m in WCXB_META)
            print(
                f"{half:<4} {name:<12} {f1:6.4f} {types} | {metas} | "
                f"{mean(row.ms or [0.0]):7.1f} {_ratio(row, base)} {row.errors:6d}"
            )


def report_aeb(rows: dict[str, Tally]) -> None:
    n = len(rows["newsscrape"].ms)
    print(
        f"aeb: {n} article pages, body F1 over 4-word shingles (P and R averaged over pages), headings, title"
    )
    print("tool             F1      P      R head P head R  title ms/page time x errors")
    base = rows["newsscrape"]
    for name, row in rows.items():
        p, r = mean(row.p or [0.0]), mean(row.r or [0.0])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        right, predicted, found, true = row.heads
        hp = f"{right / predicted:6.3f}" if row.reported_heads and predicted else "     -"
        hr = f"{found / true:6.3f}" if row.reported_heads and true else "     -"
        print(
            f"{name:<12} {f1:6.4f} {p:6.4f} {r:6.4f} {hp} {hr} {_share(row.meta.get('title', []))} "
            f"{mean(row.ms or [0.0]):7.1f} {_ratio(row, base)} {row.errors:6d}"
        )


def report_dates(rows: dict[str, Tally]) -> None:
    n = len(rows["newsscrape"].dates)
    print(
        f"dates: {n} news pages, published date at day precision (a page with none: right when none is given)"
    )
    print("tool         accuracy  wrong missing ms/page time x errors")
    base = rows["newsscrape"]
    for name, row in rows.items():
        acc = row.dates.count("ok") / max(1, len(row.dates))
        print(
            f"{name:<12} {acc:8.4f} {row.dates.count('wrong'):6d} {row.dates.count('missing'):7d} "
            f"{mean(row.ms or [0.0]):7.1f} {_ratio(row, base)} {row.errors:6d}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help="wcxb, aeb, dates (default: all three)")
    ap.add_argument(
        "--bench-dir",
        type=Path,
        default=DEFAULT_BENCH,
        help=f"folder with score.py and the sets ({DEFAULT_BENCH})",
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument(
        "--no-structured",
        action="store_true",
        help="every tool reads the pages without JSON-LD and author/date metas and itemprops",
    )
    ap.add_argument("--no-urls", action="store_true", help="every tool reads the pages without their URLs")
    ap.add_argument(
        "--no-address",
        action="store_true",
        help="--no-urls, and every page without what says its address (canonical link, og:url, <base>)",
    )
    args = ap.parse_args(argv)
    args.no_urls = args.no_urls or args.no_address
    prepare: Prepare = without_structured if args.no_structured else as_stored
    if args.no_address:
        prepare = _then(prepare, without_address)
    sets = args.sets or list(SETS)
    if set(sets) - set(SETS):
        ap.error(f"sets are: {', '.join(SETS)}")
    score = load_score(args.bench_dir.resolve())
    tools, skipped = runners(score)
    if args.no_urls:
        tools = {name: without_url(fn) for name, fn in tools.items()}
    peers = ", ".join(
        f"{name} {version(OPTIONAL[name][1] if name in OPTIONAL else name)}"
        for name in tools
        if name != "newsscrape"
    )
    print(f"# newsscrape {version('newsscrape')} ({revision()}); peers: {peers}", end="")
    print(f"; not installed: {', '.join(skipped)}" if skipped else "")
    if args.no_structured:
        print("# pages without JSON-LD, author/date metas and itemprops (--no-structured)")
    if args.no_address:
        print("# pages given without their URLs, their canonical links, og:url and <base> cut (--no-address)")
    elif args.no_urls:
        print("# pages given without their URLs (--no-urls)")
    for fn in tools.values():  # warm-up: imports and lazy set-up stay out of the timings
        with contextlib.suppress(Exception):
            fn(b"<html><body><p>warm up</p></body></html>", "http://example.com/")
    for name in sets:
        print()
        if name == "wcxb":
            report_wcxb(measure_wcxb(score, tools, args.limit, prepare))
        elif name == "aeb":
            report_aeb(measure_aeb(score, tools, args.limit, prepare))
        else:
            report_dates(measure_dates(score, tools, args.limit, prepare))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
