"""What the held-out checks share (readability_pages.py, newspaper_pages.py,
article_extractor_pages.py): the tools' runs, a page's scores, the per-page and summary tables and
an expected article's text. Each check reads its own page set into :class:`Page` and lets
:func:`compare` run the tools on it.

    pages = [Page(name="a", raw=html, url=None, body="The text.", title="A story")]
    rows, seconds = compare(pages)
    summary(rows, seconds, len(pages))
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fit_content import word_prf  # noqa: E402  (WCXB's metric, one copy for the benchmarks)

import newsscrape  # noqa: E402

WORD = re.compile(r"\w+")
Result = dict[str, Any]
Row = dict[str, Any]
MARK = {True: "+", False: "-"}  # a field right or wrong; "." where the page has no truth for it


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One test page and its truths; a field whose truth is None (or has no words) is not scored."""

    name: str
    raw: bytes
    url: str | None
    body: str
    title: str | None = None
    byline: str | None = None  # every author's name in one string
    published: str | None = None  # ISO, only its day is compared


def words(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower())


BLOCK_TAG = re.compile(
    r"<(/?)(address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]"
    r"|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b",
    re.IGNORECASE,
)


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


TOOLS: dict[str, Callable[[bytes, str | None], Result]] = {
    "newsscrape": run_newsscrape,
    "trafilatura": run_trafilatura,
}


def score(page: Page, got: Result) -> Row:
    """Body: WCXB's word P, R, F1. Title: the same words. Byline: one's words hold the other's.
    Published: the same day."""
    p, r, f1 = word_prf(page.body, got["body"])
    row: Row = {"page": page.name, "f1": round(f1, 4), "p": round(p, 4), "r": round(r, 4)}
    row["error"] = got.get("error")
    if page.title:
        row["title_ok"] = words(got["title"]) == words(page.title)
    if words(page.byline):
        have, want = " ".join(words(" ".join(got["authors"]))), " ".join(words(page.byline))
        row["byline_ok"] = bool(have) and (have in want or want in have)
    if page.published:
        row["date_ok"] = str(got["published"] or "")[:10] == page.published[:10]
    return row


def compare(pages: Iterable[Page]) -> tuple[dict[str, list[Row]], dict[str, float]]:
    """Each tool's scored rows, in page order, and its seconds of extraction in all."""
    rows: dict[str, list[Row]] = {tool: [] for tool in TOOLS}
    seconds = dict.fromkeys(TOOLS, 0.0)
    for page in pages:
        for tool, run in TOOLS.items():  # the tools take turns on each page
            start = time.perf_counter()
            got = run(page.raw, page.url)
            seconds[tool] += time.perf_counter() - start
            rows[tool].append(score(page, got) | {"tool": tool})
    return rows, seconds


def summary(rows: dict[str, list[Row]], seconds: dict[str, float], count: int) -> None:
    """One line per tool: mean body P, R, F1; each field's share right (and how many pages have it)."""
    columns = (("F1", 6), ("P", 6), ("R", 6), ("title", 11), ("byline", 11), ("date", 11), ("ms/page", 8))
    print(f"{'tool':12} " + " ".join(f"{name:>{width}}" for name, width in columns) + " errors")
    for tool, scored in rows.items():

        def share(key: str, scored: list[Row] = scored) -> str:
            marks = [row[key] for row in scored if key in row]
            return f"{mean(marks):.3f} ({len(marks):>2})" if marks else "-"

        print(
            f"{tool:12} {mean(r['f1'] for r in scored):6.4f} {mean(r['p'] for r in scored):6.4f} "
            f"{mean(r['r'] for r in scored):6.4f} {share('title_ok'):>11} {share('byline_ok'):>11} "
            f"{share('date_ok'):>11} {1000 * seconds[tool] / count:8.1f} "
            f"{sum(bool(r['error']) for r in scored)}"
        )


def marks(row: Row) -> str:
    return "".join(MARK[row[key]] if key in row else "." for key in ("title_ok", "byline_ok", "date_ok"))


def print_pages(rows: dict[str, list[Row]]) -> None:
    """One line per page: each tool's body F1, P, R and its title, author, date marks."""
    tools = list(rows)
    width = max([22] + [len(row["page"]) for row in rows[tools[0]]])
    print(f"{'page':{width}} " + " | ".join(f"{tool[:11]:11}     F1      P      R tad" for tool in tools))
    for scored in zip(*rows.values(), strict=True):
        cells = (f"{'':11} {r['f1']:6.4f} {r['p']:6.4f} {r['r']:6.4f} {marks(r)}" for r in scored)
        print(f"{scored[0]['page']:{width}} " + " | ".join(cells))


def write_rows(path: Path, rows: dict[str, list[Row]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for scored in rows.values():
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in scored)
