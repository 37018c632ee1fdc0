"""Find the published and modified dates of a page, best evidence first.

Ranking (first plausible value wins): JSON-LD datePublished/dateCreated, publication meta
tags, ``itemprop=datePublished`` elements, a ``<time>`` marked as the publication time, the
URL path, then dates written in byline-like elements, and last a machine time kept in a data
attribute. Modified dates come from their own sources only, so a page's "Updated ..." never
replaces its publication day.

The readers live beside this module, one kind of evidence each: ``_datemarkup`` (what the markup
declares), ``_datetext`` (what the page prints), ``_datezone`` (the publisher's day and offset), all
reading the page as ``_datewalk`` walks it. Here they are ordered and weighed (``find_dates``), and
each one's first reading is listed for ``explain`` (``weigh_dates``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ._datemarkup import (
    DATED_NODES,
    MODIFIED_HINTS,
    MODIFIED_LD,
    MODIFIED_META,
    PUBLISHED_HINTS,
    PUBLISHED_LD,
    data_layer,
    data_stamp,
    declared,
    marked_dates,
    published_metas,
    structured_date,
    time_in_byline,
)
from ._dates import day_of, url_date
from ._datetext import after_headline, announced, before_headline, is_printed, scripted, written
from ._datewalk import Body, headline_key
from ._datezone import (
    ONE_DAY,
    in_page_zone,
    local_day,
    same_moment,
    with_page_offset,
    zone_unsure,
    zoned_stamps,
)

# A printed date older than the markup's wins when it is among the first texts after the headline.
MAX_BYLINE_TEXTS = 6  # swept: benchmarks/fit_dates.py --sweep
# An "Updated" day newer than the markup's, among the first texts after the headline, wins when the
# markup's day is printed nowhere (what the reader sees is the update).
MAX_UPDATE_TEXTS = 10  # swept: benchmarks/fit_dates.py --sweep
STRUCTURED = frozenset({"json-ld", "og", "meta"})


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
    headline = headline_key(tree, title)
    body = Body(tree, headline)
    in_url = url_date(url)  # the day the story's address was minted with, if it was
    keys = published_metas(metas)  # read once: the finder, the zone and the offset readers share it
    published, p_src = structured_date(article, metas, PUBLISHED_LD, keys, languages)
    modified, m_src = structured_date(article, metas, MODIFIED_LD, MODIFIED_META, languages)
    nodes = None
    if published is None or modified is None or zone_unsure(published):
        nodes = tree.css(DATED_NODES)
    # The first date printed in the byline zone (None when the markup dates nothing).
    printed = None
    if published is not None:
        printed = after_headline(body, headline, limit=MAX_BYLINE_TEXTS, byline=True, languages=languages)
        if printed is None:
            # No byline day below the headline, and the markup's day shows nowhere: the dated bar just
            # above the headline is the one the reader sees ("Travel | September 8, 2021" over the h1).
            # WCXB half A: 2 article pages of 2 sites move right, none away; half B 1 right; the dates
            # set, aeb and the no-structured runs unchanged. Without the guard (refused): a preprint's
            # "first published" <time> above a journal's headline whose day is printed beside it (A -1),
            # another story's card over a Danish story (dates set -1).
            kicker = before_headline(body)  # (read first: is_printed reads every text of the page)
            if kicker is not None and not is_printed(body, day_of(published)):
                printed = kicker
    if published is not None and nodes is not None and zone_unsure(published):
        local, source = local_day(published, url, nodes, printed)
        if local is not None and isinstance(published, datetime) and published.tzinfo is not None:
            # A UTC instant is exact: keep it, in the page's own zone when the page reveals it.
            zoned = in_page_zone(published, local, tree, metas, keys, article, nodes, printed)
            published = zoned or published
        elif local is not None:
            published, p_src = local, source  # a zoneless stamp: the page's printed day is surer
    if published is not None and p_src in STRUCTURED:
        if (
            printed is not None
            and day_of(printed) < day_of(published)
            and not same_moment(published, printed)
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
                after_headline(
                    body, headline, updated=True, limit=MAX_UPDATE_TEXTS, byline=True, languages=languages
                )
                or printed
            )
            if (
                shown is not None
                and day_of(shown) > day_of(published)
                and not is_printed(body, day_of(published))
                and not declared(metas, keys, day_of(published))
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
            marked_dates(nodes, PUBLISHED_HINTS, default_first=True, languages=languages),
            "dom",
        )
    if modified is None and nodes is not None:
        modified, m_src = marked_dates(nodes, MODIFIED_HINTS, default_first=False)[0], "dom"
    # The URL's day beats a <time> nobody marked as the publication time (it may be a teaser's).
    if published is None:
        published, p_src = in_url, "url"
    if published is None and unmarked is not None:
        # Of the <time>s nobody marked, the byline's (after the headline) dates the story, not a
        # sidebar list's above it.
        published, p_src = time_in_byline(tree, headline) or unmarked, "dom"
    if published is None:
        published, p_src = written(body, headline, languages), "dom"
    if published is None:
        published, p_src = announced(tree), "dom"
    if published is None:
        published, p_src = scripted(tree), "dom"
    if published is None:
        published, p_src = before_headline(body), "dom"
    if published is None:
        published, p_src = data_layer(tree), "dom"
    if published is None and modified is None:
        modified, m_src = written(body, headline, languages, updated=True), "dom"
    if published is None and modified is not None:
        published, p_src = modified, m_src  # a page that shows only when it was updated is dated by it
    if published is None:
        published, p_src = data_stamp(tree), "dom"
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
    own_p = zoned_stamps(metas, article, nodes, keys, PUBLISHED_LD)
    own_m = zoned_stamps(metas, article, nodes, MODIFIED_META, MODIFIED_LD)
    published = with_page_offset(published, own_p, own_p + own_m)
    modified = with_page_offset(modified, own_m, own_p + own_m)
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
    headline = headline_key(tree, title)
    body = Body(tree, headline)
    seen: list[tuple[str, str, date | None]] = []
    for key in PUBLISHED_LD:
        found, _ = structured_date(article, {}, (key,), (), languages)
        seen.append(("json-ld", key, found))
    for key in published_metas(metas):
        found, source = structured_date(None, metas, (), (key,), languages)
        seen.append((source or "meta", key, found))
    nodes = tree.css(DATED_NODES)
    marked, unmarked = marked_dates(nodes, PUBLISHED_HINTS, default_first=True, languages=languages)
    zone = functools.partial(after_headline, body, headline, byline=True, languages=languages)
    seen += [
        ("dom", "marked time", marked),
        ("dom", "first time", unmarked),
        ("url", "url path", url_date(url)),
        ("dom", "byline time", time_in_byline(tree, headline)),
        ("dom", "byline", zone(limit=MAX_BYLINE_TEXTS)),
        ("dom", "byline update", zone(updated=True, limit=MAX_UPDATE_TEXTS)),
        # the fallbacks of a page without markup, in find_dates' order: without them a day they chose
        # was no reader's (8 of half A's 288 dated pages; 16 without their structured data)
        ("dom", "written", written(body, headline, languages)),
        ("dom", "announced", announced(tree)),
        ("dom", "scripted", scripted(tree)),
        ("dom", "above headline", before_headline(body)),
        ("dom", "data layer", data_layer(tree)),
        ("dom", "written update", written(body, headline, languages, updated=True)),
        ("dom", "data stamp", data_stamp(tree)),
    ]
    return [(source, what, value) for source, what, value in seen if value is not None]


def _swapped(day: date) -> date | None:
    """The day with day and month read the other way round, when that is a day too."""
    return date(day.year, day.day, day.month) if day.day <= 12 and day.day != day.month else None
