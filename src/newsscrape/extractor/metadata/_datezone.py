"""The publisher's day and UTC offset of a date: a UTC or zoneless stamp moved to the local day
the page shows (``local_day``, ``in_page_zone``), a value given the offset the page's other stamps
carry (``with_page_offset``), and whether two readings can be one moment (``same_moment``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._datemarkup import MODIFIED_META
from ._dates import day_of, parse_date, url_date

ONE_DAY = timedelta(days=1)
# A zone is a whole quarter hour from UTC, at most 14 hours away.
QUARTER_HOUR = timedelta(minutes=15)
MAX_SHIFT = timedelta(hours=14)
# A machine-written local time without a zone ("2020-02-17 21:18:11"), as scripts and attributes hold them.
_ZONELESS = re.compile(
    r"(?<![\d-])(?:19|20)\d\d-[01]\d-[0-3]\d[T ][0-2]\d:(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d.:]|Z|[+-]\d)"
)


def zone_unsure(value: date | None) -> bool:
    """A timestamp in UTC or without a zone: its day may not be the publisher's."""
    return isinstance(value, datetime) and value.utcoffset() in (None, timedelta(0))


def local_day(
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


def in_page_zone(
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
    (``keys``: the page's publication metas, ``published_metas``).

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


def same_moment(stamp: date, printed: date) -> bool:
    """Whether ``printed`` can be the day of ``stamp`` somewhere: a UTC instant is on one day or the
    next or previous one depending on the zone (at most MAX_SHIFT away); a local time or a day is on its own.

    A printed day that no zone reaches is another moment (the story first published, then re-stamped).
    """
    if isinstance(stamp, datetime) and stamp.utcoffset() is not None:
        utc = stamp.astimezone(UTC).replace(tzinfo=None)
        return (utc - MAX_SHIFT).date() <= day_of(printed) <= (utc + MAX_SHIFT).date()
    return day_of(stamp) == day_of(printed)


def zoned_stamps(
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


def with_page_offset(value: date | None, own: list[datetime], stamps: list[datetime]) -> date | None:
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
