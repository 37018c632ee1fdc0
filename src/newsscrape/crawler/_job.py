"""The batch job behind ``newsscrape crawl``: URL file in, JSON Lines out, resumable, interruptible.

Ctrl-C (or SIGTERM) once: nothing new starts, pages in flight get ``drain_timeout`` seconds to
finish and be written, exit 130. Twice: stop at once, exit 130. Either way the output ends on a
whole line and ``--resume`` continues. A failed write (disk full) stops the crawl: the partial
line is cut off, a message names the file, exit 2. A closed stdout (``crawl urls.txt | head -1``)
is no failure: the reader has what it wanted; the crawl stops quietly, exit 141 (as ``yes | head``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import io
import os
import signal
import sys
import threading
from collections.abc import AsyncIterable, Iterable, Iterator
from pathlib import Path
from typing import IO

from .._files import GZIP_MAGIC
from ..config import CrawlConfig
from ..errors import ExportError
from ..exporter import JsonlWriter, OutputFormat, writer_for
from ._archive import ArchivedOutput, ArchiveHook
from ._engine import Crawler
from ._pool import ExtractFn
from ._progress import PLAIN_EVERY, Progress, is_terminal
from ._resume import OutputBusy, OutputLock, drop_retryable, input_keys, load_recorded
from ._urls import UrlSet, read_url_lines, url_of_line

EXIT_OK, EXIT_SOME_FAILED, EXIT_WRITE_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for `yes | head`
# Seconds a record may wait in memory to be written with the next ones (one write and one flush
# for many records instead of one each); a kill -9 loses only those, and --resume redoes them.
FLUSH_EVERY = 0.5
TICK = 0.25  # seconds between two looks of the progress report and the writer's batch at the clock


class CrawlJobError(ValueError):
    """The job cannot start as asked (output exists without --resume, --resume without a file ...)."""


class OutputInUse(CrawlJobError):
    """Another newsscrape process holds the output (``_resume.OutputLock``): nothing was asked wrong."""


def run_crawl_job(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None,
    *,
    config: CrawlConfig,
    resume: bool = False,
    retry_failed: bool = False,
    drain_timeout: float = 5.0,
    stderr: IO[str] | None = None,
    progress_every: float = PLAIN_EVERY,
    extract_fn: ExtractFn | None = None,
    output_format: OutputFormat = "jsonl",
    warc: str | os.PathLike[str] | None = None,
    flush_every: float = FLUSH_EVERY,
) -> int:
    """Crawl the URL list ``source`` ("-" = stdin) into ``output`` (None = stdout); return the exit code.

    For example::

        run_crawl_job("urls.txt", "out.jsonl", config=CrawlConfig(), resume=True)
        # 0

    ``retry_failed`` (with ``resume``): the URLs whose record is a retryable error are done again
    (see ``_resume.drop_retryable``). ``output_format``: jsonl, markdown or text (not resumable).
    ``warc``: archive every HTTP exchange in this WARC file, before the records (``_archive``).
    ``flush_every``: seconds a record may wait to be written with others (``JsonlWriter``'s batch).
    """
    err = messages_to(stderr)
    # The WARC too: a second crawl's repair on opening it could cut the record this one is writing.
    with lock_output(output) as lock, lock_output(warc):
        if retry_failed:
            dropped = _drop_failed(source, output, resume=resume)
            err.write(f"newsscrape: {dropped} failed URLs to try again\n")
            lock.take()  # the rewrite renamed a new file over the one locked
        _check_resumable(output_format, resume=resume)
        recorded = open_output(output, resume=resume)
        hook = _archive_hook(warc, resume=resume)
        crawler = Crawler(config, recorded=recorded, extract_fn=extract_fn, on_exchange=hook)
        total = _count_urls(source) if str(source) != "-" and is_terminal(err) else None
        progress = Progress(crawler.stats, stream=err, total=total, every=progress_every)
        writer = _job_writer(output_format, output, hook, batch=flush_every)
        try:
            with _lines(source) as lines:
                outcome = asyncio.run(
                    _drive(crawler, read_url_lines(lines), writer, progress, err, drain_timeout)
                )
            cut = lines.cut
        finally:
            writer.close()
            if hook is not None:
                hook.close()
        progress.close()
        if outcome == "write_failed":
            return EXIT_WRITE_FAILED
        if outcome == "pipe_closed":
            return EXIT_PIPE_CLOSED
        if cut is not None:
            err.write(f"newsscrape: {cut}\n")
        err.write(progress.summary(interrupted=outcome == "interrupted") + "\n")
        if outcome == "interrupted":
            return EXIT_INTERRUPTED
        return EXIT_SOME_FAILED if crawler.stats.failed or cut is not None else EXIT_OK


class _Messages(io.StringIO):
    """A job's stderr, which never stops the job: once a write fails (its reader gone, as in
    ``crawl ... 2>&1 | head``, or ``tee`` killed) the messages go nowhere and the crawl goes on; a
    process started with fd 2 closed (``2>&-``, some daemons; ``sys.stderr`` is None) has none."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is not None:
            try:
                self._stream.write(text)
            except (OSError, ValueError):  # BrokenPipeError, EIO; ValueError: closed by someone
                self._stream = None
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._stream = None

    def isatty(self) -> bool:
        return self._stream is not None and is_terminal(self._stream)


