"""Crawl progress on stderr: a live tqdm bar on a terminal, a plain line every few seconds otherwise,
and a final summary (counts by outcome and error kind). Records never go to stderr.
"""

from __future__ import annotations

import time
from typing import IO, Any

from ._engine import CrawlStats

PLAIN_EVERY = 10.0  # seconds between two progress lines when stderr is a file or a pipe


class Progress:
    """Report a crawl's ``CrawlStats`` to ``stream``.

    For example::

        progress = Progress(crawler.stats, stream=sys.stderr, total=None)
        progress.update(); progress.close(); print(progress.summary())
    """

    def __init__(
        self,
        stats: CrawlStats,
        *,
        stream: IO[str],
        total: int | None,
        live: bool | None = None,
        every: float = PLAIN_EVERY,
    ) -> None:
        self._stats = stats
        self._stream = stream
        self._total = total
        self._every = every
        self._start = time.monotonic()
        self._last_line = self._start
        self._bar: Any = None
        if live if live is not None else is_terminal(stream):
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=stream, unit="url", dynamic_ncols=True, smoothing=0.1)

    def update(self) -> None:
        """Call after each record (cheap); draws the bar or, every few seconds, one line."""
        s = self._stats
        seen = s.done + s.duplicates + s.recorded
        if self._bar is not None:
            # the counts first: update() draws, and draws the postfix set before it
            self._bar.set_postfix(ok=s.ok, failed=sum(s.failed.values()), flight=s.in_flight, refresh=False)
            self._bar.update(seen - self._bar.n)
            return
        now = time.monotonic()
        if now - self._last_line >= self._every:
            self._last_line = now
            self._stream.write(f"newsscrape: {self.line()}\n")
            self._stream.flush()

    def line(self) -> str:
        s = self._stats
        elapsed = max(time.monotonic() - self._start, 1e-9)
        total = f"/{self._total}" if self._total is not None else ""
        return (
            f"{s.done + s.duplicates + s.recorded}{total} URLs: {s.ok} ok, {sum(s.failed.values())} failed, "
            f"{s.in_flight} in flight, {s.done / elapsed:.1f} records/s"
        )

    def summary(self, *, interrupted: bool = False) -> str:
        s = self._stats
        elapsed = time.monotonic() - self._start
        kinds = ", ".join(f"{kind} {n}" for kind, n in s.failed.most_common())
        parts = [
            f"{s.done} records in {elapsed:.1f}s ({s.done / max(elapsed, 1e-9):.1f}/s)",
            f"{s.ok} ok",
            f"{sum(s.failed.values())} failed" + (f" ({kinds})" if kinds else ""),
            f"{s.duplicates} duplicates",
            f"{s.recorded} already recorded",
            f"{s.retries} retries",
        ]
        head = "interrupted; --resume continues" if interrupted else "done"
        return f"newsscrape: {head}: " + ", ".join(parts)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def is_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (a closed or fake stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
