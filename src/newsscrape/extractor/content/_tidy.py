"""The clean-ups of the text a page's readings chose: lines that are no part of what a reader reads.

Each takes the chosen text (``Content``) and drops or trims blocks, the removals recorded and the
captions' places moved along (``drop_flagged``): blocks without a word (``drop_wordless``) and
headings left over nothing (``drop_trailing_headings``); a product reading's review boxes and fine
print, and a thread's signatures and posters' cards, found by their boxes in the tree
(``drop_boxed``); a thread's bare numbers (``COUNTER``), a pager's or a carousel's controls
(``CONTROL_RUN``), its replies' subjects (``REPLY_SUBJECT``) and its heads' relative times
(``RELATIVE_HEAD``); and the paragraphs given before (``repeated``). Which reading takes which is
the content pass's call (``_content.extract_content``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby
from typing import Final

from selectolax.lexbor import LexborNode

from .._nodes import inside_any
from .._text import compact, fold, has_word, line_key, split_words
from ._blocks import SNIPPET_CHARS, Block, Removed, placed
from ._chrome import WORD_KIND, RemovalKind, tokens
from ._pagewide import PAGE_CHROME_MAX_SHARE
from ._posts import HEAD_MAX_CHARS
from ._result import Content

__all__ = [
    "BOXED",
    "BOXED_KINDS",
    "COUNTER",
    "RELATIVE_HEAD",
    "REPLY_SUBJECT",
    "SIGNATURE_BOXES",
    "SIGNATURE_KINDS",
    "drop_boxed",
    "drop_controls",
    "drop_counters",
    "drop_flagged",
    "drop_relative_times",
    "drop_reply_subjects",
    "drop_reviews",
    "drop_trailing_headings",
    "drop_wordless",
    "repeated",
]

# A bare number on a line of its own ("154", "#4", "1,206"), in a thread's reading whichever text
# won: a post's vote score or reaction count, its position, a poster's counter (Stack Exchange,
# Discourse, XenForo 1, JForum). WCXB half A: 11 forum pages of ours print such lines, 2 truths
# hold some (a Stack Overflow thread's comment scores, GameFAQs' "#1" post numbers, neither of
# which we print). Forum A .8246 -> .8252 (8 pages up, none down), B .8030 -> .8034 (5 up, none down).
# "+1" is a poster's own reply, and stays (a score below zero is printed "-1").
COUNTER: Final = re.compile(r"^\s*#?-?\d[\d,.]*\s*$")
# A pager's or a carousel's controls, each a block of its own: a run of at least CONTROL_RUN blocks of
# CONTROL_CHARS characters or fewer without a letter ("<<", "<", "1", "2", ... "14", ">", ">>": a
# photo gallery's page numbers under its captions, a shop's pager as a list), on every reading. The
# run's length is chosen on WCXB half A: runs of 3, 4 and 5 tie at +.00006 (4: 3 pages up, 1 down, an
# eBay category's page numbers); half B +.00003 (4 up, none down).
CONTROL_RUN: Final = 4
CONTROL_CHARS: Final = 3
# A reply's subject, in a thread's reading whichever text won: "Re: " and the thread's title, which
# bulletin boards (phpBB, SMF, vBulletin, Nairaland) print above every reply by default, alone or
# with its poster and time ("Re: Title by X: 9:43pm On Dec 09, 2023", whose poster and time stay).
# WCXB truths keep the posts and heads, not the subject: half A's two such threads (phpBB's
# 14 subject headings, Nairaland's 12 subject lines) go .882 -> .964 and .928 -> .954; no half-A
# truth holds a "Re:" line.
REPLY_SUBJECT: Final = re.compile(r"^\s*(?:re|aw|sv|antw)\s*(?:\[\d+\])?\s*:\s*", re.IGNORECASE)
# A post's head printed with a relative time, in a thread's reading whichever text won: "Name 2 years
# ago#1", "16 minutes ago, Name said:", "[-]Name 12 points 17 hours ago (3 children)": a line of a
# head's length (``HEAD_MAX_CHARS``) holding "N <unit>s ago" or "just now" and no sentence's end.
# WCXB truths print the head without the time ("Name said:", "#1", "Name 19 points"), which then
# goes and the rest stays. Half A: 5 threads of 5 sites (Invision, old Reddit, GameFAQs) up, forum
# .8474 -> .8493, none down; half B 1 up (+.003), none down.
RELATIVE_HEAD: Final = re.compile(
    r"\b(?:\d+|an?)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago\b|^just now\b", re.I
)
SENTENCE_END: Final = re.compile(r"[.!?](?:\s|$)")
LETTER_OR_DIGIT: Final = re.compile(r"[^\W_]")
# What buyers say of a product is not the product's text: on a reading whose profile drops reviews,
# a paragraph found only inside a box named by one of these class/id words goes, from whichever
# reading won (trafilatura's paragraphs carry no markup: they are looked up in the tree's text).
# A box holding more than ``PAGE_CHROME_MAX_SHARE`` of the page is a wrapper ("single-product-reviews-01"
# on <body>), not a review box.
# The same goes for a shop's fine print boxed apart from the product ("common-bottom-disclaimer": the
# footnotes of its claims, terms of a bundle): the class/id words the block walk drops as fine print
# (``_chrome``), which trafilatura's reading keeps.
BOXED_KINDS: Final[dict[str, tuple[RemovalKind, str]]] = {
    "review": ("comments", "customer reviews"),
    "reviews": ("comments", "customer reviews"),
    **{word: ("copyright", "fine print") for word, kind in WORD_KIND.items() if kind == "copyright"},
}
# (a word's plural is found by the [*=] of its singular: "review" finds "reviews")
BOXED: Final = ", ".join(
    f'[class*="{word}" i], [id*="{word}" i]' for word in sorted(BOXED_KINDS) if not word.endswith("s")
)
# A forum poster's signature, which the block walk drops (``_chrome``) and trafilatura's reading
# keeps: goes from trafilatura's text whatever the reading (WCXB truths never keep it).
SIGNATURE_KINDS: Final[dict[str, tuple[RemovalKind, str]]] = {"signature": ("bio", "forum signature")}
SIGNATURE_BOXES: Final = '[class*="signature" i], [id*="signature" i]'
# A run of words of a paragraph, looked up in the text given before it (``repeated``): WCXB's own
# measure counts words; four in a row are rarely shared by chance.
PIECE_WORDS: Final = 4
# A piece of a paragraph, in characters without white space: about three words, found only where
# it was read; a line left out between two parts breaks one piece (20 and 40 score alike on half A).
PIECE_CHARS: Final = 20


def drop_wordless(content: Content) -> None:
    """Drop the paragraphs, list items and headings without a word character: a bullet or a dash
    printed apart from its item ("-", "+", "|"), a rule drawn in dashes, an icon font's glyph, an
    emoji alone. They hold no word a reader could quote. Not a table's rows nor preformatted text,
    whose signs are their content; not the whole text. A rule of underscores stays: "___" is how
    wire copy sets a story's credits apart, and every word count (``\\w``) counts it."""
    flags = [not block.cells and block.raw is None and not has_word(block.text) for block in content.blocks]
    if not all(flags):
        drop_flagged(content, flags, "no word character: a sign, a rule or an icon", kind="label")


