"""A real, misbehaving HTTP/1.1 server for network tests: it runs on 127.0.0.x in a thread.

Every test that talks HTTP talks to this server (tests never leave 127.0.0.x). Each instance binds
its own host and a free port, so ``FaultServer("127.0.0.2")`` and ``FaultServer("127.0.0.3")`` are
two different "sites" for politeness and redirect tests (all of 127.0.0.0/8 is loopback on Linux).

    with FaultServer() as server:                      # or the ``fault_server`` fixture (conftest.py)
        page = fetch_page(server.url("/page/kim-putin"))
        assert server.paths() == ["/page/kim-putin"]

Built-in routes (the first path segment picks the route; query parameters tune it):

    /page/<name>?title=&ct=&status=&delay=   an HTML article (``article_html``); ct=none omits Content-Type
    /status/<code>                          that status with a small HTML body
    /redirect?to=URL&code=302               redirect to URL (may be relative)
    /redirect-loop                          /redirect-loop -> /redirect-loop/b -> /redirect-loop -> ...
    /redirect-chain/<n>                     n relative redirects (Location: "<n-1>"), then an article
    /drip?bytes=20&interval=0.5             HTML headers at once, then one body byte per interval
    /header-drip?lines=40&interval=0.3      the status line, then one header line per interval (slowloris)
    /hang                                   reads the request, never answers (until the server closes)
    /reset?after=0                          sends ``after`` body bytes (headers first if after>0), then RST
    /retry-after/<code>?seconds=N&date=0    429/503 with Retry-After: N (date=1: as an HTTP-date)
    /gzip-bomb?mb=64                        a few KB of gzip that decode to ``mb`` MiB of zeros
    /encoded?codings=gzip,gzip&mb=0         an article (mb=0) or ``mb`` MiB of zeros, encoded with each
                                            coding in turn and sent with that Content-Encoding
                                            (gzip, x-gzip, deflate; anything else is sent as named)
    /cookie-flood?n=200                     sets ``n`` new cookies, and answers an article whose title
                                            gives the size of the Cookie header it got
    /huge?bytes=N&length=1                  an HTML body of N bytes; length=0: no Content-Length
    /pdf, /image                            a tiny PDF / PNG
    /charset?cs=windows-1251&where=header   a Russian article in a legacy charset, declared in
                                            header | meta | both | none
    /robots.txt                             what ``set_robots`` says (allow-all by default)
    add_route("/robots.txt", robots_drip)   a robots.txt, one byte every 0.2 s (a slowloris robots.txt)

Extending without editing this file:

    server.add_route("/feed/", lambda req: Response(body=b"<rss/>", content_type="application/rss+xml"))
    server.set_robots(robots_disallow("/private/", crawl_delay=2))   # or set_robots(404) / set_robots(500)

A handler gets a :class:`Request` and returns a :class:`Response`, or None after writing to
``req.raw`` itself (for streaming or misbehaviour). Every request is logged (host, method, path,
headers, ``time.monotonic()``) in a thread-safe list: ``server.requests``, ``server.paths()``.
Closing is bounded: handler threads are daemons, and sleeping routes wake on ``server.stopping``.
"""

from __future__ import annotations

import gzip
import socket
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

ROBOTS_ALLOW_ALL = "User-agent: *\nDisallow:\n"

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a0f4ee6f0000000049454e44ae426082"
)

RUSSIAN_TITLE = "Новости культуры"
RUSSIAN_PARAGRAPH = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 4


def robots_disallow(*paths: str, agent: str = "*", crawl_delay: float | None = None) -> str:
    """A robots.txt refusing ``paths`` to ``agent``, optionally with a Crawl-delay."""
    lines = [f"User-agent: {agent}", *(f"Disallow: {p}" for p in paths)]
    if crawl_delay is not None:
        lines.append(f"Crawl-delay: {crawl_delay:g}")
    return "\n".join(lines) + "\n"


