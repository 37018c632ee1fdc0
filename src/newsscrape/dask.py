"""newsscrape on a Dask cluster: archives and crawls as bags of records. Dask is imported only here.

The unit of work is one WARC file per task (or one group of hosts for a crawl): a worker opens its
file itself and streams it record by record, so the client never reads an archive and a cluster
of N machines reads N x cores archives at once. Records are plain picklable dataclasses.

    For example::

        import newsscrape.dask as nd
        bag = nd.read_warc(["CC-NEWS-20240501001.warc.gz", "CC-NEWS-20240501002.warc.gz"])
        nd.write_jsonl(bag, "articles/*.jsonl")

Install with ``pip install -e '.[dask]'`` from a checkout (newsscrape is not on PyPI); run scripts
under ``if __name__ == "__main__":`` (distributed starts worker processes that import the script, as
multiprocessing does).
"""

from __future__ import annotations

import dataclasses
import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .archive import ArchivedPage, InputError, WarcStats, read_inputs, read_warc_stream
from .config import CrawlConfig, ExtractConfig
from .crawler import UrlSet, add_recorded, crawl_sync, extract_pages, load_recorded
from .crawler.distributed import partition_by_host
from .exporter import dumps, parse_records
from .exporter.columns import COLUMNS, row
from .models import ErrorRecord, Record

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = ["crawl_bag", "read_warc", "to_dataframe", "write_jsonl"]

T = TypeVar("T")


def read_warc(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    config: ExtractConfig | None = None,
) -> dask.bag.Bag:
    """A bag of records (Article or ErrorRecord), one partition per WARC file, read on the workers.

    For example::

        bag = read_warc("cc-news/*.warc.gz")  # or a list of paths, or "s3://bucket/cc-news/*.warc.gz"
        bag.filter(lambda r: r.language == "de").count().compute()

    Each 200 HTML response of a file is one record, in file order, with ``source`` set to
    ``path#offset``; other records are skipped (``newsscrape extract`` counts them). A file that
    cannot be read to its end (cut short, not a WARC, missing) keeps the records before the damage
    and adds an ErrorRecord (``reason="unreadable"``, ``source`` the path, the message naming the
    byte where reading stopped): the other files' partitions are untouched and nothing is lost
    silently. ``paths`` must be readable from every worker: a shared file system, or URLs that
    fsspec opens (``s3://bucket/f.warc.gz`` with s3fs installed on the workers; ``source`` is then
    the URL).
    """
    import dask.bag as db

    names = [name for pattern in _given(paths) for name in _expand(pattern)]
    bag = db.from_sequence(names, npartitions=max(1, len(names)))  # type: ignore[no-untyped-call]
    records: dask.bag.Bag = bag.map_partitions(_read_partition, config or ExtractConfig())
    return records


