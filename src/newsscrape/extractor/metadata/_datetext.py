"""The dates printed in a page's text, as a reader sees them: in the byline zone below the headline
(``after_headline``), in a kicker line above it (``before_headline``), in byline-like elements
(``written``), announced in words anywhere (``announced``) or printed by a one-line script; and whether
a day is printed at all (``is_printed``).
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import INLINE_TAGS, ancestors
from ._datemarkup import MAX_FUZZY
from ._dates import day_of, parse_date, parse_labelled_short_year
from ._datewalk import (
    ALL_HEADINGS,
    CODE,
    HEADINGS,
    MAX_TEXT_CHARS,
    Body,
    ShortText,
    below_headline,
    elsewhere,
    is_headline,
    widget_marked,
    wraps_widget,
)

# Words that introduce the publication or the update time in a byline line. (Turkish only by its
# nouns, which stand before the day as these do: "Yayınlanma tarihi:", "Son güncelleme: 5/5/20"; its
# verbs follow the day, "05.05.2020 tarihinde yayınlandı", which the text before them holds.)
PUBLISHED_WORDS = re.compile(
    r"\b(?:published|posted|publié|publicado|veröffentlicht|publiziert|erschienen|pubblicato|gepubliceerd"
    r"|opublikowano|publicat|publicerad|julkaistu|опубликовано|yayınlanma)\b",
    re.IGNORECASE,
)
# German sites stamp a story with the time it was last edited: "Stand: 09.10.2017, 01:40 Uhr" (only
# capitalised and before its colon: "stand" is an English word too).
UPDATED_WORDS = re.compile(
    r"\b(?:updated?|modified|aktualisiert|actualizado|atualizado|mis à jour|aggiornato|bijgewerkt"
    r"|güncelleme|(?-i:Stand)(?=\s*:))\b",
    re.IGNORECASE,
)
MAX_TEXT_NODES = 40
# "Updated on", "Last updated:", "Page last updated:" as a label of their own (half A: same from 10 to 40).
MAX_LABEL_CHARS = 20
MAX_KICKER_TEXTS = 8  # texts read above the headline, nearest first (swept: benchmarks/fit_dates.py --sweep)
# A one-line script that prints a date literal: showDate("2020/04/17 01:43:09"), document.write('...').
MAX_SCRIPT_CHARS = 100
# A dotted day with a two-digit year alone in its text, after the separator that joins it to a name.
_BARE_SHORT_YEAR = re.compile(r"[\s,;|\u00b7\u2022\u2013\u2014-]*(?P<day>[0-3]?\d\.[01]?\d\.\d\d)\s*")
_NUMBERED_BOXES = frozenset({"a", "li", *ALL_HEADINGS})
_PRINT_CALL = re.compile(r"""\s*[\w.$]+\(\s*(?P<q>["'])(?P<arg>[^"']{8,40})(?P=q)\s*\)\s*;?\s*$""")


def written(body: Body, headline: str, languages: tuple[str, ...], *, updated: bool = False) -> date | None:
    """A date written in words in a byline-like element (the slow path, for pages without markup).

    Dates after the headline win over dates before it: a site header often shows today's date.
    Only the byline zone counts as after it: a date below a later heading belongs to the body
    or to a list of other stories ("Read more": each card's date under its own heading).

    The reading stops after MAX_TEXT_NODES elements; those ``elsewhere`` (an aside's rail of 40
    "latest" times) do not count, and a headline it stopped short of still opens the byline zone.
    The dates set without its markup (``quality.py --no-structured``): 2 pages of 2 sites right
    (a rail before a story with no h1; a column of dated cards above the headline), none lost;
    WCXB and the full pass unchanged.
    """
    fuzzy_left = MAX_FUZZY if languages else 0  # dateparser without a language hint costs ~20 ms
    before: date | None = None
    later: date | None = None
    seen_h1 = past_byline = False
    looked = 0
    for node in body.written_query:
        heading = node.tag in HEADINGS
        if not heading and elsewhere(node):
            continue  # (a rail of other stories' times uses up no reading)
        looked += 1
        if looked > MAX_TEXT_NODES:
            break
        if heading:
            at_headline = is_headline(node, headline)  # the byline zone opens at each headline match
            past_byline = not at_headline and (past_byline or seen_h1)
            seen_h1 = seen_h1 or at_headline
            continue
        text = node.text(deep=True, separator=" ")
        if not text or len(text) > MAX_TEXT_CHARS or widget_marked(node):
            continue
        if wraps_widget(node, text) or body.is_caption(node):
            continue
        part = _updated_part(text) if updated else _publication_part(text)
        found = parse_date(part, fuzzy=fuzzy_left > 0, languages=languages)
        fuzzy_left -= 1
        if found is None:
            found = _labelled_short_year(text, updated=updated, languages=languages)
        if found is None:
            continue
        if seen_h1 and not past_byline:
            return found
        if seen_h1:
            later = later or found
        else:
            before = before or found
    if updated:
        return before or later or after_headline(body, headline, updated=True, short_years=True)
    # A date above the headline is often the site header's "today": plain text below it first.
    has_headline = seen_h1 or body.headline is not None
    near = after_headline(body, headline, byline=True, short_years=True) if has_headline else None
    kicker = before_headline(body) if has_headline else None
    return near or kicker or before or later or after_headline(body, headline, short_years=True)


def after_headline(
    body: Body,
    headline: str,
    *,
    updated: bool = False,
    limit: int = MAX_TEXT_NODES,
    byline: bool = False,
    languages: tuple[str, ...] = (),
    short_years: bool = False,
) -> date | None:
    """The first short text after the headline that reads as a date (fast parsers only).

    ``byline``: read only the byline zone, which ends at the second heading after the headline.
    ``short_years``: a labelled date with a two-digit year counts too (``_labelled_short_year``),
    on a page whose markup dates nothing (a markup date is never weighed against such a reading).
    """
    looked = 0
    labelled = False  # the text before is an "Updated" label alone: this one is its date
    unlabelled: date | None = None  # the byline zone's first date, when no label says what it is
    for item in below_headline(body.below, headline, byline=byline):
        if not isinstance(item, ShortText) or body.is_widget(item.parent):
            continue
        if body.is_caption(item.parent):
            continue  # (the lead figure's texts are not the byline's: they do not count towards ``limit``)
        text = item.text
        looked += 1
        if looked > limit:
            break
        if updated:
            part = text if labelled else _updated_part(text)
            labelled = _update_label(text)
        else:
            part = _publication_part(text)
        found = body.read_date(part, languages)
        if found is None and short_years:
            found = _labelled_short_year(text, updated=updated, languages=languages) or (
                None if updated else _bare_short_year(item)
            )
        if found is None:
            continue
        if updated or not byline or PUBLISHED_WORDS.search(text):
            return found
        # A labelled publication day further down the byline zone says which day is the story's
        # ("menu 2019-01-01" / "published 2020-05-05": a held-out case of htmldate's tests).
        unlabelled = unlabelled or found
    return unlabelled


def _labelled_short_year(text: str, *, updated: bool, languages: tuple[str, ...]) -> date | None:
    """The date with a two-digit year right after a text's publication label ("Veröffentlicht am
    6.12.06"), or with ``updated`` its update label ("Last updated: 1/23/21")."""
    after = _after_label(text, UPDATED_WORDS if updated else PUBLISHED_WORDS)
    return parse_labelled_short_year(after, languages=languages) if after is not None else None


def _update_label(text: str) -> bool:
    """Whether a text is an "Updated" label alone, its date in the next element ("Updated on",
    "Last updated:"): themes print label and value apart (<div class="caption">Updated on</div>
    <div class="the-updated-at">April 19, 2025</div>).

    WCXB half A: 2 article pages of 2 sites move to the update their byline shows (the truth's day),
    none away; half B 4 up, 2 down; the dates set unchanged. An earlier stop measured the same reading
    before the Open Graph guard (``declared``) existed: half A +2/-5, half B -2.
    """
    match = UPDATED_WORDS.search(text)
    return match is not None and len(text) <= MAX_LABEL_CHARS and not any(c.isdigit() for c in text)


def is_printed(body: Body, day: date) -> bool:
    """Whether a short text of the body reads as ``day`` (fast parsers only)."""
    for item in body:
        if not isinstance(item, ShortText):
            continue
        text = item.text
        if any(c.isdigit() for c in text):
            found = body.read_date(text)
            if found is not None and day_of(found) == day:
                return True
    return False


def before_headline(body: Body) -> date | None:
    """The date in the short texts just above the headline (a kicker line "Dec 12, 2025 · 5 min read").

    Only the last MAX_KICKER_TEXTS texts before the headline are read, nearest first: the site
    header's "today" sits further up.
    """
    nearest = (
        item for item in body.above() if not body.is_widget(item.parent) and not body.is_caption(item.parent)
    )
    for n, item in enumerate(itertools.islice(nearest, MAX_KICKER_TEXTS)):
        found = body.read_date(_publication_part(item.text))
        if found is None and n == 0:
            found = _bare_short_year(item)
        if found is not None:
            return found
    return None


def _bare_short_year(item: ShortText) -> date | None:
    """A text that is a dotted day with a two-digit year and nothing else ("02.12.19" right over the
    headline, ", 8.5.12" after the byline's name), read day first as the dots write it: so printed
    beside the headline it is the story's day. Not in a link, a list item or a heading, where such
    numbers are a table of contents' sections ("14.11.13 Error correction"), nor set inside a
    sentence ("Build <abbr>12.11.16</abbr> is out": a version)."""
    match = _BARE_SHORT_YEAR.fullmatch(item.text)
    parent = item.parent
    if match is None or any(box.tag in _NUMBERED_BOXES for box in (parent, *ancestors(parent))):
        return None
    if parent.tag in INLINE_TAGS and any(_words(side) for side in (parent.prev, parent.next)):
        return None
    return parse_labelled_short_year(match["day"])


def _words(node: LexborNode | None) -> bool:
    """Whether ``node`` is a text of words or numbers (not white space, not an element)."""
    return node is not None and node.is_text_node and any(c.isalnum() for c in node.text_content or "")


def announced(tree: LexborHTMLParser) -> date | None:
    """A date announced in words anywhere ("publiziert am 25. September 2018"): the last resort."""
    body = tree.body
    if body is None:
        return None
    for node in body.traverse(include_text=True, skip_empty=True):  # (white space announces nothing)
        if not node.is_text_node:
            continue
        text = node.text_content or ""
        if len(text) <= MAX_TEXT_CHARS and PUBLISHED_WORDS.search(text):
            parent = node.parent
            if parent is not None and parent.tag not in CODE and not elsewhere(parent):
                found = parse_date(_publication_part(text))
                if found is not None:
                    return found
    return None


def scripted(tree: LexborHTMLParser) -> date | None:
    """A date an inline script prints where it stands: ``<script>showDate("2020/04/17 01:43")</script>``.

    Old CMS templates write the byline date with a one-line call; nothing else on such pages dates them.
    """
    for node in tree.css("body script:not([src])"):
        text = node.text(deep=True)
        if len(text) > MAX_SCRIPT_CHARS or elsewhere(node):
            continue
        match = _PRINT_CALL.match(text)
        if match is not None:
            found = parse_date(match["arg"])
            if found is not None:
                return found
    return None


def _publication_part(text: str) -> str:
    """The part of a byline line that holds the publication date, not the update's.

    "Published March 4 2021, updated March 5" -> after "Published"; "Updated March 5" -> "". A
    label with no digit after it ends the date's clause, as a verb ends a German one: "Dieser
    Beitrag wurde am 3. Dezember 2011 veröffentlicht und unter ... abgelegt" -> before it.
    """
    match = PUBLISHED_WORDS.search(text)
    if match is not None:
        after = text[match.end() :]
        return after if any(c.isdigit() for c in after) else text[: match.start()]
    match = UPDATED_WORDS.search(text)
    return text[: match.start()] if match is not None else text


def _updated_part(text: str) -> str:
    """The part of a byline line after "Updated" ("Updated: December 9, 2025" -> the date), or ""."""
    return _after_label(text, UPDATED_WORDS) or ""


def _after_label(text: str, label: re.Pattern[str]) -> str | None:
    """The text after its first ``label`` (``PUBLISHED_WORDS``, ``UPDATED_WORDS``); None without one."""
    match = label.search(text)
    return text[match.end() :] if match is not None else None
