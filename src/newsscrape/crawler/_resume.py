"""Resume state: *the output file is the state*. No database beside it.

``--resume`` reads OUT.jsonl once, repairs a half-written last line, and takes the ``url`` of
every whole record as done (normalised, as a 62-bit hash in a :class:`UrlSet`); the crawl then
skips those URLs and appends the rest. Why not a SQLite file of URL states beside the output:

* **Always consistent.** A record is either a whole line in the output or it is not; there is no
  second store that a kill -9, a power cut or a full disk could leave out of step with the first
  ("marked done but never written", "written twice"). The write of a URL's line is its commit.
* **Nothing lost, nothing twice.** A URL is done exactly when its line is there. A URL that was in
  flight, queued, or in a backoff when the crawl died has no line, so it is fetched again; a URL
  with a line never is. The crawl's writer gathers lines for up to half a second and writes them
  with one ``write`` (``exporter/jsonl.py``): a record still waiting in memory when the crawl died
  has no line either, and is redone like a URL in flight. A failed write is cut back to the last
  whole line; ``repair_tail`` removes a line cut by a crash, and that URL is simply redone.
* **Nothing to manage.** Copy, move, or ``cat`` two outputs together: the state travels with them.
  Any tool that writes such records (an earlier run with other options, another machine) counts.

The cost is one sequential read of the output at start (about 1 s per 100 MB on a laptop disk)
and 16-32 bytes of memory per recorded URL; a SQLite index would make start-up instant but
doubles the bookkeeping and the ways of disagreeing. Records whose ``url`` was rewritten by hand
are the only way to confuse it. Failed URLs are *not* retried by ``--resume`` alone: their error
record is their outcome.

``--retry-failed`` (with ``--resume``) keeps the same single store. Before the crawl starts,
:func:`drop_retryable` rewrites the output without the error records of a retryable kind
(:data:`RETRY_KINDS`: an outage, a timeout, 429 or 5xx; :data:`RETRY_REASONS`: an extraction whose
worker process died, as the out-of-memory killer kills it) whose URL is in this run's input; those
URLs then have no record, so the crawl does them again, and their new outcome is appended like any
other. The rewrite is atomic: a temporary file beside the output, fsynced, renamed over it, and
the directory fsynced. (A line of records glued together, ``cat`` of a file that lacked its last
newline, comes out as one line per record kept: ``exporter.parse_line``.) So at any instant, a
kill -9 included, the output is either the old file (the next ``--retry-failed`` drops the same
lines again) or the new one plus whole appended lines:

* **exactly one record per URL**: a dropped URL has no record until its new one is appended; the
  rename never exposes a half-copied file; lines appended during the retry run follow the usual
  argument above.
* **nothing lost**: only records of URLs listed in this run's input are dropped, so each will be
  redone; records of other URLs, and lines that are not records, are copied byte for byte (but
  for glued records, each given a line of its own).

The cost is one more sequential read and write of the output at start.

    For example::

        recorded = load_recorded("out.jsonl")     # after repair_tail
        Crawler(config, recorded=recorded).run(urls)
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable
from typing import Any, Final

from .._files import is_regular_file, names_open_file
from ..exporter import encode_line, parse_line, read_records, repair_tail
from ._policy import RETRYABLE_STATUSES
from ._urls import UrlSet, url_key

if sys.platform != "win32":
    import fcntl

# Error kinds that may pass by themselves: an outage, a slow or overloaded server, a dropped
# connection. (http_status counts when its status is 429 or a retryable 5xx.) Not retried: a
# refusal (robots, blocked, 4xx), a page that is not an article, a TLS setup, a newsscrape bug.
RETRY_KINDS: Final = frozenset({"timeout", "connect", "dns", "protocol", "host_unreachable", "host_failed"})
# Extraction that failed for a reason other than the page: its worker process died on it (the
# out-of-memory killer, an operator). Done again once per --retry-failed run, never in a loop.
RETRY_REASONS: Final = frozenset({"worker_died"})
# How records written before "worker_died" existed (reason "internal") said the same thing.
_WORKER_DIED_BEFORE: Final = ("extraction worker died", "extraction workers die before taking a page")


def load_recorded(path: str | os.PathLike[str], *, into: UrlSet | None = None) -> UrlSet:
    """The URLs that already have a record in ``path`` (a missing file has none); repairs its tail
    first. ``into``: a set to add them to (the outputs of several runs), returned.

    >>> from newsscrape.exporter import JsonlWriter
    >>> from newsscrape.models import Article, ErrorRecord
    >>> with JsonlWriter.open("out.jsonl") as out:
    ...     out.write(Article(url="https://example.com/news/1", title="Rain returns"))
    ...     out.write(ErrorRecord(url="https://example.com/news/2", kind="timeout", message="no data"))
    >>> recorded = load_recorded("out.jsonl"); len(recorded)
    2
    """
    recorded = into if into is not None else UrlSet()
    if not os.path.isfile(path):  # missing, or a pipe (-o >(gzip > out.gz)): nothing recorded to read
        return recorded
    repair_tail(path)
    add_recorded(read_records(path), recorded)
    return recorded


def add_recorded(records: Iterable[Any], recorded: UrlSet) -> None:
    """Add the ``url`` of each parsed output line to ``recorded`` (a line without one is not a record).

    >>> recorded = UrlSet(); add_recorded([{"url": "https://example.com/1"}, [1, 2]], recorded)
    >>> len(recorded)
    1
    """
    for data in records:
        url = data.get("url") if isinstance(data, dict) else None
        if isinstance(url, str):
            recorded.add_recorded(url)


def is_retryable_record(data: Any) -> bool:
    """Is this parsed output line an error record that ``--retry-failed`` does again?

    >>> is_retryable_record({"url": "u", "error": {"kind": "http_status", "status": 503}})
    True
    """
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return False
    kind = error.get("kind")
    if kind == "http_status":
        return error.get("status") in RETRYABLE_STATUSES
    if kind == "extract":
        reason, message = error.get("reason"), error.get("message")
        legacy = reason == "internal" and isinstance(message, str) and message.startswith(_WORKER_DIED_BEFORE)
        return reason in RETRY_REASONS or legacy
    return kind in RETRY_KINDS


def input_keys(urls: Iterable[str]) -> UrlSet:
    """The keys of an input's URLs (one pass over it): whose records --retry-failed may drop."""
    keys = UrlSet()
    for url in urls:
        keys.mark(url_key(url))
    return keys


