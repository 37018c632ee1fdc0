"""A crawl process killed as a crash kills it (``kill -9``), for the resume tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator


def kill_9(proc: subprocess.Popen[bytes]) -> None:
    """``kill -9`` the process (no chance to flush or clean up, as an OOM kill), then reap it."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)


@contextlib.contextmanager
def reaped(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """``proc`` for the block; after it, a failed assert too, killed if it still runs and its
    stderr pipe closed."""
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        assert proc.stderr is not None
        proc.stderr.close()
