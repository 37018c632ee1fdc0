"""newsscrape.dask streams: read_warc -> filter -> write_jsonl holds one record at a time.

In a module of its own, with no cluster: ``tracemalloc`` traces every thread of the process, and
the LocalCluster that ``test_dask.py`` keeps for its whole module runs a client whose event loop
allocates in the background (heartbeats, worker metrics) while a measurement runs, more the
longer it runs, which once pushed the 70-page run over the bound on a busy machine. Here only the
pipeline allocates, and a full collection before each measurement starts each from the same state.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import dask

import newsscrape.dask as nd
from newsscrape.archive import WarcWriter
from warcpages import exchange, long_article


def test_write_jsonl_streams_a_warc_one_record_at_a_time(tmp_path: Path) -> None:
    # read_warc -> filter -> write_jsonl is one task per file: its memory must not grow with the file.
    def peak_growth(pages: int) -> tuple[int, int]:
        path = tmp_path / f"{pages}.warc.gz"
        with WarcWriter.open(path) as warc:
            for i in range(pages):
                warc.write_exchange(exchange(f"https://example.com/{i}", long_article(i)))
        bag = nd.read_warc([path]).filter(lambda record: True)  # type: ignore[no-untyped-call]
        gc.collect()
        tracemalloc.start()
        with dask.config.set(scheduler="synchronous"):
            [written] = nd.write_jsonl(bag, str(tmp_path / f"out{pages}-*.jsonl"))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak, Path(written).stat().st_size

    peak_growth(5)  # the extractor's models are loaded once, not counted
    small, _ = peak_growth(10)
    large, size = peak_growth(70)  # held as a list: 2.3 x size more
    assert large - small < size // 4, (small, large, size)
