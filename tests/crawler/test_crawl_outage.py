"""Outages are outages: robots.txt that cannot be read is retried like a page, and a host that
stays down is ``host_unreachable`` (retryable with --retry-failed), never ``robots``."""

from __future__ import annotations

import itertools
import socket

from crawl_support import by_url, quick_extract, run_crawl

from faultserver import FaultServer, Request, Response


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_robots_txt_back_after_an_outage_lets_the_pages_through(fault_server: FaultServer) -> None:
    answers = itertools.chain([503, 503, 500], itertools.repeat(200))

    def robots(req: Request) -> Response:
        status = next(answers)
        return Response(status=status, body=b"User-agent: *\nDisallow:\n", content_type="text/plain")

    fault_server.add_route("/robots.txt", robots)
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b")]
    records = by_url(run_crawl(urls, retries=3, extract_fn=quick_extract))
    kinds = {url: getattr(r, "kind", "article") for url, r in records.items()}
    assert kinds == dict.fromkeys(urls, "article")
    assert fault_server.paths().count("/robots.txt") == 4


def test_a_host_that_is_down_is_host_unreachable_not_robots() -> None:
    base = f"http://127.0.0.1:{free_port()}"
    urls = [f"{base}/a", f"{base}/b", f"{base}/c"]
    records = by_url(run_crawl(urls, retries=1, extract_fn=quick_extract))
    assert {url: getattr(r, "kind", "article") for url, r in records.items()} == dict.fromkeys(
        urls, "host_unreachable"
    )
