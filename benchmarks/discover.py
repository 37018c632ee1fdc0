"""Discovery time and peak memory on a made-up news site, beside trafilatura's sitemaps and feeds. By hand.

    .venv/bin/python benchmarks/discover.py                    # 10,000 articles
    .venv/bin/python benchmarks/discover.py --articles 2000

1. Discovery: the test suite's made-up news site (``tests/discovery/newssite.py``: robots.txt
   with a Sitemap: line, a sitemap index, ``--per-file`` stories per sitemap file (the first one
   a gzip file), a Google News sitemap, a distractor sitemap, RSS and Atom feeds) is served from
   127.0.0.1 by a thread of this process. Each tool runs in a fresh child process: wall time of the
   discovery call, the child's peak RSS (``ru_maxrss``) and its growth over the RSS after imports,
   URLs returned, requests the server saw. No politeness delay for anyone (``delay=0``,
   ``sleep_time=0``): a local server is no site to be polite to.

   * newsscrape ``Discoverer`` (all sources: robots.txt, sitemaps, feeds; distractors dropped);
   * ``trafilatura.sitemaps.sitemap_search(url)``: sitemaps only;
   * ``trafilatura.feeds.find_feed_urls(url)``: feeds only (the site's feeds list 20 stories).

2. The request log of an incremental re-run: ``crawl --site -o OUT --resume`` on a 30-story site,
   run three times: first, again unchanged, and after two stories were published.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "discovery")]

TOOLS = ("newsscrape", "trafilatura-sitemaps", "trafilatura-feeds")


def child(tool: str, url: str) -> None:
    """Run one tool in this (fresh) process; print one JSON line."""
    if tool == "newsscrape":
        from newssite import fast

        from newsscrape.crawler import Discoverer

        base = _rss()

        async def run() -> list[str]:
            discoverer = Discoverer(fast(crawl_overrides={"retries": 0}), on_note=lambda note: None)
            return [f.url async for f in discoverer.run([url])]

        started = time.perf_counter()
        urls = asyncio.run(run())
    else:
        from trafilatura import feeds, sitemaps
        from trafilatura.settings import use_config

        config = use_config()
        # trafilatura refuses loopback addresses by default (SSRF guard); the bench server is local.
        config.set("DEFAULT", "SSRF_PROTECTION", "False")
        _name_the_loopback_host(feeds, sitemaps, url)
        base = _rss()
        started = time.perf_counter()
        if tool == "trafilatura-sitemaps":
            urls = sitemaps.sitemap_search(url, sleep_time=0, config=config)
        else:
            urls = feeds.find_feed_urls(url, sleep_time=0, config=config)
    seconds = time.perf_counter() - started
    print(json.dumps({"urls": len(set(urls)), "seconds": seconds, "peak": _rss(), "base": base}))


def _name_the_loopback_host(feeds: Any, sitemaps: Any, url: str) -> None:
    """courlan finds no domain in an IP address (``http://127.0.0.1:PORT``), and trafilatura drops
    every URL without one; a domain name would need DNS. So the three courlan calls trafilatura
    makes for domains answer ``newssite.test`` for the bench server's URLs, and nothing else changes."""
    base = url.rstrip("/")
    get_hostinfo, extract_domain, check_url = sitemaps.get_hostinfo, sitemaps.extract_domain, feeds.check_url

    def hostinfo(link: str) -> tuple[str | None, str]:
        return ("newssite.test", base) if link.startswith(base) else get_hostinfo(link)

    def domain(link: str, fast: bool = False) -> str | None:
        return "newssite.test" if link.startswith(base) else extract_domain(link, fast=fast)

    def checked(link: str, **options: Any) -> tuple[str, str] | None:
        return (link, "newssite.test") if link.startswith(base) else check_url(link, **options)

    sitemaps.get_hostinfo = feeds.get_hostinfo = hostinfo
    sitemaps.extract_domain = domain
    feeds.check_url = checked


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB


def compare(articles: int, per_file: int) -> None:
    from newssite import NewsSite

    from faultserver import FaultServer

    with FaultServer() as server:
        site = NewsSite(articles=articles, per_file=per_file, news=1000, feed=20).mount(server)
        print(f"# discovery: {articles:,} stories, {per_file:,} per sitemap file, served from 127.0.0.1")
        print(f"{'tool':<22}{'seconds':>9}{'URLs':>8}{'requests':>10}{'peak RSS':>11}{'growth':>9}")
        for tool in TOOLS:
            server.clear_log()
            out = subprocess.run(
                [sys.executable, __file__, "--child", tool, site.base + "/"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(
                f"{tool:<22}{r['seconds']:>9.2f}{r['urls']:>8,}{len(server.requests):>10}"
                f"{r['peak']:>8.1f} MiB{r['peak'] - r['base']:>6.1f} MiB"
            )


def incremental() -> None:
    from newssite import NewsSite, fast, quick_extract

    from faultserver import FaultServer
    from newsscrape.crawler import run_site_job

    with FaultServer() as server, tempfile.TemporaryDirectory() as tmp:
        site = NewsSite(articles=30, per_file=10).mount(server)
        out = Path(tmp) / "out.jsonl"
        for run, resume in (
            ("first run", False),
            ("re-run, nothing changed", True),
            ("re-run after 2 new stories", True),
        ):
            if run.startswith("re-run after"):
                site.publish(2)
            server.clear_log()
            site.served.clear()
            err = io.StringIO()
            code = run_site_job(
                [site.base + "/"], out, config=fast(), resume=resume, stderr=err, extract_fn=quick_extract
            )
            log = server.requests
            print(
                f"\n# crawl --site {'--resume ' if resume else ''}: {run}: exit {code}, {len(log)} requests"
            )
            if run == "first run":
                continue
            for entry, (_, status) in zip(log, site.served, strict=True):
                conditional = "If-None-Match" if entry.header("If-None-Match") else ""
                print(f"  GET {entry.path:<32} {conditional:<14} -> {status}")
            for line in err.getvalue().splitlines():
                print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=1_000)
    parser.add_argument("--child", nargs=2, metavar=("TOOL", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    compare(args.articles, args.per_file)
    incremental()


if __name__ == "__main__":
    main()
