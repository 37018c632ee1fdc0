"""URLs set aside on disk, so that one host's backlog neither fills memory nor the read-ahead window.

The crawler queues at most ``max_pending_per_host`` URLs of one origin; the rest of that origin's
URLs are written here (one line each, in a temporary file that the OS deletes on close) and read
back in passes once the input has been read, each pass queueing what fits and setting the rest
aside again. Memory holds only a count per origin with URLs set aside.

    >>> spill = Spill(); spill.put("https://slow.example/1", "https://slow.example:443")
    >>> with spill.take() as urls: [line.rstrip("\\n") for line in urls]
    ['https://slow.example/1']
"""

from __future__ import annotations

import tempfile
from collections import Counter
from typing import IO


class Spill:
    """An append-only file of URLs, handed over whole for each pass (``take``)."""

    def __init__(self) -> None:
        self._file: IO[str] | None = None
        self.by_host: Counter[str] = Counter()  # origin -> URLs set aside

    def __len__(self) -> int:
        return self.by_host.total()

    def put(self, url: str, key: str) -> None:
        if self._file is None:
            # surrogatepass: a library caller's URL may hold any str; none holds a newline (check_url).
            self._file = tempfile.TemporaryFile(  # noqa: SIM115 - closed by take()'s reader or close()
                "w+", encoding="utf-8", errors="surrogatepass", newline="\n"
            )
        self._file.write(url + "\n")
        self.by_host[key] += 1

    def take(self) -> IO[str]:
        """The URLs set aside so far, as a file to read (and close); the spill starts empty again."""
        spilled = self._file
        if spilled is None:
            spilled = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._file = None
        self.by_host.clear()
        spilled.flush()
        spilled.seek(0)
        return spilled

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