def drop_trailing_headings(content: Content) -> None:
    """Drop the headings a story's text ends with: a heading heads what follows it, and one with
    nothing after it headed what the pass removed (a "Related posts" rail, a comment form, a
    "Was this article helpful?" box). For an article's reading only: a listing's last cards may be
    headings alone."""
    end = len(content.blocks)
    while end and content.blocks[end - 1].level:
        end -= 1
    if end < len(content.blocks):
        flags = [i >= end for i in range(len(content.blocks))]
        drop_flagged(content, flags, "a heading over nothing: what it headed was removed", kind="label")


def drop_reviews(body: LexborNode, content: Content) -> None:
    """Drop the blocks whose text lies only inside the page's review boxes or its boxed fine print
    (``BOXED_KINDS``); a reading that would lose every block keeps them (its container was the
    review box)."""
    drop_boxed(body, content, BOXED_KINDS, BOXED)


def drop_boxed(
    body: LexborNode,
    content: Content,
    kinds: dict[str, tuple[RemovalKind, str]],
    selector: str,
    *,
    whole: bool = False,
) -> None:
    """Drop the blocks whose text lies only inside the boxes ``selector`` finds and one of whose
    class/id words ``kinds`` names; a reading that would lose every block keeps them. ``whole``:
    only a block found whole in a box goes (not one that runs on from a post into its signature,
    as a table row of trafilatura's does)."""
    nodes = body.css(selector)
    if not nodes:
        return
    page = compact(body.text(deep=True))
    boxes: dict[tuple[RemovalKind, str], list[str]] = {}
    kept: set[int] = set()
    for node in nodes:
        label = next((kinds[w] for w in tokens(node.attributes) if w in kinds), None)
        if label is None or inside_any(node, kept):
            continue
        text = compact(node.text(deep=True))
        if text and len(text) <= PAGE_CHROME_MAX_SHARE * len(page):
            kept.add(node.mem_id)
            boxes.setdefault(label, []).append(text)
    if not boxes:
        return
    for texts in boxes.values():  # the page's text outside them
        for text in texts:
            page = page.replace(text, "\0", 1)
    boxed = {label: "\0".join(texts) for label, texts in boxes.items()}

    def read_from(text: str, box: str) -> bool:
        return text in box and text not in page if whole else _read_from(text, box, page)

    out: list[Block] = []
    gone: list[Removed] = []
    for block in content.blocks:
        text = line_key(block.text)
        label = next((lb for lb, box in boxed.items() if read_from(text, box)), None) if text else None
        if label is not None:
            gone.append(Removed(kind=label[0], reason=label[1], where="", text=block.text[:SNIPPET_CHARS]))
        else:
            out.append(block)
    if out and gone:
        if content.captions:
            content.captions = placed(content.captions, content.blocks, out)
        content.blocks = out
        content.removed.extend(gone)


