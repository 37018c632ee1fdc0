"""Guards that keep one hostile page from stalling a batch: a deadline and a nesting-depth check."""

from __future__ import annotations

import time

from ..errors import ExtractError


class Deadline:
    """A per-page time budget; ``check()`` raises ExtractError(reason="timed_out") once it is spent."""

    __slots__ = ("_end", "limit", "url")

    def __init__(self, limit: float, *, url: str | None = None) -> None:
        self.limit = limit
        self.url = url
        self._end = time.monotonic() + limit

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise ExtractError(f"extraction took longer than {self.limit:g}s", url=self.url, reason="timed_out")
