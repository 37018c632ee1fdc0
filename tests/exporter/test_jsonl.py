"""JSON Lines writing: whole lines, UTF-8 as is, repair of a crash-cut last line, clean failure."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsscrape import Article, ErrorRecord
from newsscrape.errors import ExportError
from newsscrape.exporter import JsonlWriter, dumps, read_records, repair_tail


def test_dumps_keeps_non_ascii_text() -> None:
    line = dumps(Article(url="u", title="Ким Чен Ын — 金正恩"))
    assert "Ким Чен Ын — 金正恩" in line
    assert "\n" not in line


def test_writer_appends_one_line_per_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter.open(out) as writer:
        writer.write(Article(url="a"))
        writer.write(ErrorRecord(url="b", kind="timeout", message="no data"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["url"] for line in lines] == ["a", "b"]


def test_repair_tail_removes_a_half_written_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = dumps(Article(url="a")) + "\n"
    out.write_text(good + '{"url": "b", "ti', encoding="utf-8")
    removed = repair_tail(out)
    assert removed == len('{"url": "b", "ti')
    assert out.read_text(encoding="utf-8") == good


def test_repair_tail_keeps_a_whole_record_longer_than_its_read_block(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    text = dumps(Article(url="a")) + "\n" + dumps(Article(url="b", body="x" * (2 << 20))) + "\n"
    out.write_text(text, encoding="utf-8")
    assert repair_tail(out) == 0
    assert out.read_text(encoding="utf-8") == text


def test_repair_tail_cuts_only_a_long_partial_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = dumps(Article(url="a")) + "\n"
    partial = dumps(Article(url="b", body="x" * (2 << 20)))[:-10]
    out.write_text(good + partial, encoding="utf-8")
    assert repair_tail(out) == len(partial)
    assert out.read_text(encoding="utf-8") == good


def test_repair_tail_removes_a_corrupt_line_that_has_its_newline(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = dumps(Article(url="a")) + "\n"
    out.write_text(good + '{"url": "b", "ti\n', encoding="utf-8")
    repair_tail(out)
    assert out.read_text(encoding="utf-8") == good


def test_repair_tail_leaves_a_sound_file_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(dumps(Article(url="a")) + "\n", encoding="utf-8")
    assert repair_tail(out) == 0


def test_open_repairs_before_appending(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(dumps(Article(url="a")) + '\n{"url": "half', encoding="utf-8")
    with JsonlWriter.open(out) as writer:
        writer.write(Article(url="c"))
    assert [r["url"] for r in read_records(out)] == ["a", "c"]


class _FullDisk(io.BytesIO):
    """A stream that accepts a few bytes and then fails like a full disk."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        super().write(data[:5])
        raise OSError(28, "No space left on device")


def test_write_failure_leaves_no_partial_line_and_says_why() -> None:
    stream = _FullDisk(b'{"url": "a"}\n')
    stream.seek(0, io.SEEK_END)
    writer = JsonlWriter(stream, name="out.jsonl")
    with pytest.raises(ExportError, match="No space left on device"):
        writer.write(Article(url="b"))
    assert stream.getvalue() == b'{"url": "a"}\n'


def test_writer_closes_cleanly_after_a_failed_write() -> None:
    full = JsonlWriter.open("/dev/full")
    with pytest.raises(ExportError, match="No space left on device"):
        full.write(Article(url="b"))
    full.close()  # nothing is left in a buffer to fail again


def test_open_failure_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot open"):
        JsonlWriter.open(tmp_path / "missing" / "out.jsonl")


def test_a_lone_surrogate_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter.open(out) as writer:
        writer.write(Article(url="a", authors=("Jane \udfff Doe",)))
    [record] = read_records(out)
    assert record["authors"] == ["Jane \ufffd Doe"]


def test_a_record_that_cannot_be_serialised_becomes_an_error_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter.open(out) as writer:
        writer.write(Article(url="a", title=object()))  # type: ignore[arg-type]  # a custom extractor's slip
        writer.write(Article(url="b"))
    first, second = read_records(out)
    assert first["url"] == "a"
    assert first["error"]["kind"] == "extract"
    assert first["error"]["reason"] == "internal"
    assert "could not be serialised" in first["error"]["message"]
    assert second["url"] == "b"


class FullOnce(io.BytesIO):
    """A stream whose second write fails as on a full disk; the writes after it succeed."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes += 1
        if self.writes == 2:
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_a_failed_timer_flush_fails_every_later_write() -> None:
    # A crawl flushes its batch from a timer task too; if the failure met there were forgotten, the
    # lines it cut off would be lost while the crawl went on and ended "done".
    stream = FullOnce()
    writer = JsonlWriter(stream, name="out.jsonl", batch=60.0)
    writer.write(Article(url="a"))  # the first line of a quiet spell: written at once
    writer.write(Article(url="b"))  # waits for the batch
    with pytest.raises(ExportError, match="No space left"):
        writer.flush()  # as the timer task calls it; its caller drops the error
    writer.write(Article(url="c"))  # waits for the batch, whose write would now succeed
    with pytest.raises(ExportError, match="No space left"):
        writer.flush()  # the job's last flush: the lost line "b" is reported, not forgotten
    writer.close()  # no second error from close
    assert [json.loads(line)["url"] for line in stream.getvalue().splitlines()] == ["a"]


def test_a_writer_notices_its_file_was_removed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    writer = JsonlWriter.open(out, batch=60.0)
    writer.write(Article(url="a"))
    out.unlink()
    with pytest.raises(ExportError, match="removed or replaced"):
        writer.flush()  # nothing waits: the job's last look still finds out
    writer.close()


def test_repair_tail_keeps_a_whole_last_record_that_lacks_its_newline(tmp_path: Path) -> None:
    # A file another tool wrote, or cut just before the newline: the record is whole, and the next
    # line appended must not be glued to it.
    out = tmp_path / "out.jsonl"
    text = dumps(Article(url="a")) + "\n" + dumps(Article(url="b"))
    out.write_text(text, encoding="utf-8")
    assert repair_tail(out) == 0
    assert out.read_text(encoding="utf-8") == text + "\n"


def test_read_records_reads_records_glued_on_one_line(tmp_path: Path) -> None:
    # `cat a.jsonl b.jsonl` where a.jsonl lacked its final newline
    out = tmp_path / "out.jsonl"
    a, b, c = (dumps(Article(url=u)) for u in "abc")
    out.write_text(f"{a}{b}\n{c}\n", encoding="utf-8")
    assert [r["url"] for r in read_records(out)] == ["a", "b", "c"]


def test_repair_tail_keeps_records_glued_on_the_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    text = dumps(Article(url="a")) + dumps(Article(url="b")) + "\n"
    out.write_text(text, encoding="utf-8")
    assert repair_tail(out) == 0
    assert out.read_text(encoding="utf-8") == text
