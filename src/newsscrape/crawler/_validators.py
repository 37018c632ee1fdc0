"""Validators for conditional GETs of sitemaps and feeds, kept beside the output: ``OUT.jsonl.sources``.

An incremental ``crawl --site ... --resume`` sends each sitemap and feed the ``ETag`` and
``Last-Modified`` it had last time; a 304 means "nothing new here" and the file is not parsed.
That is only true if every URL the file listed last time *is recorded in the output*: a validator
saved for a sitemap whose URLs were still queued when the crawl was killed would hide them for
ever (the sitemap answers 304, its URLs are never read again). So the validators may never run
ahead of the output. How this file keeps that:

* **Written only after a complete run.** The file is written once, when discovery listed every
  source to the end (no ``--max`` cut) and the crawl finished every URL (not interrupted, no write
  error), after the output was flushed and fsync'ed. By then every URL of every source saved has
  its line. A crash at any earlier moment leaves the *previous* file, whose URLs were all recorded
  by an earlier complete run; the output only grows, so it still holds them.
* **Atomic.** It is written to a temporary file, fsync'ed and renamed over the old one: a reader
  sees the old file or the new one, never half of either.
* **Tied to the output it describes.** It records the output's size and a hash of its last 4 KiB
  at that moment. If the output is shorter or that tail differs (truncated, replaced, edited),
  every validator is dropped and each source is read in full again: a lost 304 costs parsing,
  never a missed article.
* **Tied to the filter.** Sources read under ``--since D`` listed only URLs from ``D`` on; their
  validators are trusted by a later run only if its own ``--since`` is ``D`` or later. Each
  source's validator also carries the fingerprint of the rules it was read under (the site's scope
  and the article classifier's data: ``discovery.rules_fingerprint``); under other rules it is not
  sent, as a 304 would hide the URLs those rules take and the old ones dropped. A source
  that listed a URL robots.txt refused gets no validator at all: that URL has no record, and the
  site may allow it by the next run (or the run may say ``--no-robots``).

A sitemap index answering 304 does not say its sitemaps are unchanged (sites rarely update an
index's ``lastmod``), so each index entry remembers the sitemaps it listed, and those are
revalidated in turn: an unchanged site costs one 304 per file and no parsing.

    For example::

        store = SourceStore.load("out.jsonl")         # empty when absent or not trusted
        store.request_headers(url, rules=plan.rules)   # {"If-None-Match": '"abc"'} or {}
        store.save("out.jsonl")                        # after a complete run only
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

SUFFIX: Final = ".sources"
TAIL: Final = 4096
VERSION: Final = 1


@dataclass(slots=True)
class Source:
    etag: str | None = None
    last_modified: str | None = None
    children: list[tuple[str, str | None]] = field(default_factory=list)  # an index's sitemaps
    rules: str | None = None  # the fingerprint of the rules it was read under (None: saved before them)

    def to_json(self) -> dict[str, object]:
        return {
            "etag": self.etag,
            "last_modified": self.last_modified,
            "children": self.children,
            "rules": self.rules,
        }


class SourceStore:
    """Validators of the last complete run (``old``) and of this run (``new``)."""

    def __init__(self, old: dict[str, Source] | None = None, *, since: datetime | None = None) -> None:
        self.old = old or {}
        self.new: dict[str, Source] = {}
        self.since = since
        self.dropped = ""  # why the old validators were not trusted, for the log

    @staticmethod
    def path_for(output: str | os.PathLike[str]) -> str:
        return os.fspath(output) + SUFFIX

    @classmethod
    def load(cls, output: str | os.PathLike[str], *, since: datetime | None = None) -> SourceStore:
        """The validators beside ``output`` if they still describe it; else none (``dropped`` says why)."""
        store = cls(since=since)
        try:
            with open(cls.path_for(output), encoding="utf-8") as f:
                data = json.load(f)
        except FileNotFoundError:
            return store
        except (OSError, ValueError) as exc:
            store.dropped = f"unreadable ({exc})"
            return store
        why = _distrust(data, output, since)
        if why:
            store.dropped = why
            return store
        store.old = {
            url: Source(
                etag=entry.get("etag"),
                last_modified=entry.get("last_modified"),
                children=[(c[0], c[1]) for c in entry.get("children", [])],
                rules=entry.get("rules"),
            )
            for url, entry in data["sources"].items()
        }
        return store

    def request_headers(self, url: str, *, rules: str) -> dict[str, str]:
        """The conditional headers for ``url`` read under ``rules`` (empty when it has no trusted
        validator: none saved, or saved under other rules)."""
        source = self.old.get(url)
        if source is not None and source.rules != rules:
            source = None
        headers: dict[str, str] = {}
        if source is not None and source.etag:
            headers["If-None-Match"] = source.etag
        if source is not None and source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        return headers

    def children(self, url: str) -> list[tuple[str, datetime | None]]:
        source = self.old.get(url)
        return [(u, _date(m)) for u, m in source.children] if source is not None else []

    def fresh(self, url: str, *, etag: str | None, last_modified: str | None, rules: str) -> Source:
        """Note a 200 answer's validators for this run, read under ``rules`` (children are added
        by the caller)."""
        source = self.new[url] = Source(etag=etag, last_modified=last_modified, rules=rules)
        return source

    def unchanged(self, url: str) -> None:
        """Note a 304: the old entry holds on."""
        if url in self.old:
            self.new[url] = self.old[url]

    def save(self, output: str | os.PathLike[str]) -> None:
        """Write this run's validators beside ``output`` (flushed and fsync'ed already), atomically."""
        size, tail = _fingerprint(output)
        data = {
            "version": VERSION,
            "output_size": size,
            "output_tail_sha256": tail,
            "since": self.since.isoformat() if self.since is not None else None,
            "sources": {url: source.to_json() for url, source in self.new.items()},
        }
        path = self.path_for(output)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        with contextlib.suppress(OSError):  # the rename itself, on filesystems that need it
            fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _distrust(data: object, output: str | os.PathLike[str], since: datetime | None) -> str:
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("sources"), dict)
    ):
        return "unknown format"
    try:
        size, tail = _fingerprint(output, int(data["output_size"]))
    except (OSError, ValueError, TypeError):
        return "the output is missing"
    if size != data["output_size"] or tail != data["output_tail_sha256"]:
        return "the output changed since they were saved (truncated or replaced)"
    saved = _date(data.get("since"))
    if saved is not None and (since is None or since < saved):
        return f"they were saved under --since {saved.isoformat()}"
    return ""


def _fingerprint(output: str | os.PathLike[str], size: int | None = None) -> tuple[int, str]:
    """The output's size (or ``size``, if the file is at least that long) and the hash of the
    ``TAIL`` bytes before it."""
    actual = os.path.getsize(output)
    end = actual if size is None else size
    if end > actual:
        return actual, ""
    with open(output, "rb") as f:
        f.seek(max(0, end - TAIL))
        return end, hashlib.sha256(f.read(end - max(0, end - TAIL))).hexdigest()


def _date(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
