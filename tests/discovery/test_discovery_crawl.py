"""`crawl --site`: discovery and crawling as one pipeline; incremental re-runs with conditional GETs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from newssite import NewsSite, fast, quick_extract

from crashes import kill_9
from faultserver import FaultServer, Request, Response
from newsscrape.cli import main
from newsscrape.config import DiscoverConfig
from newsscrape.crawler import run_site_job
from newsscrape.crawler._validators import SourceStore


def crawl_site(
    server: FaultServer, out: Path, *, resume: bool, config: DiscoverConfig | None = None
) -> tuple[int, str]:
    err = io.StringIO()
    code = run_site_job(
        [server.url("/")], out, config=config or fast(), resume=resume, stderr=err, extract_fn=quick_extract
    )
    return code, err.getvalue()


def recorded(out: Path) -> list[str]:
    return [json.loads(line)["url"] for line in out.read_text().splitlines()]


def story_requests(server: FaultServer) -> list[str]:
    return [p for p in server.paths() if p.startswith("/2024/")]


def test_one_record_per_article_and_the_cli_flag(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=12, per_file=5).mount(fault_server)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["crawl", "--site", site.base + "/", "-o", str(out), "--delay", "0", "--workers", "0"]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(recorded(out)) == sorted(site.urls())
    assert sorted(story_requests(fault_server)) == sorted(s.path for s in site.stories)  # each fetched once
    assert "discover: 12 article URLs" in result.stderr


def test_crawl_needs_a_list_or_a_site() -> None:
    assert CliRunner().invoke(main, ["crawl"]).exit_code == 2
    assert CliRunner().invoke(main, ["crawl", "urls.txt", "--site", "http://127.0.0.1:9/"]).exit_code == 2


def test_records_appear_while_discovery_is_still_running(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=12, per_file=4).mount(fault_server)
    out = tmp_path / "out.jsonl"
    seen_lines: list[int] = []

    def last_sitemap(req: Request) -> Response:
        # Served only once the output has records: discovery is still running while they are written.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (out.exists() and out.read_text().count("\n")):
            fault_server.sleep(0.02)
        seen_lines.append(out.read_text().count("\n") if out.exists() else 0)
        return site.handle(req)

    fault_server.add_route("/sitemaps/posts-3.xml", last_sitemap)
    code, _ = crawl_site(fault_server, out, resume=False)
    assert code == 0
    assert seen_lines
    assert seen_lines[0] > 0
    assert sorted(recorded(out)) == sorted(site.urls())


def test_incremental_rerun_costs_one_304_per_source_and_fetches_only_new_stories(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    site = NewsSite(articles=20, per_file=10).mount(fault_server)
    out = tmp_path / "out.jsonl"
    assert crawl_site(fault_server, out, resume=False)[0] == 0
    assert Path(SourceStore.path_for(out)).exists()

    fault_server.clear_log()  # nothing changed on the site
    code, err = crawl_site(fault_server, out, resume=True)
    assert code == 0
    log = fault_server.requests
    assert story_requests(fault_server) == []
    conditional = [r for r in log if r.header("If-None-Match")]
    assert sorted(r.path for r in conditional) == sorted(
        [
            "/sitemap_index.xml",
            "/sitemaps/news.xml",
            "/sitemaps/posts-1.xml.gz",
            "/sitemaps/posts-2.xml",
            "/sitemaps/pages.xml",
            "/feed.xml",
            "/atom.xml",
        ]
    )
    # Besides: the home page (for its feed links) and robots.txt (the crawl had no URL to ask it for).
    assert sorted(p for p in fault_server.paths() if p not in {r.path for r in conditional}) == [
        "/",
        "/robots.txt",
    ]
    assert "unchanged sources (304): 7" in err
    assert len(recorded(out)) == 20

    new = site.publish(2)  # they go to a new sitemap file, the news sitemap and the feeds
    fault_server.clear_log()
    site.served.clear()
    code, err = crawl_site(fault_server, out, resume=True)
    assert code == 0
    assert sorted(story_requests(fault_server)) == sorted(u.removeprefix(site.base) for u in new)
    assert sorted(recorded(out)) == sorted(site.urls())
    served = dict(site.served)
    assert [
        p
        for p in ("/sitemaps/posts-1.xml.gz", "/sitemaps/posts-2.xml", "/sitemaps/pages.xml")
        if served[p] == 304
    ] == ["/sitemaps/posts-1.xml.gz", "/sitemaps/posts-2.xml", "/sitemaps/pages.xml"]
    assert served["/sitemap_index.xml"] == served["/sitemaps/posts-3.xml"] == served["/feed.xml"] == 200
    assert "unchanged sources (304): 3" in err


def test_validators_are_dropped_when_the_output_no_longer_matches(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    site = NewsSite(articles=10).mount(fault_server)
    out = tmp_path / "out.jsonl"
    crawl_site(fault_server, out, resume=False)
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:4]))  # someone cut the output: its validators no longer vouch for it
    fault_server.clear_log()
    code, err = crawl_site(fault_server, out, resume=True)
    assert code == 0
    assert "not using" in err
    assert not [r for r in fault_server.requests if r.header("If-None-Match")]
    assert len(story_requests(fault_server)) == 6
    assert sorted(recorded(out)) == sorted(site.urls())


def test_no_validators_after_an_incomplete_run(fault_server: FaultServer, tmp_path: Path) -> None:
    NewsSite(articles=10).mount(fault_server)
    out = tmp_path / "out.jsonl"
    crawl_site(fault_server, out, resume=False, config=fast(max_urls=3))
    assert len(recorded(out)) == 3
    assert not Path(SourceStore.path_for(out)).exists()


def test_resume_after_kill_9(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=15, per_file=5).mount(fault_server)
    out = tmp_path / "out.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "newsscrape",
        "crawl",
        "--site",
        site.base + "/",
        "-o",
        str(out),
        "--workers",
        "0",
    ]
    proc = subprocess.Popen([*cmd, "--delay", "0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (out.exists() and out.read_text().count("\n") >= 3):
        time.sleep(0.05)
    kill_9(proc)
    done = recorded(out)
    assert 3 <= len(done) < 15
    assert not Path(SourceStore.path_for(out)).exists()  # killed: no validators vouch for half a run
    fault_server.clear_log()
    finished = subprocess.run([*cmd, "--delay", "0", "--resume"], capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert sorted(recorded(out)) == sorted(site.urls())  # one record per URL, none twice
    assert not set(story_requests(fault_server)) & {u.removeprefix(site.base) for u in done}


def test_crawl_site_since_crawls_only_the_newer_stories(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=12, per_file=5).mount(fault_server)
    cutoff = site.stories[-4].published
    out = tmp_path / "out.jsonl"
    args = ["crawl", "--site", site.base + "/", "--since", cutoff.strftime("%Y-%m-%dT%H:%M:%S")]
    result = CliRunner().invoke(main, [*args, "-o", str(out), "--delay", "0", "--workers", "0"])
    assert result.exit_code == 0, result.stderr
    assert sorted(recorded(out)) == sorted(site.urls()[-4:])
    urls = tmp_path / "urls.txt"
    urls.write_text(site.base + site.stories[0].path + "\n")
    refused = CliRunner().invoke(main, ["crawl", str(urls), "--since", "2024-01-01"])
    assert refused.exit_code == 2
    assert "--since goes with --site" in refused.stderr


def test_a_rerun_crawls_the_stories_robots_txt_refused_last_time_once_it_allows_them(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    # The sitemaps did not change, so they answer 304: their validators must not have been saved
    # while some of their URLs were refused (not recorded), or those would be hidden for ever.
    site = NewsSite(articles=10, per_file=10).mount(fault_server)
    sitemap = f"Sitemap: {site.base}/sitemap_index.xml\n"
    robots = [f"User-agent: *\nDisallow: /2024/01/0\n{sitemap}"]  # the stories of 2-9 January
    fault_server.add_route(
        "/robots.txt", lambda req: Response(body=robots[0].encode(), content_type="text/plain")
    )
    out = tmp_path / "out.jsonl"
    assert crawl_site(fault_server, out, resume=False)[0] == 0
    assert len(recorded(out)) == 2

    robots[0] = f"User-agent: *\nDisallow:\n{sitemap}"
    assert crawl_site(fault_server, out, resume=True)[0] == 0
    assert sorted(recorded(out)) == sorted(site.urls())


def test_a_sitemap_read_under_other_rules_is_read_again_not_taken_as_unchanged(
    fault_servers: Callable[[str], FaultServer], tmp_path: Path
) -> None:
    # One sitemap on host A lists stories of A and of B. Read for site A, B's are offsite; a later
    # run for site B is asked to the same file by B's robots.txt. Its 304 would say "unchanged",
    # not "nothing for site B": the validator saved under A's scope must not be sent for B.
    a, b = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    stories = {s: [s.url(f"/page/rain-returns-to-town-{i}") for i in range(3)] for s in (a, b)}
    body = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in stories[a] + stories[b])
        + "</urlset>"
    ).encode()

    def sitemap(req: Request) -> Response:
        if req.headers.get("if-none-match") == '"v1"':
            return Response(status=304, content_type=None, headers=[("ETag", '"v1"')])
        return Response(body=body, content_type="application/xml", headers=[("ETag", '"v1"')])

    a.add_route("/shared.xml", sitemap)
    for server in (a, b):
        server.set_robots(f"User-agent: *\nDisallow:\nSitemap: {a.url('/shared.xml')}\n")
    out = tmp_path / "out.jsonl"
    config = fast(pages="never", guess_paths=False)

    def crawl(server: FaultServer) -> None:
        run_site_job(
            [server.url("/")], out, config=config, resume=True, stderr=io.StringIO(), extract_fn=quick_extract
        )

    def sent_validator() -> bool:
        (asked,) = [r for r in a.requests if r.path == "/shared.xml"]
        return asked.header("If-None-Match") is not None

    crawl(a)
    assert sorted(recorded(out)) == sorted(stories[a])
    a.clear_log()
    crawl(b)
    assert not sent_validator()
    assert sorted(recorded(out)) == sorted(stories[a] + stories[b])
    a.clear_log()
    crawl(b)  # read under B's rules now: an unchanged file costs a 304 again
    assert sent_validator()
    assert len(recorded(out)) == 6


def test_a_validator_answers_only_for_the_rules_it_was_saved_under(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"url": "https://example.com/news/1"}\n')
    store = SourceStore()
    store.fresh("https://example.com/sitemap.xml", etag='"v1"', last_modified=None, rules="r1")
    store.save(out)
    loaded = SourceStore.load(out)
    assert loaded.request_headers("https://example.com/sitemap.xml", rules="r1") == {"If-None-Match": '"v1"'}
    assert loaded.request_headers("https://example.com/sitemap.xml", rules="r2") == {}
