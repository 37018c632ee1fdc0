"""The jobs behind ``newsscrape discover`` and ``newsscrape crawl --site``.

``crawl --site`` is one streaming pipeline: the :class:`Discoverer` is the crawl's input (an async
iterator of URLs), so the first records are written while discovery is still reading sitemaps,
and the crawler's backpressure (``max_pending``) pauses discovery when the crawl falls behind.
Both share politeness windows (``Crawler.window``) and robots.txt answers (``Crawler.robots``:
one robots.txt request per origin per run). Everything ``crawl URLS.txt`` promises holds:
one record per distinct URL, ``--resume`` after ``kill -9`` (the output is the state), exit codes,
``--format`` and ``--warc`` (the pages' exchanges archived before their records, and discovery's
own robots.txt, sitemap, feed and home-page exchanges as they happen).
``--resume`` also makes re-runs incremental: see :mod:`._validators` for the conditional GETs and
why their validators cannot disagree with the output.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from typing import IO

from ..config import DiscoverConfig, since_moment
from ..discovery import Note
from ..errors import ExportError
from ..exporter import JsonlWriter, OutputFormat
from ._discover import Discoverer
from ._engine import Crawler
from ._job import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPE_CLOSED,
    EXIT_SOME_FAILED,
    EXIT_WRITE_FAILED,
    CrawlJobError,
    _archive_hook,
    _check_resumable,
    _drive,
    _job_writer,
    lock_output,
    messages_to,
    open_output,
)
from ._pool import ExtractFn
from ._progress import PLAIN_EVERY, Progress
from ._validators import SourceStore

SOURCES = ("news_sitemap", "sitemap", "feed", "page")
SKIPS = ("duplicate", "not_article", "offsite", "robots", "robots_skipped", "older", "undated")


def run_site_job(
    sites: Sequence[str],
    output: str | os.PathLike[str] | None,
    *,
    config: DiscoverConfig,
    resume: bool = False,
    drain_timeout: float = 5.0,
    stderr: IO[str] | None = None,
    progress_every: float = PLAIN_EVERY,
    extract_fn: ExtractFn | None = None,
    output_format: OutputFormat = "jsonl",
    warc: str | os.PathLike[str] | None = None,
) -> int:
    """Discover the article URLs of ``sites`` and crawl them into ``output``; the exit code.

    For example::

        run_site_job(["https://example.com/"], "out.jsonl", config=DiscoverConfig(), resume=True)
        # 0

    ``output_format`` and ``warc`` as for ``run_crawl_job``: jsonl, markdown or text (only jsonl
    can be resumed), and a WARC file of every exchange of the crawl.
    """
    err = messages_to(stderr)
    with lock_output(output), lock_output(warc):  # as run_crawl_job
        _check_resumable(output_format, resume=resume)
        recorded = open_output(output, resume=resume)  # the one rule of -o, as for crawl URLS.txt
        store: SourceStore | None = None
        if output is not None and output_format == "jsonl":  # validators vouch for a record store only
            since = since_moment(config.since) if config.since is not None else None
            store = SourceStore.load(output, since=since) if resume else SourceStore(since=since)
            if store.dropped:
                err.write(f"newsscrape: not using {SourceStore.path_for(output)}: {store.dropped}\n")
        hook = _archive_hook(warc, resume=resume)
        crawler = Crawler(config.crawl, recorded=recorded, extract_fn=extract_fn, on_exchange=hook)
        discoverer = Discoverer(
            config,
            on_note=_printer(err),
            store=store,
            window=crawler.window,
            robots=crawler.robots,  # one robots.txt request per origin for discovery and crawl
            on_exchange=hook,
        )
        progress = Progress(crawler.stats, stream=err, total=None, every=progress_every)
        writer = _job_writer(output_format, output, hook)

        async def urls() -> AsyncIterator[str]:
            async for found in discoverer.run(sites):
                yield found.url

        try:
            outcome = asyncio.run(_drive(crawler, urls(), writer, progress, err, drain_timeout))
        finally:
            writer.close()
            if hook is not None:
                hook.close()
        progress.close()
        if outcome == "pipe_closed":
            return EXIT_PIPE_CLOSED
        err.write(summary(discoverer) + "\n")
        if outcome == "write_failed":
            return EXIT_WRITE_FAILED
        err.write(progress.summary(interrupted=outcome == "interrupted") + "\n")
        if outcome == "interrupted":
            return EXIT_INTERRUPTED
        # Only a complete run may vouch for its sources: after --max, a stop or a crash they are half
        # read, and a validator saved then would hide their unread URLs behind a 304 for ever.
        complete = outcome == "done" and discoverer.complete and config.max_urls is None
        if complete and store is not None and output is not None:
            _fsync(output)
            store.save(output)
        return EXIT_SOME_FAILED if crawler.stats.failed or found_nothing(discoverer) else EXIT_OK


def run_discover_job(
    sites: Sequence[str],
    output: str | os.PathLike[str] | None,
    *,
    config: DiscoverConfig,
    stderr: IO[str] | None = None,
) -> int:
    """Print (or append to ``output``) one JSON line per article URL of ``sites``; the exit code.

    For example::

        run_discover_job(["https://example.com/"], None, config=DiscoverConfig(max_urls=10))
        # 0
    """
    err = messages_to(stderr)
    discoverer = Discoverer(config, on_note=_printer(err))
    try:
        writer = JsonlWriter.for_output(output)
    except ExportError as exc:
        raise CrawlJobError(exc.message) from exc

    async def run() -> None:
        async for found in discoverer.run(sites):
            writer.write(found.to_dict())

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        err.write(summary(discoverer) + " (interrupted)\n")
        return EXIT_INTERRUPTED
    except ExportError as exc:
        if isinstance(exc.__cause__, BrokenPipeError):  # `discover SITE | head`: stop quietly
            return EXIT_PIPE_CLOSED
        err.write(f"newsscrape: stopped: {exc.message}\n")
        return EXIT_WRITE_FAILED
    finally:
        writer.close()
    err.write(summary(discoverer) + "\n")
    return EXIT_SOME_FAILED if found_nothing(discoverer) else EXIT_OK


def found_nothing(discoverer: Discoverer) -> bool:
    """Discovery failed: no URL listed, no source read or unchanged, and something went wrong."""
    counts = discoverer.counts
    listed = sum(counts[s] for s in SOURCES)
    return not listed and not counts["sources_read"] and not counts["unchanged"] and bool(discoverer.notes)


def summary(discoverer: Discoverer) -> str:
    """One line: URLs listed by source, URLs left out by reason, sources unchanged, notes by kind.

    For example::

        summary(discoverer)
        # 'newsscrape: discover: 30 article URLs (sitemap 25, news_sitemap 5); left out: duplicate 15; ...'
    """
    counts = discoverer.counts
    listed = sum(counts[s] for s in SOURCES)
    parts = [f"newsscrape: discover: {listed} article URLs ({_join(counts, SOURCES) or 'none'})"]
    skipped = _join(counts, SKIPS)
    if skipped:
        parts.append(f"left out: {skipped}")
    if counts["unchanged"]:
        parts.append(f"unchanged sources (304): {counts['unchanged']}")
    notes = Counter(note.kind for note in discoverer.notes)
    if notes:
        parts.append("source problems: " + ", ".join(f"{k} {n}" for k, n in sorted(notes.items())))
    return "; ".join(parts)


def _join(counts: Counter[str], keys: Sequence[str]) -> str:
    return ", ".join(f"{k} {counts[k]}" for k in keys if counts[k])


def _printer(err: IO[str]) -> Callable[[Note], None]:
    def print_note(note: Note) -> None:
        err.write(f"newsscrape: discover: {note}\n")

    return print_note


def _fsync(path: str | os.PathLike[str]) -> None:
    """The output's lines reach the disk before the validators that vouch for them do."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())
