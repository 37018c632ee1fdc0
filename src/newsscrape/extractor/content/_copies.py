"""A stretch of a page printed again right after itself: the copy goes.

A service or shop page often prints a section two or three times in a row: a carousel's slides
cloned before and after the real ones (so that it can loop), or the same block once for each
screen width with all but one hidden by the style sheet, which neither reading sees. The text
then comes out as "A B C A B C A B C", and WCXB's truths give such a section once (half A: a
whiteboard tool's hero printed three times, feature tabs and rows of eight other service sites,
a shop's grid of categories).

So a reading named in ``data/copies.json`` drops each copy of a stretch of at least that many
blocks (paragraphs and headings alike, compared as ``line_key``) that follows the stretch right
away, however often it repeats (``copies``). Only copies in a row: a line printed again further
down (a plan's features under each price, the terms under each offer) stays, as WCXB's truths
keep it. The shortest stretch is fitted per reading on half A by ``benchmarks/fit_copies.py``
(half B may only refuse): service pages 2 blocks (a single paragraph printed twice in a row, a
chapter's blurb beside its number and again under it, stays), shop grids 1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import Final

from .._data import fitted
from .._text import line_key
from ._blocks import Block
from ._profiles import per_reading

__all__ = ["COPIES", "MAX_STRETCH", "copies"]

# The shortest stretch, in blocks, whose copies a reading drops, fitted on half A by
# benchmarks/fit_copies.py, keyed by the reading's page type (a reading not named here, or null,
# keeps every copy).
COPIES: Final[dict[str, int]] = per_reading(fitted("copies.json")["shortest"], int)
# A guard, not a fit: the longest stretch looked for, in blocks, so that a page of thousands of
# equal lines ("Reply" under each of 5,000 comments) costs a bounded look-up per block (WCXB's
# longest copy in a row: 106 blocks).
MAX_STRETCH: Final = 200


def copies(blocks: list[Block], shortest: int) -> list[bool]:
    """Which of ``blocks`` repeat, in a row, the stretch of at least ``shortest`` blocks just before
    them: at each place the longest such stretch is taken, and every copy of it that follows goes.

    >>> blocks = [Block(text=t) for t in ("Plan", "Ship", "Plan", "Ship", "Plan", "Ship", "Plan")]
    >>> copies(blocks, 2)
    [False, False, True, True, True, True, False]
    """
    keys = [line_key(block.text) for block in blocks]
    at_keys: dict[str, list[int]] = defaultdict(list)  # where each line is, in order
    for at, key in enumerate(keys):
        at_keys[key].append(at)
    out = [False] * len(keys)
    at = 0
    while at < len(keys):
        size = _stretch(keys, at, at_keys[keys[at]], shortest) if keys[at] else 0
        if not size:
            at += 1
            continue
        end = at + size
        while end + size <= len(keys) and _same(keys, at, end, size):
            out[end : end + size] = [True] * size
            end += size
        at = end
    return out


def _stretch(keys: list[str], at: int, places: list[int], shortest: int) -> int:
    """The longest stretch of ``shortest`` to ``MAX_STRETCH`` lines starting at ``at`` that is
    printed again right after itself (0: none); ``places`` are where the line at ``at`` is found."""
    last = bisect_right(places, at + min((len(keys) - at) // 2, MAX_STRETCH))  # a copy fits after it
    for place in reversed(places[:last]):
        size = place - at
        if size < shortest:
            break
        # the stretch's second line first: most candidates fail there, without a call
        if (size == 1 or keys[at + 1] == keys[place + 1]) and _same(keys, at, place, size):
            return size
    return 0


def _same(keys: list[str], first: int, second: int, size: int) -> bool:
    """Whether the ``size`` lines from ``first`` are those from ``second``."""
    return all(keys[first + k] == keys[second + k] for k in range(size))
