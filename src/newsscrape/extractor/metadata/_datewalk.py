"""The page as the date readers walk it: its headings and short texts in page order (``Body``),
the headline and the byline zone below it, and where an element stands (a clock or "today" widget,
a photo's caption, chrome or another story's box) when its date is not the story's.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import CHROME_BOXES, FIGURE_TAGS, ancestors, class_and_id
from .._text import phrase_key, squash
from ._dates import parse_date
from ._title import same_story

# Where a date written in words usually sits: the byline and the story's meta line.
BYLINE_DATE_SELECTORS = (
    '[class*="date" i]',
    '[class*="time" i]',
    '[class*="publish" i]',
    '[class*="byline" i]',
    '[id*="date" i]',
    '[class*="meta" i]',
)
# A date element marked with one of these is a clock or "today" widget in the site header, or the
# countdown of an offer.
WIDGET_HINTS = ("today", "current-date", "currentdate", "clock", "weather", "calendar", "countdown", "timer")
_WIDGET_QUERY = ", ".join(f'[class*="{hint}" i], [id*="{hint}" i]' for hint in WIDGET_HINTS)
HEADINGS = frozenset({"h1", "h2", "h3"})
_HEADLINE_QUERY = ", ".join(sorted(HEADINGS))  # the headings a headline may be
LATER_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
ALL_HEADINGS = HEADINGS | LATER_HEADINGS
# Headings that may stand between the headline and its byline (a dek, an "Insights from" label); the
# next one opens a section or a list of other stories (swept: benchmarks/fit_dates.py --sweep).
MAX_BYLINE_HEADINGS = 1
# The headings (to know when the headline has passed) and the byline-like elements, in page order.
_WRITTEN_QUERY = ", ".join((*sorted(HEADINGS), *BYLINE_DATE_SELECTORS))
# Dates in boxes named so are other texts' (the bylines' NOT_BYLINE_BOXES): a comment's time in a
# comment list (WordPress's <ol class="comment-list"><li class="comment">, any theme), another
# story's date on its card in a related-posts box or a recent-posts rail (WordPress's "Recent Posts"
# widget, "articles-recent"). WCXB half A, markup and text alone (no JSON-LD, no metas): 3 article
# pages move right, one loses a comment's day that was right by chance; with them, no article page
# of either half, nor the dates set, changes, and a service page is no longer dated by a blog card.
# An embedded post is another's text too, its <time> the post's: Instagram's
# <blockquote class="instagram-media">, X's "twitter-tweet", Facebook's "fb-post", and the "...-embed"
# boxes of TikTok, Bluesky, Reddit and WordPress's embed block (a held-out page of htmldate's tests
# was dated by an Instagram post's day; no development page changes).
OTHER_DATES_BOXES = ("comment", "related", "recent", "embed", "instagram-media", "twitter-tweet", "fb-post")
MAX_CHROME_CLIMB = 30  # ancestors looked at for an aside/nav/footer around a byline date
# Text inside these is code, not prose.
CODE = frozenset({"script", "style", "noscript", "template"})
MAX_TEXT_CHARS = 120


@dataclass(frozen=True, slots=True)
class ShortText:
    """A short text of the body (6 to MAX_TEXT_CHARS characters, trimmed), outside code."""

    parent: LexborNode
    text: str
    tag: ClassVar[str] = "-text"  # read as a text node is


_Item = LexborNode | ShortText  # a heading (h1-h6) or a short text, as Body gives them
_Node = TypeVar("_Node", LexborNode, _Item)


class _Items:
    """The headings and short texts of a walk of the body, kept as they are reached: several readers
    share a walk, and each goes only as far as it needs (a reader may stop a few texts on)."""

    def __init__(self, walk: Iterator[LexborNode]) -> None:
        self._walk = walk
        self._items: list[_Item] = []

    def __iter__(self) -> Iterator[_Item]:
        n = 0
        while n < len(self._items) or self._walk_on():
            yield self._items[n]
            n += 1

    def _walk_on(self) -> bool:
        """Walk on to the next heading or short text and keep it; False at the end of the walk."""
        for node in self._walk:
            item = _item(node)
            if item is not None:
                self._items.append(item)
                return True
        return False


def _item(node: LexborNode) -> _Item | None:
    """The node as a date reader reads it: a heading, a short text (``ShortText``) or nothing."""
    tag = node.tag  # a property that asks the parser: read once a node
    if tag in ALL_HEADINGS:
        return node
    if tag == "-text":
        text = (node.text_content or "").strip()
        if 6 <= len(text) <= MAX_TEXT_CHARS:
            parent = node.parent
            if parent is not None and parent.tag not in CODE:
                return ShortText(parent, text)
    return None


class Body:
    """The page's body as the date readers walk it, in page order: its headings and its short texts.

    Several readers walk it on one page (the byline zone two or three times, the texts above the
    headline, the printed days): it is walked once, and only as far as a reader has gone. The
    readers of what is near the headline walk from the headline, found by a query: on from it
    (``below``), and back from it (``above``). The usual page dates its story from the markup and
    reads only its byline zone, and the Python walk through the page's header and menus above the
    headline cost more than the rest of the date pass. The elements ``written`` reads are found
    once too, and so is what a short text reads as (``read_date``) and whether its element is a
    widget (``is_widget``): the byline zone is read two or three times over, the same texts each time.
    """

    def __init__(self, tree: LexborHTMLParser, headline: str = "") -> None:
        self.tree = tree
        self._body = tree.body
        self._headline_key = headline
        # (a text of white space alone is no item: the walks skip them)
        self._all = _Items(
            self._body.traverse(include_text=True, skip_empty=True) if self._body is not None else iter(())
        )
        self._written: list[LexborNode] | None = None
        self._dates: dict[tuple[str, tuple[str, ...]], date | None] = {}
        self._widgets: dict[int, bool] = {}
        self._captions: dict[int, bool] = {}

    def __iter__(self) -> Iterator[_Item]:
        return iter(self._all)

    @functools.cached_property
    def headline(self) -> LexborNode | None:
        """The heading a walk of the body takes for the headline (``below_headline``): the first
        h1-h3 in page order that ``is_headline`` takes."""
        heads = self._body.css(_HEADLINE_QUERY) if self._body is not None else []
        return next((node for node in heads if is_headline(node, self._headline_key)), None)

    @functools.cached_property
    def below(self) -> _Items:
        """The items from the headline on (the headline first), as ``below_headline`` reads them."""
        start, body = self.headline, self._body
        return _Items(_onwards(start, body) if start is not None and body is not None else iter(()))

    def above(self) -> Iterator[ShortText]:
        """The short texts before the headline, the nearest first (none when there is no headline)."""
        start, body = self.headline, self._body
        if start is None or body is None:
            return
        for node in _backwards(start, body):
            item = _item(node)
            if isinstance(item, ShortText):
                yield item

    def read_date(self, text: str, languages: tuple[str, ...] = ()) -> date | None:
        """``parse_date(text, languages=languages)``, read once per page and text."""
        key = (text, languages)
        if key not in self._dates:
            self._dates[key] = parse_date(text, languages=languages)
        return self._dates[key]

    def is_widget(self, node: LexborNode) -> bool:
        """``widget_marked(node)``, looked at once per page and element."""
        key = node.mem_id
        if key not in self._widgets:
            self._widgets[key] = widget_marked(node)
        return self._widgets[key]

    def is_caption(self, node: LexborNode) -> bool:
        """``in_caption(node)``, looked at once per page and element."""
        key = node.mem_id
        if key not in self._captions:
            self._captions[key] = in_caption(node)
        return self._captions[key]

    @property
    def written_query(self) -> list[LexborNode]:
        """The headings and byline-like elements ``written`` reads, in page order."""
        if self._written is None:
            self._written = self.tree.css(_WRITTEN_QUERY)
        return self._written


def _onwards(node: LexborNode, top: LexborNode) -> Iterator[LexborNode]:
    """``top.traverse(include_text=True, skip_empty=True)`` from ``node`` (inside ``top``) on: the node,
    its subtree, then the rest of ``top`` in page order (each later sibling's subtree, then the parent's
    later siblings). A text of white space alone is left out (no item, ``_item``)."""
    yield from node.traverse(include_text=True, skip_empty=True)
    stop = top.mem_id
    while node.mem_id != stop:
        sibling = node.next
        while sibling is not None:
            yield from sibling.traverse(include_text=True, skip_empty=True)
            sibling = sibling.next
        parent = node.parent
        if parent is None:
            return
        node = parent


def _backwards(node: LexborNode, top: LexborNode) -> Iterator[LexborNode]:
    """``top.traverse(include_text=True)`` before ``node`` (inside ``top``), in reverse, ``top`` itself
    left out: the node before another in page order is the last node of its previous sibling's
    subtree, else its parent."""
    stop = top.mem_id
    while True:
        before = node.prev
        if before is None:
            parent = node.parent
            if parent is None or parent.mem_id == stop:
                return
            node = parent
        else:
            node = before
            while (last := node.last_child) is not None:
                node = last
        yield node


def below_headline(nodes: Iterable[_Node], headline: str, *, byline: bool) -> Iterator[_Node]:
    """The nodes after the headline (``is_headline``), in the order given.

    ``byline``: only the byline zone's, which closes at the second later heading (one, a dek, may
    stand between headline and byline); dates below are other stories' (a list of cards).
    """
    seen = False
    headings = 0
    for node in nodes:
        if not seen:
            seen = isinstance(node, LexborNode) and node.tag in HEADINGS and is_headline(node, headline)
            continue
        if byline and node.tag in LATER_HEADINGS:
            headings += 1
            if headings > MAX_BYLINE_HEADINGS:
                return
        yield node


def headline_key(tree: LexborHTMLParser, title: str | None) -> str:
    """The key of the heading that carries the title, else "" (then any ``h1`` is the headline).

    A section name in the ``h1`` above a story titled in an ``h2`` must not open the byline zone.
    On a page without ``h1`` whose title came from its meta tags, an ``h2`` telling the same
    story in its own words is the headline.
    """
    key = phrase_key(title) if title else ""
    if not key:
        return ""
    headings = [(node.tag, phrase_key(node.text(deep=True))) for node in tree.css("h1, h2, h3")]
    if any(text == key for _, text in headings):
        return key
    if not any(tag == "h1" for tag, _ in headings):
        return next((text for tag, text in headings if tag == "h2" and same_story(text, key)), "")
    return ""


def is_headline(node: LexborNode, headline: str) -> bool:
    """Whether a heading is the story's headline (``headline`` as ``headline_key`` gives it)."""
    return phrase_key(node.text(deep=True)) == headline if headline else node.tag == "h1"


