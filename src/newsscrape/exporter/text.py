"""Records as Markdown or plain text, for LLM and RAG pipelines and for reading.

``markdown``: each record opens with a front-matter block (url, published, authors), so many pages
can share one stream and a splitter can cut it at ``---``; the article follows as
:meth:`Article.to_markdown` renders it. An error record is a front-matter block with its ``error``.
``text``: each article's body, records separated by a blank line; an error record writes nothing
(the command reports it on stderr). Neither format can be resumed: it is not a record store.

    >>> from pathlib import Path
    >>> from newsscrape.models import Article
    >>> with writer_for("markdown", "out.md") as out:
    ...     out.write(Article(url="https://example.com/news/1", title="Rain returns", body="It rained."))
    >>> print(Path("out.md").read_text())
    ---
    url: "https://example.com/news/1"
    published: null
    authors: []
    ---
    <BLANKLINE>
    # Rain returns
    <BLANKLINE>
    It rained.
    <BLANKLINE>
    <BLANKLINE>
"""

from __future__ import annotations

import json
import os
from typing import Any, Final, Literal, get_args

from ..models import Article, Record, record_from_dict
from .jsonl import JsonlWriter

OutputFormat = Literal["jsonl", "markdown", "text"]
FORMATS: Final[tuple[str, ...]] = get_args(OutputFormat)


def to_markdown(record: Record) -> str:
    """One record as a Markdown document ending in a newline (see the module docstring)."""
    if isinstance(record, Article):
        return record.to_markdown() + "\n"
    error = {"kind": record.kind, "message": record.message, "status": record.status}
    return "\n".join(
        [
            "---",
            f"url: {json.dumps(record.url, ensure_ascii=False)}",
            f"error: {json.dumps(error)}",
            "---",
            "",
            "",
        ]
    )


def to_text(record: Record) -> str:
    """An article's body and a blank line; nothing for an error record."""
    return f"{record.body}\n\n" if isinstance(record, Article) and record.body else ""


class MarkdownWriter(JsonlWriter):
    """JsonlWriter's guarantees (one write per record, flushed, cut back on failure), in Markdown."""

    repairs_tail = False

    @staticmethod
    def encode(record: Record | dict[str, Any]) -> bytes:
        return to_markdown(_record(record)).encode("utf-8", "replace")


class TextWriter(JsonlWriter):
    """JsonlWriter's guarantees, each article's body as plain text."""

    repairs_tail = False

    @staticmethod
    def encode(record: Record | dict[str, Any]) -> bytes:
        return to_text(_record(record)).encode("utf-8", "replace")


_WRITERS: Final[dict[str, type[JsonlWriter]]] = {
    "jsonl": JsonlWriter,
    "markdown": MarkdownWriter,
    "text": TextWriter,
}


def writer_for(
    output_format: OutputFormat, path: str | os.PathLike[str] | None, *, batch: float = 0.0
) -> JsonlWriter:
    """The writer of ``output_format`` to ``path`` (None: stdout); ``batch``: see ``JsonlWriter``.

    >>> from pathlib import Path
    >>> with writer_for("text", "out.txt") as out:
    ...     out.write(Article(url="https://example.com/news/1", body="It rained."))
    ...     out.write(Article(url="https://example.com/news/2", body="It snowed."))
    >>> Path("out.txt").read_text()
    'It rained.\\n\\nIt snowed.\\n\\n'
    """
    return _WRITERS[output_format].for_output(path, batch=batch)


def _record(record: Record | dict[str, Any]) -> Record:
    return record_from_dict(record) if isinstance(record, dict) else record
