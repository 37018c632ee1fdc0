"""Discovery against the made-up news site on 127.0.0.1: every source, politeness, faults."""

from __future__ import annotations

import asyncio
import gzip
import io
import itertools
import json
import time
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from newssite import DISTRACTORS, NewsSite, fast

from faultserver import FaultServer, Request, Response
from newsscrape import DiscoverConfig, FetchConfig, Found, discover, discover_sync
from newsscrape.cli import main
from newsscrape.crawler import Discoverer, run_discover_job


def run(server: FaultServer, config: DiscoverConfig) -> tuple[Discoverer, list[Found]]:
    async def go() -> tuple[Discoverer, list[Found]]:
        discoverer = Discoverer(config, on_note=lambda note: None)
        return discoverer, [f async for f in discoverer.run([server.url("/")])]

    return asyncio.run(go())


def test_sitemaps_gzip_and_news_give_every_story_once(fault_server: FaultServer) -> None:
    site = NewsSite(articles=30, per_file=10, news=5).mount(fault_server)
    found = list(discover_sync(fault_server.url("/"), config=fast()))
    assert sorted(f.url for f in found) == sorted(site.urls())
    by_url = {f.url: f for f in found}
    newest = site.urls()[-5:]
    assert {by_url[u].source for u in newest} == {"news_sitemap"}
    assert by_url[newest[0]].published is not None
    oldest = by_url[site.urls()[0]]  # listed by the gzip-compressed sitemap file
    assert oldest.source == "sitemap"
    assert oldest.found_on.endswith("/sitemaps/posts-1.xml.gz")
    assert oldest.modified is not None
    assert oldest.published is None
    assert "/sitemaps/posts-1.xml.gz" in fault_server.paths()


def test_distractors_and_robots_disallowed_paths_are_not_listed_nor_fetched(
    fault_server: FaultServer,
) -> None:
    NewsSite(sitemaps=False, feeds=False).mount(fault_server)
    found = list(discover_sync(fault_server.url("/"), config=fast(pages="always")))
    urls = {f.url for f in found}
    assert urls
    for path in DISTRACTORS:
        assert fault_server.url(path) not in urls
        assert path not in fault_server.paths()
    assert not any("/private/" in u for u in urls)
    assert not any(p.startswith("/private/") for p in fault_server.paths())
    assert not any("elsewhere.example" in u for u in urls)


def test_feeds_announced_by_the_home_page(fault_server: FaultServer) -> None:
    site = NewsSite(articles=12, sitemaps=False, feed=6).mount(fault_server)
    discoverer, found = run(fault_server, fast())
    assert [f.url for f in found] == site.urls()[::-1][:6]  # RSS first: newest first
    assert {f.source for f in found} == {"feed"}
    assert all(f.published is not None for f in found)
    assert "/feed.xml" in fault_server.paths()
    assert "/atom.xml" in fault_server.paths()
    assert discoverer.counts["duplicate"] == 6  # Atom lists the same stories
    assert "/world/" not in fault_server.paths()  # feeds worked: no page walk


def test_page_walk_follows_sections_and_pagination_as_a_last_resort(fault_server: FaultServer) -> None:
    site = NewsSite(articles=25, sitemaps=False, feeds=False, per_page=10).mount(fault_server)
    _, found = run(fault_server, fast())
    assert sorted(f.url for f in found) == sorted(site.urls())
    assert {f.source for f in found} == {"page"}
    assert {"/world/", "/world/page/2/", "/world/page/3/"} <= set(fault_server.paths())
    assert all(f.found_on for f in found)


def test_page_walk_depth_is_bounded(fault_server: FaultServer) -> None:
    site = NewsSite(articles=25, sitemaps=False, feeds=False, per_page=10).mount(fault_server)
    _, found = run(fault_server, fast(max_depth=1))
    assert "/world/page/2/" not in fault_server.paths()
    assert len(found) == 10  # the home page's 5 newest are among the section's first 10
    assert set(site.urls()[-10:]) == {f.url for f in found}


def test_since_and_max(fault_server: FaultServer) -> None:
    site = NewsSite(articles=30, per_file=10).mount(fault_server)
    cutoff = site.stories[-8].published
    _, found = run(fault_server, fast(since=cutoff))
    assert sorted(f.url for f in found) == sorted(site.urls()[-8:])
    assert "/sitemaps/posts-1.xml.gz" not in fault_server.paths()  # its lastmod is older: not fetched
    _, found = run(fault_server, fast(max_urls=4))
    assert len(found) == 4


