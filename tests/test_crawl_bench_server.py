"""``benchmarks/crawl.py``'s page server: Nagle's algorithm off on its connections (with it on, a
keep-alive client waits for its own delayed ACK, ~40 ms, before every body), and ``--latency``
delaying each page, but not robots.txt, by the time asked."""

from __future__ import annotations

import gzip
import http.client
import socket
import threading
import time
from collections.abc import Callable
from types import ModuleType

import pytest

PAGE = b"<html><body><p>A page of the benchmark.</p></body></html>"


@pytest.fixture
def crawl(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("crawl")


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes, float]:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read(), time.perf_counter() - start


def test_connections_have_nagle_off(crawl: ModuleType) -> None:
    seen: list[int] = []

    class Handler(crawl._Handler):  # type: ignore[name-defined,misc]
        def do_GET(self) -> None:
            seen.append(self.connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            super().do_GET()

    server = crawl._Server(("127.0.0.1", 0), Handler)
    server.pages, server.robots, server.latency = {"a": gzip.compress(PAGE)}, None, 0.0
    with server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
        statuses = [_get(conn, "/p/a")[0] for _ in range(3)]  # one keep-alive connection
        conn.close()
        server.shutdown()
    assert statuses == [200, 200, 200]
    assert seen
    assert all(seen)


def test_latency_delays_pages_not_robots(crawl: ModuleType) -> None:
    with crawl.serve("127.0.0.1", {"a": gzip.compress(PAGE)}, b"User-agent: *\n", 0.5) as base:
        conn = http.client.HTTPConnection(base.removeprefix("http://"))
        status, body, seconds = _get(conn, "/p/a")
        robots_status, _, robots_seconds = _get(conn, "/robots.txt")
        conn.close()
    assert status == 200
    assert gzip.decompress(body) == PAGE
    assert seconds >= 0.5  # a lower bound: a slow machine only makes it longer
    assert robots_status == 200
    assert robots_seconds < 0.5
