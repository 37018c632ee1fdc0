"""A held-out check: newspaper4k's test pages, which nothing here was tuned on. Run by hand.

    pip download --no-binary :all: --no-deps newspaper4k==0.9.6   # its sdist ships the test pages
    tar xzf newspaper4k-0.9.6.tar.gz                                # only tests/data is read
    .venv/bin/python benchmarks/newspaper_pages.py newspaper4k-0.9.6/tests/data
    .venv/bin/python benchmarks/newspaper_pages.py DIR --rows rows.jsonl   # and each page's row

DIR (a checkout's or an unpacked sdist's ``tests/data``) holds ``html/NAME.html``, ``txt/NAME.txt``
and, for some pages, ``metadata/NAME.json``. Each page with html and txt is extracted by newsscrape
and trafilatura (with the URL its metadata gives, else the one newspaper's tests/unit/conftest.py
gives, else its canonical link or og:url) and scored against the txt with WCXB's word F1 (bag of
lowercase words, P and R averaged over pages); where metadata exists, against its title (same words),
authors (one's words hold the other's) and publish_date (same day). A page with html and no txt
has nothing to be scored on (home pages, an RSS feed, meta-refresh tests, an article or two): what
newsscrape returns for it (its page type, or the error's kind and reason) is listed after the summary.

The truths are newspaper's own output (tests/helpers/create_test_data.py saves ``Article.text`` and
``Article.to_json()``), so they follow its conventions: image file names, captions, "Related" links,
"Follow @..." lines and shop widgets kept in the text; the title of ``<title>`` less the site's name,
where the page's headline may read otherwise; every name its byline reader took (on some pages other
stories' writers, a "www.facebook.com"); a date that prefers the URL's day. For scripts written without
spaces (Chinese, Japanese, Thai, Burmese) a word of the metric is a run between spaces or punctuation,
so one character apart costs a whole clause (and Thai and Burmese vowel signs, which ``\\w`` does not
match, cut their words into pieces). Compare the tools' rows of one run; a gap on a page says where to
look, not who is right.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from heldout import (
    Page,
    compare,
    page_url,
    print_pages,
    summary,
    write_rows,
)  # the held-out checks' shared parts

import newsscrape  # importable once heldout has put src on the path

# The pages without metadata whose URL newspaper's tests give (tests/unit/conftest.py,
# language_article_fixture); the other pages' URLs are in their metadata.
TEST_URLS = {
    "chinese_article": "http://news.sohu.com/20050601/n225789219.shtml",
    "latvian_article": (
        "https://www.lsm.lv/raksts/zinas/arzemes/norvegija-pec-zemes-nogruvuma-pieci-bojagajusie.a387519/"
    ),
    "burmese_article": "https://www.bbc.com/burmese/burma-45989453",
}


def read_metadata(path: Path) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return meta


def read_page(data: Path, name: str) -> Page:
    raw = (data / "html" / f"{name}.html").read_bytes()
    meta = read_metadata(data / "metadata" / f"{name}.json")
    url = meta.get("url") if str(meta.get("url")).startswith(("http://", "https://")) else None
    authors = [a for a in meta.get("authors") or () if isinstance(a, str)]
    return Page(
        name=name,
        raw=raw,
        url=url or TEST_URLS.get(name) or page_url(raw.decode("utf-8", "replace")),
        body=(data / "txt" / f"{name}.txt").read_text(encoding="utf-8"),
        title=meta.get("title"),
        byline=" ".join(authors) or None,
        published=meta.get("publish_date"),
    )


def not_an_article(raw: bytes) -> str:
    """What newsscrape makes of a page newspaper keeps no text for."""
    url = page_url(raw.decode("utf-8", "replace"))
    try:
        article = newsscrape.extract(raw, url=url)
    except newsscrape.ExtractError as exc:
        return f"error {exc.kind}/{exc.reason}"
    except newsscrape.NewsscrapeError as exc:
        return f"error {exc.kind}"
    return f"page_type {article.page_type}, {article.word_count} words, title {article.title!r}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="newspaper4k's tests/data folder (html/, txt/, metadata/)")
    ap.add_argument("--rows", type=Path, help="write each page's row there (JSON Lines)")
    args = ap.parse_args(argv)
    html = sorted(path.stem for path in (args.dir / "html").glob("*.html"))
    names = [name for name in html if (args.dir / "txt" / f"{name}.txt").is_file()]
    if not names:
        sys.exit(f"no test pages in {args.dir} (html/NAME.html with txt/NAME.txt)")
    rows, seconds = compare(read_page(args.dir, name) for name in names)
    with_meta = sum((args.dir / "metadata" / f"{name}.json").is_file() for name in names)
    print(f"# {len(names)} pages of {args.dir}, {with_meta} with metadata; truth: newspaper's output")
    print_pages(rows)
    summary(rows, seconds, len(names))
    others = [name for name in html if name not in names]
    if others:
        print(f"# {len(others)} pages without txt, so without a score; newsscrape returns:")
        for name in others:
            print(f"{name:22} {not_an_article((args.dir / 'html' / f'{name}.html').read_bytes())}")
    if args.rows:
        write_rows(args.rows, rows)


if __name__ == "__main__":
    main()
