"""What the content pass hands on: the text a page's readings chose (``Content``), and the readings it
weighed on the way (``WeighedReading``, for ``explain``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._blocks import Block, Removed
from ._pagewide import Prepared

__all__ = ["Content", "WeighedReading"]


@dataclass(frozen=True, slots=True)
class WeighedReading:
    """A reading of the page the content pass weighed, for ``explain``: how it read the page
    (``method``: native, trafilatura, posts, json-ld), the words of its text, whether that text is
    the one taken, and why it was taken or passed over (or not asked for)."""

    method: str
    words: int | None  # None: not read
    won: bool
    why: str


@dataclass(slots=True, kw_only=True)
class Content:
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    # the ``compact`` text of each block the article reading's walk dropped whole (``_second_opinion``)
    dropped: frozenset[str] = frozenset()
    container: str | None = None  # a short CSS-like path of the chosen article node
    # figure captions, no part of the body: (number of ``blocks`` before it, its block)
    captions: list[tuple[int, Block]] = field(default_factory=list)
    method: str = "native"  # native | trafilatura | posts (a thread read post by post) | json-ld
    # the tree once page-wide chrome is gone, shared by a reading of the page as another type
    prepared: Prepared | None = None
    # the headings linking within the site kept as the story's items (``_walk.Walk.linked_items``)
    item_headings: list[Block] = field(default_factory=list)
    # every reading weighed, in order, the one taken marked (``_weighed``); None when not explaining
    readings: list[WeighedReading] | None = None

    @property
    def page_chars(self) -> int:
        """The page's visible text, folded, before chrome is removed (0 before the native pass)."""
        return 0 if self.prepared is None else self.prepared.page_chars
