"""The crawl's own limits: robots.txt fetches take a concurrency slot; the crawl ends with its last record."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from crawl_support import quick_extract, run_crawl

from faultserver import FaultServer, Request, Response, article_html, robots_disallow


class InFlight:
    """Requests being served at once, over several servers; the most seen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0

    def serve(self, body: bytes, content_type: str) -> Callable[[Request], Response]:
        def handler(req: Request) -> Response:
            with self._lock:
                self.now += 1
                self.most = max(self.most, self.now)
            req.server.sleep(0.15)
            with self._lock:
                self.now -= 1
            return Response(body=body, content_type=content_type)

        return handler


def test_robots_txt_fetches_count_against_concurrency(fault_servers: Callable[[str], FaultServer]) -> None:
    seen = InFlight()
    servers = [fault_servers(f"127.0.0.{i}") for i in range(2, 6)]
    for server in servers:
        server.add_route("/robots.txt", seen.serve(b"User-agent: *\nDisallow:\n", "text/plain"))
        server.add_route("/page/", seen.serve(article_html("a").encode(), "text/html; charset=utf-8"))
    records = run_crawl([s.url("/page/a") for s in servers], concurrency=1, extract_fn=quick_extract)
    assert len(records) == 4
    assert seen.most == 1


def test_the_crawl_ends_with_its_last_record_not_the_politeness_window(fault_server: FaultServer) -> None:
    fault_server.set_robots(robots_disallow("/private/", crawl_delay=20))
    started = time.monotonic()
    records = run_crawl([fault_server.url("/page/a")], max_crawl_delay=30.0, extract_fn=quick_extract)
    elapsed = time.monotonic() - started
    assert len(records) == 1
    assert elapsed < 10  # the next request may not start for 20 s; there is none, so nothing waits