def messages_to(stderr: IO[str] | None) -> IO[str]:
    """Where a job's messages go: ``stderr``, else sys.stderr (see ``_Messages``). The records are
    the job's work and the messages only tell about it, so a failed message never stops the job."""
    return _Messages(stderr or sys.stderr)


async def _drive(
    crawler: Crawler,
    urls: Iterable[str] | AsyncIterable[str],
    writer: JsonlWriter | ArchivedOutput,
    progress: Progress,
    err: IO[str],
    drain_timeout: float,
) -> str:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    interrupts = 0

    def on_signal(sig: signal.Signals) -> None:
        nonlocal interrupts
        interrupts += 1
        if interrupts == 1:
            progress.close()
            again = "Ctrl-C again" if sig == signal.SIGINT else f"a second {sig.name}"
            err.write(
                f"newsscrape: stopping: finishing pages in flight (up to {drain_timeout:g}s); "
                f"{again} stops at once\n"
            )
            crawler.stop()
            loop.call_later(drain_timeout, task.cancel)
        else:
            task.cancel()

    async def tick() -> None:  # progress moves, and records go out, even while no record arrives
        while True:
            await asyncio.sleep(TICK)
            progress.update()
            writer.flush_due()

    ticker = asyncio.create_task(tick())
    handled = []
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal, sig)
            handled.append(sig)
    outcome = "done"
    try:
        try:
            async for record in crawler.run(urls):
                writer.write(record)
                progress.update()
        except asyncio.CancelledError:
            outcome = "interrupted"
        writer.flush()  # the records waiting in the batch: written before the summary
    except ExportError as exc:
        progress.close()
        if isinstance(exc.__cause__, BrokenPipeError):  # the reader of stdout is gone: nothing to advise
            return "pipe_closed"
        err.write(
            f"newsscrape: stopped: {exc.message}; the file ends on a whole record, --resume continues\n"
        )
        return "write_failed"
    finally:
        ticker.cancel()
        for sig in handled:
            loop.remove_signal_handler(sig)
    return "interrupted" if interrupts else outcome


@contextlib.contextmanager
def _lines(source: str | os.PathLike[str]) -> Iterator[_Lines]:
    if str(source) == "-":
        yield _Lines(iter(sys.stdin), "<stdin>")
        return
    try:
        # utf-8-sig: a byte order mark (Excel, Notepad) is not part of the first URL.
        f = _open_text(source)
    except OSError as exc:
        raise CrawlJobError(f"cannot read {source}: {exc.strerror or exc}") from exc
    with f:
        yield _Lines(iter(f), os.fspath(source))


class _Lines:
    """The URL file's lines. A read that fails midway (a cut ``.gz``, an I/O error) ends them instead
    of the crawl: the URLs read so far are crawled and recorded, and ``cut`` says why the rest were not."""

    def __init__(self, lines: Iterator[str], name: str) -> None:
        self._lines, self._name = lines, name
        self.cut: str | None = None

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            return next(self._lines)
        except (EOFError, OSError) as exc:  # EOFError: a gzip file cut short
            self.cut = f"{self._name}: read stopped: {exc}; the URLs after that were not read"
            raise StopIteration from exc


