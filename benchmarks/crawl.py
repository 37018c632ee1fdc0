"""Crawl throughput and memory of ``newsscrape crawl`` next to trafilatura's loop and CLI. Run by hand.

    .venv/bin/python benchmarks/crawl.py                     # aeb pages from ../shared/bench, 4 hosts
    .venv/bin/python benchmarks/crawl.py --scale-pages 2000 --memory-urls 10000   # a shorter run

1. Throughput: the aeb pages (``<bench-dir>/html/*.html.gz``), ``--copies`` times over as many
   loopback hosts (127.0.0.1, .2, ...), served gzip-encoded by a threaded server in a process of
   its own (robots.txt 404; Nagle's algorithm off, as nginx does: with it on, every response
   waited ~40 ms for the client's delayed ACK, which only a sequential client pays), so it never
   competes with a tool for its interpreter lock. By default it answers at once (loopback: the
   run measures CPU per page); ``--latency MS`` makes it wait MS before each page, a stand-in for
   the network's round trip and the origin's response time, which concurrency hides.
   Every tool runs as a fresh process reading the same URL file and writing one line per page to
   a pipe, and is measured the same way: wall time (until the process has exited and the pipe is
   closed by every process holding it, a forkserver's included: when a reader sees the end), time
   to the first line (from the start of the process, imports included), peak memory (``mem``: the
   PSS of the process and its children summed, sampled every 50 ms; PSS splits a shared page among
   the processes mapping it) and CPU (user + system of the whole process tree, as last sampled).
   The tools:
   * ``trafilatura fetch_url + extract``, sequential: the loop anyone would write first;
   * ``trafilatura -i URLS --parallel N``: trafilatura's own CLI, downloads in N threads (one URL
     per host per batch), extraction in its main process; SSRF guard off (the server is on
     loopback) and SLEEP_TIME 0, to match newsscrape's ``--delay 0``;
   * ``newsscrape crawl --delay 0`` at concurrency 1, 8 and 32 (``--per-host`` = concurrency / hosts,
     at least 1), extraction in ``--workers`` processes.
2. Scale: newsscrape at concurrency 32 on ``--scale-pages`` URLs (the aeb pages again and again,
   ``?copy=i`` apart); pages/s and pages per CPU-second of the whole process tree (= pages/s per
   fully used core).
3. Memory: a real ``newsscrape crawl`` process over N URLs on 10 local hosts whose robots.txt
   refuses them all, so every URL is read, deduplicated, queued per host and recorded with no page
   time in the way: the frontier's cost. Peak RSS of that process (wait4), for N/10, N, 10 N URLs.

Wall times depend on the machine and its load (``uptime`` is printed): compare rows of one run.
``--baseline-src DIR`` (a ``src`` directory of another checkout, e.g. from ``git archive``) runs
every newsscrape row twice, that code first and this one right after, so a change is measured
against its starting point in one run, under the same load. Both ``src`` directories are
byte-compiled first (``compile_sources``), as an installed package is.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

ROBOTS_DENY_ALL = b"User-agent: *\nDisallow: /deny/\n"

SEQUENTIAL_LOOP = """
import sys, json
import trafilatura
from trafilatura.settings import use_config
config = use_config()
config.set("DEFAULT", "SSRF_PROTECTION", "off")  # the bench server is on loopback
for line in open(sys.argv[1]):
    url = line.strip()
    html = trafilatura.fetch_url(url, config=config)
    text = trafilatura.extract(html, url=url) if html else None
    print(json.dumps({"url": url, "ok": bool(text)}), flush=True)
