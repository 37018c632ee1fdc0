"""Imported by the crawl's forkserver (``_pool._context``): everything extraction loads on first
need, loaded once there, before any worker is forked.

Every step of ``extractor/_warm.py`` (py3langid's model, some 84 MiB of numpy arrays and ~0.5 s;
trafilatura and its fallbacks' first-page setup; dateparser and its locale data) would otherwise be taken by
each worker on its own, while it waited for pages or, pages waiting from the start in a crawl,
inside its first pages' time limits: paid again by every worker and every replacement, and the
model held once per worker. Taken here it is paid once, and what it loads is shared by every
worker (a fork copies nothing nobody writes to). The
first record does not wait for it: the first page goes to ``_pool``'s early worker, spawned
without the forkserver.

The forkserver ends when the process that started it does (multiprocessing closes its pipe), and
it ends at once: tearing down everything loaded here, object by object, takes it 0.1-0.3 s, all
that time holding the crawl's stdout and stderr open, so that a reader of ``newsscrape crawl``'s
output (``| jq``, a benchmark, a job runner) saw its end that much after the crawl's process had
exited. Nothing there needs the teardown: the forkserver writes no file, and its workers were
stopped by their pool already.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from multiprocessing import forkserver

from ..extractor._warm import WARM_STEPS

for _step in WARM_STEPS:
    with contextlib.suppress(Exception):  # a part that fails to load stays lazy (the workers try again)
        _step()


def _in_forkserver() -> bool:
    """True when this module is being imported by ``multiprocessing.forkserver.main``'s preload
    (any other process importing it keeps its own exit)."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _end_at_once() -> None:
    """The forkserver's exit: whatever it printed flushed, then gone without the teardown."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


if _in_forkserver():
    atexit.register(_end_at_once)  # registered last, so run first, when the forkserver's main exits
