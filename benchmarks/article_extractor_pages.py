"""A held-out check: article-extractor's full-page fixtures, which nothing here was tuned on. Run by hand.

    pip download --no-binary :all: --no-deps article-extractor==0.5.9   # its sdist ships the pages
    tar xzf article_extractor-0.5.9.tar.gz      # only tests/fixtures/fullpage_to_article_html is read
    .venv/bin/python benchmarks/article_extractor_pages.py \\
        article_extractor-0.5.9/tests/fixtures/fullpage_to_article_html
    .venv/bin/python benchmarks/article_extractor_pages.py DIR --rows rows.jsonl   # and each page's row

DIR holds ``HOST/CASE/`` folders with ``raw.html``, ``expected.html`` and ``meta.json``: 28 pages of
12 sites taken from their feeds in March 2026 (InfoWorld, MIT Technology Review, The Local Denmark,
LeadDev, The Marginalian, HEY World, martinfowler.com, simonwillison.net and blogs from Hacker News).
Each ``raw.html`` is extracted by newsscrape and trafilatura (with the URL ``meta.json`` gives) and
scored against the text of ``expected.html`` (its blocks on lines of their own) with WCXB's word F1
(bag of lowercase words, P and R averaged over pages), and against meta's ``extracted_title`` (same
words). There is no byline or date truth.

The body truth is the element a CSS selector picked by hand for each site finds (meta's
``expected_selector``, e.g. ``div#articleBody``, ``article[id^="post-"]``, ``main``), after some
node cleanup, so it follows that element's edges, not a reader's: it keeps what the element holds
(standfirsts, captions, pull quotes, the text of embedded widgets, a "related" box or a comment form
inside the column) and leaves out what sits outside it (on most sites the headline, byline and date).
The title is article-extractor's own output, not curated (jsomers.net's is the blog's name).
``raw.html`` is a headless browser's render (scripts run), reformatted by Prettier, so whitespace in
the text was rewrapped; the words are intact. Compare the tools' rows of one run; a gap on a page
says where to look, not who is right.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from heldout import (
    Page,
    article_text,
    compare,
    print_pages,
    summary,
    write_rows,
)  # the held-out checks' parts

FILES = ("raw.html", "expected.html", "meta.json")


def read_page(folder: Path) -> Page:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    url = str(meta.get("url") or "")
    return Page(
        name=f"{folder.parent.name}/{folder.name}",
        raw=(folder / "raw.html").read_bytes(),
        url=url if url.startswith(("http://", "https://")) else None,
        body=article_text((folder / "expected.html").read_text(encoding="utf-8")),
        title=meta.get("extracted_title"),
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "dir", type=Path, help="article-extractor's tests/fixtures/fullpage_to_article_html folder"
    )
    ap.add_argument("--rows", type=Path, help="write each page's row there (JSON Lines)")
    args = ap.parse_args(argv)
    folders = sorted(
        d.parent for d in args.dir.glob("*/*/meta.json") if all((d.parent / f).is_file() for f in FILES)
    )
    if not folders:
        sys.exit(f"no test pages in {args.dir} (HOST/CASE folders with {', '.join(FILES)})")
    rows, seconds = compare(read_page(d) for d in folders)
    print(f"# {len(folders)} pages of {args.dir}; truth: a hand-picked selector's element")
    print_pages(rows)
    summary(rows, seconds, len(folders))
    if args.rows:
        write_rows(args.rows, rows)


if __name__ == "__main__":
    main()
