"""What the block walk (``_walk.Walk``) hands on: a unit of body text (``Block``) and a block it dropped
(``Removed``, for ``explain``), with the level of a heading block (``HEADING_LEVEL``; the elements that
make a block are ``_nodes.BLOCK_TAGS``), how a dropped node is named (``where``, ``head_text``) and a
figure caption's place among the blocks kept (``placed``). The content pass's later steps read and trim
these records too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from selectolax.lexbor import LexborNode

from ...models import BlockKind, Link
from .._text import fold
from ._chrome import RemovalKind

HEADING_LEVEL: Final = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
SNIPPET_CHARS: Final = 80  # of a removed block's text, kept for ``explain``


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One unit of body text: a paragraph (level 0) or a heading (level 2..6).

    A paragraph also says which typed block it belongs to: ``kind`` and ``group`` (the element,
    by ``mem_id``, whose consecutive paragraphs make one block: a list, a table, a quote ...).
    """

    text: str
    level: int = 0
    kind: BlockKind = "paragraph"
    group: int = 0
    ordered: bool = False  # a list item of an <ol>
    cells: tuple[str, ...] = ()  # a table row's cells
    header: bool = False  # a table row of <th> cells or in <thead>
    raw: str | None = None  # preformatted text, verbatim
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """A block the content pass dropped, for ``explain``."""

    kind: RemovalKind  # breadcrumb | other_stories | share | newsletter | ad | comments | bio | tags | ...
    reason: str  # the rule that fired, in words
    where: str  # a short CSS-like path of the node
    text: str  # the first characters of its text


def where(node: LexborNode, depth: int = 3) -> str:
    """A short CSS-like path of ``node`` and its ancestors, for ``explain``.

    >>> where(LexborHTMLParser('<div id="main"><article class="story body x"><p>Hi').css_first("p"))
    'div#main > article.story.body > p'
    """
    parts: list[str] = []
    cur: LexborNode | None = node
    while cur is not None and len(parts) < depth and cur.tag not in ("html", "-document", None):
        attrs = cur.attributes
        part = cur.tag or "?"
        if attrs.get("id"):
            part += f"#{attrs['id']}"
        elif attrs.get("class"):
            part += "." + ".".join((attrs["class"] or "").split()[:2])
        parts.append(part)
        cur = cur.parent
    return " > ".join(reversed(parts))


def head_text(node: LexborNode, limit: int = SNIPPET_CHARS) -> str:
    """The first ``limit`` characters of a node's text, folded, without serialising all of it.

    >>> head_text(LexborHTMLParser("<p>Big\\n <b>news</b> today</p>").css_first("p"), limit=8)
    'Big news'
    """
    parts: list[str] = []
    size = 0
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            piece = child.text_content or ""
            parts.append(piece)
            size += len(piece)
            if size > 2 * limit:
                break
    return fold("".join(parts))[:limit]


Placed = list[tuple[int, Block]]  # captions, each with the number of blocks before it


def placed(captions: Placed, walked: list[Block], kept: list[Block]) -> Placed:
    """The captions' places (the number of blocks before each) among the blocks ``kept`` of those
    ``walked``."""
    if len(kept) == len(walked):
        return captions
    ids = {id(block) for block in kept}
    before = [0]
    for block in walked:
        before.append(before[-1] + (id(block) in ids))
    return [(before[at], caption) for at, caption in captions]