"""

TRAFILATURA_CFG = """[DEFAULT]
DOWNLOAD_TIMEOUT = 30
MAX_FILE_SIZE = 20000000
MIN_FILE_SIZE = 10
SLEEP_TIME = 0
USER_AGENTS =
COOKIE =
MAX_REDIRECTS = 2
SSRF_PROTECTION = off
INSECURE_SSL_FALLBACK = off
MIN_EXTRACTED_SIZE = 250
MIN_OUTPUT_SIZE = 1
MIN_OUTPUT_COMM_SIZE = 1
MAX_TREE_SIZE =
EXTRACTION_TIMEOUT = 30
MIN_DUPLCHECK_SIZE = 100
MAX_REPETITIONS = 2
EXTENSIVE_DATE_SEARCH = on
EXTERNAL_URLS = off
"""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as nginx sets on keep-alive connections: with Nagle's algorithm on, the body
    # (written after the headers) waits for the client's delayed ACK of the headers, ~40 ms a
    # response on Linux, which a sequential client pays on every page and a concurrent one hides
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            body = self.server.robots
            if body is None:
                return self._send(404, b"", "text/plain")
            return self._send(200, body, "text/plain")
        page = self.server.pages.get(path.rsplit("/", 1)[-1])
        if page is None:
            return self._send(404, b"<p>no</p>", "text/html")
        if self.server.latency:  # the network's round trip and the origin's time, as one wait
            time.sleep(self.server.latency)
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
    request_queue_size = 256
    pages: dict[str, bytes]
    robots: bytes | None
    latency: float = 0.0


@contextmanager
def serve(host: str, pages: dict[str, bytes], robots: bytes | None, latency: float = 0.0) -> Iterator[str]:
    """A server in this process (the memory run: robots.txt only, no page is fetched); each page
    answered ``latency`` seconds after its request."""
    server = _Server((host, 0), _Handler)
    server.pages, server.robots, server.latency = pages, robots, latency
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _serve_main(bench_dir: Path, hosts: int, latency: float) -> None:
    """``--serve``: serve the pages on ``hosts`` loopback addresses; print their bases; stop at EOF."""
    pages = load_pages(bench_dir)
    with ExitStack() as stack:
        bases = [stack.enter_context(serve(f"127.0.0.{i + 1}", pages, None, latency)) for i in range(hosts)]
        print(json.dumps(bases), flush=True)
        sys.stdin.read()


@contextmanager
def page_servers(bench_dir: Path, hosts: int, latency: float = 0.0) -> Iterator[list[str]]:
    args = [sys.executable, __file__, "--serve", "--bench-dir", str(bench_dir), "--hosts", str(hosts)]
    args += ["--latency", str(latency * 1000)]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        yield json.loads(proc.stdout.readline())
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(10)


def load_pages(bench_dir: Path) -> dict[str, bytes]:
    """name -> gzip bytes, served as they are stored (Content-Encoding: gzip)."""
    return {
        p.name.removesuffix(".html.gz"): p.read_bytes()
        for p in sorted((bench_dir / "html").glob("*.html.gz"))
    }


# -- measuring a process tree ----------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    first: float  # seconds to the first line of output
    lines: int
    ok: int
    pss_mib: float  # peak of the summed PSS of the tree
    cpu: float  # user + system seconds of the tree
    cpu_main: float  # of the process itself (newsscrape: the crawl's parent, without its workers)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _sample(pid: int) -> tuple[int, float]:
    """(PSS bytes, user+system seconds) of one process, (0, 0) once it is gone. PSS shares a page
    among the processes mapping it, so forked workers are not counted once each for what they share."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/smaps_rollup") as f:
            pss = next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0, 0.0
    return pss, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(args: list[str], *, ok: Any = None, src: Path | None = None) -> Run:
    """Run ``args``; its stdout lines are its records. ``ok(line)`` says whether a record is a success.
    ``src``: import newsscrape from there (PYTHONPATH) instead of this checkout."""
    env = dict(os.environ, PYTHONPATH=str(src)) if src is not None else None
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    first: list[float] = []
    counts = [0, 0]

    def read(stream: IO[bytes]) -> None:
        for line in stream:
            if not first:
                first.append(time.perf_counter() - started)
            counts[0] += 1
            counts[1] += bool(ok(line)) if ok is not None else 1

    reader = threading.Thread(target=read, args=(proc.stdout,), daemon=True)
    reader.start()
    peak, cpu_of = 0, {}
    while proc.poll() is None:
        tree = _tree(proc.pid)
        total = 0
        for pid in tree:
            rss, cpu = _sample(pid)
            total += rss
            if cpu:
                cpu_of[pid] = cpu
        peak = max(peak, total)
        time.sleep(0.05)
    reader.join()
    elapsed = time.perf_counter() - started
    first_line = first[0] if first else elapsed
    cpu_main = cpu_of.get(proc.pid, 0.0)
    return Run(elapsed, first_line, counts[0], counts[1], peak / 2**20, sum(cpu_of.values()), cpu_main)


def _newsscrape_ok(line: bytes) -> bool:
    return b'"error": {' not in line[:2000] and b'"error":{' not in line[:2000]


