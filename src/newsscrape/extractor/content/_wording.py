"""What a block's own words say: labels, rail headings, datelines, teasers, reader prompts.

The judges of a block's words, and the lengths up to which they judge: only short texts are
judged, so story sentences never match. The words they look for are data in ``_vocabulary``
(labels, headings, teasers' openings), the patterns of a line's wording in ``_line_rules``.

    >>> heading_kind("Latest news")
    ('other_stories', 'heading "Latest news"')
    >>> line_kind("Nov. 20, 2019, 9:28 AM UTC")
    ('meta', 'date and time only')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .._text import label_words
from ._chrome import RemovalKind
from ._line_rules import CTA_RULES, LINE_RULES, Gated, LineRule
from ._vocabulary import CHROME_HEADINGS, LABELS, OTHER_STORIES_HEADINGS, TEASER_PREFIXES

# A one-word prefix ("latest", "reply", "share") labels a heading only when the heading is short:
# "Latest news", "Comments (12)" are furniture, "Latest developments in the trial" and "Reply from
# the council" are the story's own subheadings.
ONE_WORD_MAX_WORDS: Final[dict[RemovalKind, int]] = {"other_stories": 4}
ONE_WORD_DEFAULT_MAX: Final = 3
# ... except words that never open a story's own subheading ("Related coverage from ...",
# "Subscribe to the Morning Review newsletter").
ANY_LENGTH: Final = frozenset({"related", "recommended", "subscribe", "newsletter"})
MAX_HEADING_CHARS: Final = 60  # a rail or chrome heading is short; longer ones are the story's
# Code points from the CJK blocks up: scripts written without spaces, whose prefixes match as they are.
SPACELESS_FROM: Final = 0x2E80


def _starts(low: str, prefix: str) -> bool:
    """``low`` starts with ``prefix`` as whole words: "shared" is not "share", "okullar" not "oku"
    (a plural "s" is allowed: "comments"). Prefixes in scripts without spaces match as they are."""
    if not low.startswith(prefix):
        return False
    rest = low[len(prefix) : len(prefix) + 2]
    if not rest or not prefix[-1].isalpha() or ord(prefix[-1]) >= SPACELESS_FROM:
        return True
    if rest[0] == "s" and prefix[-1] != "s":
        rest = rest[1:]
    return not rest or not rest[0].isalpha()


def _fits(low: str, prefix: str, kind: RemovalKind) -> bool:
    """Whether a heading starting with ``prefix`` is short enough to be the label: any length for a
    prefix of two words or more, spaced ("related stories") or not ("相关新闻", "related news"); a
    one-word prefix ("latest", "热门" "popular") within ``ONE_WORD_MAX_WORDS``, in ``label_words``
    ("热门话题引发网友热议的原因分析", a story's own "the hot topic ..." subheading, is five)."""
    if " " in prefix.strip() or prefix in ANY_LENGTH or label_words(prefix) > 1:
        return True
    return label_words(low) <= ONE_WORD_MAX_WORDS.get(kind, ONE_WORD_DEFAULT_MAX)


# Every prefix of a heading rule, for one ``startswith`` that rules most texts out at once.
_ANY_HEADING_PREFIX: Final = OTHER_STORIES_HEADINGS + tuple(p for ps in CHROME_HEADINGS.values() for p in ps)
WORDING_CACHE: Final = 8192  # distinct texts judged per process; a page repeats its rail and label texts


def heading_kind(text: str) -> tuple[RemovalKind, str] | None:
    """Label a block by its own heading's wording ("Latest news", "Share this"): ``(kind, reason)`` or None.

    >>> heading_kind("Related stories")
    ('other_stories', 'heading "Related stories"')
    """
    # CJK pages frame their rail headings in lenticular brackets: 【熱門點閱】
    low = text.strip().strip("【】[]「」").lower().rstrip(":：")
    if not low or len(low) > MAX_HEADING_CHARS or not low.startswith(_ANY_HEADING_PREFIX):
        return None
    kind = _heading_label(low)
    return None if kind is None else (kind, f'heading "{text.strip()[:40]}"')


@lru_cache(maxsize=WORDING_CACHE)
def _heading_label(low: str) -> RemovalKind | None:
    for prefix in OTHER_STORIES_HEADINGS:
        if _starts(low, prefix) and _fits(low, prefix, "other_stories"):
            return "other_stories"
    for kind, prefixes in CHROME_HEADINGS.items():
        for prefix in prefixes:
            if _starts(low, prefix) and _fits(low, prefix, kind):
                return kind
    return None


# The lengths up to which ``line_kind`` judges a line by its wording.
SHORT_LINE: Final = 100  # lines up to this many characters meet the line rules (prompts: CTA_LINE)
# Calls to action addressed to the reader, up to a few sentences: newsletter and follow prompts.
CTA_LINE: Final = 250
# A byline among the other fields of a story's header line, set apart by bars, dots or dashes: "By Ben
# Smith ⋅ Review Editor", "March 15, 2022 · 3 min read · By ASU Online", "On Behalf of Smith PLLC | Apr 21,
# 2017 | Torts", "05/10/2018 - Publicado por: Ana Silva - Categoria: Saúde". WCXB, 7 article pages of 4
# sites on both halves and one aeb page, in no truth; "By using ..." opens a sentence (a name is capitalised).
# (a list item's such line is a card's byline in a feed of stories: the block walk keeps it)
BYLINE_FIELDS: Final = "byline with fields"
_FIELD_SEP: Final = re.compile(r"\s+[-|·⋅•–—]\s+|\s*[|·⋅•]\s*")
_BYLINE_FIELD: Final = re.compile(
    r"^(?i:by|posted by|written by|words by|publicado por|publié par|on behalf of)\s*:?\s+[A-Z\u00c0-\u00de@]"
)
# A line that is nothing but a date, optionally with a time: "2018-08-16", "16.08.2018 10:30".
_DATE_ONLY: Final = re.compile(
    r"^\W*\d{1,4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,4}\s*日?\W*(?:\d{1,2}:\d\d(?::\d\d)?\W*)?$"
)
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_TIME: Final = re.compile(r"\b\d{1,2}[:h]\d\d(?:\s?[ap]m)?\b", re.I)  # "07:02pm" too
DATETIME_LINE: Final = 60  # a line this short with a year and a clock time is a dateline
HEADING_LINE: Final = 50  # a paragraph this short is judged like a heading ("Related stories")


def is_label(text: str) -> bool:
    """``"- Advertisement -"``, ``"Share:"``: a label word framed by dashes, bullets or colons.

    >>> is_label("- Advertisement -"), is_label("Advertisement for a new mayor")
    (True, False)
    """
    return text.strip(_FRAME).lower() in LABELS


# dashes, bullets, ellipsis, guillemets ("Lire la suite »")
_FRAME: Final = " -_|*:.()[]<>\u00b7\u2022\u2013\u2014\u2026\u00ab\u00bb\u2039\u203a"


POST_FURNITURE: Final = frozenset({"user card", "like counter", "post button", "login prompt"})
# The rules giving those labels: a line none of them matches is no furniture, and is not put through
# the whole of ``line_kind`` (every line of trafilatura's text is asked, most of them prose)
_FURNITURE_RULES: Final = tuple(
    rule for _, reason, rule in (*LINE_RULES, *CTA_RULES) if reason in POST_FURNITURE
)


def post_furniture_line(text: str) -> bool:
    """A forum post's user card line, like counter or button, as trafilatura writes it ("- Posts: 1725").

    >>> post_furniture_line("- Posts: 1725"), post_furniture_line("Posts: see below")
    (True, False)
    """
    text = text.lstrip("-* ")
    if not any(rule.search(text) for rule in _FURNITURE_RULES):
        return False
    label = line_kind(text)
    return label is not None and label[1] in POST_FURNITURE


def line_kind(text: str) -> tuple[RemovalKind, str] | None:
    """Label a short paragraph by its wording alone: ``(kind, reason)`` or None.

    >>> line_kind("Nov. 20, 2019, 9:28 AM UTC")
    ('meta', 'date and time only')
    """
    if len(text) > CTA_LINE:
        return None  # (judged before the cache: story paragraphs are never kept in it)
    return _short_line_kind(text)


@lru_cache(maxsize=WORDING_CACHE)
def _short_line_kind(text: str) -> tuple[RemovalKind, str] | None:
    low = text.lower() if text.isascii() else None  # for every gated rule's words (``Gated``)
    label = _first_rule(_CTA_TESTS, text, low)
    if label is not None:
        return label
    if len(text) > SHORT_LINE:  # a prompt may run to a few sentences, the rules below judge short lines
        return None
    if is_label(text):
        return "label", "label text"
    label = _first_rule(_LINE_TESTS, text, low)
    if label is not None:
        return label
    # (no separator character, no split: a field separator holds one)
    if any(sep in text for sep in _FIELD_SEP_CHARS):
        fields = _FIELD_SEP.split(text.strip())
        if len(fields) > 1 and any(_BYLINE_FIELD.match(field) for field in fields):
            return "bio", BYLINE_FIELDS
    if _DATE_ONLY.match(text):
        return "meta", "date only"
    if len(text) <= DATETIME_LINE and _YEAR.search(text) and _TIME.search(text):
        return "meta", "date and time only"
    if len(text) <= HEADING_LINE:
        label = heading_kind(text)
        if label is not None:
            return label
    return None


# The line rules as ``_short_line_kind`` tries them: a gated rule's words apart from its pattern, so
# that a line is lowered once for all of them (not once per rule, as ``Gated.search`` does).
_RuleTest = tuple[RemovalKind, str, tuple[str, ...] | None, re.Pattern[str]]


def _tests(rules: tuple[LineRule, ...]) -> tuple[_RuleTest, ...]:
    return tuple(
        (kind, reason, rule.words, rule.pattern) if isinstance(rule, Gated) else (kind, reason, None, rule)
        for kind, reason, rule in rules
    )


_CTA_TESTS: Final = _tests(CTA_RULES)
_LINE_TESTS: Final = _tests(LINE_RULES)
# Every character of a ``_FIELD_SEP`` match: a line holding none of them is one field.
_FIELD_SEP_CHARS: Final = "-|\u00b7\u22c5\u2022\u2013\u2014"


def _first_rule(tests: tuple[_RuleTest, ...], text: str, low: str | None) -> tuple[RemovalKind, str] | None:
    """The label of the first rule matching ``text`` (``low``: the text lowered, None for a text of
    other characters than ASCII, which every gated rule searches), as ``rule.search`` in turn would."""
    for kind, reason, words, pattern in tests:
        if words is not None and low is not None:
            for word in words:
                if word in low:
                    break
            else:
                continue  # no word of the gate: the pattern cannot match
        if pattern.search(text):
            return kind, reason
    return None


_BULLETS: Final = " >|*-\u00bb\u203a\u2013\u2014\u2022"  # quote marks, dashes, bullets before "Read more"


def is_teaser(text: str) -> bool:
    """A paragraph that opens like a link to another story ("Read more: ...", "» See also").

    >>> is_teaser("Read more: Rain returns")
    True
    """
    low = text.lstrip(_BULLETS).lower()
    return low.startswith(TEASER_PREFIXES)