def _read_from(text: str, box: str, rest: str) -> bool:
    """Whether ``text`` (compact) was read from ``box`` rather than from ``rest`` of the page: found
    in it whole, or, where a reading left out a line between two of its parts ("Verified purchase"
    between a review's stars and its words), more of its ``PIECE_CHARS`` pieces are found in it
    than in the rest, and at least half of them."""
    if text in rest:
        return False
    if text in box:
        return True
    pieces = [text[at : at + PIECE_CHARS] for at in range(0, len(text), PIECE_CHARS)]
    found = sum(piece in box for piece in pieces)
    return 2 * found >= len(pieces) and found > sum(piece in rest for piece in pieces)


def drop_counters(content: Content) -> None:
    """Drop the bare numbers (``COUNTER``) of a thread's text."""
    drop_flagged(content, [_counter(b) for b in content.blocks], "bare number", kind="meta")


def drop_controls(content: Content) -> None:
    """Drop the runs of a pager's or a carousel's controls (``CONTROL_RUN``)."""
    flags: list[bool] = []
    for control, run in groupby(content.blocks, key=_control):
        count = sum(1 for _ in run)
        flags += [control and count >= CONTROL_RUN] * count
    drop_flagged(content, flags, "pager or carousel controls", kind="nav")


def _control(block: Block) -> bool:
    """A paragraph or list item of a few signs and digits, no letter: "<<", "2", "›"."""
    text = block.text.strip()
    return (
        not block.level
        and not block.cells
        and block.raw is None
        and 0 < len(text) <= CONTROL_CHARS
        and not any(char.isalpha() for char in text)
    )


def drop_reply_subjects(content: Content, title: str | None) -> None:
    """Drop the replies' subjects of a thread's text (``REPLY_SUBJECT``: "Re: " and the thread's
    ``title`` or of a heading before it); where the poster and time follow on the line, they stay."""
    subjects = {compact(title)} - {""} if title else set()
    rests: list[str | None] = []
    for block in content.blocks:
        rests.append(_after_subject(block.text, subjects))
        if rests[-1] is None and block.level:
            subjects.add(compact(block.text))
    _keep_rests(content, rests, "reply subject")


def _after_subject(text: str, subjects: set[str]) -> str | None:
    """The rest of a line that opens with "Re: " and one of ``subjects`` (compact), without them:
    "" when nothing follows, the poster and time when they follow; None for any other line (a
    subject cut inside a word, or followed by more than a head's words)."""
    label = REPLY_SUBJECT.match(text)
    if label is None:
        return None
    line = compact(text[label.end() :])
    subject = max((s for s in subjects if line.startswith(s)), key=len, default=None)
    if subject is None:
        return None
    seen, at = 0, label.end()
    while seen < len(subject) and at < len(text):
        seen += not text[at].isspace()
        at += 1
    if 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        return None
    rest = text[at:].strip(" :-|")
    return rest if len(rest) <= HEAD_MAX_CHARS else None


def drop_relative_times(content: Content) -> None:
    """Drop the relative times of the posts' heads (``RELATIVE_HEAD``) from a thread's text: the
    rest of the head (the poster, "said:", the post's number) stays; a head of nothing else goes."""
    _keep_rests(content, [_without_relative_time(block) for block in content.blocks], "relative time")


