"""Extraction from a WARC: ``newsscrape extract`` next to the loop a trafilatura user writes. Run by hand.

    .venv/bin/python benchmarks/warc.py                          # aeb pages from ../shared/bench
    .venv/bin/python benchmarks/warc.py --copies 10 --workers 2

The archive: every development page (``<bench-dir>/html/*.html.gz``) ``--copies`` times, each as a
request and a gzip-encoded 200 response under its own URL, with the noise a crawl archive holds
(a warcinfo record, a metadata record and a 404 per page, a PNG every fifth page). Then, each in a
fresh process, in one run:

* ``newsscrape extract RAW.warc.gz -o out.jsonl`` with ``--workers 0`` (this process) and ``N``;
* the trafilatura loop: warcio's ``ArchiveIterator``, the 200 HTML responses, ``content_stream()``
  (warcio undoes the gzip), ``trafilatura.extract(html, url=..., output_format="json")``; with N
  workers, the same pages through ``multiprocessing.Pool(N).imap``.

Pages/s is pages extracted over wall time (process start included); peak memory is the largest
sum of RSS over the process and its children (sampled every 50 ms from /proc). Numbers are for one
machine, compare rows of one run.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "aeb"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200

TRAFILATURA_LOOP = textwrap.dedent(
    """
    import sys, multiprocessing
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    def pages(path):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield url, record.content_stream().read()

    def extract(page):
        url, html = page
        return trafilatura.extract(html, url=url, output_format="json")

    if __name__ == "__main__":
        path, workers, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        with open(out, "w") as sink:
            if workers:
                with multiprocessing.Pool(workers) as pool:
                    results = pool.imap(extract, pages(path), chunksize=4)
                    for result in results:
                        sink.write((result or "null").replace("\\n", " ") + "\\n")
            else:
                for page in pages(path):
                    sink.write((extract(page) or "null").replace("\\n", " ") + "\\n")
    """
)


def build_warc(bench: Path, copies: int, path: Path) -> int:
    """Write the archive; return the number of 200 HTML responses in it."""
    sources = sorted((bench / "html").glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no pages in {bench / 'html'}")
    bodies = [gzip.decompress(p.read_bytes()) for p in sources]
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "benchmarks/warc.py"}))
        for copy in range(copies):
            for i, html in enumerate(bodies):
                url = f"https://news{i % 17}.example/{copy}/{sources[i].name.split('.')[0][:16]}"
                _request(writer, url)
                coded = gzip.compress(html, compresslevel=6)
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]
                _response(writer, url, "200 OK", headers, coded)
                pages += 1
                meta = b"outlinks: 12\r\n"
                writer.write_record(
                    writer.create_warc_record(
                        url,
                        "metadata",
                        payload=io.BytesIO(meta),
                        length=len(meta),
                        warc_content_type="application/warc-fields",
                    )
                )
                _request(writer, url + "/missing")
                _response(
                    writer,
                    url + "/missing",
                    "404 Not Found",
                    [("Content-Type", "text/html")],
                    b"<h1>404</h1>",
                )
                if i % 5 == 0:
                    _response(writer, url + "/logo.png", "200 OK", [("Content-Type", "image/png")], PNG)
    return pages


def _request(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0, http_headers=http)
    )


def _response(writer: WARCWriter, url: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )
    writer.write_record(record)


def _tree_rss(root: int) -> int:
    """Sum of RSS (bytes) of ``root`` and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree)


def measure(args: list[str], out: Path) -> tuple[float, int, int]:
    """(seconds, peak tree RSS in bytes, output lines) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args[:4]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    data = out.read_bytes() if out.exists() else b""
    # Pages with a result: an article record (newsscrape) or a non-null extraction (trafilatura).
    lines = sum(1 for line in data.splitlines() if line != b"null" and b'"error": {' not in line)
    return elapsed, peak, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--copies", type=int, default=3, help="copies of every page in the archive")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="warc-bench-") as tmp:
        tmpdir = Path(tmp)
        warc = tmpdir / "raw.warc.gz"
        pages = build_warc(opts.bench_dir, opts.copies, warc)
        loop = tmpdir / "trafilatura_loop.py"
        loop.write_text(TRAFILATURA_LOOP)
        print(
            f"archive: {warc.stat().st_size / 2**20:.1f} MiB, {pages} pages among noise records; "
            f"{os.cpu_count()} cores, workers={opts.workers}"
        )
        print(f"{'run':<42} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MiB':>9}")
        rows: dict[str, float] = {}
        for workers in (0, opts.workers):
            for name, command in (
                ("newsscrape extract", [sys.executable, "-m", "newsscrape", "extract", str(warc)]),
                ("warcio + trafilatura.extract", [sys.executable, str(loop), str(warc)]),
            ):
                out = tmpdir / f"{name.split()[0]}-{workers}.jsonl"
                if name.startswith("newsscrape"):
                    args = [*command, "-o", str(out), "--workers", str(workers)]
                else:
                    args = [*command, str(workers), str(out)]
                seconds, peak, lines = measure(args, out)
                label = f"{name} ({'1 process' if not workers else f'{workers} workers'})"
                rows[label] = lines / seconds
                print(f"{label:<42} {lines:>6} {seconds:>8.1f} {lines / seconds:>8.1f} {peak / 2**20:>9.0f}")
        labels = list(rows)
        print(
            f"ratio newsscrape / trafilatura loop: 1 process {rows[labels[0]] / rows[labels[1]]:.2f}x, "
            f"{opts.workers} workers {rows[labels[2]] / rows[labels[3]]:.2f}x"
        )


if __name__ == "__main__":
    main()
