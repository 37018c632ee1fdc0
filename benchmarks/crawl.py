"""Crawl throughput and memory of ``newsscrape crawl``, next to a sequential trafilatura loop. Run by hand.

    .venv/bin/python benchmarks/crawl.py                               # aeb pages from ../shared/bench
    .venv/bin/python benchmarks/crawl.py --bench-dir /path/to/bench/aeb --memory-urls 100000

1. Throughput: the aeb pages (``<bench-dir>/html/*.html.gz``) are served gzip-encoded by a local
   threaded server on 127.0.0.1 (no delay, robots.txt 404). newsscrape crawls them with extraction
   in worker processes at concurrency 1, 8 and 32 (``per_host`` = concurrency, ``delay`` 0: a
   local server is no site to be polite to); the peer is the simplest loop anyone would write:
   ``trafilatura.extract(trafilatura.fetch_url(url))`` for each URL in turn. Pages/s and ratios.
2. Memory: a real ``python -m newsscrape crawl`` process over N URLs on 10 local hosts whose
   robots.txt refuses them all, so every URL is read, deduplicated, queued per host and recorded,
   with no page time in the way: this is the frontier's cost. Peak RSS of that process (wait4),
   for N/10, N and 10 N URLs, and the difference per URL.

Numbers are wall time on one machine, with the server in the same process tree: compare rows of
one run, not runs with each other.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROBOTS_DENY_ALL = b"User-agent: *\nDisallow: /deny/\n"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body = self.server.robots
            if body is None:
                return self._send(404, b"", "text/plain")
            return self._send(200, body, "text/plain")
        name = self.path.rsplit("/", 1)[-1]
        page = self.server.pages.get(name)
        if page is None:
            return self._send(404, b"<p>no</p>", "text/html")
        self._send(200, page, "text/html; charset=utf-8", gzipped=True)

    def _send(self, status: int, body: bytes, ctype: str, *, gzipped: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, bytes]
    robots: bytes | None


@contextmanager
def serve(host: str, pages: dict[str, bytes], robots: bytes | None) -> Iterator[str]:
    server = _Server((host, 0), _Handler)
    server.pages, server.robots = pages, robots
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def load_pages(bench_dir: Path) -> dict[str, bytes]:
    """name -> gzip bytes, served as they are stored (Content-Encoding: gzip)."""
    return {
        p.name.removesuffix(".html.gz"): p.read_bytes()
        for p in sorted((bench_dir / "html").glob("*.html.gz"))
    }


def bench_newsscrape(urls: list[str], concurrency: int, workers: int) -> tuple[float, int]:
    from newsscrape.config import CrawlConfig
    from newsscrape.crawler import crawl_sync
    from newsscrape.models import Article

    config = CrawlConfig(
        concurrency=concurrency, per_host=concurrency, delay=0.0, jitter=0.0, workers=workers
    )
    started = time.perf_counter()
    ok = sum(isinstance(r, Article) for r in crawl_sync(urls, config=config))
    return time.perf_counter() - started, ok


def bench_trafilatura(urls: list[str]) -> tuple[float, int]:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura refuses loopback addresses by default (SSRF guard); the bench server is local.
    config.set("DEFAULT", "SSRF_PROTECTION", "False")
    started = time.perf_counter()
    ok = 0
    for url in urls:
        html = trafilatura.fetch_url(url, config=config)
        if html and trafilatura.extract(html, url=url):
            ok += 1
    return time.perf_counter() - started, ok


def throughput(bench_dir: Path, workers: int) -> None:
    pages = load_pages(bench_dir)
    print(
        f"# throughput: {len(pages)} aeb pages, gzip over HTTP from 127.0.0.1, {workers} extraction workers"
    )
    with serve("127.0.0.1", {k: v for k, v in pages.items()}, robots=None) as base:
        urls = [f"{base}/p/{name}" for name in pages]
        bench_newsscrape(urls[:5], 2, workers)  # warm-up: imports, forkserver, connection
        t_peer, ok_peer = bench_trafilatura(urls)
        peer = len(urls) / t_peer
        label = "trafilatura fetch_url+extract, sequential"
        print(f"{label:44s} {t_peer:6.2f}s {peer:7.1f} pages/s  ok={ok_peer}")
        for concurrency in (1, 8, 32):
            elapsed, ok = bench_newsscrape(urls, concurrency, workers)
            rate = len(urls) / elapsed
            label = f"newsscrape crawl, concurrency {concurrency}"
            print(
                f"{label:44s} {elapsed:6.2f}s {rate:7.1f} pages/s  ok={ok}  x{rate / peer:.2f} vs trafilatura"
            )


def peak_rss_of_crawl(n: int, bases: list[str], tmp: Path) -> tuple[float, float]:
    """Run ``newsscrape crawl`` over n robots-refused URLs; (seconds, peak RSS in MiB)."""
    source, out = tmp / f"urls-{n}.txt", tmp / f"out-{n}.jsonl"
    with source.open("w") as f:
        for i in range(n):
            f.write(f"{bases[i % len(bases)]}/deny/{i}\n")
    out.unlink(missing_ok=True)
    args = [sys.executable, "-m", "newsscrape", "crawl", str(source), "-o", str(out)]
    args += ["--delay", "0", "--workers", "0", "--concurrency", "32"]
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = out.read_bytes().count(b"\n")
    assert lines == n, f"expected {n} records, got {lines}"
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def memory(n: int) -> None:
    print("# memory: peak RSS of a `newsscrape crawl` process, URLs on 10 hosts, all refused by robots.txt")
    with tempfile.TemporaryDirectory() as tmpdir, contextmanager_stack(10) as bases:
        tmp = Path(tmpdir)
        rows = []
        for count in (max(1, n // 10), n, n * 10):
            elapsed, rss = peak_rss_of_crawl(count, bases, tmp)
            rows.append((count, rss))
            print(
                f"{count:>9,d} URLs: {elapsed:6.1f}s ({count / elapsed:,.0f} URLs/s)  peak RSS {rss:7.1f} MiB"
            )
        (n1, r1), (n2, r2) = rows[0], rows[-1]
        per_url = (r2 - r1) * 1024 * 1024 / max(1, n2 - n1)
        print(f"memory per extra URL, {n1:,d} -> {n2:,d} URLs: {per_url:.0f} bytes")


@contextmanager
def contextmanager_stack(hosts: int) -> Iterator[list[str]]:
    from contextlib import ExitStack

    with ExitStack() as stack:
        yield [stack.enter_context(serve(f"127.0.0.{i + 2}", {}, ROBOTS_DENY_ALL)) for i in range(hosts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench-dir", type=Path, default=Path(__file__).parents[2] / "shared/bench/aeb")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--memory-urls", type=int, default=100_000)
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if not args.skip_throughput:
        throughput(args.bench_dir, args.workers)
    if not args.skip_memory:
        memory(args.memory_urls)


if __name__ == "__main__":
    main()
