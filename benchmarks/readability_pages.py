"""A held-out check: Mozilla Readability's real test pages, which nothing here was tuned on. Run by hand.

    git clone https://github.com/mozilla/readability        # anywhere; only its test pages are read
    .venv/bin/python benchmarks/readability_pages.py readability/test/test-pages
    .venv/bin/python benchmarks/readability_pages.py DIR --rows rows.jsonl   # and each page's row

Each folder of DIR with ``source.html``, ``expected.html`` and ``expected-metadata.json`` is a page:
newsscrape and trafilatura extract ``source.html`` (with the URL its canonical link or og:url gives),
and are scored against Readability's expected article (the text of ``expected.html``, its blocks on
lines of their own) with WCXB's word F1 (bag of lowercase words, P and R averaged over pages), and
against the expected title (same words), byline (one holds the other) and published day. Folders
named for one markup feature (``001``, ``base-url``, ``lazy-image-1`` ...) are unit tests of
Readability, not pages: give ``--all`` to keep them.

The truths are Readability's own output, so they follow its conventions: captions, comments,
author bios, "Read also" links and tables of contents kept, headers' subtitles dropped, titles with
the site's name. Compare the tools' rows of one run; a gap on a page says where to look, not who is
right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from heldout import (
    Page,
    article_text,
    compare,
    page_url,
    summary,
    write_rows,
)  # the held-out checks' shared parts

FILES = ("source.html", "expected.html", "expected-metadata.json")
# Folders named for one markup feature Readability tests, not for a site.
FEATURE_TESTS = re.compile(
    r"\d+(-.*)?|base-url.*|basic-tags-cleaning|clean-links|comment-inside-script-parsing|data-url-image"
    r"|display-none|hidden-nodes|invalid-attributes|js-link-replacement|jsonld-.*|keep-.*|lazy-image-.*"
    r"|links-in-tables|metadata-.*|normalize-spaces|style-tags-removal|svg-.*|article-author-tag"
)


def read_page(folder: Path) -> Page:
    raw = (folder / "source.html").read_bytes()
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    return Page(
        name=folder.name,
        raw=raw,
        url=page_url(raw.decode("utf-8", "replace")),
        body=article_text((folder / "expected.html").read_text(encoding="utf-8")),
        title=meta.get("title"),
        byline=meta.get("byline"),
        published=meta.get("publishedTime"),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="Readability's test/test-pages folder")
    ap.add_argument("--all", action="store_true", help="keep the folders that test one markup feature")
    ap.add_argument("--rows", type=Path, help="write each page's row there (JSON Lines)")
    args = ap.parse_args()
    folders = sorted(
        d
        for d in args.dir.iterdir()
        if all((d / f).is_file() for f in FILES) and (args.all or not FEATURE_TESTS.fullmatch(d.name))
    )
    if not folders:
        sys.exit(f"no test pages in {args.dir} (folders with {', '.join(FILES)})")
    rows, seconds = compare(read_page(d) for d in folders)
    print(f"# {len(folders)} pages of {args.dir}; truth: Readability's expected article and metadata")
    summary(rows, seconds, len(folders))
    if args.rows:
        write_rows(args.rows, rows)


if __name__ == "__main__":
    main()
