"""newsscrape.dask: WARC files as a bag of records on a LocalCluster with worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsscrape.dask as nd
from faultserver import article_html
from newsscrape.archive import HttpExchange, WarcWriter
from newsscrape.crawler.distributed import crawl_bag, partition_by_host
from newsscrape.models import Article

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def exchange(url: str, body: str, status: int = 200) -> HttpExchange:
    return HttpExchange(
        method="GET",
        url=url,
        request_headers=[("Host", "example.com")],
        http_version="HTTP/1.1",
        status=status,
        reason="OK",
        response_headers=[("Content-Type", "text/html; charset=utf-8")],
        body=body.encode(),
    )


def two_warcs(root: Path) -> list[Path]:
    paths = [root / f"w{w}.warc.gz" for w in range(2)]
    for w, path in enumerate(paths):
        with WarcWriter.open(path) as warc:
            for i in range(3):
                warc.write_exchange(exchange(f"https://example.com/{w}/{i}", article_html(f"w{w}p{i}")))
            warc.write_exchange(exchange(f"https://example.com/{w}/gone", "<html></html>", status=404))
    return paths


def test_read_warc_is_one_partition_per_file_read_on_worker_processes(client: object, tmp_path: Path) -> None:
    paths = two_warcs(tmp_path)
    bag = nd.read_warc(paths)
    assert bag.npartitions == 2
    records = bag.compute()
    assert [r.url for r in records] == [f"https://example.com/{w}/{i}" for w in range(2) for i in range(3)]
    assert all(isinstance(r, Article) for r in records)
    assert records[3].source.startswith(f"{paths[1]}#")


def test_write_jsonl_writes_one_file_per_partition(client: object, tmp_path: Path) -> None:
    written = nd.write_jsonl(nd.read_warc(two_warcs(tmp_path)), str(tmp_path / "out" / "part-*.jsonl"))
    assert len(written) == 2
    lines = [json.loads(line) for name in sorted(written) for line in Path(name).read_text().splitlines()]
    assert len(lines) == 6
    assert "first paragraph of w1p2" in lines[-1]["body"]


def test_write_jsonl_files_concatenate_into_one_jsonl_file(client: object, tmp_path: Path) -> None:
    written = nd.write_jsonl(nd.read_warc(two_warcs(tmp_path)), str(tmp_path / "out" / "part-*.jsonl"))
    texts = [Path(name).read_text() for name in sorted(written)]
    assert all(text.endswith("}\n") for text in texts)
    assert len([json.loads(line) for line in "".join(texts).splitlines()]) == 6


def test_write_jsonl_leaves_an_empty_partition_empty(client: object, tmp_path: Path) -> None:
    nothing = nd.read_warc(two_warcs(tmp_path)).filter(lambda record: False)
    written = nd.write_jsonl(nothing, str(tmp_path / "out" / "part-*.jsonl"))
    assert [Path(name).read_text() for name in written] == ["", ""]


def test_crawl_bag_is_still_importable_from_its_old_place() -> None:
    assert crawl_bag is nd.crawl_bag


def test_crawl_bag_refuses_one_url_str() -> None:
    with pytest.raises(TypeError, match="not one URL"):
        nd.crawl_bag("http://a.test/1")


def test_a_non_str_item_goes_to_the_first_partition_for_its_record() -> None:
    urls: list[Any] = ["http://a.test/1", None]
    assert partition_by_host(urls, 1) == [["http://a.test/1", None]]
