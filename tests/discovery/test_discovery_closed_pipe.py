"""`newsscrape discover SITE | head -1`: the reader goes away, discover stops quietly with 141 as
fetch, extract and crawl do (not exit 2 with 'cannot write to <stdout>: Broken pipe')."""

from __future__ import annotations

import json
import subprocess
import sys

from newssite import NewsSite

from faultserver import FaultServer


def test_discover_into_a_closed_pipe_ends_quietly(fault_server: FaultServer) -> None:
    site = NewsSite(articles=1500, per_file=500).mount(fault_server)  # far more than a pipe holds
    with subprocess.Popen(
        [sys.executable, "-m", "newsscrape", "discover", site.base + "/", "--delay", "0", "--pages", "never"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert json.loads(proc.stdout.readline())["url"]
        proc.stdout.close()  # as `| head -1` does
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert code == 141, stderr
    assert "Broken pipe" not in stderr
    assert "Traceback" not in stderr