def _given(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """One path, URL or pattern, or a sequence of them, as a list of str."""
    return [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else [os.fspath(p) for p in paths]


def _expand(pattern: str) -> list[str]:
    """A path or URL with ``*``, ``?`` or ``[`` as the files it matches, sorted, on the client (as
    ``dask.bag.read_text`` does); anything else as it is. Raises FileNotFoundError on no match."""
    if not any(char in pattern for char in "*?["):
        return [pattern]
    if _is_url(pattern):
        fs, path = _fsspec().core.url_to_fs(pattern)
        names = sorted(fs.unstrip_protocol(found) for found in fs.glob(path))
    else:
        names = sorted(glob.glob(pattern))
    if not names:
        raise FileNotFoundError(f"read_warc: nothing matches {pattern}")
    return names


def crawl_bag(
    urls: Iterable[str],
    *,
    config: CrawlConfig | None = None,
    npartitions: int = 16,
    resume_from: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> dask.bag.Bag:
    """A bag of records (Article or ErrorRecord), one per distinct input URL, crawled on the workers.

        For example::

            bag = crawl_bag(open("urls.txt"), npartitions=64, resume_from="out/*.jsonl")
            write_jsonl(bag, f"out/{time.strftime('%Y%m%dT%H%M%S')}-*.jsonl")  # a new name each run

    URLs are partitioned by site (``crawler.distributed.partition_by_host``), so each host is
    crawled by one partition and its politeness holds across the cluster; each partition is a
    ``crawl_sync`` run extracting in-process (Dask's workers are the parallelism). The URL list is
    read on the client to group it by host (about 100 bytes a URL).

    ``resume_from``: the JSON Lines outputs of earlier runs (paths, globs, fsspec URLs; ``.gz``
    and the other compressions fsspec infers from the name). A URL with a record there is left
    out, as ``newsscrape crawl --resume`` leaves it: the outputs are the state (``crawler._resume``).
    They are read on the client when ``crawl_bag`` is called (16-32 bytes of memory a recorded URL);
    a pattern that matches nothing is a first run. A local uncompressed file's torn last line (a
    worker killed while writing it) is cut off, as ``--resume`` does, and its URL crawled again.
    Error records are outcomes too: they are not retried. Write each run to new file names:
    ``write_jsonl`` numbers its files from 0, so the same pattern would overwrite the records
    this run skips.
    """
    import dask.bag as db

    cfg = dataclasses.replace(config or CrawlConfig(), workers=0)
    recorded = _recorded(resume_from) if resume_from is not None else None
    parts = [p for p in partition_by_host(urls, npartitions, recorded=recorded) if p]
    bag = db.from_sequence(parts, npartitions=max(1, len(parts)))  # type: ignore[no-untyped-call]
    records: dask.bag.Bag = bag.map_partitions(_crawl_partition, cfg)
    return records


def write_jsonl(bag: dask.bag.Bag, pattern: str, **options: object) -> list[str]:
    """Write a bag of records as JSON Lines files, one per partition (``pattern`` has one ``*``).

    For example::

        write_jsonl(read_warc(paths), "out/part-*.jsonl")
        # ['out/part-0.jsonl', 'out/part-1.jsonl']

    ``options`` go to ``dask.bag.Bag.to_textfiles`` (``compression="gzip"``, ``storage_options``).
    The lines are the ones ``newsscrape crawl`` writes, each ended by a newline, the last one too
    (``to_textfiles`` leaves it off by default), so ``cat out/part-*.jsonl`` is one JSON Lines file.
    """
    lines = bag.map(dumps).map_partitions(_ended_lines)  # type: ignore[no-untyped-call]
    written: list[str] = lines.to_textfiles(pattern, **options)
    return written


def to_dataframe(bag: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A bag of records as a Dask DataFrame, one row per record, with one Arrow type per column.

    For example::

        df = to_dataframe(read_warc("cc-news/*.warc.gz"))
        df[df.error_kind.isna()].to_parquet("articles/")  # the articles, in Parquet

    The columns are ``exporter.columns.COLUMNS``: an Article's fields, then ``error_kind``,
    ``error_status``, ``error_reason``, ``error_message`` (null on an article's row). Their types
    do not depend on what a partition holds, so every Parquet file of a dataset has one schema:
    text ``string[pyarrow]``, lists of text ``list<string>``, ``published``/``modified``
    ``timestamp[us, UTC]`` (instants: the page's own UTC offset is the JSON's, not kept here),
    ``word_count``, ``error_status``, ``schema_version`` ``int64`` (nullable), ``sections`` its
    JSON. Needs pandas and pyarrow (``pip install -e '.[dataframe]'``); a partition is held
    whole as a pandas frame, as any DataFrame partition is.
    """
    try:
        import dask.dataframe as dd
    except ImportError as exc:  # dask's own message names dask[dataframe], not our extra
        raise ImportError(
            f"to_dataframe needs pandas and pyarrow: pip install -e '.[dataframe]' ({exc})"
        ) from exc

    frames = bag.map_partitions(_frame)  # type: ignore[no-untyped-call]
    frame: dask.dataframe.DataFrame = dd.from_delayed(frames.to_delayed(), meta=_frame([]))
    return frame


def _frame(records: Iterable[Record]) -> Any:
    """One partition's records as a pandas DataFrame of the Arrow types of ``_schema``."""
    import pandas as pd
    import pyarrow as pa

    table = pa.Table.from_pylist([row(record) for record in records], schema=_schema())
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _schema() -> Any:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "strings": pa.list_(pa.string()),
        "instant": pa.timestamp("us", tz="UTC"),
        "integer": pa.int64(),
        "json": pa.string(),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS])


class _Stream(Iterator[T]):
    """A partition's items as they are made. Iterated in the task that made it (Dask fuses
    read_warc -> filter/map -> write_jsonl into one task per file), it holds one item at a time;
    sent to another process (compute(), a shuffle) it is pickled as the list of the items left.
    A plain generator cannot be pickled; a list held a whole file's records, then their JSON text
    (twice the output file's size on a worker).
    """

    __slots__ = ("_items",)

    def __init__(self, items: Iterator[T]) -> None:
        self._items = items

    def __iter__(self) -> _Stream[T]:
        return self

    def __next__(self) -> T:
        return next(self._items)

    def __reduce__(self) -> tuple[type[list[T]], tuple[list[T]]]:
        return list, (list(self._items),)


def _ended_lines(lines: Iterable[str]) -> _Stream[str]:
    return _Stream(_ended(lines))


def _ended(lines: Iterable[str]) -> Iterator[str]:
    """The lines, then "" if there were any: to_textfiles puts a newline between two elements only,
    so each line ends, the last one too, and an empty partition is an empty file, not a blank line."""
    ended = False
    for line in lines:
        ended = True
        yield line
    if ended:
        yield ""


def _read_partition(paths: Iterable[str], config: ExtractConfig) -> _Stream[Record]:
    return _Stream(_read_records(paths, config))


def _read_records(paths: Iterable[str], config: ExtractConfig) -> Iterator[Record]:
    for path in paths:
        stats = WarcStats()
        pages = _read_url(path, stats) if _is_url(path) else read_inputs([path], stats=stats)
        yield from extract_pages(pages, workers=0, config=config)
        # The CLI prints these notes on stderr; a worker's stderr is nobody's, so they become records.
        yield from (_unreadable(path, note) for note in stats.notes)


def _read_url(url: str, stats: WarcStats) -> Iterator[ArchivedPage | InputError]:
    """A WARC named by an fsspec URL (``s3://``, ``gs://``, ``https://``, ``file://``), streamed.

    fsspec comes with Dask; the protocol's own package (s3fs, gcsfs) is the user's to install.
    """
    try:
        with _fsspec().open(url, "rb") as stream:
            yield from read_warc_stream(stream, url, stats=stats)
    except (OSError, ImportError, ValueError) as exc:  # missing, refused, an unknown protocol
        yield InputError(url=url, source=url, message=f"cannot read {url}: {exc}")


def _is_url(name: str) -> bool:
    """Is ``name`` an fsspec URL (``s3://bucket/f.warc.gz``, ``file:///data/f.warc``), not a path?"""
    return "://" in name


def _fsspec() -> Any:
    import fsspec  # type: ignore[import-untyped]

    return fsspec


def _unreadable(path: str, note: str) -> ErrorRecord:
    url = path if _is_url(path) else Path(path).resolve().as_uri()
    return ErrorRecord(url=url, kind="extract", reason="unreadable", message=note, source=path)


def _recorded(outputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> UrlSet:
    """The URLs with a record in ``outputs`` (see ``crawl_bag``), read on the client."""
    recorded = UrlSet()
    for pattern in _given(outputs):
        try:
            names = _expand(pattern)
        except FileNotFoundError:  # the first run of a resumable script: nothing written yet
            continue
        for name in names:
            if _is_url(name) or _compression(name):
                _add_streamed(name, recorded)
            else:
                load_recorded(name, into=recorded)  # a missing file has none
    return recorded


def _compression(name: str) -> str | None:
    """The compression fsspec reads ``name`` with (``gzip`` for ``.gz``), from its suffix."""
    compression: str | None = _fsspec().utils.infer_compression(name)
    return compression


def _add_streamed(name: str, recorded: UrlSet) -> None:
    """A remote or compressed output's records, read as a stream and left as they are."""
    try:
        with _fsspec().open(name, "rb", compression="infer") as stream:
            add_recorded(parse_records(stream), recorded)
    except FileNotFoundError:
        return


def _crawl_partition(partition: Iterable[list[str]], config: CrawlConfig) -> _Stream[Record]:
    return _Stream(record for urls in partition for record in crawl_sync(urls, config=config))
