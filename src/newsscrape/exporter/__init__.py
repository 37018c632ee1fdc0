"""Records out: Article / ErrorRecord -> JSON Lines. Nothing else lives here."""

from .jsonl import JsonlWriter, dumps, encode_line, read_records, repair_tail

__all__ = ["JsonlWriter", "dumps", "encode_line", "read_records", "repair_tail"]
