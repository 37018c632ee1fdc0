"""The dates a page's markup declares for machines: JSON-LD and meta tags (``structured_date``),
elements marked as the publication or update time (``<time>``, microdata, hAtom: ``marked_dates``),
the first ``<time>`` of the byline zone, a tag manager's data layer, and data attributes' stamps.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import ancestors
from ._dates import HAS_YEAR, day_of, parse_date, parse_labelled_short_year
from ._datewalk import below_headline, elsewhere, in_caption, widget_marked

# Meta names/properties (lower-cased) that carry the publication date, most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "published",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "datecreated",
    "date",
    "created",
)
MODIFIED_META = (
    "article:modified_time",
    "article:modified",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmodified",
    "lastmod",
    "revised",
)
# A meta the list above does not name is a publication date when its name says so in words of its own
# ("w-published-date", "cXenseParse:publishtime", "bt:pubDate", "published_at", "og:publish_date",
# schema.org's name in a namespace: "OG:DatePublished"):
# a word of the publish family, with a date word unless it is "published" itself, and no word saying
# it is another moment ("last", "modified", "expiration") or not a moment at all ("publisher").
_NAME_WORD = re.compile(r"[a-z]+")
_PUBLISH_WORD = re.compile(r"(date)?pub(?:lish(?:ed)?|lication)?(date|time|day)?")  # "datepublished" too
_DATE_WORDS = frozenset({"date", "time", "datetime", "day", "at", "on"})
_OTHER_MOMENT_WORDS = frozenset({"last", "modified", "updated", "update", "expiration", "expires", "end"})
PUBLISHED_LD = ("datePublished", "dateCreated")
_LISTED = frozenset(PUBLISHED_META + MODIFIED_META)
OPEN_GRAPH_KEYS = ("og:", "article:")  # the Open Graph meta names (article:published_time, og:...)
MODIFIED_LD = ("dateModified",)
# The elements that may hold a machine-readable date: <time>, microdata, and hAtom's <abbr class=
# "published" title="2019-11-18T17:19:53Z"> (the microformat's value in the title; without one, in
# its text: "<abbr class="published">am 12.11.16</abbr>", the class being the text's label).
DATED_NODES = 'time, [itemprop], abbr[title], abbr[class], [title][class*="date" i]'
# A <time> (or any element) whose class/id/itemprop mentions one of these is the publication time.
PUBLISHED_HINTS = ("publish", "pubdate", "posted", "created", "dateline", "entry-date", "post-date")
MODIFIED_HINTS = ("modif", "update", "edited", "revised")
# Attributes in which scripted pages keep an element's machine time (a Unix time or ISO), as
# <time datetime> does: <span class="_timestamp" data-time="1594448702">Jul 10</span>.
STAMP_ATTRIBUTES = (
    "data-time",
    "data-timestamp",
    "data-datetime",
    "data-date",
    "data-published",
    "data-pubdate",
    "data-utime",  # Facebook's (seconds since 1970)
)
_STAMP_QUERY = ", ".join(f"[{name}]" for name in STAMP_ATTRIBUTES)
MAX_FUZZY = 2  # dateparser calls per page, at most
# A <time> without datetime whose text holds a year (``HAS_YEAR``) may print its day in words of a
# language the fast reader lacks ("13 gusht 2020, 09:08", "23 Març 2020"): dateparser reads it, in the
# page's language (``marked_dates``). The dates set: 2 such <time>s (2 sites); without markup, the Albanian
# one now dates its page (+1), the Catalan page was dated by its byline already. WCXB half A: none.
# The post's day in the data layer of WordPress's "Google Tag Manager for WordPress" plugin (gtm4wp):
# ``var dataLayer_content = {"pagePostDate":"July 28, 2025", ..., "pagePostDateIso":"2025-07-28T15:48:00"}``
# in <head>, where the cut of the structured data leaves it. WCXB half A: the true day on each of its
# 3 sites (half B: 1 of 1), one of them, showing only its "Updated" day, dated by nothing else.
_DATA_LAYER_DAY = re.compile(r'"pagePostDate(?:Iso)?"\s*:\s*"(?P<value>[^"]{8,40})"')


def published_metas(metas: dict[str, list[str]]) -> tuple[str, ...]:
    """``PUBLISHED_META``, then the page's meta names it does not list that name a publication date
    in their own words (``_names_publication``), in the page's order.

    >>> page = {"w-published-date": [], "publisher": [], "last_published": [], "og:datepublished": []}
    >>> published_metas(page)[len(PUBLISHED_META) :]
    ('w-published-date', 'og:datepublished')
    """
    return PUBLISHED_META + tuple(key for key in metas if key not in _LISTED and _names_publication(key))


def _names_publication(key: str) -> bool:
    """A word of the publish family (``_PUBLISH_WORD``), with a date word unless it is "published"
    itself or carries one ("pubdate"), and no word naming another moment."""
    words = _NAME_WORD.findall(key)
    if _OTHER_MOMENT_WORDS.intersection(words):
        return False
    return any(
        (match := _PUBLISH_WORD.fullmatch(word)) is not None
        and bool(match[1] or match[2] or word == "published" or _DATE_WORDS.intersection(words))
        for word in words
    )


def structured_date(
    article: dict[str, Any] | None,
    metas: dict[str, list[str]],
    ld_keys: tuple[str, ...],
    meta_keys: tuple[str, ...],
    languages: tuple[str, ...],
) -> tuple[date | None, str | None]:
    day: date | None = None  # the JSON-LD's, when it gives a day without its time
    if article is not None:
        for key in ld_keys:
            value = article.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            found = parse_date(value, languages=languages) if isinstance(value, str) else None
            if isinstance(found, datetime):
                return found, "json-ld"
            if found is not None:
                day = found
                break
    for key in meta_keys:
        for value in metas.get(key, ()):
            found = parse_date(value, languages=languages)  # 03-09-2026 is March 9 on an English page
            # a JSON-LD day is the meta's moment on that day ("2019-04-10" and "2019-04-10T10:13+02:00")
            if found is not None and (day is None or (isinstance(found, datetime) and day_of(found) == day)):
                return found, "og" if key.startswith(OPEN_GRAPH_KEYS) else "meta"
    return (day, "json-ld") if day is not None else (None, None)


def declared(metas: dict[str, list[str]], keys: tuple[str, ...], day: date) -> bool:
    """Whether an Open Graph article meta (``article:published_time``, ``og:published_time`` ... of the
    publication metas ``keys``) gives ``day`` as the publication's.

    The time a page declares for link previews and aggregators outranks a printed "Updated" line;
    a JSON-LD datePublished alone does not (WCXB half A: where the byline shows only a later
    "Updated" day, the truth keeps the markup's day on the 3 pages of 3 sites whose Open Graph meta
    gives it, and takes the update on the 6 pages whose JSON-LD alone gives it; half B 2 up, 1 down).
    """
    return any(
        (found := parse_date(value)) is not None and day_of(found) == day
        for key in keys
        if key.startswith(OPEN_GRAPH_KEYS)
        for value in metas.get(key, ())
    )


def marked_dates(
    nodes: list[LexborNode], hints: tuple[str, ...], *, default_first: bool, languages: tuple[str, ...] = ()
) -> tuple[date | None, date | None]:
    """The date of the first element marked with a hint, and (published) the first <time> outside chrome."""
    first: date | None = None
    fuzzy_left = MAX_FUZZY  # a page of many <time>s in words asks dateparser no more than this
    for node in nodes:
        attrs = node.attributes
        marks = " ".join(
            (attrs.get("itemprop") or "", attrs.get("class") or "", attrs.get("id") or "")
        ).lower()
        is_time, is_abbr = node.tag == "time", node.tag == "abbr"
        marked = any(h in marks for h in hints) or (default_first and "pubdate" in attrs and not _card(node))
        if is_abbr and not marked:
            continue  # an abbreviation's expansion, unless hAtom marks it as the time
        if not is_time and not is_abbr and "date" not in marks:
            continue
        value = (
            (attrs.get("title") if is_abbr else None)
            or attrs.get("datetime")
            or attrs.get("content")
            or (node.text(deep=True) if is_time or is_abbr else attrs.get("title"))
        )
        if not value or elsewhere(node):
            continue
        if marked or (is_time and first is None and default_first):
            found = parse_date(value)
            if found is None and is_abbr and "title" not in attrs:  # its class labels its text
                found = parse_labelled_short_year(value, languages=languages)
            if found is None and is_time and languages and fuzzy_left and HAS_YEAR.search(value):
                fuzzy_left -= 1
                found = parse_date(value, fuzzy=True, languages=languages)  # (see HAS_YEAR's note)
            if found is not None:
                if marked:
                    return found, first
                first = found
    return None, first


def _card(node: LexborNode) -> bool:
    """Whether the nearest ``<article>`` around ``node`` is another story's card: one without a
    ``<h1>`` (HTML5's ``pubdate`` dates the article it is in, and a list of stories marks each)."""
    for box in ancestors(node):
        if box.tag == "article":
            return box.css_first("h1") is None
        if box.tag == "body":
            break
    return False


def time_in_byline(tree: LexborHTMLParser, headline: str) -> date | None:
    """The first ``<time>`` in the byline zone: after the headline, before the second later heading."""
    for node in below_headline(tree.css("h1, h2, h3, h4, h5, h6, time"), headline, byline=True):
        if node.tag == "time" and not elsewhere(node) and not in_caption(node):
            value = node.attributes.get("datetime") or node.text(deep=True)
            found = parse_date(value) if value else None
            if found is not None:
                return found
    return None


def data_layer(tree: LexborHTMLParser) -> date | None:
    """The post's day a tag-manager data layer declares (``_DATA_LAYER_DAY``), before the page's
    updated day stands in for it.

    >>> data_layer(LexborHTMLParser('<script>var d = {"pagePostDate":"July 28, 2025"};</script>'))
    datetime.date(2025, 7, 28)
    """
    for node in tree.css("script:not([src])"):
        match = _DATA_LAYER_DAY.search(node.text(deep=True))
        if match is not None:
            return parse_date(match["value"])
    return None


def data_stamp(tree: LexborHTMLParser) -> date | None:
    """The first machine time kept in a data attribute (``STAMP_ATTRIBUTES``): the last resort.

    A page rendered by scripts may print only "Jul 10" and keep the instant beside it; the first
    such stamp outside chrome and widgets is the page's own (later ones are replies, a feed).
    """
    for node in tree.css(_STAMP_QUERY):
        if widget_marked(node) or elsewhere(node):
            continue
        for name in STAMP_ATTRIBUTES:
            value = node.attributes.get(name)
            found = parse_date(value) if value else None
            if found is not None:
                return found
    return None
