"""Facts about files that several layers ask: whether a path still names a file we hold open (the
output writers' and the output lock's check that nobody removed the file, ``rm -r`` of its folder or
a clean-up job, or renamed another over it), and whether bytes are gzip's (``GZIP_MAGIC``).

    >>> import os
    >>> fd = os.open("held.txt", os.O_WRONLY | os.O_CREAT)
    >>> names_open_file("held.txt", fd)
    True
    >>> os.remove("held.txt"); names_open_file("held.txt", fd)
    False
    >>> os.close(fd)
"""

from __future__ import annotations

import os
import stat
from typing import Final

# The first bytes of every gzip stream: a sitemap.xml.gz, a gzipped URL list, told by content, not name.
GZIP_MAGIC: Final = b"\x1f\x8b"


def names_open_file(path: str | os.PathLike[str], fd: int) -> bool:
    """Whether ``path`` names the file open as ``fd`` (same device and inode); False when either
    cannot be read."""
    try:
        there, ours = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (there.st_dev, there.st_ino) == (ours.st_dev, ours.st_ino)


def is_regular_file(fd: int) -> bool:
    """Whether ``fd`` is a regular file (not a pipe, a FIFO, a terminal), the only kind a path
    can stop naming; False when it cannot be read."""
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        return False
