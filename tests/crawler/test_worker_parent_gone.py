"""An extraction worker whose parent is gone before it started (a crawl of a few URLs that ended
first) ends quietly: no BrokenPipeError traceback on the user's stderr."""

from __future__ import annotations

import signal
from multiprocessing import Pipe

import pytest

from newsscrape.config import ExtractConfig
from newsscrape.crawler._worker import default_extract, worker_main


def test_worker_ends_quietly_when_the_parent_closed_the_pipe_before_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # the test process keeps its Ctrl-C
    ours, theirs = Pipe()
    theirs.close()
    worker_main(ours, default_extract, ExtractConfig(), warm=False)  # returns, raises nothing


def test_worker_ends_quietly_when_the_parent_left_after_sending_a_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(signal, "signal", lambda *args: None)
    ours, theirs = Pipe()
    assert theirs.poll(0) is False
    theirs.send((b"<html><body><p>Hello there.</p></body></html>", "https://example.com/a", None, None))

    real_send = ours.send
    sent: list[object] = []

    def send(obj: object) -> None:
        sent.append(obj)
        if len(sent) == 2:  # the answer: the parent is gone by now
            theirs.close()
            raise BrokenPipeError(32, "Broken pipe")
        real_send(obj)

    monkeypatch.setattr(ours, "send", send)
    worker_main(ours, default_extract, ExtractConfig(), warm=False)
    assert sent[0] == "ready"
