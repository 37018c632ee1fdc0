"""The records newsscrape produces: :class:`Article` for a page, :class:`ErrorRecord` for a failure.

Both are frozen, slotted, keyword-only dataclasses with tuples inside, so a record can be
hashed, shared between threads and pickled to a worker process. ``to_dict`` gives the JSON
shape (stable key order, ISO 8601 dates) that the JSON Schema in ``schema/article.json``
describes; ``from_dict`` reads it back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from .errors import (
    ERROR_KINDS,
    EXTRACT_REASONS,
    ErrorKind,
    ExtractError,
    ExtractReason,
    FetchError,
    NewsscrapeError,
)

SCHEMA_VERSION: Final = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A heading and the paragraphs under it; ``heading`` is None for the lead before any heading."""

    heading: str | None
    level: int  # 2 for h2 ... 6 for h6; 0 for the lead
    paragraphs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "paragraphs": list(self.paragraphs)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(heading=data["heading"], level=data["level"], paragraphs=tuple(data["paragraphs"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article: its text with structure, and the metadata the page gives.

    ``published``/``modified`` from ``extract`` are always timezone-aware ``datetime``s: the page's
    own offset when it gives one, else the page's wall-clock time (midnight for a bare day) at UTC
    (README, "one date form"). A hand-built record may also hold a naive datetime or a ``date``.
    """

    url: str | None
    final_url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    headings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    body: str = ""
    published: date | None = None
    modified: date | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    breadcrumbs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    word_count: int = 0
    page_type: str | None = None  # article | listing | collection | forum | product | service | documentation
    schema_version: int = field(default=SCHEMA_VERSION)
    source: str | None = None  # where an offline input was read: a path, "path#offset" in a WARC

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape, keys in declaration order (``source`` only when set)."""
        return _with_source(
            {
                "url": self.url,
                "final_url": self.final_url,
                "canonical_url": self.canonical_url,
                "title": self.title,
                "headings": list(self.headings),
                "sections": [s.to_dict() for s in self.sections],
                "body": self.body,
                "published": _iso(self.published),
                "modified": _iso(self.modified),
                "authors": list(self.authors),
                "section": self.section,
                "breadcrumbs": list(self.breadcrumbs),
                "tags": list(self.tags),
                "language": self.language,
                "site_name": self.site_name,
                "description": self.description,
                "image": self.image,
                "word_count": self.word_count,
                "page_type": self.page_type,
                "schema_version": self.schema_version,
            },
            self.source,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            url=data["url"],
            final_url=data.get("final_url"),
            canonical_url=data.get("canonical_url"),
            title=data.get("title"),
            headings=tuple(data.get("headings", ())),
            sections=tuple(Section.from_dict(s) for s in data.get("sections", ())),
            body=data.get("body", ""),
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            authors=tuple(data.get("authors", ())),
            section=data.get("section"),
            breadcrumbs=tuple(data.get("breadcrumbs", ())),
            tags=tuple(data.get("tags", ())),
            language=data.get("language"),
            site_name=data.get("site_name"),
            description=data.get("description"),
            image=data.get("image"),
            word_count=data.get("word_count", 0),
            page_type=data.get("page_type"),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            source=data.get("source"),
        )

    def to_markdown(self, *, front_matter: bool = True) -> str:
        """The article as Markdown: a front-matter block (url, published, authors), ``# title``, then
        the body with each section's heading at its level (``##`` for h2, ``###`` for h3 ...).

        >>> print(article.to_markdown())
        ---
        url: "https://example.com/news/1"
        ...

        Lists, tables and code blocks come out as paragraphs until sections carry typed blocks.
        """
        lines: list[str] = []
        if front_matter:
            lines += [
                "---",
                f"url: {_yaml(self.url)}",
                f"published: {_yaml(_iso(self.published))}",
                "authors: [" + ", ".join(_yaml(a) for a in self.authors) + "]",
                "---",
                "",
            ]
        if self.title:
            lines += [f"# {_one_line(self.title)}", ""]
        if self.sections:
            for section in self.sections:
                if section.heading:
                    lines += [f"{'#' * min(6, max(2, section.level))} {_one_line(section.heading)}", ""]
                lines += [line for p in section.paragraphs for line in (_md_escape(p), "")]
        elif self.body:
            lines += [line for p in self.body.split("\n\n") for line in (_md_escape(p), "")]
        return "\n".join(lines[:-1] if lines and lines[-1] == "" else lines) + "\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorRecord:
    """A URL that produced no Article, and why. Serialised as ``{"url": ..., "error": {...}}``."""

    url: str
    # A FetchError kind, "extract", or "internal": a newsscrape bug met while fetching (not the
    # page's fault), recorded so the batch goes on.
    kind: ErrorKind
    message: str
    status: int | None = None
    reason: ExtractReason | None = None  # the ExtractError reason when kind == "extract"
    schema_version: int = field(default=SCHEMA_VERSION)
    source: str | None = None  # where an offline input was read (as Article.source)

    @classmethod
    def from_exception(cls, url: str, exc: NewsscrapeError) -> ErrorRecord:
        return cls(
            url=url,
            kind=exc.kind,
            message=exc.message,
            status=exc.status if isinstance(exc, FetchError) else None,
            reason=exc.reason if isinstance(exc, ExtractError) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return _with_source(
            {
                "url": self.url,
                "error": {
                    "kind": self.kind,
                    "message": self.message,
                    "status": self.status,
                    "reason": self.reason,
                },
                "schema_version": self.schema_version,
            },
            self.source,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorRecord:
        """Read back an error record; an unknown kind or reason is a ValueError (the file is not ours)."""
        err = data["error"]
        if err["kind"] not in ERROR_KINDS:
            raise ValueError(f"unknown error kind {err['kind']!r}")
        if err.get("reason") is not None and err["reason"] not in EXTRACT_REASONS:
            raise ValueError(f"unknown extract reason {err['reason']!r}")
        return cls(
            url=data["url"],
            kind=err["kind"],
            message=err["message"],
            status=err.get("status"),
            reason=err.get("reason"),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            source=data.get("source"),
        )


Record = Article | ErrorRecord


def record_from_dict(data: dict[str, Any]) -> Record:
    """Read back one JSON Lines record of either kind."""
    return ErrorRecord.from_dict(data) if "error" in data else Article.from_dict(data)


def _with_source(data: dict[str, Any], source: str | None) -> dict[str, Any]:
    if source is not None:
        data["source"] = source
    return data


# A paragraph starting like Markdown syntax (a heading, a list item, a quote) is text, not markup.
_MD_START = re.compile(r"^(#|>|[-+*] |\d+[.)] |```|~~~|\||={3,}|-{3,})")


def _md_escape(text: str) -> str:
    text = _one_line(text)
    return "\\" + text if _MD_START.match(text) else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml(value: str | None) -> str:
    """A YAML scalar: JSON's quoted string is valid YAML and needs no escaping rules of its own."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