def widget_marked(node: LexborNode) -> bool:
    marks = ((node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")).lower()
    return any(hint in marks for hint in WIDGET_HINTS)


def wraps_widget(node: LexborNode, text: str) -> bool:
    """Whether an element is only the box around a clock: all its text is a widget's inside it
    (<div class="block-date"><p id="todays-date-custom">Friday, December 19, 2025</p></div>)."""
    inner = node.css_first(_WIDGET_QUERY)
    return inner is not None and squash(inner.text(deep=True, separator=" ")) == squash(text)


def in_caption(node: LexborNode) -> bool:
    """Whether ``node`` is a figure or its caption, or inside one (``FIGURE_TAGS``), looking at most
    MAX_CHROME_CLIMB elements up, below ``<body>``."""
    # A photo's caption and credit say when the photo was taken, not when the story was published
    # ("Police at the checkpoint on October 11, 2023"): a text inside a figure is no printed
    # publication date, though the lead figure often stands between the headline and the byline.
    # (Not a class named "caption": themes print the byline's date or its "Updated on" label in one;
    # WCXB half B loses a page to it.)
    for current in itertools.islice(itertools.chain((node,), ancestors(node)), MAX_CHROME_CLIMB):
        tag = current.tag
        if tag == "body":
            return False
        if tag in FIGURE_TAGS:
            return True
    return False


def elsewhere(node: LexborNode) -> bool:
    """``outside_story`` looking at most MAX_CHROME_CLIMB ancestors up (one per candidate element), or
    inside a comment or another story's card (``OTHER_DATES_BOXES``), below ``<body>``.

    A ``<footer>`` inside the story's ``<article>`` is the article's own (HTML's footer of its
    nearest sectioning element: who wrote it and when, WordPress's ``entry-footer``), not the site's.
    """
    parent = node.parent
    depth = 0
    footer = False  # whether a footer was passed that an article above may own
    while parent is not None and depth < MAX_CHROME_CLIMB:
        tag = parent.tag
        if tag == "footer" and not footer:
            footer = True
        elif tag in CHROME_BOXES:
            return True
        if tag == "body":
            return footer
        if footer and tag == "article" and parent.css_first("h1") is not None:
            footer = False  # the story's footer; a story's card (no h1) keeps its footer as chrome
        marks = class_and_id(parent)
        if any(box in marks for box in OTHER_DATES_BOXES):
            return True
        parent = parent.parent
        depth += 1
    return footer
