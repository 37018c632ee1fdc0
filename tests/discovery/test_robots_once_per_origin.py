"""robots.txt is asked once per origin per run: by `discover`, by `crawl URLS`, and by `crawl --site`,
where discovery and the crawl share the crawler's answer (RFC 9309 lets a crawler cache it)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from newssite import NewsSite

from faultserver import FaultServer, Request, Response
from newsscrape.cli import main

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