def _open_text(source: str | os.PathLike[str]) -> IO[str]:
    """The URL file as text; a gzip file (``urls.txt.gz``, told by its first bytes) is unpacked as
    ``extract`` unpacks ``.gz`` pages, not read as lines of binary noise (each an invalid_url record)."""
    with open(source, "rb") as probe:
        packed = probe.read(2) == GZIP_MAGIC
    if packed:
        return gzip.open(source, "rt", encoding="utf-8-sig", errors="replace")
    return open(source, encoding="utf-8-sig", errors="replace")


def _count_urls(source: str | os.PathLike[str]) -> int | None:
    """Lines that are URLs (for the ETA); one quick pass, only when a progress bar will show it."""
    try:
        with _open_text(source) as f:
            return sum(1 for line in f if url_of_line(line) is not None)
    except (OSError, EOFError):  # EOFError: a cut gzip file
        return None


def open_output(
    output: str | os.PathLike[str] | None, *, resume: bool, resumable: bool = True
) -> UrlSet | None:
    """The rule of ``-o`` on every command: FILE is created; an existing non-empty FILE is refused
    unless ``resume``, which appends to it and returns the inputs it records already (to skip).
    A command without ``--resume`` (discover) says ``resumable=False``: its refusal offers none.

    >>> recorded = open_output("out.jsonl", resume=True)
    """
    if output is None:
        if resume:
            raise CrawlJobError("--resume needs -o FILE: the output file is what it resumes from")
        return None
    if not resume and _non_empty(output):
        advice = "add --resume to continue it, or choose another file" if resumable else "choose another file"
        raise CrawlJobError(f"{output} exists: {advice}")
    return load_recorded(output) if resume else None


@contextlib.contextmanager
def lock_output(output: str | os.PathLike[str] | None) -> Iterator[OutputLock]:
    """Hold ``output`` for this job alone (``_resume.OutputLock``): a second job into the same file,
    started before this one ends, is refused before it reads or writes it."""
    try:
        lock = OutputLock(output)
    except OutputBusy as exc:
        raise OutputInUse(str(exc)) from exc
    except OSError as exc:
        raise CrawlJobError(f"cannot open {output}: {exc.strerror or exc}") from exc
    with lock:
        try:
            yield lock
        except OutputBusy as exc:  # a rename by --retry-failed, and another job locked the new file first
            raise OutputInUse(str(exc)) from exc


def _check_resumable(output_format: OutputFormat, *, resume: bool) -> None:
    if output_format != "jsonl" and resume:
        raise CrawlJobError(f"--resume reads JSON Lines; --format {output_format} cannot be resumed")


def _job_writer(
    output_format: OutputFormat,
    output: str | os.PathLike[str] | None,
    hook: ArchiveHook | None,
    *,
    batch: float = 0.0,
) -> JsonlWriter | ArchivedOutput:
    """The job's record writer, behind the archive when there is one (closed if the writer fails)."""
    try:
        records = writer_for(output_format, output, batch=batch)
    except ExportError as exc:
        if hook is not None:
            hook.close()
        raise CrawlJobError(exc.message) from exc
    return records if hook is None else ArchivedOutput(records, hook)


def _archive_hook(warc: str | os.PathLike[str] | None, *, resume: bool) -> ArchiveHook | None:
    """The WARC of ``--warc``: refused when it exists without ``--resume`` (as ``-o``), else opened
    for appending with a record cut by a crash removed (``archive.repair_warc``)."""
    if warc is None:
        return None
    if not resume and _non_empty(warc):
        raise CrawlJobError(f"{warc} exists: add --resume to continue it, or choose another file")
    try:
        return ArchiveHook(warc)
    except ExportError as exc:
        raise CrawlJobError(exc.message) from exc


def _drop_failed(
    source: str | os.PathLike[str], output: str | os.PathLike[str] | None, *, resume: bool
) -> int:
    if output is None or not resume:
        raise CrawlJobError("--retry-failed needs --resume -o FILE: it retries the errors FILE records")
    if str(source) == "-":
        raise CrawlJobError("--retry-failed needs URLS.txt as a file, not stdin: the list is read twice")
    with _lines(source) as lines:
        listed = input_keys(read_url_lines(lines))
    try:
        return drop_retryable(output, listed)
    except OSError as exc:
        raise CrawlJobError(f"cannot rewrite {output}: {exc.strerror or exc}") from exc


def _non_empty(path: str | os.PathLike[str]) -> bool:
    p = Path(path)
    return p.is_file() and p.stat().st_size > 0
