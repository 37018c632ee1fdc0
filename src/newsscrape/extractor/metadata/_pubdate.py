"""Find the published and modified dates of a page, best evidence first.

Ranking (first plausible value wins): JSON-LD datePublished/dateCreated, publication meta
tags, ``itemprop=datePublished`` elements, a ``<time>`` marked as the publication time, the
URL path, then dates written in byline-like elements, and last a machine time kept in a data
attribute. Modified dates come from their own sources only, so a page's "Updated ..." never
replaces its publication day.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, ClassVar, TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import CHROME_BOXES, ancestors, class_and_id
from .._text import phrase_key, squash
from ._dates import HAS_YEAR, day_of, parse_date, parse_labelled_short_year, url_date
from ._title import same_story

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
# ("w-published-date", "cXenseParse:publishtime", "bt:pubDate", "published_at", "og:publish_date"):
# a word of the publish family, with a date word unless it is "published" itself, and no word saying
# it is another moment ("last", "modified", "expiration") or not a moment at all ("publisher").
_NAME_WORD = re.compile(r"[a-z]+")
_PUBLISH_WORD = re.compile(r"pub(?:lish(?:ed)?|lication)?(date|time|day)?")
_DATE_WORDS = frozenset({"date", "time", "datetime", "day", "at", "on"})
_OTHER_MOMENT_WORDS = frozenset({"last", "modified", "updated", "update", "expiration", "expires", "end"})
PUBLISHED_LD = ("datePublished", "dateCreated")
_LISTED = frozenset(PUBLISHED_META + MODIFIED_META)
OPEN_GRAPH_KEYS = ("og:", "article:")  # the Open Graph meta names (article:published_time, og:...)
MODIFIED_LD = ("dateModified",)
# The elements that may hold a machine-readable date: <time>, microdata, and hAtom's <abbr class=
# "published" title="2019-11-18T17:19:53Z"> (the microformat's value in the title; without one, in
# its text: "<abbr class="published">am 12.11.16</abbr>", the class being the text's label).
DATED_NODES = "time, [itemprop], abbr[title], abbr[class]"
# A <time> (or any element) whose class/id/itemprop mentions one of these is the publication time.
PUBLISHED_HINTS = ("publish", "pubdate", "posted", "created", "dateline", "entry-date", "post-date")
MODIFIED_HINTS = ("modif", "update", "edited", "revised")
# Where a date written in words usually sits: the byline and the story's meta line.
BYLINE_DATE_SELECTORS = (
    '[class*="date" i]',
    '[class*="time" i]',
    '[class*="publish" i]',
    '[class*="byline" i]',
    '[id*="date" i]',
    '[class*="meta" i]',
)
# Words that introduce the publication or the update time in a byline line.
PUBLISHED_WORDS = re.compile(
    r"\b(?:published|posted|publié|publicado|veröffentlicht|publiziert|erschienen|pubblicato|gepubliceerd"
    r"|opublikowano|publicat|publicerad|julkaistu|опубликовано)\b",
    re.IGNORECASE,
)
# German sites stamp a story with the time it was last edited: "Stand: 09.10.2017, 01:40 Uhr" (only
# capitalised and before its colon: "stand" is an English word too).
UPDATED_WORDS = re.compile(
    r"\b(?:updated?|modified|aktualisiert|actualizado|atualizado|mis à jour|aggiornato|bijgewerkt"
    r"|(?-i:Stand)(?=\s*:))\b",
    re.IGNORECASE,
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
# A photo's caption and credit say when the photo was taken, not when the story was published ("Police
# at the checkpoint on October 11, 2023"): a text inside a figure is no printed publication date, though
# the lead figure often stands between the headline and the byline. (Not a class named "caption": themes
# print the byline's date or its "Updated on" label in one; WCXB half B loses a page to it.)
CAPTION_TAGS = frozenset({"figure", "figcaption"})
# Text inside these is code, not prose.
CODE = frozenset({"script", "style", "noscript", "template"})
MAX_TEXT_NODES = 40
# A printed date older than the markup's wins when it is among the first texts after the headline.
MAX_BYLINE_TEXTS = 6  # swept: benchmarks/fit_dates.py --sweep
# An "Updated" day newer than the markup's, among the first texts after the headline, wins when the
# markup's day is printed nowhere (what the reader sees is the update).
MAX_UPDATE_TEXTS = 10  # swept: benchmarks/fit_dates.py --sweep
# "Updated on", "Last updated:", "Page last updated:" as a label of their own (half A: same from 10 to 40).
MAX_LABEL_CHARS = 20
STRUCTURED = frozenset({"json-ld", "og", "meta"})
MAX_KICKER_TEXTS = 8  # texts read above the headline, nearest first (swept: benchmarks/fit_dates.py --sweep)
ONE_DAY = timedelta(days=1)
# A zone is a whole quarter hour from UTC, at most 14 hours away.
QUARTER_HOUR = timedelta(minutes=15)
MAX_SHIFT = timedelta(hours=14)
# A machine-written local time without a zone ("2020-02-17 21:18:11"), as scripts and attributes hold them.
_ZONELESS = re.compile(
    r"(?<![\d-])(?:19|20)\d\d-[01]\d-[0-3]\d[T ][0-2]\d:(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d.:]|Z|[+-]\d)"
)
MAX_TEXT_CHARS = 120
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
# page's language (``_marked``). The dates set: 2 such <time>s (2 sites); without markup, the Albanian
# one now dates its page (+1), the Catalan page was dated by its byline already. WCXB half A: none.
# A one-line script that prints a date literal: showDate("2020/04/17 01:43:09"), document.write('...').
MAX_SCRIPT_CHARS = 100
_PRINT_CALL = re.compile(r"""\s*[\w.$]+\(\s*(?P<q>["'])(?P<arg>[^"']{8,40})(?P=q)\s*\)\s*;?\s*$""")
# The post's day in the data layer of WordPress's "Google Tag Manager for WordPress" plugin (gtm4wp):
# ``var dataLayer_content = {"pagePostDate":"July 28, 2025", ..., "pagePostDateIso":"2025-07-28T15:48:00"}``
# in <head>, where the cut of the structured data leaves it. WCXB half A: the true day on each of its
# 3 sites (half B: 1 of 1), one of them, showing only its "Updated" day, dated by nothing else.
_DATA_LAYER_DAY = re.compile(r'"pagePostDate(?:Iso)?"\s*:\s*"(?P<value>[^"]{8,40})"')


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """The dates found and where each came from (json-ld | meta | dom | url)."""

    published: date | None = None
    published_source: str | None = None
    modified: date | None = None
    modified_source: str | None = None


def find_dates(
    tree: LexborHTMLParser,
    *,
    metas: dict[str, list[str]],
    article: dict[str, Any] | None,
    url: str | None,
    title: str | None = None,
    languages: tuple[str, ...] = (),
) -> Found:
    """Published and modified dates of a page. ``article``: the JSON-LD node that dates it, the
    article's, else the page's own (``JsonLd.page``).

    >>> tree = LexborHTMLParser("<p>Rain came back.</p>")
    >>> find_dates(tree, metas={"article:published_time": ["2020-05-01"]}, article=None, url=None).published
    datetime.date(2020, 5, 1)
    """
    headline = _headline_key(tree, title)
    body = _Body(tree, headline)
    in_url = url_date(url)  # the day the story's address was minted with, if it was
    keys = _published_metas(metas)  # read once: the finder, the zone and the offset readers share it
    published, p_src = _structured(article, metas, PUBLISHED_LD, keys, languages)
    modified, m_src = _structured(article, metas, MODIFIED_LD, MODIFIED_META, languages)
    nodes = None
    if published is None or modified is None or _zone_unsure(published):
        nodes = tree.css(DATED_NODES)
    # The first date printed in the byline zone (None when the markup dates nothing).
    printed = None
    if published is not None:
        printed = _after_headline(body, headline, limit=MAX_BYLINE_TEXTS, byline=True, languages=languages)
        if printed is None:
            # No byline day below the headline, and the markup's day shows nowhere: the dated bar just
            # above the headline is the one the reader sees ("Travel | September 8, 2021" over the h1).
            # WCXB half A: 2 article pages of 2 sites move right, none away; half B 1 right; the dates
            # set, aeb and the no-structured runs unchanged. Without the guard (refused): a preprint's
            # "first published" <time> above a journal's headline whose day is printed beside it (A -1),
            # another story's card over a Danish story (dates set -1).
            kicker = _before_headline(body)  # (read first: _printed reads every text of the page)
            if kicker is not None and not _printed(body, day_of(published)):
                printed = kicker
    if published is not None and nodes is not None and _zone_unsure(published):
        local, source = _local_day(published, url, nodes, printed)
        if local is not None and isinstance(published, datetime) and published.tzinfo is not None:
            # A UTC instant is exact: keep it, in the page's own zone when the page reveals it.
            zoned = _in_page_zone(published, local, tree, metas, keys, article, nodes, printed)
            published = zoned or published
        elif local is not None:
            published, p_src = local, source  # a zoneless stamp: the page's printed day is surer
    if published is not None and p_src in STRUCTURED:
        if (
            printed is not None
            and day_of(printed) < day_of(published)
            and not _same_moment(published, printed)
        ):
            # The byline shows an earlier day than the markup: the CMS re-stamped the story
            # (a migration, a republish); the reader's date is the original one.
            published, p_src = printed, "dom"
        else:
            # The day the byline shows: its "Updated <day>", else its first day, labelled or not (a theme
            # prints the post's modified day as its only date). WCXB half A, the unlabelled day: 2 pages
            # of 2 sites move right, none away; half B 1 right; the dates set and every non-article
            # page unchanged (aeb, which has no date truths: two stories of one site take their update).
            shown = (
                _after_headline(
                    body, headline, updated=True, limit=MAX_UPDATE_TEXTS, byline=True, languages=languages
                )
                or printed
            )
            if (
                shown is not None
                and day_of(shown) > day_of(published)
                and not _printed(body, day_of(published))
                and not _declared(metas, keys, day_of(published))
                and in_url != day_of(published)
            ):
                # The reader sees only a later day: the markup's older day is nowhere on the page
                # (and no Open Graph article meta declares it, nor the URL, minted when the story was
                # first published: "/2013/11/27/" under "November 28, 2013 -- Updated 0203 GMT").
                published, p_src = shown, "dom"
    if (
        published is not None
        and p_src in STRUCTURED
        and in_url is not None
        and in_url < day_of(published) - ONE_DAY
    ):
        # The address was minted the day the story first went out ("/2017/7/12/unter-uns-montauk"
        # under a JSON-LD datePublished of 2019-06-17): a markup day later than that by more than
        # a zone's offset is a re-stamp (a migration, a republish), as a byline's earlier day is.
        published, p_src = in_url, "url"
    unmarked = None
    if published is None and nodes is not None:
        (published, unmarked), p_src = (
            _marked(nodes, PUBLISHED_HINTS, default_first=True, languages=languages),
            "dom",
        )
    if modified is None and nodes is not None:
        modified, m_src = _marked(nodes, MODIFIED_HINTS, default_first=False)[0], "dom"
    # The URL's day beats a <time> nobody marked as the publication time (it may be a teaser's).
    if published is None:
        published, p_src = in_url, "url"
    if published is None and unmarked is not None:
        # Of the <time>s nobody marked, the byline's (after the headline) dates the story, not a
        # sidebar list's above it.
        published, p_src = _time_in_byline(tree, headline) or unmarked, "dom"
    if published is None:
        published, p_src = _written(body, headline, languages), "dom"
    if published is None:
        published, p_src = _announced(tree), "dom"
    if published is None:
        published, p_src = _scripted(tree), "dom"
    if published is None:
        published, p_src = _before_headline(body), "dom"
    if published is None:
        published, p_src = _data_layer(tree), "dom"
    if published is None and modified is None:
        modified, m_src = _written(body, headline, languages, updated=True), "dom"
    if published is None and modified is not None:
        published, p_src = modified, m_src  # a page that shows only when it was updated is dated by it
    if published is None:
        published, p_src = _data_stamp(tree), "dom"
    # A day in digits reads both ways ("03/10/2023"); when the URL has the other reading, it says which.
    if (
        p_src == "dom"
        and published is not None
        and in_url is not None
        and _swapped(day_of(published)) == in_url
    ):
        published, p_src = in_url, "url"
    if published is None:  # and so no modified date either (it would date the page): no offsets to give
        return Found()
    if nodes is None:
        nodes = tree.css(DATED_NODES)
    own_p = _stamps(metas, article, nodes, keys, PUBLISHED_LD)
    own_m = _stamps(metas, article, nodes, MODIFIED_META, MODIFIED_LD)
    published = _with_page_offset(published, own_p, own_p + own_m)
    modified = _with_page_offset(modified, own_m, own_p + own_m)
    if published is not None and modified is not None and day_of(modified) < day_of(published):
        modified = None  # an edit cannot precede publication: one of the two is a template default
    return Found(
        published=published,
        published_source=p_src if published else None,
        modified=modified,
        modified_source=m_src if modified else None,
    )


def weigh_dates(
    tree: LexborHTMLParser,
    *,
    metas: dict[str, list[str]],
    article: dict[str, Any] | None,
    url: str | None,
    title: str | None = None,
    languages: tuple[str, ...] = (),
) -> list[tuple[str, str, date]]:
    """For ``explain``: the first publication date each of ``find_dates``' readers finds, in its
    order, as (source, what, value); the one ``find_dates`` chose is among them.

    >>> tree = LexborHTMLParser("<p>Rain came back.</p>")
    >>> weigh_dates(tree, metas={"article:published_time": ["2020-05-01"]}, article=None, url=None)
    [('og', 'article:published_time', datetime.date(2020, 5, 1))]
    """
    headline = _headline_key(tree, title)
    body = _Body(tree, headline)
    seen: list[tuple[str, str, date | None]] = []
    for key in PUBLISHED_LD:
        found, _ = _structured(article, {}, (key,), (), languages)
        seen.append(("json-ld", key, found))
    for key in _published_metas(metas):
        found, source = _structured(None, metas, (), (key,), languages)
        seen.append((source or "meta", key, found))
    nodes = tree.css(DATED_NODES)
    marked, unmarked = _marked(nodes, PUBLISHED_HINTS, default_first=True, languages=languages)
    zone = functools.partial(_after_headline, body, headline, byline=True, languages=languages)
    seen += [
        ("dom", "marked time", marked),
        ("dom", "first time", unmarked),
        ("url", "url path", url_date(url)),
        ("dom", "byline time", _time_in_byline(tree, headline)),
        ("dom", "byline", zone(limit=MAX_BYLINE_TEXTS)),
        ("dom", "byline update", zone(updated=True, limit=MAX_UPDATE_TEXTS)),
        # the fallbacks of a page without markup, in find_dates' order: without them a day they chose
        # was no reader's (8 of half A's 288 dated pages; 16 without their structured data)
        ("dom", "written", _written(body, headline, languages)),
        ("dom", "announced", _announced(tree)),
        ("dom", "scripted", _scripted(tree)),
        ("dom", "above headline", _before_headline(body)),
        ("dom", "data layer", _data_layer(tree)),
        ("dom", "written update", _written(body, headline, languages, updated=True)),
        ("dom", "data stamp", _data_stamp(tree)),
    ]
    return [(source, what, value) for source, what, value in seen if value is not None]


def _declared(metas: dict[str, list[str]], keys: tuple[str, ...], day: date) -> bool:
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


def _same_moment(stamp: date, printed: date) -> bool:
    """Whether ``printed`` can be the day of ``stamp`` somewhere: a UTC instant is on one day or the
    next or previous one depending on the zone (at most MAX_SHIFT away); a local time or a day is on its own.

    A printed day that no zone reaches is another moment (the story first published, then re-stamped).
    """
    if isinstance(stamp, datetime) and stamp.utcoffset() is not None:
        utc = stamp.astimezone(UTC).replace(tzinfo=None)
        return (utc - MAX_SHIFT).date() <= day_of(printed) <= (utc + MAX_SHIFT).date()
    return day_of(stamp) == day_of(printed)


def _swapped(day: date) -> date | None:
    """The day with day and month read the other way round, when that is a day too."""
    return date(day.year, day.day, day.month) if day.day <= 12 and day.day != day.month else None


def _stamps(
    metas: dict[str, list[str]],
    article: dict[str, Any] | None,
    nodes: list[LexborNode],
    meta_keys: tuple[str, ...],
    ld_keys: tuple[str, ...],
) -> list[datetime]:
    """The zone-aware timestamps the page gives for one field: meta tags, JSON-LD, ``<time datetime>``."""
    values = [v for key in meta_keys for v in metas.get(key, ())]
    values += [v for key in ld_keys if isinstance(v := (article or {}).get(key), str)]
    values += [node.attributes.get("datetime") or "" for node in nodes if node.tag == "time"]
    found = (parse_date(value) for value in values if ("+" in value or "-" in value[10:] or "Z" in value))
    return [stamp for stamp in found if isinstance(stamp, datetime) and stamp.tzinfo is not None]


def _with_page_offset(value: date | None, own: list[datetime], stamps: list[datetime]) -> date | None:
    """The same moment written with the page's own UTC offset, when another source gives one.

    A zoneless "2020-03-27 10:00" beside "2020-03-27T10:00:00+09:00", a UTC "...T01:00:00Z" beside
    the same instant at "+09:00", a bare day beside a zoned stamp on that day: the zoned, local
    form wins, so the record carries an offset and its date part is the publisher's day. ``stamps``
    are all the page's zoned stamps; a bare day takes only one of ``own`` (the same field's sources).
    """
    if value is None:
        return None
    if not isinstance(value, datetime):
        return next((s for s in own if s.date() == value), value)
    if value.tzinfo is None:
        same = (s for s in stamps if _to_minute(s.replace(tzinfo=None)) == _to_minute(value))
        return next(same, None) or _shifted(value, stamps) or value
    if value.utcoffset() == timedelta(0):
        return next((s for s in stamps if s == value and s.utcoffset() != timedelta(0)), value)
    return value


def _shifted(local: datetime, stamps: list[datetime]) -> datetime | None:
    """A zoneless local time and a zoned stamp of the same instant: the local time with its offset.

    The two must agree to the second, and differ by whole quarter hours, at most 14 hours.
    """
    for stamp in stamps:
        shift = local - stamp.astimezone(UTC).replace(tzinfo=None)
        if local.second and shift and abs(shift) <= MAX_SHIFT and shift % QUARTER_HOUR == timedelta(0):
            return local.replace(tzinfo=timezone(shift))
    return None


def _to_minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _zone_unsure(value: date | None) -> bool:
    """A timestamp in UTC or without a zone: its day may not be the publisher's."""
    return isinstance(value, datetime) and value.utcoffset() in (None, timedelta(0))


def _local_day(
    stamp: date, url: str | None, nodes: list[LexborNode], byline: date | None = None
) -> tuple[date | None, str]:
    """The publisher's local day when a UTC (or zoneless) stamp lands one day off it.

    Such a timestamp does not say which day it was where the story was published; the day
    in the URL or printed in the byline does, and near midnight the two differ by one.
    """
    if not isinstance(stamp, datetime):
        return None, ""
    day = stamp.date()
    # Inhabited zones run from UTC-10 (news-wise) to UTC+14: only then can the local day differ.
    allowed = day - ONE_DAY if stamp.hour < 10 else day + ONE_DAY
    printed = next(
        (
            node.text(deep=True, separator=" ")
            for node in nodes
            if node.tag != "meta" and "datepublished" in (node.attributes.get("itemprop") or "").lower()
        ),
        None,
    )  # only the first: later ones belong to other stories on the page
    days = [
        (day_of(found), source)
        for found, source in ((url_date(url), "url"), (parse_date(printed), "dom"), (byline, "dom"))
        if found
    ]
    if any(local == day for local, _ in days):
        return None, ""  # the page confirms the stamp's day
    return next(((local, source) for local, source in days if local == allowed), (None, ""))


def _in_page_zone(
    stamp: datetime,
    local: date,
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    keys: tuple[str, ...],
    article: dict[str, Any] | None,
    nodes: list[LexborNode],
    byline: date | None = None,
) -> datetime | None:
    """The same instant in the publisher's zone, if the page reveals a zone that puts it on ``local``
    (``keys``: the page's publication metas, ``_published_metas``).

    Evidence: another timestamp of the page with a real offset (a modified time "+09:00"), the byline's
    local time of the same minute ("August 24, 2020 8:23 pm" beside "2020-08-25T00:23:33Z"), or the
    same instant written in local time without a zone ("2020-02-17 21:18:11" beside "...02:18:11Z").
    """
    values = [v for key in (*keys, *MODIFIED_META) for v in metas.get(key, ())]
    values += [v for k in ("dateModified", "dateCreated") if isinstance(v := (article or {}).get(k), str)]
    values += [n.attributes.get("datetime") or "" for n in nodes if n.tag == "time"]
    for value in values:
        other = parse_date(value)
        offset = other.utcoffset() if isinstance(other, datetime) else None
        if offset and day_of(moved := stamp.astimezone(timezone(offset))) == local:
            return moved
    utc = stamp.astimezone(UTC).replace(tzinfo=None)
    if isinstance(byline, datetime) and byline.tzinfo is None and byline.date() == local:
        shift = byline - _to_minute(utc)
        if byline.minute == utc.minute and abs(shift) <= MAX_SHIFT and shift % QUARTER_HOUR == timedelta(0):
            return stamp.astimezone(timezone(shift))
    minute = f":{utc.minute:02d}"
    # Such copies live in scripts (page variables, analytics); the rest of the page is not searched.
    texts = (t for node in tree.css("script") if minute in (t := node.text(deep=False)))
    for match in (m for text in texts for m in _ZONELESS.finditer(text)):
        seconds = match["S"]
        if int(match["M"]) != utc.minute or (seconds is not None and int(seconds) != utc.second):
            continue
        written = parse_date(match[0])
        if not isinstance(written, datetime) or written.tzinfo is not None:
            continue
        shift = written - utc.replace(second=written.second)
        if shift and abs(shift) <= MAX_SHIFT and shift % QUARTER_HOUR == timedelta(0):
            moved = stamp.astimezone(timezone(shift))
            if day_of(moved) == local:
                return moved
    return None


def _published_metas(metas: dict[str, list[str]]) -> tuple[str, ...]:
    """``PUBLISHED_META``, then the page's meta names it does not list that name a publication date
    in their own words (``_names_publication``), in the page's order.

    >>> page = {"w-published-date": [], "publisher": [], "last_published": [], "bt:pubdate": []}
    >>> _published_metas(page)[len(PUBLISHED_META) :]
    ('w-published-date', 'bt:pubdate')
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
        and bool(match[1] or word == "published" or _DATE_WORDS.intersection(words))
        for word in words
    )


def _structured(
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


def _marked(
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
            or (node.text(deep=True) if is_time or is_abbr else None)
        )
        if not value or _elsewhere(node):
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


def _time_in_byline(tree: LexborHTMLParser, headline: str) -> date | None:
    """The first ``<time>`` in the byline zone: after the headline, before the second later heading."""
    for node in _below_headline(tree.css("h1, h2, h3, h4, h5, h6, time"), headline, byline=True):
        if node.tag == "time" and not _elsewhere(node) and not _in_caption(node):
            value = node.attributes.get("datetime") or node.text(deep=True)
            found = parse_date(value) if value else None
            if found is not None:
                return found
    return None


@dataclass(frozen=True, slots=True)
class _Text:
    """A short text of the body (6 to MAX_TEXT_CHARS characters, trimmed), outside code."""

    parent: LexborNode
    text: str
    tag: ClassVar[str] = "-text"  # read as a text node is


_Item = LexborNode | _Text  # a heading (h1-h6) or a short text, as _Body gives them
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
    """The node as a date reader reads it: a heading, a short text (``_Text``) or nothing."""
    tag = node.tag  # a property that asks the parser: read once a node
    if tag in ALL_HEADINGS:
        return node
    if tag == "-text":
        text = (node.text_content or "").strip()
        if 6 <= len(text) <= MAX_TEXT_CHARS:
            parent = node.parent
            if parent is not None and parent.tag not in CODE:
                return _Text(parent, text)
    return None


class _Body:
    """The page's body as the date readers walk it, in page order: its headings and its short texts.

    Several readers walk it on one page (the byline zone two or three times, the texts above the
    headline, the printed days): it is walked once, and only as far as a reader has gone. The
    readers of what is near the headline walk from the headline, found by a query: on from it
    (``below``), and back from it (``above``). The usual page dates its story from the markup and
    reads only its byline zone, and the Python walk through the page's header and menus above the
    headline cost more than the rest of the date pass. The elements ``_written`` reads are found
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
        """The heading a walk of the body takes for the headline (``_below_headline``): the first
        h1-h3 in page order that ``_is_headline`` takes."""
        heads = self._body.css(_HEADLINE_QUERY) if self._body is not None else []
        return next((node for node in heads if _is_headline(node, self._headline_key)), None)

    @functools.cached_property
    def below(self) -> _Items:
        """The items from the headline on (the headline first), as ``_below_headline`` reads them."""
        start, body = self.headline, self._body
        return _Items(_onwards(start, body) if start is not None and body is not None else iter(()))

    def above(self) -> Iterator[_Text]:
        """The short texts before the headline, the nearest first (none when there is no headline)."""
        start, body = self.headline, self._body
        if start is None or body is None:
            return
        for node in _backwards(start, body):
            item = _item(node)
            if isinstance(item, _Text):
                yield item

    def read_date(self, text: str, languages: tuple[str, ...] = ()) -> date | None:
        """``parse_date(text, languages=languages)``, read once per page and text."""
        key = (text, languages)
        if key not in self._dates:
            self._dates[key] = parse_date(text, languages=languages)
        return self._dates[key]

    def is_widget(self, node: LexborNode) -> bool:
        """``_widget(node)``, looked at once per page and element."""
        key = node.mem_id
        if key not in self._widgets:
            self._widgets[key] = _widget(node)
        return self._widgets[key]

    def is_caption(self, node: LexborNode) -> bool:
        """``_in_caption(node)``, looked at once per page and element."""
        key = node.mem_id
        if key not in self._captions:
            self._captions[key] = _in_caption(node)
        return self._captions[key]

    @property
    def written_query(self) -> list[LexborNode]:
        """The headings and byline-like elements ``_written`` reads, in page order."""
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


def _below_headline(nodes: Iterable[_Node], headline: str, *, byline: bool) -> Iterator[_Node]:
    """The nodes after the headline (``_is_headline``), in the order given.

    ``byline``: only the byline zone's, which closes at the second later heading (one, a dek, may
    stand between headline and byline); dates below are other stories' (a list of cards).
    """
    seen = False
    headings = 0
    for node in nodes:
        if not seen:
            seen = isinstance(node, LexborNode) and node.tag in HEADINGS and _is_headline(node, headline)
            continue
        if byline and node.tag in LATER_HEADINGS:
            headings += 1
            if headings > MAX_BYLINE_HEADINGS:
                return
        yield node


def _written(body: _Body, headline: str, languages: tuple[str, ...], *, updated: bool = False) -> date | None:
    """A date written in words in a byline-like element (the slow path, for pages without markup).

    Dates after the headline win over dates before it: a site header often shows today's date.
    Only the byline zone counts as after it: a date below a later heading belongs to the body
    or to a list of other stories ("Read more": each card's date under its own heading).

    The reading stops after MAX_TEXT_NODES elements; those ``_elsewhere`` (an aside's rail of 40
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
        if not heading and _elsewhere(node):
            continue  # (a rail of other stories' times uses up no reading)
        looked += 1
        if looked > MAX_TEXT_NODES:
            break
        if heading:
            at_headline = _is_headline(node, headline)  # the byline zone opens at each headline match
            past_byline = not at_headline and (past_byline or seen_h1)
            seen_h1 = seen_h1 or at_headline
            continue
        text = node.text(deep=True, separator=" ")
        if not text or len(text) > MAX_TEXT_CHARS or _widget(node):
            continue
        if _wraps_widget(node, text) or body.is_caption(node):
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
        return before or later or _after_headline(body, headline, updated=True, short_years=True)
    # A date above the headline is often the site header's "today": plain text below it first.
    has_headline = seen_h1 or body.headline is not None
    near = _after_headline(body, headline, byline=True, short_years=True) if has_headline else None
    kicker = _before_headline(body) if has_headline else None
    return near or kicker or before or later or _after_headline(body, headline, short_years=True)


def _after_headline(
    body: _Body,
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
    for item in _below_headline(body.below, headline, byline=byline):
        if not isinstance(item, _Text) or body.is_widget(item.parent):
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
            found = _labelled_short_year(text, updated=updated, languages=languages)
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
    before the Open Graph guard (``_declared``) existed: half A +2/-5, half B -2.
    """
    match = UPDATED_WORDS.search(text)
    return match is not None and len(text) <= MAX_LABEL_CHARS and not any(c.isdigit() for c in text)


def _printed(body: _Body, day: date) -> bool:
    """Whether a short text of the body reads as ``day`` (fast parsers only)."""
    for item in body:
        if not isinstance(item, _Text):
            continue
        text = item.text
        if any(c.isdigit() for c in text):
            found = body.read_date(text)
            if found is not None and day_of(found) == day:
                return True
    return False


def _before_headline(body: _Body) -> date | None:
    """The date in the short texts just above the headline (a kicker line "Dec 12, 2025 · 5 min read").

    Only the last MAX_KICKER_TEXTS texts before the headline are read, nearest first: the site
    header's "today" sits further up.
    """
    nearest = (
        item.text
        for item in body.above()
        if not body.is_widget(item.parent) and not body.is_caption(item.parent)
    )
    for text in itertools.islice(nearest, MAX_KICKER_TEXTS):
        found = body.read_date(_publication_part(text))
        if found is not None:
            return found
    return None


def _announced(tree: LexborHTMLParser) -> date | None:
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
            if parent is not None and parent.tag not in CODE and not _elsewhere(parent):
                found = parse_date(_publication_part(text))
                if found is not None:
                    return found
    return None


def _scripted(tree: LexborHTMLParser) -> date | None:
    """A date an inline script prints where it stands: ``<script>showDate("2020/04/17 01:43")</script>``.

    Old CMS templates write the byline date with a one-line call; nothing else on such pages dates them.
    """
    for node in tree.css("body script:not([src])"):
        text = node.text(deep=True)
        if len(text) > MAX_SCRIPT_CHARS or _elsewhere(node):
            continue
        match = _PRINT_CALL.match(text)
        if match is not None:
            found = parse_date(match["arg"])
            if found is not None:
                return found
    return None


def _data_layer(tree: LexborHTMLParser) -> date | None:
    """The post's day a tag-manager data layer declares (``_DATA_LAYER_DAY``), before the page's
    updated day stands in for it.

    >>> _data_layer(LexborHTMLParser('<script>var d = {"pagePostDate":"July 28, 2025"};</script>'))
    datetime.date(2025, 7, 28)
    """
    for node in tree.css("script:not([src])"):
        match = _DATA_LAYER_DAY.search(node.text(deep=True))
        if match is not None:
            return parse_date(match["value"])
    return None


def _data_stamp(tree: LexborHTMLParser) -> date | None:
    """The first machine time kept in a data attribute (``STAMP_ATTRIBUTES``): the last resort.

    A page rendered by scripts may print only "Jul 10" and keep the instant beside it; the first
    such stamp outside chrome and widgets is the page's own (later ones are replies, a feed).
    """
    for node in tree.css(_STAMP_QUERY):
        if _widget(node) or _elsewhere(node):
            continue
        for name in STAMP_ATTRIBUTES:
            value = node.attributes.get(name)
            found = parse_date(value) if value else None
            if found is not None:
                return found
    return None


def _publication_part(text: str) -> str:
    """The part of a byline line that holds the publication date, not the update's.

    "Published March 4 2021, updated March 5" -> after "Published"; "Updated March 5" -> "".
    """
    published = _after_label(text, PUBLISHED_WORDS)
    if published is not None:
        return published
    match = UPDATED_WORDS.search(text)
    return text[: match.start()] if match is not None else text


def _updated_part(text: str) -> str:
    """The part of a byline line after "Updated" ("Updated: December 9, 2025" -> the date), or ""."""
    return _after_label(text, UPDATED_WORDS) or ""


def _after_label(text: str, label: re.Pattern[str]) -> str | None:
    """The text after its first ``label`` (``PUBLISHED_WORDS``, ``UPDATED_WORDS``); None without one."""
    match = label.search(text)
    return text[match.end() :] if match is not None else None


def _headline_key(tree: LexborHTMLParser, title: str | None) -> str:
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


def _is_headline(node: LexborNode, headline: str) -> bool:
    """Whether a heading is the story's headline (``headline`` as ``_headline_key`` gives it)."""
    return phrase_key(node.text(deep=True)) == headline if headline else node.tag == "h1"


def _widget(node: LexborNode) -> bool:
    marks = ((node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")).lower()
    return any(hint in marks for hint in WIDGET_HINTS)


def _wraps_widget(node: LexborNode, text: str) -> bool:
    """Whether an element is only the box around a clock: all its text is a widget's inside it
    (<div class="block-date"><p id="todays-date-custom">Friday, December 19, 2025</p></div>)."""
    inner = node.css_first(_WIDGET_QUERY)
    return inner is not None and squash(inner.text(deep=True, separator=" ")) == squash(text)


def _in_caption(node: LexborNode) -> bool:
    """Whether ``node`` is a figure or its caption, or inside one (``CAPTION_TAGS``), looking at most
    MAX_CHROME_CLIMB elements up, below ``<body>``."""
    for current in itertools.islice(itertools.chain((node,), ancestors(node)), MAX_CHROME_CLIMB):
        tag = current.tag
        if tag == "body":
            return False
        if tag in CAPTION_TAGS:
            return True
    return False


def _elsewhere(node: LexborNode) -> bool:
    """``outside_story`` looking at most MAX_CHROME_CLIMB ancestors up (one per candidate element), or
    inside a comment or another story's card (``OTHER_DATES_BOXES``), below ``<body>``."""
    parent = node.parent
    depth = 0
    while parent is not None and depth < MAX_CHROME_CLIMB:
        if parent.tag in CHROME_BOXES:
            return True
        if parent.tag == "body":
            return False
        marks = class_and_id(parent)
        if any(box in marks for box in OTHER_DATES_BOXES):
            return True
        parent = parent.parent
        depth += 1
    return False