def test_per_host_delay_between_discovery_requests(fault_server: FaultServer) -> None:
    NewsSite(articles=5).mount(fault_server)
    run(fault_server, fast(crawl_overrides={"delay": 0.2}))
    times = [r.time for r in fault_server.requests if r.path != "/robots.txt"]
    assert len(times) >= 5
    # Arrival times at the server: one request held up on a loaded machine makes one short gap
    # and one long one, so the median gap and the whole span are what the delay guarantees.
    gaps = sorted(b - a for a, b in itertools.pairwise(times))
    assert gaps[len(gaps) // 2] >= 0.19
    assert times[-1] - times[0] >= 0.2 * (len(times) - 1) - 0.1


def test_retry_after_is_honoured(fault_server: FaultServer) -> None:
    site = NewsSite(articles=5).mount(fault_server)
    calls = []

    def busy_once(req: Request) -> Response:
        calls.append(req)
        if len(calls) == 1:
            return Response(status=503, headers=[("Retry-After", "1")], body=b"busy")
        return site.handle(req)

    fault_server.add_route("/sitemap_index.xml", busy_once)
    _, found = run(fault_server, fast())
    assert len(found) == 5
    times = [r.time for r in fault_server.requests if r.path == "/sitemap_index.xml"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95


def test_a_retry_after_beyond_the_max_wait_fails_the_source_at_once(fault_server: FaultServer) -> None:
    site = NewsSite(articles=5).mount(fault_server)

    def busy(req: Request) -> Response:
        return Response(status=503, headers=[("Retry-After", "3600")], body=b"busy")

    fault_server.add_route("/sitemap_index.xml", busy)
    started = time.monotonic()
    discoverer, found = run(fault_server, fast(crawl_overrides={"retries": 1, "max_retry_after": 120.0}))
    assert time.monotonic() - started < 30  # neither the hour nor the 120 s cap is slept
    assert fault_server.paths().count("/sitemap_index.xml") == 1
    (note,) = [n for n in discoverer.notes if n.url.endswith("/sitemap_index.xml")]
    assert note.kind == "fetch_failed"
    assert "retry-after 3600s exceeds max wait 120s" in note.message
    assert {f.url for f in found} <= set(site.urls())  # the other sources still count


def test_address_policy_applies(fault_server: FaultServer) -> None:
    NewsSite(articles=5).mount(fault_server)
    discoverer, found = run(fault_server, fast(crawl_overrides={"fetch": FetchConfig(block_private=True)}))
    assert found == []
    assert not [p for p in fault_server.paths() if p != "/robots.txt"]
    assert {n.kind for n in discoverer.notes} == {"fetch_failed"}
    assert all("blocked" in n.message for n in discoverer.notes)


def test_gzip_bomb_sitemap_is_cut_off_and_discovery_goes_on(fault_server: FaultServer) -> None:
    site = NewsSite(articles=5).mount(fault_server)
    bomb = gzip.compress(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + b" " * (60 * 2**20)
    )
    fault_server.add_route("/bomb.xml.gz", lambda req: Response(body=bomb, content_type="application/gzip"))
    fault_server.add_route(
        "/robots.txt",
        lambda req: Response(
            body=f"Sitemap: {site.base}/bomb.xml.gz\nSitemap: {site.base}/sitemap_index.xml\n".encode(),
            content_type="text/plain",
        ),
    )
    discoverer, found = run(fault_server, fast())
    assert len(found) == 5
    assert [n.kind for n in discoverer.notes] == ["too_large"]


def test_hostile_and_broken_sources_are_reported_and_counted_on_stderr(fault_server: FaultServer) -> None:
    site = NewsSite(articles=5, sitemaps=False).mount(fault_server)
    html = Response(body=b"<!DOCTYPE html><html><body>Oops</body></html>")
    fault_server.add_route("/atom.xml", lambda req: html)
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><link>&b;</link></item></channel></rss>"
    )
    fault_server.add_route("/feed.xml", lambda req: Response(body=laughs, content_type="application/rss+xml"))
    result = CliRunner().invoke(main, ["discover", site.base + "/", "--delay", "0"])
    assert "not_a_feed" in result.stderr
    assert "entities" in result.stderr
    assert "source problems: entities 1, not_a_feed 1" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["source"] for line in lines} == {"page"}  # no feed worked: the page walk went on
    assert sorted(line["url"] for line in lines) == sorted(site.urls())


def test_cli_prints_one_json_line_per_article(fault_server: FaultServer) -> None:
    site = NewsSite(articles=12).mount(fault_server)
    result = CliRunner().invoke(main, ["discover", site.base + "/", "--delay", "0", "--since", "2024-01-08"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(site.urls()[6:])
    assert all({"url", "published", "source", "found_on"} <= set(line) for line in lines)
    assert "newsscrape: discover: 6 article URLs" in result.stderr


def test_async_api_takes_several_sites(fault_servers: Callable[[str], FaultServer]) -> None:
    a, b = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    site_a, site_b = NewsSite(articles=3).mount(a), NewsSite(articles=4).mount(b)

    async def go() -> list[Found]:
        return [f async for f in discover([a.url("/"), b.url("/")], config=fast())]

    found = asyncio.run(go())
    assert sorted(f.url for f in found) == sorted(site_a.urls() + site_b.urls())


def test_a_site_that_cannot_be_read_is_exit_code_1(fault_server: FaultServer) -> None:
    fault_server.set_robots(503)  # RFC 9309: robots.txt unreachable, everything disallowed for now
    err = io.StringIO()
    code = run_discover_job([fault_server.url("/")], None, config=fast(), stderr=err)
    assert code == 1
    assert "robots.txt HTTP 503" in err.getvalue()
    assert fault_server.paths() == ["/robots.txt", "/robots.txt"]  # asked twice, then nothing else


def test_a_site_read_but_without_articles_is_exit_code_0(fault_server: FaultServer) -> None:
    NewsSite(articles=0, sitemaps=False, feeds=False).mount(fault_server)
    err = io.StringIO()
    assert run_discover_job([fault_server.url("/")], None, config=fast(), stderr=err) == 0
    assert "0 article URLs" in err.getvalue()


@pytest.mark.anyio
async def test_discover_sync_inside_a_running_loop(fault_server: FaultServer) -> None:
    asyncio.get_running_loop()  # as in a notebook cell, or a sync helper called from async code
    site = NewsSite(articles=5, per_file=5, news=0).mount(fault_server)
    found = list(discover_sync(fault_server.url("/"), config=fast()))
    assert sorted(f.url for f in found) == sorted(site.urls())
