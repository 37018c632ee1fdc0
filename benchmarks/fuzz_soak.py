"""Soak extract() with real pages bent the way a real crawl bends them, and check its contract.

The contract (README, issue 7): every page gives an Article or raises a NewsscrapeError (an
ExtractError with a reason other than "internal"), never another exception; no page takes more
than ``ExtractConfig.time_limit`` + 1 s; the record is valid against ``schema/article.json``, strict
UTF-8 JSON with no control characters or lone surrogates, dates plausible ISO 8601, no empty authors
or tags, and ``sections`` add up to ``body``.

Run by hand (not in CI), one job at a time; pages are read from the bench folder, never copied:

    python benchmarks/fuzz_soak.py --minutes 15 --seed 1          # soak, then a summary table
    python benchmarks/fuzz_soak.py --seed 1 --case 417            # rerun one case, with its traceback
    python benchmarks/fuzz_soak.py --seed 1 --case 417 --dump x.html   # and write its input

Case ``i`` of seed ``s`` draws its page, its mutation and the mutation's choices from
``Random(s * 1_000_003 + i)``, so ``--seed s --case i`` reproduces it alone. Breaks are printed as
found and written as JSON lines to ``--out``.

Recorded results (2 cores shared with other jobs; WCXB, aeb and dates pages):

- seed 1, 12 min, 8,787 cases (~628 a mutation): 31 breaks, all control characters in the record
  (raw, as "&#1;", an escape inside "&#x1;", a vertical tab in code); before it, a 1.5 min trial found
  ``sections`` disagreeing with ``body`` (code blocks, forum table rows). All fixed since.
- seed 2, 8 min, 6,253 cases (~447 a mutation): 0 breaks; slowest 3.5 s (long_line, 5 MB).
- seed 3, 3 min, 2,271 cases (~162 a mutation), this script as it stands: 0 breaks; slowest 5.5 s
  (long_line; the limit is 10 s).
- seed 39, 15 min, 12,287 cases (~877 a mutation; 2026-12-02, 5d722cc's extractor, beside a scoring run):
  0 breaks; slowest 5.5 s (long_line), 1.0 s (unclosed) the next.
- seed 40, 10 min, 7,975 cases (~570 a mutation; 2026-12-02, 7f7075b, beside a CI run): 0 breaks;
  slowest 3.3 s (long_line), 0.85 s (tag_edit) the next.
- seed 4, 6 min, 2,521 cases (~180 a mutation; 2026-12-04, 16f6660, beside a fresh clone's CI run):
  0 breaks; slowest 5.4 s (long_line), 1.9 s (tag_edit) the next.
"""

from __future__ import annotations

import argparse
import faulthandler
import gzip
import json
import random
import re
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema

from newsscrape import Article, ExtractConfig, ExtractError, NewsscrapeError, extract

URL = "https://example.com/news/2024/05/rain-returns"
WATCHDOG = 120.0  # seconds before a hung case ends the soak, its traceback on stderr
SCHEMA = json.loads(
    (Path(__file__).parents[1] / "src/newsscrape/schema/article.json").read_text(encoding="utf-8")
)
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
TAG = re.compile(rb"<[a-zA-Z/][^<>]{0,300}>")
META_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([\w-]+)[^>]*>""", re.I)
Mutation = Callable[[random.Random, bytes], tuple[bytes | str, str | None]]


# -- mutations: (rng, page bytes) -> (input, url) -------------------------------------------------


def head_insert(page: bytes, html: bytes) -> bytes:
    at = page.lower().find(b"<head")
    at = page.find(b">", at) + 1 if at >= 0 else 0
    return page[:at] + html + page[at:]


def somewhere(rng: random.Random, page: bytes, html: bytes) -> bytes:
    at = rng.randrange(len(page) + 1)
    return page[:at] + html + page[at:]


def truncate(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    return page[: rng.randrange(len(page) + 1)], URL


def truncate_inside(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    """A torn download that stops in a tag, a comment, a script or a UTF-8 sequence."""
    marks = [rb"<script", rb"<!--", rb"<[a-z]", rb"[\xc2-\xf4]", rb"<style", rb'="']
    spots = [m.start() for m in re.finditer(rng.choice(marks), page)] or [len(page) // 2]
    return page[: rng.choice(spots) + rng.randrange(1, 4)], URL


CHARSETS = ["shift_jis", "utf-16", "iso-8859-1", "utf-8", "euc-kr", "gb2312", "koi8-r", "x-bogus"]


def charset_lie(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    """The declared charset is not the page's: swapped in a meta, or the bytes re-encoded."""
    label = rng.choice(CHARSETS)
    meta = f'<meta charset="{label}">'.encode()
    if rng.random() < 0.3:  # the inverse: bytes in another charset under a utf-8 label
        text = page.decode("utf-8", "replace")
        page = text.encode(rng.choice(["cp1252", "shift_jis", "utf-16-le"]), "replace")
        meta = b'<meta charset="utf-8">'
    if META_CHARSET.search(page):
        return META_CHARSET.sub(meta, page, count=1), URL
    return head_insert(page, meta), URL