def drop_retryable(path: str | os.PathLike[str], listed: UrlSet) -> int:
    """Rewrite ``path`` atomically without the retryable error records of ``listed`` URLs (see the
    module docstring); return how many were dropped. A missing file has none.

    >>> from newsscrape.exporter import JsonlWriter
    >>> from newsscrape.models import Article, ErrorRecord
    >>> with JsonlWriter.open("out.jsonl") as out:
    ...     out.write(Article(url="https://example.com/news/1", title="Rain returns"))
    ...     out.write(ErrorRecord(url="https://example.com/news/2", kind="timeout", message="no data"))
    >>> drop_retryable("out.jsonl", input_keys(["https://example.com/news/2"]))  # the timeout
    1
    """
    if not os.path.exists(path):
        return 0
    # A symlinked output (latest.jsonl -> runs/2026-12-01.jsonl): the file it names is rewritten,
    # not the link replaced by a copy, which would leave the linked file with the old records.
    path = os.path.realpath(path)
    repair_tail(path)
    temp = f"{path}.retry-failed.tmp"
    dropped = 0
    try:
        with open(path, "rb") as source, open(temp, "wb") as target:
            for raw in source:
                values = parse_line(raw)
                if len(values) > 1:  # records glued together (``cat`` of a file without its last newline)
                    kept = [value for value in values if not _drop(value, listed)]
                    dropped += len(values) - len(kept)
                    target.write(b"".join(encode_line(value) for value in kept))  # a line each
                elif values and _drop(values[0], listed):
                    dropped += 1
                else:
                    target.write(raw)  # byte for byte, a line that is no record too
            target.flush()
            os.fsync(target.fileno())
    except BaseException:  # a full disk, Ctrl-C: the output is untouched; its half copy goes, not stays
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise
    if not dropped:
        os.remove(temp)
        return 0
    os.replace(temp, path)
    _fsync_dir(os.path.dirname(os.path.abspath(path)))
    return dropped


def _drop(data: Any, listed: UrlSet) -> bool:
    if not is_retryable_record(data) or not isinstance(data.get("url"), str):
        return False
    return url_key(data["url"]) in listed


def _fsync_dir(directory: str) -> None:
    """Make the rename itself durable (POSIX: the directory entry lives in the directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a directory; the rename is still atomic
    finally:
        os.close(fd)


class OutputBusy(RuntimeError):
    """Another process holds the output's lock: a second crawl into one file would record its URLs twice."""


class OutputLock:
    """An exclusive ``flock`` on the output file for the length of a job, so two jobs never share one.

    Two crawls appending to one file (an hourly ``crawl --site ... --resume`` that outlasts its hour)
    would each read the file once, find the same URLs missing, and record every one of them twice;
    the second one's ``repair_tail`` could even cut a line the first is writing, and its
    ``--retry-failed`` rename would leave the first writing into a file no longer there. So the
    lock is taken before the output is read, repaired or rewritten, and held until the job's last
    write. ``flock`` belongs to the open file, so a kill -9 releases it with the process: there is no
    stale lock file to clean up, and nothing beside the output. A path that is not a regular file
    (``/dev/stdout``, a pipe), a file system without locks, or Windows: no lock.

    >>> with OutputLock("out.jsonl"):   # a second OutputLock("out.jsonl") now raises OutputBusy
    ...     pass
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self._path = path
        self._fd: int | None = None
        self.take()

    def take(self) -> None:
        """Lock the file now at the path (again after a rename put a new file there); OutputBusy if
        another process has it, OSError if it cannot be opened."""
        if self._path is None or sys.platform == "win32":
            return
        if self._fd is not None and names_open_file(self._path, self._fd):
            return  # still the file locked (a flock of a second descriptor would wait for our own)
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.stat(self._path).st_mode):
                return  # a pipe (-o >(gzip > out.gz)), /dev/stdout: not a file two jobs could share
        # Write-only and non-blocking: the lock needs no read, and a FIFO made meanwhile must not hang.
        fd = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
        try:
            if not is_regular_file(fd):
                os.close(fd)
                return
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise OutputBusy(
                f"{self._path} is being written by another newsscrape process: "
                "wait for it to end (or stop it)"
            ) from exc
        except OSError:  # no locks here (some network file systems): go on unlocked, as before
            os.close(fd)
            return
        self.release()
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
