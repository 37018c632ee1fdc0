"""Defence in depth: whatever one URL's steps raise, that URL gets one record and the crawl goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from crawl_support import FAST, by_url, quick_extract, run_crawl

import newsscrape.crawler._engine as engine
from faultserver import FaultServer, Response
from newsscrape.cli import main
from newsscrape.config import ExtractConfig
from newsscrape.crawler import run_crawl_job
from newsscrape.fetcher.robots import RobotsCache, RobotsRules
from newsscrape.models import Article, ErrorRecord

POISON = b"""<!doctype html><html lang="en"><head><title>Rain returns</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain returns",
"author": {"@type": "Person", "name": "Jane \\udfff Doe"}}</script></head><body>
<article><h1>Rain returns</h1><p>After six dry weeks, rain fell across the valley on Tuesday,
filling reservoirs that had dropped to record lows.</p>
<p>Growers said the rain came just in time for the late harvest, though some fields were lost.</p>
</article></body></html>"""


def explode_on_boom(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    if url is not None and "boom" in url:
        raise RuntimeError("a bug in a custom extractor")
    if url is not None and "unwritable" in url:
        return Article(url=url, title=object())  # type: ignore[arg-type]
    return Article(url=url, final_url=final_url, title="quick")


def test_a_failure_at_each_step_costs_one_url(
    fault_servers: Callable[[str], FaultServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    ok, robots_bug, fetch_bug, hop = (fault_servers(f"127.0.0.{i}") for i in (2, 3, 4, 5))
    hop.add_route("/bad-hop", lambda req: Response(status=302, headers=[("Location", "http://xn--a.com/")]))

    real_rules = RobotsCache.rules

    async def rules(self: RobotsCache, origin: str) -> RobotsRules:
        if origin.startswith(robots_bug.base_url):
            raise RuntimeError("robots bug")
        return await real_rules(self, origin)

    real_fetch = engine._afetch_page

    async def fetch(url: str, **kwargs: Any) -> Any:
        if url.startswith(fetch_bug.base_url):
            raise KeyError("fetch bug")
        return await real_fetch(url, **kwargs)

    monkeypatch.setattr(RobotsCache, "rules", rules)
    monkeypatch.setattr(engine, "_afetch_page", fetch)
    urls = [
        robots_bug.url("/page/r"),
        fetch_bug.url("/page/f"),
        hop.url("/bad-hop"),
        ok.url("/page/boom"),
        ok.url("/page/fine"),
    ]
    records = by_url(run_crawl(urls, extract_fn=explode_on_boom))
    assert set(records) == set(urls)
    kinds = {url: getattr(r, "kind", "article") for url, r in records.items()}
    assert kinds == {
        urls[0]: "internal",
        urls[1]: "internal",
        urls[2]: "invalid_url",  # a redirect to a malformed host
        urls[3]: "extract",
        urls[4]: "article",
    }
    assert "robots bug" in records[urls[0]].message  # type: ignore[union-attr]


def test_a_record_that_cannot_be_written_is_an_error_line(fault_server: FaultServer, tmp_path: Path) -> None:
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    urls = [fault_server.url("/page/unwritable"), fault_server.url("/page/next")]
    source.write_text("\n".join(urls) + "\n")
    code = run_crawl_job(source, out, config=FAST, extract_fn=explode_on_boom)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(urls)
    assert code == 0 or code == 1
    [bad] = [line for line in lines if line["url"] == urls[0]]
    assert bad["error"]["reason"] == "internal"


def test_a_poison_page_is_written_and_the_crawl_goes_on(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.add_route("/poison", lambda req: Response(body=POISON))
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    urls = [fault_server.url("/poison"), fault_server.url("/page/after")]
    source.write_text("\n".join(urls) + "\n")
    args = ["crawl", str(source), "-o", str(out), "--delay", "0", "--workers", "0", "--retries", "0"]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(urls)
    [poison] = [line for line in lines if line["url"] == urls[0]]
    assert poison["title"] == "Rain returns"
    assert all("\udfff" not in author for author in poison["authors"])


def test_malformed_hosts_are_invalid_urls_before_robots(fault_server: FaultServer) -> None:
    bad = ["http://256.1.1.1/", "http://0177.0.0.1/", "http://①.com/", "http://xn--a.com/", "http://[::1/"]
    records = by_url(run_crawl([*bad, fault_server.url("/page/a")], extract_fn=quick_extract))
    assert {url: getattr(r, "kind", "article") for url, r in records.items() if url in bad} == dict.fromkeys(
        bad, "invalid_url"
    )
    assert fault_server.paths() == ["/robots.txt", "/page/a"]


def test_one_host_in_two_spellings_is_one_record() -> None:
    # Both spellings are one key: the second is a duplicate, never fetched (the host does not exist:
    # the one record is a dns error, and there is one).
    records = run_crawl(
        ["http://bücher.invalid/a", "http://xn--bcher-kva.invalid/a"], respect_robots=False, retries=0
    )
    assert [r.url for r in records] == ["http://bücher.invalid/a"]
    assert isinstance(records[0], ErrorRecord)