def bom(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    mark = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"])
    if rng.random() < 0.3:  # a real UTF-16 page, its BOM first
        return page.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-be"])), URL
    return mark + page, URL


JUNK = [b"\x00", b"\x01", b"\x0b", b"\x1b", b"\x7f", b"\xc2\x85", b"&#0;", b"&#x1;", b"&#xFFFE;"]


def controls(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    out = bytearray(page)
    for _ in range(rng.randint(1, 200)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.choice(JUNK)
    return bytes(out), URL


def tag_edit(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    """Delete or duplicate a random share of the tags."""
    share, double = rng.uniform(0.01, 0.3), rng.random() < 0.5
    return TAG.sub(lambda m: (m[0] * 2 if double else b"") if rng.random() < share else m[0], page), URL


ODD_DATES: list[object] = [
    None, "", "0000-00-00", "2025-13-45", "2020-02-30", 1700000000, 1700000000000, "1700000000",
    "9999-12-31T23:59:60Z", "+275760-09-13", "-0001-01-01", "2099-01-01", "20201301", [None],
    ["2020-01-01", "x"], {"@value": "2021-03-04"}, 2021.5, True, "2020-01-01T25:61:61+99:99",
    "Tue, 32 Dec 2020 10:00:00 GMT", "12/31/20201", "2021-W53-8", "٢٠٢١-٠٣-٠٤", "1e400",
]  # fmt: skip
ODD_VALUES: list[object] = [
    None, 0, -1, 1e308, True, [], {}, [[["Jane Doe"]]], [{"name": ["Jane", "Doe"]}], {"name": 42},
    [{"@type": "Person"}], "", " ", "\u0000", "x" * 20_000, ["a"] * 5_000, {"@list": [{"@value": 1}]},
    {"name": {"name": {"name": "Jane"}}}, [None, "", " ", "Jane Doe"],
]  # fmt: skip


def nested(rng: random.Random, value: object) -> object:
    for _ in range(rng.randint(1, 60)):
        value = rng.choice([[value], {"@graph": [value]}, {"item": value}])
    return value


def jsonld_odd(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    keys = ["headline", "name", "author", "creator", "keywords", "articleSection", "image", "url",
            "description", "inLanguage", "publisher", "mainEntityOfPage", "about", "isPartOf"]  # fmt: skip
    block: dict[str, object] = {"@type": rng.choice(["NewsArticle", ["Article", 7], None, {"x": 1}, "", 3])}
    for key in ("datePublished", "dateModified", "dateCreated", "uploadDate"):
        if rng.random() < 0.6:
            block[key] = rng.choice(ODD_DATES)
    for key in rng.sample(keys, rng.randint(1, 6)):
        block[key] = rng.choice(ODD_VALUES)
    doc: object = nested(rng, block) if rng.random() < 0.3 else block
    text = json.dumps(doc)
    if rng.random() < 0.2:  # broken: cut, or a trailing comma
        text = rng.choice([text[: rng.randrange(len(text))], text[:-1] + ",}"])
    return head_insert(page, f'<script type="application/ld+json">{text}</script>'.encode()), URL


META_DATES = [
    "0000-00-00T00:00:00", "2025-13-45", "1700000000", "1700000000000", "-0001-01-01", "99999-01-01",
    "2020-01-01T25:61:61+99:99", "Tue, 32 Dec 2020", "20201301", " ", "十二月 2020", "now", "1 hour ago",
    "2020-02-30", "31/31/2031", "2021-03-04T10:00:00+0530x", "@1700000000", "NaN", "Infinity",
]  # fmt: skip


def meta_dates(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    shapes = [
        '<meta property="article:published_time" content="{}">',
        '<meta name="date" content="{}">',
        '<meta itemprop="dateModified" content="{}">',
        '<time datetime="{}" itemprop="datePublished">{}</time>',
        '<span class="date">{}</span>',
    ]
    html = "".join(rng.choice(shapes).format(*[rng.choice(META_DATES)] * 2) for _ in range(rng.randint(1, 5)))
    if rng.random() < 0.5:
        return somewhere(rng, page, html.encode()), URL
    return head_insert(page, html.encode()), URL


def long_line(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    """5 MB of text on one line with no tags: the whole input, or one text node of the page."""
    words = [w.decode("utf-8", "ignore") for w in re.findall(rb"[^\s<>]{2,12}", page[:50_000])] or ["word"]
    text = " ".join(rng.choice(words) for _ in range(5_000_000 // 7)).encode()
    return (text if rng.random() < 0.5 else somewhere(rng, page, text)), URL


def doubled(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    if rng.random() < 0.5:
        return page + page, URL
    return somewhere(rng, page, b"<html><head><title>Other</title></head><body><h1>Other page</h1>"), URL


def unclosed(rng: random.Random, page: bytes) -> tuple[bytes, str]:
    tag = rng.choice(
        ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "plaintext", "svg"]
    )
    opener = f"<{tag}>".encode()
    if rng.random() < 0.5:  # a close tag lost: the next one of its kind is cut out
        at = page.find(f"</{tag}>".encode())
        if at >= 0:
            return page[:at] + page[at + len(tag) + 3 :], URL
    return (head_insert(page, opener) if rng.random() < 0.3 else somewhere(rng, page, opener)), URL


ODD_URLS = [
    None, "", "/news/rain", "news/rain", "https://bücher.example/新闻/雨", "https://" + "a" * 5_000 + ".com/",
    URL + "?" + "q=1&" * 3_000, "javascript:alert(1)", "data:text/html,<p>x</p>", "http://[::1", "mailto:x@y",
    "https://xn--zz/", " https://example.com/x ", "file:///etc/passwd", "https://example.com/\x00x",
    "//example.com/x", "https://example.com:99999/", "https://user:pw@example.com/x", "\udfff", "ftp://x/",
    "https://example.com/%zz/%", "http://1.2.3.4.5/", "https://example.com/" + "é" * 2_000,
]  # fmt: skip


def odd_url(rng: random.Random, page: bytes) -> tuple[bytes, str | None]:
    return page, rng.choice(ODD_URLS)


def as_text(rng: random.Random, page: bytes) -> tuple[str, str]:
    """The caller decoded the bytes itself, badly: lone surrogates, or Latin-1 mojibake."""
    return page.decode(rng.choice(["utf-8", "latin-1"]), "surrogateescape"), URL


MUTATIONS: dict[str, Mutation] = {
    "truncate": truncate,
    "truncate_inside": truncate_inside,
    "charset_lie": charset_lie,
    "bom": bom,
    "controls": controls,
    "tag_edit": tag_edit,
    "jsonld_odd": jsonld_odd,
    "meta_dates": meta_dates,
    "long_line": long_line,
    "doubled": doubled,
    "unclosed": unclosed,
    "odd_url": odd_url,
    "as_text": as_text,
}


def mixed(rng: random.Random, page: bytes) -> tuple[bytes | str, str | None]:
    url: str | None = URL
    for name in rng.sample(["truncate_inside", "charset_lie", "controls", "tag_edit", "jsonld_odd",
                            "meta_dates", "unclosed", "odd_url"], 3):  # fmt: skip
        markup, new_url = MUTATIONS[name](rng, page)
        url = new_url if name == "odd_url" else url
        page = markup if isinstance(markup, bytes) else markup.encode("utf-8", "surrogatepass")
    return page, url


MUTATIONS["mixed"] = mixed


# -- the contract ---------------------------------------------------------------------------------


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(k) + strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def problems(article: Article) -> list[str]:
    """Every way this Article breaks the record's contract; [] when it keeps it."""
    found = []
    record: dict[str, Any] = article.to_dict()
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError) as exc:
        found.append(f"not writable: {exc}")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(SCHEMA).iter_errors(record))
    if error is not None:
        found.append(f"schema: {error.json_path}: {error.message[:120]}")
    bad = sorted({m for s in strings(record) for m in BAD_CHARS.findall(s)})
    if bad:
        found.append(f"control characters or surrogates: {bad!r}")
    tomorrow = datetime.now(UTC).date() + timedelta(days=2)
    for name in ("published", "modified"):
        value = record.get(name)
        if value is not None:
            try:
                day = datetime.fromisoformat(value).date()
            except (TypeError, ValueError):
                found.append(f"{name} not ISO 8601: {value!r}")
            else:
                if not date(1990, 1, 1) <= day <= tomorrow:
                    found.append(f"{name} implausible: {value!r}")
    for name in ("authors", "tags", "breadcrumbs", "headings"):
        if any(not s.strip() for s in getattr(article, name)):
            found.append(f"empty string in {name}: {getattr(article, name)!r}")
    flat = [p for s in article.sections for p in ((s.heading,) if s.heading else ()) + s.paragraphs]
    if "\n\n".join(flat) != article.body:
        found.append("sections do not add up to body")
    if tuple(s.heading for s in article.sections if s.heading is not None) != article.headings:
        found.append("sections' headings differ from headings")
    return found


def run_case(markup: bytes | str, url: str | None, config: ExtractConfig) -> tuple[str, list[str], float]:
    """(outcome, problems, wall seconds) of one extract() call."""
    start = time.monotonic()
    try:
        article = extract(markup, url, config=config)
    except ExtractError as exc:
        wall = time.monotonic() - start
        return f"error:{exc.reason}", [f"internal: {exc}"] if exc.reason == "internal" else [], wall
    except NewsscrapeError as exc:
        return f"error:{type(exc).__name__}", [], time.monotonic() - start
    except Exception as exc:
        wall = time.monotonic() - start
        return "crash", [f"{type(exc).__name__}: {exc}"[:300]], wall
    wall = time.monotonic() - start
    return "ok", problems(article), wall


def pages(bench: Path) -> list[Path]:
    found = [*sorted((bench / "wcxb/html").glob("*.html.gz")), *sorted((bench / "aeb/html").glob("*.gz"))]
    return found + sorted((bench / "dates/html").glob("*.gz"))


def make_case(seed: int, index: int, paths: list[Path]) -> tuple[str, Path, bytes | str, str | None]:
    rng = random.Random(seed * 1_000_003 + index)
    name = list(MUTATIONS)[index % len(MUTATIONS)]
    path = rng.choice(paths)
    markup, url = MUTATIONS[name](rng, gzip.decompress(path.read_bytes()))
    return name, path, markup, url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench-dir", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--case", type=int, help="rerun this one case and print its traceback")
    parser.add_argument("--dump", type=Path, help="with --case: write the mutated input here")
    parser.add_argument("--out", type=Path, default=Path("/tmp/fuzz_soak_breaks.jsonl"))
    args = parser.parse_args()
    paths, config = pages(args.bench_dir), ExtractConfig()
    limit = config.time_limit + 1.0
    if args.case is not None:
        name, path, markup, url = make_case(args.seed, args.case, paths)
        if args.dump:
            args.dump.write_bytes(
                markup if isinstance(markup, bytes) else markup.encode("utf-8", "surrogatepass")
            )
        print(f"{name} on {path.name}, url={url!r:.80}, {len(markup):,} long")
        try:
            article = extract(markup, url, config=config)
            print("ok:", problems(article))
        except Exception:
            traceback.print_exc()
        return 0
    rows: dict[str, list[float]] = {name: [0, 0, 0.0] for name in MUTATIONS}  # cases, breaks, slowest ms
    stop, index = time.monotonic() + args.minutes * 60, 0
    with args.out.open("w", encoding="utf-8") as out:
        while time.monotonic() < stop:
            name, path, markup, url = make_case(args.seed, index, paths)
            print(index, name, path.name, file=sys.stderr, flush=True)  # the last line names a hang
            faulthandler.dump_traceback_later(WATCHDOG, exit=True)
            outcome, found, wall = run_case(markup, url, config)
            faulthandler.cancel_dump_traceback_later()
            if wall > limit:
                found.append(f"slow: {wall:.1f} s")
            row = rows[name]
            row[0] += 1
            row[1] += bool(found)
            row[2] = max(row[2], wall * 1000)
            if found:
                record = {"seed": args.seed, "case": index, "mutation": name, "page": path.name, "url": url,
                          "outcome": outcome, "problems": found}  # fmt: skip
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
                print(f"BREAK --seed {args.seed} --case {index}: {name} {path.name}: {found}", flush=True)
            index += 1
    print(f"\n{'mutation':<16} {'pages':>6} {'breaks':>7} {'slowest ms':>11}")
    for name, (cases, breaks, slowest) in rows.items():
        print(f"{name:<16} {cases:>6.0f} {breaks:>7.0f} {slowest:>11.0f}")
    total = sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values())
    print(f"{'total':<16} {total[0]:>6.0f} {total[1]:>7.0f}   (seed {args.seed}, {args.minutes:g} min)")
    return 1 if total[1] else 0


if __name__ == "__main__":
    raise SystemExit(main())
