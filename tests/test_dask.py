"""newsscrape.dask: WARC files as a bag of records on a LocalCluster with worker processes."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsscrape.dask as nd
from faultserver import FaultServer, article_html, robots_disallow
from newsscrape.archive import WarcWriter
from newsscrape.config import CrawlConfig
from newsscrape.crawler import UrlSet
from newsscrape.crawler.distributed import crawl_bag, partition_by_host
from newsscrape.models import Article, ErrorRecord
from warcpages import exchange

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


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
    records = bag.compute()  # type: ignore[no-untyped-call]
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
    nothing = nd.read_warc(two_warcs(tmp_path)).filter(lambda record: False)  # type: ignore[no-untyped-call]
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


def test_a_cut_warc_keeps_its_whole_records_and_says_where_it_ends(client: object, tmp_path: Path) -> None:
    good, whole = two_warcs(tmp_path)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])  # a download that stopped
    records = nd.read_warc([cut, good]).compute()  # type: ignore[no-untyped-call]
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    articles = [r.url for r in records if isinstance(r, Article)]
    assert articles[-3:] == [f"https://example.com/0/{i}" for i in range(3)]
    assert [(e.source, e.reason) for e in errors] == [(str(cut), "unreadable")]
    assert f"{cut}: record at byte" in errors[0].message


def test_a_file_that_is_no_warc_is_an_error_record_not_silence(client: object, tmp_path: Path) -> None:
    denied = tmp_path / "denied.warc.gz"
    # What a bucket answers instead of the file, saved under the file's name.
    denied.write_bytes(b'<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>\n')
    [record] = nd.read_warc([denied]).compute()  # type: ignore[no-untyped-call]
    assert isinstance(record, ErrorRecord)
    assert record.source == str(denied)
    assert "unreadable after byte 0" in record.message


def test_read_warc_reads_fsspec_urls_on_the_workers(client: object, tmp_path: Path) -> None:
    # s3://, gs://, https:// go through fsspec the same way; file:// needs no bucket in a test.
    paths = two_warcs(tmp_path)
    urls = [path.as_uri() for path in paths] + [(tmp_path / "missing.warc.gz").as_uri()]
    records = nd.read_warc(urls).compute()  # type: ignore[no-untyped-call]
    assert [r.url for r in records[:6]] == [
        f"https://example.com/{w}/{i}" for w in range(2) for i in range(3)
    ]
    assert records[3].source.startswith(f"{urls[1]}#")
    missing = records[6]
    assert isinstance(missing, ErrorRecord)
    assert (missing.url, missing.source, missing.reason) == (urls[2], urls[2], "unreadable")


def test_crawl_bag_on_worker_processes_keeps_each_host_polite(client: object) -> None:
    with FaultServer("127.0.0.2") as polite, FaultServer("127.0.0.3") as private:
        private.set_robots(robots_disallow("/page/secret"))
        urls = [polite.url(f"/page/p{i}") for i in range(3)] + [polite.url("/status/500")]
        urls += [private.url("/page/open"), private.url("/page/secret")]
        config = CrawlConfig(delay=0.2, jitter=0, retries=0)
        records = nd.crawl_bag(urls, config=config, npartitions=4).compute()  # type: ignore[no-untyped-call]
        kinds = {r.url: type(r).__name__ if isinstance(r, Article) else r.kind for r in records}
        assert kinds == {
            **{url: "Article" for url in urls[:3]},
            urls[3]: "http_status",
            urls[4]: "Article",
            urls[5]: "robots",
        }
        for server in (polite, private):
            times = [r.time for r in server.requests]
            # robots.txt, then the pages one at a time, the delay apart
            assert all(b - a >= 0.15 for a, b in itertools.pairwise(times[1:])), server.paths()
        assert private.paths() == ["/robots.txt", "/page/open"]


def test_crawl_bag_resumes_from_the_outputs_of_earlier_runs(client: object, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with FaultServer("127.0.0.2") as server:
        urls = [server.url(f"/page/p{i}") for i in range(5)]
        config = CrawlConfig(delay=0, jitter=0, retries=0)
        # The script's first run: its resume_from matches nothing yet.
        first = nd.crawl_bag(urls[:2], config=config, resume_from=str(out / "*.jsonl*"))
        nd.write_jsonl(first, str(out / "run1-*.jsonl"))
        second = nd.crawl_bag(urls[2:3], config=config)
        nd.write_jsonl(second, str(out / "run2-*.jsonl.gz"), compression="gzip")
        (out / "run3-0.jsonl").write_text(json.dumps({"url": urls[3], "title": "p3"})[:30])  # torn
        before = len(server.requests)
        bag = nd.crawl_bag(urls, config=config, resume_from=str(out / "*.jsonl*"))
        records = bag.compute()  # type: ignore[no-untyped-call]
        assert sorted(r.url for r in records) == urls[3:]
        assert sorted(set(server.paths()[before:]) - {"/robots.txt"}) == ["/page/p3", "/page/p4"]
    assert (out / "run3-0.jsonl").read_text() == ""  # cut back to its whole lines, as --resume does


def test_a_url_with_a_record_is_left_out_of_the_partitions() -> None:
    recorded = UrlSet()
    recorded.add_recorded("HTTP://a.test/1#top")
    urls = ["http://a.test/1", "http://a.test/2", "not a url"]
    assert partition_by_host(urls, 1, recorded=recorded) == [["http://a.test/2", "not a url"]]


def test_to_dataframe_has_one_parquet_schema_whatever_a_partition_holds(
    client: object, tmp_path: Path
) -> None:
    pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    good, _ = two_warcs(tmp_path)
    denied = tmp_path / "denied.warc.gz"  # a partition of one error record: every article column null
    denied.write_bytes(b'<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>\n')
    df = nd.to_dataframe(nd.read_warc([good, denied]))
    df.to_parquet(str(tmp_path / "pq"), write_index=False)
    files = sorted((tmp_path / "pq").glob("*.parquet"))
    schemas = [pq.read_schema(f).remove_metadata() for f in files]
    assert len(files) == 2
    assert schemas[0] == schemas[1]
    types = {field.name: str(field.type) for field in schemas[0]}
    assert types["published"] == "timestamp[us, tz=UTC]"
    assert (types["authors"], types["word_count"], types["error_kind"]) == (
        "list<element: string>",
        "int64",
        "string",
    )
    table = pq.read_table(str(tmp_path / "pq")).to_pylist()
    assert [r["authors"] for r in table[:3]] == [["Ada Reporter"]] * 3
    assert str(table[0]["published"]) == "2024-05-06 10:00:00+00:00"
    assert (table[3]["error_kind"], table[3]["authors"], table[3]["url"]) == (
        "extract",
        None,
        denied.as_uri(),
    )


def test_read_warc_expands_a_glob_as_dask_readers_do(tmp_path: Path) -> None:
    paths = two_warcs(tmp_path)
    bag = nd.read_warc(str(tmp_path / "w*.warc.gz"))
    assert bag.npartitions == 2
    records = bag.compute(scheduler="synchronous")  # type: ignore[no-untyped-call]
    assert sorted({r.source.split("#")[0] for r in records}) == [str(p) for p in paths]
    with pytest.raises(FileNotFoundError, match="nothing matches"):
        nd.read_warc(str(tmp_path / "nothing-*.warc.gz"))
    bag = nd.read_warc(f"file://{tmp_path}/w[01].warc.gz")
    assert bag.npartitions == 2
