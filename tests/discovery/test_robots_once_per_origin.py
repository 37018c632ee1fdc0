"""robots.txt is asked once per origin per run: by `discover`, by `crawl URLS`, and by `crawl --site`,
where discovery and the crawl share the crawler's answer (RFC 9309 lets a crawler cache it)."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

from click.testing import CliRunner
from newssite import NewsSite, fast, quick_extract

from faultserver import FaultServer, Request, Response
from newsscrape.cli import main
from newsscrape.crawler import run_site_job

QUIET = ["--delay", "0"]


def robots_requests(server: FaultServer) -> int:
    return sum(path == "/robots.txt" for path in server.paths())


def test_crawl_site_asks_robots_txt_once(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=6, per_file=3).mount(fault_server)
    out = tmp_path / "out.jsonl"
    args = ["crawl", "--site", site.base + "/", "-o", str(out), *QUIET, "--workers", "0"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert len(out.read_text().splitlines()) == 6
    assert robots_requests(fault_server) == 1  # discovery's answer is the crawl's


def test_crawl_site_still_obeys_the_shared_rules(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=4, per_file=4).mount(fault_server)

    def robots(req: Request) -> Response:  # the stories are disallowed, the sitemaps are not
        rules = f"User-agent: *\nDisallow: /2024/\nSitemap: {site.base}/sitemap_index.xml\n"
        return Response(body=rules.encode(), content_type="text/plain")

    fault_server.add_route("/robots.txt", robots)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["crawl", "--site", site.base + "/", "-o", str(out), *QUIET])
    assert not [p for p in fault_server.paths() if p.startswith("/2024/")]  # no story fetched
    assert robots_requests(fault_server) == 1
    assert re.search(r"left out: .*\brobots [1-9]", result.stderr), result.stderr  # refused, not listed


def test_discover_asks_robots_txt_once(fault_server: FaultServer) -> None:
    site = NewsSite(articles=6, per_file=3).mount(fault_server)
    result = CliRunner().invoke(main, ["discover", site.base + "/", *QUIET])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 6
    assert robots_requests(fault_server) == 1


def test_crawl_urls_asks_robots_txt_once(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=6, per_file=3).mount(fault_server)
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(site.urls()) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["crawl", str(urls), "-o", str(out), *QUIET, "--workers", "0"])
    assert result.exit_code == 0, result.stderr
    assert len(out.read_text().splitlines()) == 6
    assert robots_requests(fault_server) == 1


def test_crawl_site_honours_the_shared_crawl_delay_up_to_its_cap(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    site = NewsSite(articles=3, per_file=3, news=0, feed=0, feeds=False).mount(fault_server)

    def robots(req: Request) -> Response:  # 30 s asked, max_crawl_delay 0.2 s granted
        rules = f"User-agent: *\nCrawl-delay: 30\nSitemap: {site.base}/sitemap_index.xml\n"
        return Response(body=rules.encode(), content_type="text/plain")

    fault_server.add_route("/robots.txt", robots)
    config = fast(crawl_overrides={"max_crawl_delay": 0.2})
    code = run_site_job([site.base + "/"], tmp_path / "out.jsonl", config=config, extract_fn=quick_extract)
    assert code == 0
    assert robots_requests(fault_server) == 1
    times = [r.time for r in fault_server.requests if r.path != "/robots.txt"]
    assert len(times) >= 5  # sitemaps, then the stories: one window for discovery and crawl
    gaps = sorted(b - a for a, b in itertools.pairwise(times))
    assert gaps[len(gaps) // 2] >= 0.19
    assert times[-1] - times[0] < 10


def test_crawl_site_with_robots_txt_down_asks_it_as_the_crawl_would(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    fault_server.set_robots(503)  # RFC 9309: unreachable, everything disallowed for now
    err = io.StringIO()
    config = fast(crawl_overrides={"retries": 2})
    code = run_site_job([fault_server.url("/")], tmp_path / "out.jsonl", config=config, stderr=err)
    assert code == 1
    assert "robots.txt HTTP 503" in err.getvalue()
    assert fault_server.paths() == ["/robots.txt"] * 3  # the crawl's 1 + retries tries, then nothing else
