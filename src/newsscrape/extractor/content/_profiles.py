"""How the content pass reads each page type: parameters fitted on data, kept as data.

An article is one flow of paragraphs: the container search steps down into the heaviest child
while it holds most of the text, and trafilatura is asked only when the result looks too short.
A listing, a product page or a forum thread spreads its text over many sibling boxes: stepping
down as far loses most of it, and a second extractor's reading is more often right: it is asked
on every page of such a type and replaces the native text when it has more than ``second_share``
times its words (1.0: the longer wins; 0.0: trafilatura's whenever it has one). The values come
from ``benchmarks/fit_content.py`` (WCXB development split, half A) and live in
``data/content_profiles.json`` beside the fit's scores; a type the file does not name reads as an
article.

The block walk's link rules are per type too. On an article a box of links is a rail of other
stories, a paragraph that is one link is a teaser and a grid of cards, each headed by a title linking
within the site, is other stories; on a listing or a collection those cards are the page.
``box_link_share`` and ``para_link_share`` are the link shares above which a box or a paragraph is
dropped (above 1.0: never), ``list_link_share`` the same for a paragraph inside a list item or a
table row (a listing's entries are often one link each: "<li><a>Title</a>"; None: as any
paragraph), ``story_headings`` whether headings that link within the site are other stories' titles
(a grid of such cards goes whole, a lone such heading on its own), and ``linked_items`` whether two
or more such headings through the story, each followed by a section of its own, are its items
instead, kept: a ranking's schools, a guide's chapters, a round-up's restaurants or stories, each
heading linking to its item's own page. WCXB half A, the article readings: of the words of the
linked headings the walk dropped, 303 are in the truths and 59 are not (numbered ones included:
``_walk.NUMBERED_HEADING``); those the truths keep come
several to a page, each with its own section, where another story's card holds one excerpt.
3 article pages move right on half A (+.027, +.019, +.013), none down; half B 1 up, none down.
A forum's post titles ("Re: ...", linking to the post) and posters' names are no items, nor are
the linked headings of the other types as they were fitted; nor does the page-type model see such
headings (it was fitted on readings without them: ``Content.item_headings``).

A listing's or a shop grid's cards are too short or too linked to vote as paragraphs, so the
container descent can end at the page's one block of prose (a category blurb) beside them:
``widen_share`` climbs the container back up to its nearest ancestor holding that share of the
page's text (0.0: never).

The text that wins is cleaned up per type too: ``drop_reviews`` drops the paragraphs found only
inside the page's review boxes (what buyers say of a product is not its text) or its boxed fine
print (a "disclaimer" box of footnotes). (A paragraph printed twice, a tab for phones and again for
desktops, is given once by the last step of the content pass, fitted apart: ``_content._give_once``.)

The markup labels of the block walk (``_chrome``: a box named "carousel" or "cta", a ``<header>``)
are per type too. On an article such a box is a rail of other stories or a sign-up prompt; on a
service page it is the page: its offers, the carousel of what its clients say; on a shop's
category page a box classed "caption" is a card's name and price (Bootstrap's thumbnail card), not
an image's caption (a ``<figcaption>`` stays one on every type). ``kept_kinds`` are
the removal kinds whose markup label drops nothing on this type (what a block's own words say still
counts), and ``hidden_panels`` keeps a hidden tab panel or the body of a closed ``<details>``: text
a reader opens with a click, which a service page's truth keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from .._data import fitted
from ._boxes import BOX_LINK_SHARE, PARA_LINK_SHARE
from ._chrome import RemovalKind, removal_kind
from ._scoring import DESCENT_SHARE


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentProfile:
    """``descent_share``: see ``_scoring.choose_container``. ``second_share``: None to ask
    trafilatura only when the native result looks short (the longer text wins then); a number to
    ask it on every page, its text winning when it has more than this share of the native words.
    ``box_link_share``, ``para_link_share``, ``list_link_share``, ``story_headings``,
    ``linked_items``: the block walk's link rules (``_walk.Walk``). ``widen_share``: see
    ``_scoring.widen``. ``drop_reviews``:
    the clean-up of the winning text (``_content``). ``kept_kinds``,
    ``hidden_panels``: the markup labels the block walk does not act on (``_walk.Walk``).
    ``scoped_headers``: a ``<header>`` inside an ``<article>`` or ``<section>`` is walked as that card's
    head, its link kept as the card's title (``_boxes._scoped``).
    ``reading``: the page type read with it, the key of the clean-ups fitted for that type
    (``_content.COVERED_SHARES`` and its kind), so a profile a fit varies keeps its type's."""

    reading: str = "article"
    descent_share: float = DESCENT_SHARE
    second_share: float | None = None
    box_link_share: float = BOX_LINK_SHARE
    para_link_share: float = PARA_LINK_SHARE
    list_link_share: float | None = None
    story_headings: bool = True
    linked_items: bool = True
    widen_share: float = 0.0
    drop_reviews: bool = False
    kept_kinds: frozenset[RemovalKind] = frozenset()
    hidden_panels: bool = False
    scoped_headers: bool = False


ARTICLE: Final = ContentProfile()


def _share(value: float | None) -> float | None:
    """A fitted share, or None where the data holds null (the rule the share sets is off)."""
    return None if value is None else float(value)


def _load() -> dict[str, ContentProfile]:
    raw = fitted("content_profiles.json")
    return {
        page_type: ContentProfile(
            reading=page_type,
            descent_share=float(values["descent_share"]),
            second_share=_share(values["second_share"]),
            box_link_share=float(values.get("box_link_share", BOX_LINK_SHARE)),
            para_link_share=float(values.get("para_link_share", PARA_LINK_SHARE)),
            list_link_share=_share(values.get("list_link_share")),
            story_headings=bool(values.get("story_headings", True)),
            linked_items=bool(values.get("linked_items", True)),
            widen_share=float(values.get("widen_share", 0.0)),
            drop_reviews=bool(values.get("drop_reviews", False)),
            kept_kinds=frozenset(removal_kind(kind) for kind in values.get("kept_kinds", ())),
            hidden_panels=bool(values.get("hidden_panels", False)),
            scoped_headers=bool(values.get("scoped_headers", False)),
        )
        for page_type, values in raw["profiles"].items()
    }


PROFILES: Final = _load()


T = TypeVar("T")


def per_reading(values: Mapping[str, Any], read: Callable[[Any], T]) -> dict[str, T]:
    """A fitted file's values keyed by the reading they set (``ContentProfile.reading``), each
    ``read``: a null (the rule off for that reading) and a page type with no profile are left out.

    >>> per_reading({"forum": "0.4", "service": None, "unknown": 1}, float)
    {'forum': 0.4}
    """
    return {
        reading: read(value) for reading, value in values.items() if value is not None and reading in PROFILES
    }


def profile_for(page_type: str | None) -> ContentProfile:
    """The content profile of a page type; an article's for None or a type without one.

    >>> profile_for(None) == ARTICLE
    True
    """
    return PROFILES.get(page_type or "article", ARTICLE)
