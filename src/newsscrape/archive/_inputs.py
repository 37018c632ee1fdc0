"""What a user has on disk, as pages to extract: HTML files, ``.gz`` files, directories, WARC files.

* a file is read whatever its name (a saved page may be called anything); ``.gz`` is gunzipped;
* a directory is walked recursively, in name order, for ``.html``, ``.htm``, ``.xhtml`` (each also
  ``.gz``) and WARC files; other files in it are left alone, and so is the folder of a page a browser
  saved "complete" (``Name_files`` beside ``Name.html``: its frames and ads, no pages of their own);
* a WARC file (``.warc``, ``.warc.gz``) gives its 200 HTML responses (``_reader``);
* ``-`` is stdin.

A page's ``url`` is ``url`` when given (one page) or its WARC-Target-URI in an archive; its
``label`` (the URL its record is filed under) falls back to the file's ``file://`` URI (``-``
for stdin); its ``source`` is the path read, with
``#offset`` for a WARC record. A file that cannot be read is an :class:`InputError`, so a batch
turns it into a record and goes on.

    For example::

        for item in read_inputs(["saved/", "crawl.warc.gz"]):
            print(item.source)
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ._reader import ArchivedPage, WarcStats, is_warc, read_warc_pages

HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
_WALKED: Final = (*HTML_SUFFIXES, *(s + ".gz" for s in HTML_SUFFIXES), ".warc", ".warc.gz")


@dataclass(frozen=True, slots=True, kw_only=True)
class InputError:
    """A file that could not be read: its label (the URL its record gets), path and why."""

    url: str
    source: str
    message: str

    @property
    def label(self) -> str:
        """The URL its record is filed under (as ``ArchivedPage.label``)."""
        return self.url


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    url: str | None = None,
    charset: str | None = None,
    stats: WarcStats | None = None,
) -> Iterator[ArchivedPage | InputError]:
    """Every page in ``paths`` (see the module docstring), lazily: one file or record in memory at a time.

    >>> import gzip, os
    >>> os.makedirs("saved/b")
    >>> with open("saved/a.html", "w") as f, open("saved/b/c.html.gz", "wb") as g:
    ...     _ = f.write("<p>A</p>"), g.write(gzip.compress(b"<p>C</p>"))
    >>> [p.source for p in read_inputs(["saved/"])]
    ['saved/a.html', 'saved/b/c.html.gz']
    """
    stats = stats if stats is not None else WarcStats()
    for path in paths:
        name = os.fspath(path)
        if name == "-":
            yield ArchivedPage(url=url, source="-", content=sys.stdin.buffer.read(), charset=charset)
        elif os.path.isdir(name):
            for file in _walk(Path(name)):
                yield from _read_file(file, url=url, charset=charset, stats=stats)
        else:
            yield from _read_file(Path(name), url=url, charset=charset, stats=stats)


def _walk(root: Path) -> Iterator[Path]:
    """Files to read under ``root``, in path order (a directory's entries by name, depth first),
    without the resource folders of saved pages (``RESOURCES``)."""
    entries = sorted(root.iterdir())
    saved = {stem for entry in entries if (stem := _page_stem(entry.name)) is not None}
    for entry in entries:
        if entry.is_dir():
            name = entry.name.lower()
            if not (name.endswith(RESOURCES) and name[: -len(RESOURCES)] in saved):
                yield from _walk(entry)
        elif entry.name.lower().endswith(_WALKED):
            yield entry


# Chrome, Edge, Firefox and Internet Explorer save a page "complete" as Name.html beside a folder
# Name_files of its images, scripts, styles and frames (an ad's or an embed's own .html among them).
# In other languages the folder is named otherwise (Chrome's German "Name-Dateien"): those are walked.
RESOURCES: Final = "_files"


def _page_stem(name: str) -> str | None:
    """The name, lower-cased, without its HTML suffix; None for a name without one."""
    lowered = name.lower()
    return next((lowered[: -len(s)] for s in HTML_SUFFIXES if lowered.endswith(s)), None)


def _read_file(
    path: Path, *, url: str | None, charset: str | None, stats: WarcStats
) -> Iterator[ArchivedPage | InputError]:
    label = url or path.resolve().as_uri()
    if is_warc(path):
        try:
            yield from read_warc_pages(path, stats=stats)
        except OSError as exc:
            yield InputError(
                url=label, source=str(path), message=f"cannot read {path}: {exc.strerror or exc}"
            )
        return
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except OSError as exc:  # gzip.BadGzipFile is an OSError
        yield InputError(url=label, source=str(path), message=f"cannot read {path}: {exc.strerror or exc}")
        return
    except (EOFError, zlib.error) as exc:
        yield InputError(url=label, source=str(path), message=f"cannot read {path}: cut-off gzip ({exc})")
        return
    stats.pages += 1
    yield ArchivedPage(url=url, source=str(path), content=data, charset=charset)