def _print(label: str, run: Run, n: int, peer: float | None = None, peer2: float | None = None) -> float:
    rate = n / run.seconds
    ratios = ""
    if peer is not None:
        ratios += f"  x{rate / peer:5.2f} seq"
    if peer2 is not None:
        ratios += f"  x{rate / peer2:5.2f} cli"
    print(
        f"{label:40s} {run.seconds:6.2f}s {rate:7.1f} p/s  first {run.first:5.2f}s  "
        f"mem {run.pss_mib:6.1f} MiB  cpu {run.cpu:5.1f}s (main {run.cpu_main:4.1f}s)  "
        f"ok={run.ok}/{run.lines}{ratios}",
        flush=True,
    )
    return rate


def newsscrape_args(source: Path, concurrency: int, per_host: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "newsscrape", "crawl", str(source), "--delay", "0",
        "--concurrency", str(concurrency), "--per-host", str(per_host), "--workers", str(workers),
    ]  # fmt: skip


def throughput(
    bench_dir: Path,
    hosts: int,
    workers: int,
    parallel: int,
    tmp: Path,
    baseline: Path | None = None,
    latency: float = 0.0,
) -> None:
    names = list(load_pages(bench_dir))
    with page_servers(bench_dir, hosts, latency) as bases:
        urls = [f"{base}/p/{name}" for base in bases for name in names]
        source = tmp / "urls.txt"
        source.write_text("".join(u + "\n" for u in urls))
        n = len(urls)
        print(
            f"# throughput: {n} pages ({len(names)} aeb pages x {hosts} loopback hosts), gzip, "
            f"server in its own process, answering {latency * 1000:.0f} ms after each request; "
            f"newsscrape --workers {workers}",
            flush=True,
        )
        loop = [sys.executable, "-c", SEQUENTIAL_LOOP, str(source)]
        seq = measure(loop, ok=lambda line: b'"ok": true' in line)
        peer = _print("trafilatura fetch_url+extract, sequential", seq, n)
        config = tmp / "trafilatura.cfg"
        config.write_text(TRAFILATURA_CFG)
        trafilatura = str(Path(sys.executable).with_name("trafilatura"))
        cli_args = [trafilatura, "-i", str(source), "--parallel", str(parallel), "--json"]
        cli = measure([*cli_args, "--config-file", str(config)])
        peer2 = _print(f"trafilatura -i --parallel {parallel}", cli, n, peer)
        for concurrency in (1, 8, 32):
            per_host = max(1, concurrency // hosts)
            args = newsscrape_args(source, concurrency, per_host, workers)
            if baseline is not None:
                run = measure(args, ok=_newsscrape_ok, src=baseline)
                _print(f"  baseline -c {concurrency} --per-host {per_host}", run, n, peer, peer2)
            run = measure(args, ok=_newsscrape_ok)
            _print(f"newsscrape crawl -c {concurrency} --per-host {per_host}", run, n, peer, peer2)


def first_record(bench_dir: Path, workers: int, rounds: int, tmp: Path, baseline: Path | None = None) -> None:
    """Time to the first record of a short crawl (8 pages, one host, concurrency 1): process start,
    imports, the worker pool's start and the first extraction. Tools take turns, ``rounds`` times,
    so each sees the same load; the median of each is printed."""
    names = list(load_pages(bench_dir))[:8]
    with page_servers(bench_dir, 1) as bases:
        source = tmp / "first.txt"
        source.write_text("".join(f"{bases[0]}/p/{name}\n" for name in names))
        loop = [sys.executable, "-c", SEQUENTIAL_LOOP, str(source)]
        tools: list[tuple[str, list[str], Path | None]] = [("trafilatura, sequential", loop, None)]
        if baseline is not None:
            tools.append(("  baseline crawl -c 1", newsscrape_args(source, 1, 1, workers), baseline))
        tools.append(("newsscrape crawl -c 1", newsscrape_args(source, 1, 1, workers), None))
        firsts: dict[str, list[float]] = {label: [] for label, _, _ in tools}
        for _ in range(rounds):
            for label, args, src in tools:
                firsts[label].append(measure(args, src=src).first)
        print(f"# first record: {len(names)} pages, one host, --workers {workers}, {rounds} rounds")
        for label, times in firsts.items():
            median = statistics.median(times)
            print(f"{label:40s} first {median:5.2f}s (median; min {min(times):.2f}s)", flush=True)


def scale(
    bench_dir: Path, hosts: int, workers: int, pages: int, tmp: Path, baseline: Path | None = None
) -> None:
    names = list(load_pages(bench_dir))
    with page_servers(bench_dir, hosts) as bases:
        source = tmp / "scale.txt"
        with source.open("w") as f:
            for i in range(pages):
                f.write(f"{bases[i % hosts]}/p/{names[(i // hosts) % len(names)]}?copy={i}\n")
        print(f"# scale: {pages} pages on {hosts} hosts, concurrency 32, --workers {workers}", flush=True)
        args = newsscrape_args(source, 32, max(1, 32 // hosts), workers)
        for label, src in (("  baseline -c 32", baseline), ("newsscrape crawl -c 32", None)):
            if label.startswith("  baseline") and baseline is None:
                continue
            run = measure(args, ok=_newsscrape_ok, src=src)
            _print(label, run, pages)
            print(
                f"pages per CPU-second of the process tree (pages/s per busy core): {pages / run.cpu:.1f}; "
                f"cores busy on average: {run.cpu / run.seconds:.2f} of {os.cpu_count()}",
                flush=True,
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


def memory(n: int, tmp: Path) -> None:
    print("# memory: peak RSS of a `newsscrape crawl` process, URLs on 10 hosts, all refused by robots.txt")
    with ExitStack() as stack:
        bases = [stack.enter_context(serve(f"127.0.0.{i + 2}", {}, ROBOTS_DENY_ALL)) for i in range(10)]
        rows = []
        for count in (max(1, n // 10), n, n * 10):
            elapsed, rss = peak_rss_of_crawl(count, bases, tmp)
            rows.append((count, rss))
            rate = count / elapsed
            print(f"{count:>9,d} URLs: {elapsed:6.1f}s ({rate:,.0f} URLs/s)  peak RSS {rss:7.1f} MiB")
        (n1, r1), (n2, r2) = rows[0], rows[-1]
        per_url = (r2 - r1) * 1024 * 1024 / max(1, n2 - n1)
        print(f"memory per extra URL, {n1:,d} -> {n2:,d} URLs: {per_url:.0f} bytes")


def compile_sources(*src_dirs: Path) -> None:
    """Byte-compile newsscrape's sources once, as installing a package does (pip writes the .pyc
    files of what it installs, trafilatura's among them). A checkout's ``src`` has none, and with
    PYTHONDONTWRITEBYTECODE set (or a read-only tree) every measured run would compile them again,
    in the crawl's process, its forkserver and its early worker: some 0.3 s of CPU and of time to
    the first record that no installed newsscrape pays, and that trafilatura is not charged."""
    for src in src_dirs:
        compileall.compile_dir(src, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench-dir", type=Path, default=Path(__file__).parents[2] / "shared/bench/aeb")
    parser.add_argument("--hosts", type=int, default=4, help="loopback hosts; each serves every page")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--parallel", type=int, default=32, help="trafilatura --parallel")
    parser.add_argument("--scale-pages", type=int, default=10_000)
    parser.add_argument("--memory-urls", type=int, default=100_000)
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="ms the server waits before each page of the throughput run (a network and origin stand-in)",
    )
    parser.add_argument("--first-rounds", type=int, default=5, help="rounds of the first-record run")
    parser.add_argument("--skip-first", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--baseline-src", type=Path, help="also run newsscrape from this src directory")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return _serve_main(args.bench_dir, args.hosts, args.latency / 1000)
    compile_sources(Path(__file__).parents[1] / "src", *([args.baseline_src] if args.baseline_src else []))
    load = os.getloadavg()
    print(f"# machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if not args.skip_first:
            first_record(args.bench_dir, args.workers, args.first_rounds, tmp, args.baseline_src)
        if not args.skip_throughput:
            latency = args.latency / 1000
            throughput(
                args.bench_dir,
                args.hosts,
                args.workers,
                args.parallel,
                tmp,
                args.baseline_src,
                latency=latency,
            )
        if not args.skip_scale:
            scale(args.bench_dir, args.hosts, args.workers, args.scale_pages, tmp, args.baseline_src)
        if not args.skip_memory:
            memory(args.memory_urls, tmp)
    load = os.getloadavg()
    print(f"# load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
