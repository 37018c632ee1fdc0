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
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean
from typing import Any

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_prf  # noqa: E402  (WCXB's metric, one copy for the benchmarks)

import newsscrape  # noqa: E402

FILES = ("source.html", "expected.html", "expected-metadata.json")
# Folders named for one markup feature Readability tests, not for a site.
FEATURE_TESTS = re.compile(
    r"\d+(-.*)?|base-url.*|basic-tags-cleaning|clean-links|comment-inside-script-parsing|data-url-image"
    r"|display-none|hidden-nodes|invalid-attributes|js-link-replacement|jsonld-.*|keep-.*|lazy-image-.*"
    r"|links-in-tables|metadata-.*|normalize-spaces|style-tags-removal|svg-.*|article-author-tag"
)
WORD = re.compile(r"\w+")
BLOCK_TAG = re.compile(
    r"<(/?)(address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]"
    r"|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b",
    re.IGNORECASE,
)
Result = dict[str, Any]


def words(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower())


def article_text(html: str) -> str:
    """The text of an expected article, each block on a line of its own."""
    tree = LexborHTMLParser(BLOCK_TAG.sub(lambda m: f"\n<{m[1]}{m[2]}", html))
    root = tree.body or tree.root
    text = root.text(deep=True) if root is not None else ""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def page_url(html: str) -> str | None:
    """The page's own address as its markup gives it (the test pages use a made-up host otherwise)."""
    tree = LexborHTMLParser(html)
    for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        url = ((node.attributes.get(attr) if node is not None else None) or "").strip()
        if url.startswith(("http://", "https://")) and "fakehost" not in url:
            return url
    return None


def run_newsscrape(raw: bytes, url: str | None) -> Result:
    try:
        article = newsscrape.extract(raw, url=url)
    except newsscrape.NewsscrapeError as exc:
        return {"body": "", "title": None, "authors": [], "published": None, "error": str(exc)}
    published = article.published.isoformat() if article.published else None
    return {
        "body": article.body,
        "title": article.title,
        "authors": list(article.authors),
        "published": published,
    }


def run_trafilatura(raw: bytes, url: str | None) -> Result:
    import trafilatura

    html = raw.decode("utf-8", "replace")
    try:
        body = trafilatura.extract(html, url=url, include_comments=False) or ""
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception as exc:  # a peer's crash scores as an empty result
        return {"body": "", "title": None, "authors": [], "published": None, "error": repr(exc)}
    authors = [a.strip() for a in ((meta.author if meta else None) or "").split(";") if a.strip()]
    return {
        "body": body,
        "title": meta.title if meta else None,
        "authors": authors,
        "published": meta.date if meta else None,
    }


def score(name: str, truth: dict[str, Any], got: Result) -> dict[str, Any]:
    p, r, f1 = word_prf(truth["body"], got["body"])
    row: dict[str, Any] = {"page": name, "f1": round(f1, 4), "p": round(p, 4), "r": round(r, 4)}
    row["error"] = got.get("error")
    meta = truth["meta"]
    if meta.get("title"):
        row["title_ok"] = words(got["title"]) == words(meta["title"])
    if words(meta.get("byline")):
        have, want = " ".join(words(" ".join(got["authors"]))), " ".join(words(meta["byline"]))
        row["byline_ok"] = bool(have) and (have in want or want in have)
    if meta.get("publishedTime"):
        row["date_ok"] = str(got["published"] or "")[:10] == meta["publishedTime"][:10]
    return row


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
    truths = {
        d.name: {
            "raw": (d / "source.html").read_bytes(),
            "body": article_text((d / "expected.html").read_text(encoding="utf-8")),
            "meta": json.loads((d / "expected-metadata.json").read_text(encoding="utf-8")),
        }
        for d in folders
    }
    tools: dict[str, Callable[[bytes, str | None], Result]] = {
        "newsscrape": run_newsscrape,
        "trafilatura": run_trafilatura,
    }
    rows: dict[str, list[dict[str, Any]]] = {tool: [] for tool in tools}
    seconds = dict.fromkeys(tools, 0.0)
    for name, truth in truths.items():
        url = page_url(truth["raw"].decode("utf-8", "replace"))
        for tool, run in tools.items():  # the tools take turns on each page
            start = time.perf_counter()
            got = run(truth["raw"], url)
            seconds[tool] += time.perf_counter() - start
            rows[tool].append(score(name, truth, got) | {"tool": tool})
    print(f"# {len(folders)} pages of {args.dir}; truth: Readability's expected article and metadata")
    columns = (("F1", 6), ("P", 6), ("R", 6), ("title", 11), ("byline", 11), ("date", 11), ("ms/page", 8))
    print(f"{'tool':12} " + " ".join(f"{name:>{width}}" for name, width in columns) + " errors")
    for tool, scored in rows.items():

        def share(key: str, scored: list[dict[str, Any]] = scored) -> str:
            marks = [row[key] for row in scored if key in row]
            return f"{mean(marks):.3f} ({len(marks):>2})" if marks else "-"

        print(
            f"{tool:12} {mean(r['f1'] for r in scored):6.4f} {mean(r['p'] for r in scored):6.4f} "
            f"{mean(r['r'] for r in scored):6.4f} {share('title_ok'):>11} {share('byline_ok'):>11} "
            f"{share('date_ok'):>11} {1000 * seconds[tool] / len(folders):8.1f} "
            f"{sum(bool(r['error']) for r in scored)}"
        )
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as out:
            for scored in rows.values():
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in scored)


if __name__ == "__main__":
    main()
