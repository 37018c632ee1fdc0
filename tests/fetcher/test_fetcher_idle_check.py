"""The clients made here check idle connections cheaply, and still see a server close one.

httpcore asks every idle connection of a pool whether the server closed it, before each request
and after each response; anyio's stream answers by building its whole table of socket attributes
(a getpeername system call among them). ``fetcher._backend`` keeps each stream's socket instead.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from anyio.abc._sockets import _SocketProvider

from newsscrape.config import FetchConfig
from newsscrape.fetcher import afetch_page, async_client

pytestmark = pytest.mark.anyio

PAGE = b"<html><head><title>t</title></head><body><p>Words here.</p></body></html>"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:  # once per TCP connection
        self.server.connections += 1
        super().handle()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)
        # /drop: keep-alive as far as the client knows, but the server hangs up once it is idle
        self.close_connection = self.path.startswith("/drop")


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


async def test_the_idle_check_builds_no_socket_table_per_request(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = 0
    table = _SocketProvider.extra_attributes

    def counting(self: _SocketProvider) -> Any:
        nonlocal built
        built += 1
        return table.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(_SocketProvider, "extra_attributes", property(counting))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = FetchConfig()
    async with async_client(config, keepalive=4) as client:
        for round_ in range(10):
            urls = [f"{base}/page/{round_}-{i}" for i in range(4)]
            await asyncio.gather(*(afetch_page(u, config=config, client=client) for u in urls))
    assert server.connections <= 4
    # Twice per connection (on connecting, and for its socket, kept), not once per idle connection
    # per request and per response (~370 here).
    assert built <= 2 * server.connections


async def test_a_connection_the_server_closed_while_idle_is_not_reused(server: _Server) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = FetchConfig()
    async with async_client(config, keepalive=4) as client:
        first = await afetch_page(f"{base}/drop/1", config=config, client=client)
        await asyncio.sleep(0.2)  # the server's FIN arrives: the idle connection reads as closed
        second = await afetch_page(f"{base}/page/2", config=config, client=client)
    assert first.content == second.content == PAGE
    assert server.connections == 2
