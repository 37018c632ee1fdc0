"""Records out: Article / ErrorRecord -> JSON Lines, Markdown or text. Nothing else lives here."""

from .jsonl import JsonlWriter, dumps, encode_line, parse_line, parse_records, read_records, repair_tail
from .text import FORMATS, MarkdownWriter, OutputFormat, TextWriter, to_markdown, to_text, writer_for

__all__ = [
    "FORMATS",
    "JsonlWriter",
    "MarkdownWriter",
    "OutputFormat",
    "TextWriter",
    "dumps",
    "encode_line",
    "parse_line",
    "parse_records",
    "read_records",
    "repair_tail",
    "to_markdown",
    "to_text",
    "writer_for",
]
