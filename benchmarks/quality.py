"""Extraction quality and speed of newsscrape next to other extractors, in one run. Run by hand.

    .venv/bin/python benchmarks/quality.py                       # aeb set from ../shared/bench
    .venv/bin/python benchmarks/quality.py --bench-dir /path/to/bench --limit 50

Metrics are those of the bench's ``score.py`` (imported from ``--bench-dir``, not copied): body
F1 over 4-word shingles (precision and recall averaged over pages), subsection headings P/R where
a tool reports headings, exact title. Peers: trafilatura always; readability-lxml, newspaper4k
and goose3 when installed (absent ones are listed as skipped). Speed is in-process wall time per
page on the same pages in the same run; ratios are against newsscrape (x2.0 = twice as slow).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean
from types import ModuleType
from typing import Any

Runner = Callable[[bytes, str | None], dict[str, Any]]


def load_score(bench_dir: Path) -> ModuleType:
    """Import the bench's score.py so metrics are computed by the same code as the scorer."""
    spec = importlib.util.spec_from_file_location("bench_score", bench_dir / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {bench_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    return {"body": art.text, "title": art.title, "headings": None}


def run_goose(html: bytes, url: str | None) -> dict[str, Any]:
    from goose3 import Goose

    with Goose() as goose:
        art = goose.extract(raw_html=html)
    return {"body": art.cleaned_text, "title": art.title, "headings": None}


OPTIONAL: dict[str, tuple[str, Runner]] = {
    "readability": ("readability", run_readability),
    "newspaper4k": ("newspaper", run_newspaper),
    "goose3": ("goose3", run_goose),
}


def runners(score: ModuleType) -> tuple[dict[str, Runner], list[str]]:
    found: dict[str, Runner] = {"newsscrape": score.run_newsscrape, "trafilatura": score.run_trafilatura}
    skipped = []
    for name, (module, fn) in OPTIONAL.items():
        if importlib.util.find_spec(module) is None:
            skipped.append(name)
        else:
            found[name] = fn
    return found, skipped


def measure(score: ModuleType, tools: dict[str, Runner], limit: int | None) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {
        name: {"p": [], "r": [], "ms": [], "err": 0, "hp": [0, 0], "hr": [0, 0], "t": [0, 0]}
        for name in tools
    }
    for n, (_key, html, gt) in enumerate(score.load_aeb()):
        if limit is not None and n >= limit:
            break
        truth_h = score.heading_truth(html, gt["articleBody"])
        truth_t = score.title_truth(html)
        for name, fn in tools.items():
            start = time.perf_counter()
            try:
                out = fn(html, gt.get("url")) or {}
            except Exception:  # a crash scores as an empty result, as in score.py
                out = {}
                rows[name]["err"] += 1
            row = rows[name]
            row["ms"].append(1000 * (time.perf_counter() - start))
            p, r, has_p, has_r = score.shingle_prf(gt["articleBody"], out.get("body", ""))
            if has_p:
                row["p"].append(p)
            if has_r:
                row["r"].append(r)
            if truth_t:
                row["t"][0] += score.norm(out.get("title")) == truth_t
                row["t"][1] += 1
            if out.get("headings") is not None:
                pred = [score.norm(h) for h in out["headings"]]
                row["hp"][0] += sum(h in truth_h for h in pred)
                row["hp"][1] += len(pred)
                row["hr"][0] += sum(h in pred for h in truth_h)
                row["hr"][1] += len(truth_h)
    return rows


def report(rows: dict[str, dict[str, Any]], skipped: list[str]) -> None:
    base_ms = mean(rows["newsscrape"]["ms"] or [0.0])
    print(
        f"{'tool':<12} {'F1':>6} {'P':>6} {'R':>6} {'head P':>6} {'head R':>6} {'title':>6} "
        f"{'ms/page':>8} {'pages/s':>8} {'time x':>7} {'errors':>6}"
    )
    for name, row in rows.items():
        p, r = mean(row["p"] or [0.0]), mean(row["r"] or [0.0])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        ms = mean(row["ms"] or [0.0])
        hp = f"{row['hp'][0] / row['hp'][1]:.3f}" if row["hp"][1] else "-"
        hr = f"{row['hr'][0] / row['hr'][1]:.3f}" if row["hr"][1] else "-"
        title = row["t"][0] / max(1, row["t"][1])
        ratio = ms / base_ms if base_ms else 0.0
        print(
            f"{name:<12} {f1:6.4f} {p:6.4f} {r:6.4f} {hp:>6} {hr:>6} {title:6.3f} "
            f"{ms:8.1f} {1000 / ms if ms else 0:8.1f} {ratio:7.2f} {row['err']:6d}"
        )
    if skipped:
        print(f"skipped (not installed): {', '.join(skipped)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--bench-dir", type=Path, default=Path("../shared/bench"), help="folder with score.py and aeb/"
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = ap.parse_args(argv)
    score = load_score(args.bench_dir.resolve())
    tools, skipped = runners(score)
    for fn in tools.values():  # warm-up: imports and lazy set-up stay out of the timings
        with contextlib.suppress(Exception):
            fn(b"<html><body><p>warm up</p></body></html>", "http://example.com/")
    report(measure(score, tools, args.limit), skipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
