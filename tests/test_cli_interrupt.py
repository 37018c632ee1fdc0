"""Ctrl-C during `extract` or `fetch`: exit 130 as `crawl` does, the records written so far whole, and
`--resume` does the rest (each input one record)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsscrape
import newsscrape.cli
import newsscrape.crawler
from crashes import reaped
from newsscrape.cli import main
from newsscrape.models import ErrorRecord, Record

PAGE = b"""<!doctype html><html lang="en"><head><title>Rain returns</title></head><body>
<article><h1>Rain returns</h1><p>After six dry weeks, rain fell across the valley on Tuesday,
filling reservoirs that had dropped to record lows.</p></article></body></html>"""


def _sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text().splitlines()]


def test_ctrl_c_during_extract_exits_130_and_resume_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(4):
        (pages / f"p{i}.html").write_bytes(PAGE)
    out = tmp_path / "out.jsonl"
    real = newsscrape.crawler.extract_pages

    def interrupted(items: Iterable[object], **options: object) -> Iterator[Record]:
        for n, record in enumerate(real(items, **options)):  # type: ignore[arg-type]
            if n == 2:
                raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(newsscrape.crawler, "extract_pages", interrupted)
    result = CliRunner().invoke(main, ["extract", str(pages), "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted after 2 records; --resume continues" in result.stderr
    assert len(_sources(out)) == 2
    monkeypatch.setattr(newsscrape.crawler, "extract_pages", real)
    result = CliRunner().invoke(main, ["extract", str(pages), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert sorted(_sources(out)) == sorted(str(p) for p in pages.iterdir())


def test_ctrl_c_during_fetch_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def fetch_one(url: str, *args: object, **options: object) -> Record:
        if url.endswith("/2"):
            raise KeyboardInterrupt
        return ErrorRecord(url=url, kind="timeout", message=f"GET {url}: no data")

    monkeypatch.setattr(newsscrape.cli, "_fetch_one", fetch_one)
    result = CliRunner().invoke(main, ["fetch", "https://example.com/1", "https://example.com/2"])
    assert result.exit_code == 130
    assert len(result.stdout.splitlines()) == 1
    assert "interrupted after 1 record" in result.stderr
    assert "Aborted" not in result.output


# Python starts with this on its path: an import of $STALL_IMPORT (once per process) writes the
# process's pid to $STALL_MARK and then takes a few seconds, a Ctrl-C's window in a slow import.
STALL = """
import os, sys, time
_name = os.environ.get("STALL_IMPORT")

class _Stall:
    def find_spec(self, name, path=None, target=None):
        if name == _name:
            sys.meta_path.remove(self)
            with open(os.environ["STALL_MARK"], "a") as mark:
                mark.write(f"{os.getpid()}\\n")
            time.sleep(3)
        return None

if _name:
    sys.meta_path.insert(0, _Stall())
"""


def _stalled_command(tmp_path: Path, module: str, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    """``python -m newsscrape ARGS`` in a session of its own (so that its process group can be
    signalled as a terminal's Ctrl-C signals it), with the import of ``module`` stalled."""
    (tmp_path / "stall").mkdir()
    (tmp_path / "stall" / "sitecustomize.py").write_text(STALL)
    src = str(Path(newsscrape.__file__).parents[1])
    mark = tmp_path / "mark"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "stall"), src]),
        "STALL_IMPORT": module,
        "STALL_MARK": str(mark),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsscrape", *args],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,  # open, and never written: `crawl -` waits for URLs
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    return proc, mark


def _wait_for(path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert path.exists(), "the stalled import never started"


def test_ctrl_c_while_the_command_line_loads_exits_130_without_a_traceback(tmp_path: Path) -> None:
    proc, mark = _stalled_command(tmp_path, "newsscrape.crawler", "crawl", "urls.txt")
    with reaped(proc):
        _wait_for(mark, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err


def test_ctrl_c_while_a_crawl_starts_exits_130_not_1(tmp_path: Path) -> None:
    # The URL list is a FIFO nobody writes yet: the crawl waits to open it, after taking its output.
    os.mkfifo(tmp_path / "urls")
    proc, _ = _stalled_command(tmp_path, "", "crawl", "urls", "-o", "out.jsonl")
    with reaped(proc):
        _wait_for(tmp_path / "out.jsonl", proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Aborted!" not in err
    assert b"Traceback" not in err


def test_ctrl_c_while_the_extraction_workers_load_prints_no_traceback_of_theirs(tmp_path: Path) -> None:
    # The crawl's own process never imports the extractor; its workers (and their forkserver) do,
    # as soon as a crawl starts, before any URL.
    proc, mark = _stalled_command(tmp_path, "newsscrape.extractor", "crawl", "-", "--workers", "1")
    with reaped(proc):
        _wait_for(mark, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err, err.decode()


def test_the_newsscrape_script_loads_the_command_line_inside_its_ctrl_c_guard() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"]["newsscrape"] == "newsscrape.__main__:main"
