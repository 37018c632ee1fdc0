"""The content pass: label chrome, choose the article container, keep headings and paragraphs in order."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from ..config import ExtractConfig
from ._guard import Deadline
from ._metadata import Metadata


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of body text: a paragraph (level 0) or a heading (level 2..6)."""

    text: str
    level: int = 0


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the content pass dropped, for ``explain``."""

    kind: str  # breadcrumb | other_stories | share | newsletter | ad | comments | bio | tags | nav | ...
    reason: str  # the rule that fired, in words
    where: str  # a short CSS-like path of the node
    text: str  # the first characters of its text


@dataclass(slots=True, kw_only=True)
class Content:
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    container: str | None = None  # a short CSS-like path of the chosen article node
    method: str = "native"  # native | trafilatura


def extract_content(
    tree: LexborHTMLParser,
    *,
    html: str,
    meta: Metadata,
    deadline: Deadline,
    config: ExtractConfig,
) -> Content:
    """Find the article text. May modify ``tree`` (chrome is decomposed); metadata is read before."""
    text = trafilatura.extract(html, include_comments=False) or ""
    deadline.check()
    return Content(blocks=[Block(p) for p in text.split("\n") if p.strip()], method="trafilatura")