def article_html(name: str, *, title: str | None = None, charset: str | None = "utf-8") -> str:
    """A small but complete news article page (title, byline, date, two sections)."""
    title = title or f"Article {name}"
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}<title>{title} | Fault News</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-05-06T10:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world/">World</a></nav>
<article>
<h1>{title}</h1>
<p class="byline">By Ada Reporter</p>
<p>The first paragraph of {name} tells the reader what happened, where and when it happened,
and why anyone should keep reading this carefully written test article.</p>
<h2>Background</h2>
<p>A second paragraph gives the background: events that led to this one, with enough words to
look like real prose to an extractor that counts words and punctuation, as they all do.</p>
<h2>What comes next</h2>
<p>The last paragraph says what comes next, and quotes someone who said something quotable
about it, before the article ends and the footer begins.</p>
</article>
<footer>Copyright Fault News</footer>
</body></html>
"""


@cache
def _gzip_zeros(mib: int) -> bytes:
    return gzip.compress(b"\0" * (mib * 1024 * 1024), compresslevel=9)


@cache
def encoded(codings: tuple[str, ...], mib: int = 0) -> bytes:
    """An article (mib=0) or ``mib`` MiB of zeros, with each coding applied in turn (cached).

    The zeros are compressed in 1 MiB pieces, so a 2 GiB bomb costs no 2 GiB of memory to build.
    """
    packers = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
    first, rest = (codings[0], codings[1:]) if codings else ("identity", ())
    if mib and first in packers:
        packer = zlib.compressobj(9, zlib.DEFLATED, packers[first])
        block = b"\0" * (1024 * 1024)
        body = b"".join(packer.compress(block) for _ in range(mib)) + packer.flush()
    else:
        body = b"\0" * (mib * 1024 * 1024) if mib else article_html("encoded").encode()
        rest = codings
    for coding in rest:
        if coding in packers:
            packer = zlib.compressobj(9, zlib.DEFLATED, packers[coding])
            body = packer.compress(body) + packer.flush()
    return body


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedRequest:
    """One request as the server saw it."""

    host: str  # the server's own address, i.e. which "site" was asked
    port: int
    method: str
    path: str  # with the query string
    headers: tuple[tuple[str, str], ...]
    time: float  # time.monotonic() when the request line was read

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclass(slots=True, kw_only=True)
class Request:
    """What a route handler gets: the parsed request, its server, and the raw handler to write to."""

    method: str
    path: str  # without the query string
    query: dict[str, str]
    headers: dict[str, str]
    server: FaultServer
    raw: BaseHTTPRequestHandler


@dataclass(slots=True, kw_only=True)
class Response:
    """What a route handler returns; ``length=False`` omits Content-Length and closes the connection."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    length: bool = True


