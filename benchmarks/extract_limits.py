"""Hostile markup against extract()'s time limit: every class of input, up to 10 MB, must end within
``ExtractConfig.time_limit`` + 1 s, as an Article or an ExtractError.

Run by hand (not in CI; each case is a subprocess, killed after a watchdog):

    python benchmarks/extract_limits.py            # every class
    python benchmarks/extract_limits.py attrs_125k deep_jsonld

Prints, per class: input size, outcome (ok: words | error reason), wall time of extract() alone,
and the subprocess's peak RSS.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable

MB = 1_000_000
STORY = (
    "<article><h1>Rain returns to the valley</h1>"
    + "<p>Rain returned to the valley on Tuesday after a long dry summer, and farmers were glad.</p>" * 12
    + "</article>"
)
WATCHDOG = 120.0  # seconds before a case is killed and reported as a hang


def page(head: str = "", body: str = "", *, story: str = STORY) -> str:
    return f"<html><head><title>Rain returns</title>{head}</head><body>{story}{body}</body></html>"


def ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def token(n: int = 80_000) -> str:
    return "x" * n


CASES: dict[str, Callable[[], str | bytes]] = {
    # attributes: lexbor is quadratic in the distinct attributes of one tag
    "attrs_125k": lambda: page(body="<div " + " ".join(f'a{i}="v"' for i in range(125_000)) + ">x</div>"),
    "attrs_1k_x_tags": lambda: page(
        body=("<i " + " ".join(f"a{i}" for i in range(1_000)) + ">x</i>") * (9 * MB // 6_000)
    ),
    "attrs_in_svg_style": lambda: page(
        body="<svg><style><g " + " ".join(f"a{i}" for i in range(125_000)) + ">x</g></style></svg>"
    ),
    "attr_value_10mb": lambda: page(body=f'<div class="{token(10 * MB)}">x</div>'),
    "attrs_lt_in_values": lambda: page(body="<div " + " ".join(f'a{i}="<b>"' for i in range(100_000)) + ">"),
    # long tokens where the metadata readers run regexes
    "byline_80k": lambda: page(body=f'<span class="byline">By {token()}</span>'),
    "byline_80k_email": lambda: page(body=f'<span class="byline">By {"a@" * 40_000}</span>'),
    "byline_80k_parens": lambda: page(body=f'<span class="author">{"(" * 80_000}</span>'),
    "meta_author_80k": lambda: page(f'<meta name="author" content="{token()}">'),
    "jsonld_author_80k": lambda: page(ld(json.dumps({"@type": "NewsArticle", "author": {"name": token()}}))),
    "jsonld_10k_authors": lambda: page(
        ld(json.dumps({"@type": "NewsArticle", "author": [{"name": f"Jane Doe{i}"} for i in range(10_000)]}))
    ),
    "long_tokens_meta": lambda: page(
        f'<meta property="og:title" content="{token()}"><meta name="description" content="{token()}">'
        f'<meta name="keywords" content="{"a," * 40_000}"><meta property="og:site_name" content="{token()}">'
        f'<meta property="article:published_time" content="{"2020-" * 16_000}">',
        f'<a href="/"><img alt="{token()}"></a><h2>{token()}</h2>',
    ),
    "long_title_80k": lambda: page(
        story=f"<article><h1>{'Rain ' * 16_000}</h1><p>{'Word ' * 200}</p></article>"
    ),
    "long_whitespace": lambda: page(
        body="<p>" + " " * (5 * MB) + "x</p>" + "<p>\n" + "\n" * (4 * MB) + "</p>"
    ),
    # the trafilatura fallback (and the native pass) on many short blocks
    "li_unclosed_100k": lambda: page(body="<ul>" + "<li>x" * 100_000, story="<h1>Rain</h1><p>Short.</p>"),
    "tiny_paragraphs_1m": lambda: page(body="<p>x</p>" * 1_000_000, story="<h1>Rain</h1><p>Short.</p>"),
    "tiny_paragraphs_5k": lambda: page(body="<p>x</p>" * 5_000, story="<h1>Rain</h1><p>Short.</p>"),
    "tiny_list_items_20k": lambda: page(
        body="<ul>" + "<li>x</li>" * 20_000, story="<h1>Rain</h1><p>Short.</p>"
    ),
    "svg_icons_800k": lambda: page(body="<svg><path d='M0 0'/></svg>" * 400_000),
    # shortcode and BBCode look-alikes in one paragraph's text (``_text.without_markup_tags``)
    "bracket_tags_200k": lambda: page(body="<p>" + "[a=1] [b c=d] [/e] [" * 200_000 + "</p>"),
    # icon-font ligatures beside words, all in one box (``_nodes.drop_icon_names``)
    "icon_names_100k": lambda: page(body="<p>" + 'a <i class="material-icons">check</i> ' * 100_000 + "</p>"),
    "scripts_500k": lambda: page(body="<script>var a = 1 < 2;</script>" * 300_000),
    "short_divs_200k": lambda: page(body="<div>word word</div>" * 200_000),
    "headings_100k": lambda: page(body="<h2>Heading</h2><p>Text here.</p>" * 100_000),
    "table_cells_500k": lambda: page(body="<table>" + ("<tr>" + "<td>x</td>" * 50) * 10_000 + "</table>"),
    "links_300k": lambda: page(body="".join(f'<a href="/n/{i}">link {i}</a>' for i in range(300_000))),
    # nesting
    "deep_divs_1m": lambda: page(body="<div>" * 1_000_000),
    "deep_inline_1m": lambda: page(body="<b>" * 1_000_000),
    "deep_mixed_1900": lambda: page(body="<div><section>" * 950 + "x"),
    # nesting behind end tags that close nothing
    "deep_after_stray_ends_200k": lambda: page(body="</div>" * 200_000 + "<div>" * 200_000),
    "deep_mismatched_ends_200k": lambda: page(body="<div></span>" * 200_000),
    "unclosed_tags_2m": lambda: page(body="<a " * 2_000_000),
    "unclosed_scripts_1m": lambda: page(body="<script>" * 1_000_000),
    "unclosed_comments_2m": lambda: page(body="<!--" * 2_000_000),
    "deep_jsonld_1k": lambda: page(ld("[" * 1_200)),
    "deep_jsonld_10mb": lambda: page(ld("[" * (10 * MB))),
    "deep_jsonld_objects": lambda: page(ld('{"a":' * 1_000_000)),
    "jsonld_blank_lines": lambda: page(ld("\n" * (5 * MB) + "x")),
    "jsonld_100k_blocks": lambda: page(
        "".join(ld('{"@type": "Thing", "name": "x"}') for _ in range(100_000))
    ),
    # size
    "text_10mb": lambda: page(body=("<p>" + "Rain fell on the valley again today. " * 200 + "</p>") * 1_300),
    "one_paragraph_10mb": lambda: page(body="<p>" + "Rain fell on the valley. " * 400_000 + "</p>"),
    "binary_10mb": lambda: random.Random(1).randbytes(10 * MB),
    "lone_surrogates": lambda: page(ld('{"@type": "NewsArticle", "author": {"name": "Jane \\udfff Doe"}}')),
    "bad_urls_100k": lambda: page(
        body='<p><a href="https://[zz::]/x">x</a> <img src="http://[::1"></p>' * 100_000
    ),
}


def run_one(name: str) -> None:
    """In the child: build the input, time extract() alone, print one JSON line."""
    from newsscrape import ExtractError, extract

    html = CASES[name]()
    size = len(html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html)
    start = time.monotonic()
    try:
        article = extract(html, url="https://example.com/news/rain")
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
        outcome = f"ok: {article.word_count} words"
    except ExtractError as exc:
        outcome = f"error: {exc.reason}"
    wall = time.monotonic() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"size": size, "outcome": outcome, "wall": wall, "rss_mb": rss_mb}))


def main(names: list[str]) -> int:
    from newsscrape import ExtractConfig

    limit = ExtractConfig().time_limit
    print(f"time limit {limit:g} s; target: every case ends within {limit + 1:g} s\n")
    print(f"{'class':<22} {'size':>10}  {'outcome':<24} {'wall s':>7} {'peak RSS':>9}")
    worst = 0.0
    for name in names or list(CASES):
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--one", name], capture_output=True, text=True, timeout=WATCHDOG
            )
        except subprocess.TimeoutExpired:
            print(f"{name:<22} {'':>10}  {'HANG (killed)':<24} {WATCHDOG:>7.1f}")
            worst = max(worst, WATCHDOG)
            continue
        if done.returncode != 0:
            print(f"{name:<22} {'':>10}  {'CRASH':<24}  {done.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        worst = max(worst, row["wall"])
        size = f"{row['size'] / MB:.2f} MB"
        print(f"{name:<22} {size:>10}  {row['outcome']:<24} {row['wall']:>7.2f} {row['rss_mb']:>6.0f} MB")
    verdict = "OK" if worst <= limit + 1 else "OVER"
    print(f"\nslowest: {worst:.2f} s ({verdict}: limit + 1 s = {limit + 1:g} s)")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        run_one(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1:]))
