"""The clients made here check an idle connection on the socket they keep (``fetcher._backend``).

httpcore asks every idle connection of a pool whether the server closed it, before each request
and after each response; anyio's stream answered by building its whole table of socket attributes
(a getpeername system call among them). The connections still see a server close an idle one,
take large bodies whole, and speak TLS.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from anyio.abc._sockets import _SocketProvider

from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import _backend, afetch_page, async_client
from serving import serving

pytestmark = pytest.mark.anyio

PAGE = b"<html><head><title>t</title></head><body><p>Words here.</p></body></html>"
BIG = b"<html><body>" + b"<p>more words</p>" * 120_000 + b"</body></html>"  # 2 MB


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
        body = BIG if self.path.startswith("/big") else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        # /drop: keep-alive as far as the client knows, but the server hangs up once it is idle
        self.close_connection = self.path.startswith("/drop")


@pytest.fixture
def server() -> Iterator[_Server]:
    yield from serving(_Server(("127.0.0.1", 0), _Handler))


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[_Server]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    httpd = _Server(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    yield from serving(httpd)


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


async def test_a_body_many_reads_long_arrives_whole_and_the_connection_is_reused(server: _Server) -> None:
    # Larger than what a connection buffers before it stops reading: reading pauses and resumes.
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = FetchConfig()
    async with async_client(config, keepalive=1) as client:
        pages = [await afetch_page(f"{base}/big/{i}", config=config, client=client) for i in range(3)]
    assert all(page.content == BIG for page in pages)
    assert server.connections == 1


async def test_tls_connections_are_made_and_verified(tls_server: _Server) -> None:
    url = f"https://127.0.0.1:{tls_server.server_address[1]}/page/1"
    config = FetchConfig(verify_tls=False)
    async with async_client(config, keepalive=2) as client:
        pages = await asyncio.gather(*(afetch_page(url, config=config, client=client) for _ in range(4)))
    assert all(page.content == PAGE for page in pages)
    with pytest.raises(FetchError) as info:  # a self-signed certificate is refused when verifying
        await afetch_page(url, config=FetchConfig())
    assert info.value.kind == "tls"


def test_the_fallback_idle_check_sees_data_or_an_end_waiting() -> None:
    # The idle check is a zero poll of the connection's socket, as httpcore's own.
    ours, theirs = socket.socketpair()
    with ours, theirs:
        assert not _backend._readable(ours)
        theirs.close()
        assert _backend._readable(ours)
    assert _backend._readable(ours)  # closed: no descriptor left, read as the end