def _keep_rests(content: Content, rests: list[str | None], reason: str) -> None:
    """Each block with a rest (one a block: None for a block left as it is) keeps only that text;
    a block whose rest is "" goes, as page furniture, for ``reason``."""
    if any(rests):
        content.blocks = [
            block if not rest else _retext(block, rest)
            for block, rest in zip(content.blocks, rests, strict=True)
        ]
    drop_flagged(content, [rest == "" for rest in rests], reason, kind="meta")


def _retext(block: Block, text: str) -> Block:
    """``block`` cut to ``text``, its typed parts with it: a table row becomes a row of that one
    cell, code its text, and only the links still in it stay (the record's sections must give
    what the body gives)."""
    links = tuple(link for link in block.links if link.text in text)
    return replace(block, text=text, cells=(text,) if block.cells else (), raw=None, links=links)


def _without_relative_time(block: Block) -> str | None:
    """A post's head without its relative time ("" when nothing else is left), or None when
    ``block`` is no head printed with one: a heading, code, a line longer than a head
    (``HEAD_MAX_CHARS``) or one ending a sentence ("I bought it 3 weeks ago.")."""
    text = block.text
    if block.level or block.raw is not None or len(text) > HEAD_MAX_CHARS or SENTENCE_END.search(text):
        return None
    rest = RELATIVE_HEAD.sub(" ", text)
    if rest == text:
        return None
    rest = fold(rest).strip(" ,")
    return rest if LETTER_OR_DIGIT.search(rest) else ""


def _counter(block: Block) -> bool:
    """Whether a paragraph is a bare number (``COUNTER``): no heading, table row or code."""
    return not block.level and not block.cells and block.raw is None and COUNTER.match(block.text) is not None


def drop_flagged(content: Content, again: list[bool], reason: str, *, kind: RemovalKind = "repeat") -> None:
    """Drop the blocks ``again`` marks (one flag a block), of ``kind`` (repeats, unless said), for
    ``reason``; the captions' places move along."""
    if not any(again):
        return
    out = [block for block, dropped in zip(content.blocks, again, strict=True) if not dropped]
    content.removed.extend(
        Removed(kind=kind, reason=reason, where="", text=block.text[:SNIPPET_CHARS])
        for block, dropped in zip(content.blocks, again, strict=True)
        if dropped
    )
    if content.captions:
        content.captions = placed(content.captions, content.blocks, out)
    content.blocks = out


def repeated(blocks: list[Block], min_chars: int, share: float = 1.0) -> list[bool]:
    """Which of ``blocks`` (in reading order) were given before: paragraphs whose words make at
    least ``min_chars`` characters and whose runs of ``PIECE_WORDS`` words are found in the blocks
    kept before it, all of them (a post's quote of one sentence of an earlier post too) or, below a
    ``share`` of 1.0, that share (a quote that adds "@JonB said in ...:" or leaves out a line); a
    paragraph of fewer words, when one kept before it had the same words. A heading is never
    judged: found in an earlier paragraph, it names what follows. Words are lower-cased ``\\w+``
    runs, each Chinese or Japanese character one (``split_words``; white space, list and table marks
    do not count), and each look-up is one set membership,
    so a long thread costs no more per paragraph than a short one.

    >>> post = Block(text="Has anybody tried a beta of the new release? It fixed my build.")
    >>> quote, thanks = Block(text="Has anybody tried a beta of the new release?"), Block(text="Thanks!")
    >>> repeated([post, quote, thanks, thanks], 10)
    [False, True, False, False]
    """
    given: set[tuple[str, ...]] = set()  # the runs of the blocks kept, and their words if fewer
    out: list[bool] = []
    for block in blocks:
        words = split_words(block.text.lower())
        pieces = _runs(words)
        again = (
            not block.level
            and sum(map(len, words)) >= min_chars
            and sum(piece in given for piece in pieces) >= share * len(pieces)
        )
        if not again:
            given.update(pieces)
        out.append(again)
    return out


def _runs(words: list[str]) -> list[tuple[str, ...]]:
    """The runs of ``PIECE_WORDS`` words of ``words``, one starting at every word; fewer words: them."""
    if len(words) <= PIECE_WORDS:
        return [tuple(words)] if words else []
    return [tuple(words[at : at + PIECE_WORDS]) for at in range(len(words) - PIECE_WORDS + 1)]
