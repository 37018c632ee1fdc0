"""JSON Lines: one record per line, written whole, flushed, never left half-written by us.

A line is serialised first and written with one ``write`` call on a file opened in append
mode, so a crash can at worst leave one partial last line; ``repair_tail`` removes it.

Batches (``batch`` seconds, a crawl's writer): lines are gathered in memory and written together,
still whole lines in one ``write``, at most ``batch`` seconds after the first of them (``flush_due``
from a timer, or the next ``write``) or once ``BATCH_BYTES`` are waiting; a line that follows a
quiet spell of ``batch`` seconds (the first of all) goes out at once. A kill -9 then loses the lines
not yet written, and only those: their URLs have no record, so ``--resume`` does them again
(``crawler/_resume.py``); a line is never written twice, and the file still ends on a whole line.

Every record is writable: text that is not valid Unicode (a lone surrogate from a JSON-LD
``"\\udfff"`` escape) becomes U+FFFD here, as the last line of defence behind the extractor, and a
record that cannot be serialised at all is written as an error record for its URL instead
(``encode_line``), so one poison page cannot stop a batch.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .._files import is_regular_file, names_open_file
from ..errors import ExportError
from ..models import ErrorRecord, Record

_TAIL_BLOCK = 1 << 16  # bytes read per step when looking back for the last line
# UTF-8 cannot encode a lone surrogate: Python strings can hold one (json.loads of "\\udfff" makes it).
_SURROGATE = re.compile("[\ud800-\udfff]")
_DECODER = json.JSONDecoder()
BATCH_BYTES = 1 << 18  # a batch is written once this much waits, whatever its age


def dumps(record: Record | dict[str, Any]) -> str:
    """One record as one JSON line (no newline); keys in schema order, UTF-8 kept as is.

    >>> dumps(ErrorRecord(url="http://x/", kind="timeout", message="no data for 20s"))
    '{"url": "http://x/", "error": {...}, "schema_version": 2}'
    """
    data = record if isinstance(record, dict) else record.to_dict()
    text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def encode_line(record: Record | dict[str, Any]) -> bytes:
    """One record as one UTF-8 line with its newline; never raises. A record that cannot be
    serialised (a custom extractor's stray object, a cycle) becomes an error record for its URL.

    >>> encode_line(ErrorRecord(url="http://x/", kind="timeout", message="no data for 20s"))[-1:]
    b'\\n'
    """
    try:
        return (dumps(record) + "\n").encode("utf-8")
    except Exception as exc:  # the batch goes on; the record says what went wrong
        url = record.get("url") if isinstance(record, dict) else record.url
        error = ErrorRecord(
            url=url if isinstance(url, str) else "",
            kind="extract",
            reason="internal",
            message=f"the record could not be serialised: {type(exc).__name__}: {exc}",
        )
        return (dumps(error) + "\n").encode("utf-8")


class JsonlWriter:
    """Append records to a binary stream, one whole line each, flushed (and fsynced if asked).

    >>> from newsscrape.models import Article
    >>> with JsonlWriter.open("out.jsonl") as out:
    ...     out.write(Article(url="https://example.com/news/1", title="Rain returns"))
    >>> Path("out.jsonl").read_text()[:43]
    '{"url": "https://example.com/news/1", "fina'
    """

    # Subclasses writing other formats (exporter/text.py) change these two.
    repairs_tail = True  # JSON Lines only: a partial last line is cut off on open

    @staticmethod
    def encode(record: Record | dict[str, Any]) -> bytes:
        return encode_line(record)

    def __init__(
        self, stream: IO[bytes], *, name: str | None = None, fsync: bool = False, batch: float = 0.0
    ) -> None:
        """Write to ``stream``, which stays open after ``close`` (stdout); ``open`` owns its file.
        ``batch``: seconds a line may wait in memory to be written with others (0: each at once)."""
        self._stream = stream
        self._owned = False
        self._name = name or getattr(stream, "name", None) or "<stream>"
        self._fsync = fsync
        self._seekable = _seekable(stream)
        self._batch = batch
        self._waiting = bytearray()  # whole lines not written yet (batch > 0)
        self._written_at = -float("inf")  # monotonic time of the last write
        self._checked = False  # ``open`` opened a regular file: its path must go on naming it
        # The first failure, raised again by every later write and flush: a failure met by a timer's
        # ``flush_due`` (whose caller may not be the one that stops the job) is never lost.
        self._failure: ExportError | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, fsync: bool = False, batch: float = 0.0) -> JsonlWriter:
        """Open ``path`` for appending; a half-written last line from an earlier crash is removed first.

        Raises ExportError when the file cannot be opened or repaired (missing folder, no permission).
        """
        try:
            if cls.repairs_tail:
                repair_tail(path)
            # Unbuffered: a failed write leaves no bytes behind in a buffer for close() to retry.
            stream = open(path, "ab", buffering=0)  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise ExportError(f"cannot open {path}: {exc.strerror or exc}", path=str(path)) from exc
        writer = cls(stream, name=str(path), fsync=fsync, batch=batch)
        writer._owned = True
        writer._checked = is_regular_file(stream.fileno())
        return writer

    @classmethod
    def for_output(cls, path: str | os.PathLike[str] | None, *, batch: float = 0.0) -> JsonlWriter:
        """The writer a command writes to: ``path`` opened for appending, or stdout when None.

        >>> with JsonlWriter.for_output("out.jsonl") as out:
        ...     out.write(ErrorRecord(url="http://x/", kind="timeout", message="no data for 20s"))
        """
        if path is None:
            if sys.stdout is None:  # started with fd 1 closed (>&-): say so, as for a file
                raise ExportError("cannot write to <stdout>: it is closed; use -o FILE", path="<stdout>")
            return cls(sys.stdout.buffer, name="<stdout>", batch=batch)
        return cls.open(path, batch=batch)

    def write(self, record: Record | dict[str, Any]) -> None:
        """Append ``record`` as one line; ExportError (the partial line cut off) if it cannot be written.

        >>> with JsonlWriter.open("out.jsonl") as writer:
        ...     writer.write(ErrorRecord(url="http://x/", kind="timeout", message="no data for 20s"))
        """
        line = self.encode(record)
        if not self._batch:
            self._commit(line)
            return
        self._waiting += line
        if len(self._waiting) >= BATCH_BYTES or time.monotonic() - self._written_at >= self._batch:
            self.flush()

    def flush_due(self) -> None:
        """Write the waiting lines once ``batch`` seconds have passed since the last write; from a timer."""
        if self._waiting and time.monotonic() - self._written_at >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Write every waiting line now (ExportError as ``write``: the batch is cut off whole), or with
        none waiting check that the file is still where it was opened (a job's last look)."""
        if not self._waiting:
            if self._failure is not None:
                raise self._failure
            self._check_in_place()
            return
        lines = bytes(self._waiting)
        self._waiting.clear()  # written or cut off: never written twice
        self._commit(lines)

    def _commit(self, lines: bytes) -> None:
        self._written_at = time.monotonic()
        if self._failure is not None:
            raise self._failure
        self._check_in_place()
        start = self._stream.tell() if self._seekable else None
        try:
            _write_all(self._stream, lines)
            self._stream.flush()
            if self._fsync:
                os.fsync(self._stream.fileno())
        except OSError as exc:
            self._undo(start)
            self._failure = ExportError(
                f"cannot write to {self._name}: {exc.strerror or exc}", path=self._name
            )
            raise self._failure from exc

    def _check_in_place(self) -> None:
        """ExportError if the path no longer names the file being written: its folder or the file was
        removed (``rm -r``, a clean-up job) or another file was renamed over it. Writing on would put
        every record in a file nobody can open, and end with "done"; stopping says so, and the lines
        not written have no record anywhere, so ``--resume`` does their URLs again."""
        if not self._checked or names_open_file(self._name, self._stream.fileno()):
            return
        self._failure = ExportError(
            f"{self._name} was removed or replaced while being written: the records written to it "
            "since then went with it",
            path=self._name,
        )
        raise self._failure

    def _undo(self, start: int | None) -> None:
        """Cut a partly written line off, so the file still ends on a whole record."""
        if start is None:
            return
        with contextlib.suppress(OSError):
            self._stream.truncate(start)

    def close(self) -> None:
        """Write the waiting lines, then close the file ``open`` opened; a stream handed in
        (stdout) stays open."""
        try:
            if self._waiting and self._failure is None:  # after a failure the lines have no place to go
                self.flush()
        finally:
            if self._owned:
                self._stream.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def repair_tail(path: str | os.PathLike[str]) -> int:
    """Truncate a partial last line (not a whole JSON object); return the bytes removed. A whole
    record that only lacks its newline (a file another tool wrote, or cut just before the newline)
    is kept and given one, so that the next line appended is not glued to it.

    >>> with open("out.jsonl", "w") as f:  # a crash cut the last record short
    ...     f.write('{"url": "http://x/"}\\n{"url": "http://y/", "ti')
    45
    >>> repair_tail("out.jsonl"), Path("out.jsonl").read_text()
    (24, '{"url": "http://x/"}\\n')
    """
    p = Path(path)
    if not p.is_file():  # missing, or a pipe (-o >(gzip > out.gz)), /dev/stdout: nothing to repair
        return 0
    with open(p, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        keep, unterminated = _last_good_end(f, size)
        if keep < size:
            f.truncate(keep)
        elif unterminated:
            f.seek(size)
            _write_all(f, b"\n")
        return size - keep


def _last_good_end(f: IO[bytes], size: int) -> tuple[int, bool]:
    """Offset just past the last whole record (``size`` > 0), and whether that record lacks its
    newline. A cut can leave no prefix of a record that is itself a whole JSON object (the object's
    braces would not close), so a last line that is one is a whole record."""
    f.seek(size - 1)
    terminated = f.read(1) == b"\n"
    start = _line_start(f, size - 1 if terminated else size)
    f.seek(start)
    line = f.read(size - start)
    if terminated:
        return (size if _valid(line) else start), False
    return (size, True) if _is_object(line) else (start, False)


def _line_start(f: IO[bytes], end: int) -> int:
    """Offset of the first byte after the last newline before ``end`` (0 if there is none).

    Read backwards in blocks: a record may be longer than any block (a long article's body).
    """
    pos = end
    while pos > 0:
        step = min(_TAIL_BLOCK, pos)
        f.seek(pos - step)
        newline = f.read(step).rfind(b"\n")
        if newline >= 0:
            return pos - step + newline + 1
        pos -= step
    return 0


def _valid(line: bytes) -> bool:
    """Is ``line`` whole JSON: one value, or values glued together (``parse_line``)?"""
    try:
        json.loads(line)
    except ValueError:
        values, whole = _glued(line)
        return whole and bool(values)
    return True


def _is_object(line: bytes) -> bool:
    """Is ``line`` whole records: a JSON object, or objects glued together (``parse_line``)?"""
    try:
        values = [json.loads(line)]
    except ValueError:
        values, whole = _glued(line)
        if not whole:
            return False
    return bool(values) and all(isinstance(value, dict) for value in values)


def parse_line(raw: bytes) -> list[Any]:
    """The JSON values of one line: one, or several glued together (``cat a.jsonl b.jsonl`` where
    ``a.jsonl`` lacked its final newline joins its last record and the first of ``b.jsonl``, and
    ``jq`` reads both), or none (a line cut short, not JSON). A value that follows garbage is lost.

    >>> parse_line(b'{"url": "http://x/"}{"url": "http://y/"}\\n')
    [{'url': 'http://x/'}, {'url': 'http://y/'}]
    """
    try:
        return [json.loads(raw)]
    except ValueError:
        return _glued(raw)[0]


def _glued(raw: bytes) -> tuple[list[Any], bool]:
    """The JSON values at the start of ``raw``, one after the other, and whether they are all of it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [], False
    values: list[Any] = []
    pos, end = 0, len(text.rstrip())
    while pos < end:
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except ValueError:
            return values, False
        values.append(value)
        while pos < end and text[pos].isspace():
            pos += 1
    return values, True


def read_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Yield the parsed records of a JSON Lines file, skipping a partial or corrupt line; a line of
    records glued together gives each of them (``parse_line``).

    >>> with JsonlWriter.open("out.jsonl") as out:
    ...     out.write(ErrorRecord(url="http://x/", kind="timeout", message="no data for 20s"))
    >>> with open("out.jsonl", "a") as f:  # a partial last line
    ...     f.write('{"url": "http://y/", "ti')
    24
    >>> [r["url"] for r in read_records("out.jsonl") if "error" in r]
    ['http://x/']
    """
    with open(path, "rb") as f:
        yield from parse_records(f)


def parse_records(lines: Iterable[bytes]) -> Iterator[Any]:
    """``read_records`` of lines already open (a stream of a bucket, a gzip file): each whole line
    parsed (records glued on one line each read, see :func:`parse_line`), a partial or corrupt one
    skipped.

    >>> list(parse_records([b'{"url": "http://x/"}\\n', b'{"url": "http://y/", "ti']))
    [{'url': 'http://x/'}]
    """
    for raw in lines:
        if raw.endswith(b"\n") and raw.strip():
            yield from parse_line(raw)


def _write_all(stream: IO[bytes], data: bytes) -> None:
    """Write every byte: a raw file's write may take only part of them (signals, nearly full disk)."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None:  # a non-blocking stream that would block: not a file we open
            raise OSError("the output stream would block")
        view = view[written:]


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (OSError, ValueError):
        return False
