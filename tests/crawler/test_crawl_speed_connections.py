"""A crawl keeps its connections to a host alive: one pool per host, as many kept as may be in use.

httpx's default pool keeps 20 idle connections and, once it holds more than that, closes each
connection as its response ends; one pool shared by every host also scans all of them on each
request. A crawl therefore uses a pool per origin that keeps ``per_host`` connections alive.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from crawl_support import quick_extract, run_crawl

from newsscrape.crawler._hosts import HostClients
from newsscrape.models import Article
from serving import serving

PAGE = b"<html><head><title>t</title></head><body><article><p>Words here.</p></article></body></html>"


class _Counting(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    connections = 0
    lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Counting

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:  # once per TCP connection, for every request on it
        with self.server.lock:
            self.server.connections += 1
        super().handle()

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body, status = b"", 404
        else:
            time.sleep(0.01)  # slow enough that many requests overlap
            body, status = PAGE, 200
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def counting_server() -> Iterator[_Counting]:
    yield from serving(_Counting(("127.0.0.6", 0), _Handler))


def test_a_busy_host_gets_at_most_per_host_connections_kept_alive(counting_server: _Counting) -> None:
    base = f"http://127.0.0.6:{counting_server.server_address[1]}"
    urls = [f"{base}/page/{i}" for i in range(300)]
    records = run_crawl(urls, concurrency=32, per_host=32, extract_fn=quick_extract)
    assert len(records) == 300
    assert all(isinstance(r, Article) for r in records)
    # 32 pages in flight at most, each on a kept-alive connection; one more for robots.txt.
    assert counting_server.connections <= 32 + 1


class _Pool:
    def __init__(self, name: str) -> None:
        self.name, self.closed = name, False


def test_host_clients_reuse_a_pool_and_close_only_the_least_recently_used_idle_ones() -> None:
    made: list[_Pool] = []

    def make() -> _Pool:
        made.append(_Pool(f"pool{len(made)}"))
        return made[-1]

    async def close(pool: _Pool) -> None:
        pool.closed = True

    async def scenario() -> None:
        clients = HostClients(make, close, idle_max=2)
        async with clients.use("a") as a1, clients.use("a") as a2:
            assert a1 is a2  # one pool per origin, shared by its requests in flight
            for key in ("b", "c", "d"):  # three other hosts come and go while "a" is busy
                async with clients.use(key):
                    pass
            assert not a1.closed  # in use: never closed, whatever the idle bound
        # b, c, d idle: b (least recently used) closed; then a idle too: c closed.
        assert [p.closed for p in made] == [False, True, True, False]
        async with clients.use("d") as d:
            assert d is made[3]  # kept alive for the host's next page
        assert len(made) == 4
        assert len(clients) == 2  # idle_max
        await clients.aclose()
        assert all(p.closed for p in made)

    asyncio.run(scenario())
