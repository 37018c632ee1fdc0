"""The crawl's records are written in batches: fewer writes, and still one record per URL after a kill -9."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from crashes import kill_9, reaped
from faultserver import FaultServer, Request, Response, article_html
from newsscrape.exporter import JsonlWriter
from newsscrape.models import ErrorRecord

HERE = Path(__file__).parent


class CountingStream(io.BytesIO):
    """A binary stream that counts the ``write`` calls made to it."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: object) -> int:
        self.writes += 1
        return super().write(data)  # type: ignore[arg-type]


def test_a_batching_writer_writes_many_records_in_one_write_each_line_whole() -> None:
    stream = CountingStream()
    writer = JsonlWriter(stream, batch=3600.0)
    urls = [f"http://e.com/{i}" for i in range(100)]
    for url in urls:
        writer.write(ErrorRecord(url=url, kind="timeout", message="slow"))
    assert stream.writes == 1  # the first record goes out at once (after a quiet spell); the rest wait
    writer.close()
    assert stream.writes == 2
    lines = stream.getvalue().decode().splitlines()
    assert [json.loads(line)["url"] for line in lines] == urls


def test_a_batch_waiting_too_long_is_written_by_the_timer() -> None:
    stream = CountingStream()
    writer = JsonlWriter(stream, batch=1e-9)  # every waiting line is already due
    writer._written_at = float("inf")  # as if a write had just happened: the next record waits
    writer.write(ErrorRecord(url="http://e.com/a", kind="timeout", message="slow"))
    assert stream.writes == 0
    writer._written_at = 0.0  # time passed
    writer.flush_due()
    assert stream.writes == 1
    assert json.loads(stream.getvalue())["url"] == "http://e.com/a"


# -- kill -9 in the middle of a batch, then --resume: a real process ---------------------------------

CRAWL = """
import sys
sys.path[:0] = {paths!r}
from crawl_support import FAST, quick_extract
from newsscrape.crawler import run_crawl_job
import dataclasses
from newsscrape.config import FetchConfig
config = dataclasses.replace(FAST, fetch=FetchConfig(total_timeout=120, read_timeout=120))
sys.exit(run_crawl_job(sys.argv[1], sys.argv[2], config=config, resume=True, progress_every=0.01,
                       flush_every=3600.0, extract_fn=quick_extract))
"""


def _crawl(source: Path, out: Path) -> subprocess.Popen[bytes]:
    script = textwrap.dedent(CRAWL).format(paths=[str(HERE), str(HERE.parent)])
    return subprocess.Popen(
        [sys.executable, "-c", script, str(source), str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_kill_9_mid_batch_then_resume_gives_one_record_per_url(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    """Records wait in the batch when the process dies: they are lost, never half-written, and
    --resume does their URLs again; every URL ends with exactly one record."""
    held = threading.Event()  # /held answers only once set: the first crawl is killed before that

    def held_page(req: Request) -> Response:
        held.wait(60)
        return Response(body=article_html("held").encode(), content_type="text/html; charset=utf-8")

    fault_server.add_route("/held", held_page)
    urls = [fault_server.url(f"/page/{i}") for i in range(8)] + [fault_server.url("/held")]
    source, out = tmp_path / "urls.txt", tmp_path / "out.jsonl"
    source.write_text("\n".join(urls) + "\n")

    try:
        with reaped(_crawl(source, out)) as first:
            assert first.stderr is not None
            for line in iter(first.stderr.readline, b""):  # progress lines: wait until 8 records are made
                if b"URLs: 8 ok" in line:
                    break
            else:
                raise AssertionError("the crawl ended before it could be killed")
            kill_9(first)
    finally:
        held.set()
    written = out.read_bytes()
    assert written.endswith(b"\n")
    before = [json.loads(line)["url"] for line in written.splitlines()]
    assert len(before) < 8  # the kill came mid-batch: some records were made but not written

    second = _crawl(source, out)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()
    after = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert after[: len(before)] == before
    assert sorted(after) == sorted(urls)  # exactly one record per URL, the lost ones done again