Route = Callable[[Request], Response | None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection is dropped after this, so threads end

    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # the log is server.requests
        pass

    def do_GET(self) -> None:
        fault = self.server.fault
        fault._log(self)
        split = urlsplit(self.path)
        req = Request(
            method=self.command,
            path=split.path,
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers={k.lower(): v for k, v in self.headers.items()},
            server=fault,
            raw=self,
        )
        response = fault._route(req.path)(req)
        if response is not None:
            send(self, response)

    do_HEAD = do_GET


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a hanging handler must not keep the test process alive
    allow_reuse_address = True
    fault: FaultServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-response is what many tests do on purpose: not worth a traceback.
        # Anything else is a bug in a route; keep it where a test can assert on it.
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            self.fault.errors.append(exc)
            super().handle_error(request, client_address)


def send(raw: BaseHTTPRequestHandler, response: Response) -> None:
    """Write ``response`` on a raw handler (for handlers that do part of the work themselves)."""
    raw.send_response(response.status)
    if response.content_type is not None:
        raw.send_header("Content-Type", response.content_type)
    for name, value in response.headers:
        raw.send_header(name, value)
    if response.length:
        raw.send_header("Content-Length", str(len(response.body)))
    else:
        raw.send_header("Connection", "close")
        raw.close_connection = True
    raw.end_headers()
    if raw.command != "HEAD":
        raw.wfile.write(response.body)


class FaultServer:
    """The server; a context manager. See the module docstring for routes."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []
        self._routes: dict[str, Route] = {}
        self._robots: str | int = ROBOTS_ALLOW_ALL
        self.errors: list[BaseException | None] = []  # exceptions raised by route handlers
        self._httpd = _HTTPServer((host, 0), _Handler)
        self._httpd.fault = self
        self.port: int = self._httpd.server_address[1]
        # A short poll keeps close() quick: shutdown() waits for the loop to notice.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fault-{host}",
            daemon=True,
        )

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.stopping.set()  # wakes /hang, /drip, ?delay= sleepers
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- test API ----------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` on this server."""
        return self.base_url + path

    @property
    def requests(self) -> list[LoggedRequest]:
        """A copy of the request log, oldest first."""
        with self._lock:
            return list(self._entries)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def clear_log(self) -> None:
        with self._lock:
            self._entries.clear()

    def add_route(self, prefix: str, handler: Route) -> None:
        """Serve paths starting with ``prefix`` by ``handler`` (longest prefix wins, before built-ins)."""
        with self._lock:
            self._routes[prefix] = handler

    def set_robots(self, robots: str | int) -> None:
        """robots.txt from now on: its text (served 200 text/plain) or a bare status such as 404 or 500."""
        with self._lock:
            self._robots = robots

    def sleep(self, seconds: float) -> bool:
        """Sleep in a handler; False if the server is closing (then stop misbehaving and return)."""
        return not self.stopping.wait(seconds)

    # --- internals ---------------------------------------------------------------------------------

    def _log(self, raw: BaseHTTPRequestHandler) -> None:
        entry = LoggedRequest(
            host=self.host,
            port=self.port,
            method=raw.command,
            path=raw.path,
            headers=tuple(raw.headers.items()),
            time=time.monotonic(),
        )
        with self._lock:
            self._entries.append(entry)

    def _route(self, path: str) -> Route:
        with self._lock:
            custom = sorted((p for p in self._routes if path.startswith(p)), key=len, reverse=True)
            if custom:
                return self._routes[custom[0]]
        name = path.strip("/").split("/", 1)[0]
        return _BUILTIN.get(name, _not_found)


# --- built-in routes --------------------------------------------------------------------------------


def _segments(req: Request) -> list[str]:
    return req.path.strip("/").split("/")


def _not_found(req: Request) -> Response:
    return Response(status=404, body=b"<html><body><h1>Not found</h1></body></html>")


def _page(req: Request) -> Response:
    name = _segments(req)[-1] if len(_segments(req)) > 1 else "index"
    delay = float(req.query.get("delay", "0"))
    if delay and not req.server.sleep(delay):
        return Response(status=503)
    ct = req.query.get("ct", "text/html; charset=utf-8")
    return Response(
        status=int(req.query.get("status", "200")),
        body=article_html(name, title=req.query.get("title")).encode(),
        content_type=None if ct == "none" else ct,
    )


def _status(req: Request) -> Response:
    code = int(_segments(req)[1])
    return Response(status=code, body=f"<html><body><h1>Status {code}</h1></body></html>".encode())


def _redirect(req: Request) -> Response:
    return Response(status=int(req.query.get("code", "302")), headers=[("Location", req.query["to"])])


def _redirect_loop(req: Request) -> Response:
    target = "/redirect-loop" if req.path.rstrip("/").endswith("/b") else "/redirect-loop/b"
    return Response(status=302, headers=[("Location", target)])


def _redirect_chain(req: Request) -> Response:
    n = int(_segments(req)[1])
    if n <= 0:
        return Response(body=article_html("chain-end").encode())
    # Relative on purpose: "/redirect-chain/3" + "2" is "/redirect-chain/2".
    return Response(status=302, headers=[("Location", str(n - 1))])


def _drip(req: Request) -> None:
    total, interval = int(req.query.get("bytes", "20")), float(req.query.get("interval", "0.5"))
    raw = req.raw
    raw.send_response(200)
    raw.send_header("Content-Type", "text/html")
    raw.send_header("Content-Length", str(total))
    raw.end_headers()
    for _ in range(total):
        if not req.server.sleep(interval):
            break
        try:
            raw.wfile.write(b" ")
        except OSError:  # the client gave up: that is the point
            break
    raw.close_connection = True


def _header_drip(req: Request) -> None:
    lines, interval = int(req.query.get("lines", "40")), float(req.query.get("interval", "0.3"))
    out = req.raw.wfile
    out.write(b"HTTP/1.1 200 OK\r\n")
    out.flush()
    for _ in range(lines):
        if not req.server.sleep(interval):
            break
        try:
            out.write(b"X-Slow: a\r\n")
            out.flush()
        except OSError:  # the client gave up: that is the point
            break
    req.raw.close_connection = True


def _hang(req: Request) -> None:
    req.server.stopping.wait(60)
    req.raw.close_connection = True


def _reset(req: Request) -> None:
    raw, after = req.raw, int(req.query.get("after", "0"))
    if after:
        raw.send_response(200)
        raw.send_header("Content-Type", "text/html")
        raw.send_header("Content-Length", str(after * 10))
        raw.end_headers()
        raw.wfile.write(b"<" * after)
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    raw.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    raw.connection.close()
    raw.close_connection = True


def _retry_after(req: Request) -> Response:
    code, seconds = int(_segments(req)[1]), int(req.query.get("seconds", "30"))
    value = formatdate(time.time() + seconds, usegmt=True) if req.query.get("date") == "1" else str(seconds)
    return Response(status=code, headers=[("Retry-After", value)], body=b"<html><body>later</body></html>")


def _gzip_bomb(req: Request) -> Response:
    body = _gzip_zeros(int(req.query.get("mb", "64")))
    return Response(body=body, content_type="text/html", headers=[("Content-Encoding", "gzip")])


def _huge(req: Request) -> None:
    total, with_length = (
        int(req.query.get("bytes", str(20 * 1024 * 1024))),
        req.query.get("length", "1") != "0",
    )
    raw = req.raw
    raw.send_response(200)
    raw.send_header("Content-Type", "text/html")
    if with_length:
        raw.send_header("Content-Length", str(total))
    else:
        raw.send_header("Connection", "close")
    raw.end_headers()
    raw.close_connection = True
    chunk, sent = b"<p>" + b"a" * 65533, 0
    try:
        while sent < total and not req.server.stopping.is_set():
            piece = chunk[: total - sent]
            raw.wfile.write(piece)
            sent += len(piece)
    except OSError:  # the client stopped reading at its cap
        pass


def _pdf(req: Request) -> Response:
    return Response(body=PDF_BYTES, content_type="application/pdf")


def _image(req: Request) -> Response:
    return Response(body=PNG_BYTES, content_type="image/png")


def _charset(req: Request) -> Response:
    cs, where = req.query.get("cs", "windows-1251"), req.query.get("where", "header")
    meta = cs if where in ("meta", "both") else None
    html = article_html("charset", title=RUSSIAN_TITLE, charset=meta)
    html = html.replace("</article>", f"<p>{RUSSIAN_PARAGRAPH}</p></article>")
    ct = f"text/html; charset={cs}" if where in ("header", "both") else "text/html"
    return Response(body=html.encode(cs), content_type=ct)


def _encoded(req: Request) -> Response:
    codings = tuple(c.strip() for c in req.query.get("codings", "gzip").split(",") if c.strip())
    body = encoded(codings, int(req.query.get("mb", "0")))
    return Response(body=body, content_type="text/html", headers=[("Content-Encoding", ", ".join(codings))])


def _cookie_flood(req: Request) -> Response:
    n, size = int(req.query.get("n", "200")), len(req.headers.get("cookie", ""))
    stamp = time.monotonic_ns()
    cookies = [("Set-Cookie", f"c{stamp}_{i}={'v' * 40}; Path=/") for i in range(n)]
    body = article_html("cookie-flood", title=f"Cookie header of {size} bytes").encode()
    return Response(body=body, headers=cookies)


def robots_drip(req: Request) -> None:
    """A robots.txt sent one byte per ``interval`` (a slowloris robots.txt)."""
    interval, text = float(req.query.get("interval", "0.2")), b"User-agent: *\nDisallow: /private/\n" * 10
    raw = req.raw
    raw.send_response(200)
    raw.send_header("Content-Type", "text/plain")
    raw.send_header("Content-Length", str(len(text)))
    raw.end_headers()
    for byte in text:
        if not req.server.sleep(interval):
            break
        try:
            raw.wfile.write(bytes([byte]))
            raw.wfile.flush()
        except OSError:
            break
    raw.close_connection = True


def _robots(req: Request) -> Response:
    robots = req.server._robots
    if isinstance(robots, int):
        return Response(status=robots, body=b"", content_type="text/plain")
    return Response(body=robots.encode(), content_type="text/plain")


_BUILTIN: dict[str, Route] = {
    "page": _page,
    "status": _status,
    "redirect": _redirect,
    "redirect-loop": _redirect_loop,
    "redirect-chain": _redirect_chain,
    "drip": _drip,
    "header-drip": _header_drip,
    "hang": _hang,
    "reset": _reset,
    "retry-after": _retry_after,
    "gzip-bomb": _gzip_bomb,
    "encoded": _encoded,
    "cookie-flood": _cookie_flood,
    "huge": _huge,
    "pdf": _pdf,
    "image": _image,
    "charset": _charset,
    "robots.txt": _robots,
}


def serve(host: str = "127.0.0.1") -> Iterator[FaultServer]:
    """Generator form for pytest fixtures: ``yield from serve("127.0.0.2")``."""
    with FaultServer(host) as server:
        yield server
