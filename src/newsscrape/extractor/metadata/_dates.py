"""Date strings -> ``datetime`` (zone-aware when the page gives a zone) or ``date`` (day only).

The fast path is a hand-rolled ISO 8601 reader: most structured values (JSON-LD, meta tags,
``<time datetime>``) are ISO. RFC 2822 goes through ``email.utils``; numeric and
month-name dates in running text through small regexes; dateparser is the last resort, for
short snippets only, because it costs milliseconds per call.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from .._text import fold

# Dates outside [EARLIEST, now + FUTURE_SLACK] are template defaults, copyright years or
# scheduled events, not the publication date of a page.
EARLIEST = date(1990, 1, 1)
FUTURE_SLACK = timedelta(days=1)

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
    r"(?:(?:T|\s+|\s*,\s*)(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]?\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-][01]\d(?::?[0-5]\d)?)?)?(?![\d])"
)
# A compact 8-digit stamp (20200415) is read only when it stands alone.
_COMPACT = re.compile(r"(?:19|20)\d{6}")
# 27.03.2020, 27/03/2020, 3/27/2020: day-first unless the first number cannot be a day.
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)[./-](?P<b>[0-3]?\d)[./-](?P<y>(?:19|20)\d\d)(?!\d)")
# Month names (and genitive forms) of the languages most news pages are written in; the
# first language listing a name owns it. dateparser handles the rest, slowly.
_MONTH_NAMES = (
    "january jan janvier janv januar jän enero ene janeiro gennaio genn januari ianuarie ian stycznia"
    " января январь січня ocak tammikuuta",
    "february feb février févr fév februar febrero febr fevereiro fev febbraio febbr februari februarie"
    " lutego февраля февраль лютого şubat helmikuuta",
    "march mar mars märz marzo março marco maart martie marca марта март березня mart maaliskuuta maret",
    "april apr avril avr abril aprile aprilie kwietnia апреля апрель квітня nisan huhtikuuta",
    "may mai mayo maio maggio mag mei maj maja мая май травня mayıs toukokuuta",
    "june jun juin juni junio junho giugno giu iunie czerwca июня июнь червня haziran kesäkuuta",
    "july jul juillet juil juli julio julho luglio lug iulie lipca июля июль липня temmuz heinäkuuta",
    "august aug août aout agosto ago augustus augusti sierpnia августа август серпня ağustos elokuuta"
    " agustus",
    "september sep sept septembre septiembre setembro set settembre septembrie września сентября сентябрь"
    " вересня eylül syyskuuta",
    "october oct octobre oktober octubre outubro out ottobre ott okt octombrie października октября октябрь"
    " жовтня ekim lokakuuta",
    "november nov novembre noviembre novembro noiembrie listopada ноября ноябрь листопада kasım marraskuuta",
    "december dec décembre déc dezember dez diciembre dic dezembro dicembre decembrie grudnia декабря"
    " декабрь грудня aralık joulukuuta desember",
)
# Arabic: the Egyptian/Gulf names and the Levantine ones (two-word names keep their second word).
_MONTH_NAMES_AR = (
    "يناير كانون_الثاني",
    "فبراير شباط",
    "مارس آذار",
    "أبريل ابريل إبريل نيسان",
    "مايو أيار",
    "يونيو يونيه حزيران",
    "يوليو يوليه تموز",
    "أغسطس اغسطس آب",
    "سبتمبر أيلول",
    "أكتوبر اكتوبر تشرين_الأول",
    "نوفمبر تشرين_الثاني",
    "ديسمبر كانون_الأول",
)
# The Solar Hijri months: Iranian sites print their days in that calendar ("۲۱ اردیبهشت ۱۳۹۹ - ۱۸:۵۹"
# is May 10, 2020, 18:59), in Persian digits or Latin ones, some typing the Arabic ي and ك for ی and ک.
# The dates set: 3 pages of 3 sites print only such a day where their markup is cut (quality.py
# --no-structured), 2 of them read right with it (the third's truth reads Tir, the 4th month, as July).
_SOLAR_HIJRI_NAMES = "فروردین اردیبهشت خرداد تیر مرداد شهریور", "مهر آبان آذر دی بهمن اسفند"  # (two halves)
SOLAR_HIJRI_MONTHS = {
    name: number for number, name in enumerate(" ".join(_SOLAR_HIJRI_NAMES).split(), start=1)
}
_ARABIC_LETTERS = str.maketrans("يك", "یک")
_SOLAR_HIJRI = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<mon>[\u0600-\u06ff]{2,9})\s+(?P<y>1[34]\d\d)(?!\d)")
_EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")  # Arabic-Indic and Persian digits
MONTHS: dict[str, int] = {}
for _table in (_MONTH_NAMES, _MONTH_NAMES_AR):
    for _number, _names in enumerate(_table, start=1):
        for _name in _names.split():
            MONTHS.setdefault(_name.split("_")[0] if "_" not in _name else _name.replace("_", " "), _number)
# A month name, maybe followed by its other name ("نيسان / أبريل", "Dec./Déc.").
_MONTH = r"(?P<mon>[^\W\d_]{2,12})\.?(?:\s*/\s*[^\W\d_]{2,12}\.?)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WORDY = (
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),  # March 27, 2020
    re.compile(rf"(?<![\w.]){_DAY}\s*(?:de\s+)?{_MONTH}\s*,?\s*(?:de\s+)?{_YEAR}(?!\d)", re.IGNORECASE),
)
# Year first, anywhere in running text: 2020-03-27, 2020/03/27, 2020.03.27, 2020年3月27日, 2020년 3월 27일.
_YEAR_FIRST = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:[-/.]\s?|\s*[年년]\s*)(?P<m>[01]?\d)(?:[-/.]\s?|\s*[月월]\s*)(?P<d>[0-3]?\d)(?!\d)"
)
# A time of day right after a written date: "..., 2019 4:15 pm", "27.03.2020, 10:00 Uhr", "... at 9.30am".
_CLOCK = re.compile(
    r"[日일]?\s*(?:,|\||-|\u2013|\u00b7)?\s*(?:at|um|à|a las|alle|om|o|kl\.?|в)?\s*"
    r"(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?!\d)"
    r"\s*(?P<ampm>[ap]\.?m\.?(?!\w))?\s*(?P<tz>Z|UTC|GMT|[+-][01]\d(?::?[0-5]\d)?)?(?![\w+-])",
    re.IGNORECASE,
)
_AM_PM = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year of ours, in digits
_HAS_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
# dateparser sees only short snippets that hold a year and a day number but no date we could read.
MAX_FUZZY_CHARS = 60
_URL_DATE = (
    re.compile(r"/((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)-([01]?\d)-([0-3]?\d)(?:[/_.-]|$)"),
    # unpadded, as folders only ("/2019/11/8/", Vox Media's and Squarespace's paths), so that a
    # slug's number is no day ("/2023/10/3-questions-for-...")
    re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/"),
)
# A month written as a word in the path: "/2023/oct/03/" (The Guardian), "/2023/october/03/".
_URL_DATE_WORDY = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/([0-3]?\d)(?:[/_.-]|$)", re.IGNORECASE)
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def parse_date(
    text: str | None, *, now: datetime | None = None, fuzzy: bool = False, languages: tuple[str, ...] = ()
) -> date | None:
    """A plausible date or datetime from a string; None when there is none.

    >>> parse_date("2020-03-27T10:00:00+01:00"), parse_date("27 March 2020")
    (datetime.datetime(2020, 3, 27, 10, 0, tzinfo=...), datetime.date(2020, 3, 27))

    ``fuzzy`` allows the slow dateparser fallback for free text (``languages`` narrows it).
    """
    if not text:
        return None
    text = fold(text)[:200]
    value = (
        _parse_iso(text)
        or _parse_rfc2822(text)
        or _parse_words(text, month_first=_month_first(languages))
        or _parse_solar_hijri(text)
    )
    if (
        value is None
        and fuzzy
        and len(text) <= MAX_FUZZY_CHARS
        and HAS_YEAR.search(text)
        and _HAS_DAY.search(text)
    ):
        value = _dateparser(text, languages)
    return value if value is not None and plausible(value, now=now) else None


# A day with a two-digit year at the head of a text ("6.12.06", "1/23/21", "am 12.11.16"): read only
# where a label says the text is the page's date ("Veröffentlicht am 6.12.06", "Last updated: 1/23/21");
# elsewhere such numbers are as often versions, scores and fractions.
_SHORT_YEAR = re.compile(
    r"\W{0,3}(?:(?:am|on|le|el|il|em)\s+)?(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d\d)(?![\d./])",
    re.IGNORECASE,
)


def parse_labelled_short_year(
    text: str, *, now: datetime | None = None, languages: tuple[str, ...] = ()
) -> date | None:
    """The day a labelled text opens with when its year has two digits; day first but in US
    English with slashes, and the other way round when that reading is no day.

    >>> parse_labelled_short_year(" am 6.12.06"), parse_labelled_short_year(": 1/23/21")
    (datetime.date(2006, 12, 6), datetime.date(2021, 1, 23))
    """
    match = _SHORT_YEAR.match(fold(text)[:40])
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), 2000 + int(match["y"])
    if year > (now or datetime.now(UTC)).year:
        year -= 100  # "12.11.98" is 1998
    if match["sep"] == "/" and _month_first(languages):
        day = _make_date(year, a, b) or _make_date(year, b, a)
    else:
        day = _make_date(year, b, a) or _make_date(year, a, b)
    return day if day is not None and plausible(day, now=now) else None


# What may stand around a date on a line that is only that date: a weekday or label word before it
# ("Friday, 19 December 2025"), a time of day after it, and punctuation.
_BARE_LEAD = re.compile(r"\W*(?:[^\W\d_]{2,12}\.?,?\s+)?")
_BARE_REST = re.compile(r"[\W日일]*")


def is_bare_date(text: str) -> bool:
    """Whether ``text`` is a day and nothing more (a weekday, a time of day and punctuation aside),
    in one of the forms the parser reads, its month a name it knows.

    >>> is_bare_date("December 19, 2025"), is_bare_date("Fri, 19 Dec 2025 10:15"), is_bare_date("2025-12-19")
    (True, True, True)
    >>> is_bare_date("On December 19, 2025 the council met"), is_bare_date("Version 2.1.2025")
    (False, False)
    >>> is_bare_date("2025年12月19日"), is_bare_date("March 2025")
    (True, False)
    """
    text = text.strip()
    if len(text) > 50 or HAS_YEAR.search(text) is None:
        return False
    lead = _BARE_LEAD.match(text)  # (it matches every text, maybe empty)
    at = lead.end() if lead is not None else 0
    for pattern in (_ISO, _NUMERIC, _YEAR_FIRST, *_WORDY):
        wordy = "mon" in pattern.groupindex
        # a word before a date in figures is no weekday ("Version 2.1.2025")
        for candidate in (at, 0) if wordy and at else (0,):
            match = pattern.match(text, candidate)
            if match is None or (wordy and match["mon"].lower() not in MONTHS):
                continue
            end = match.end()
            clock = _CLOCK.match(text, end)
            if clock is not None:
                end = clock.end()
            rest = _BARE_REST.match(text, end)
            if rest is not None and rest.end() == len(text):
                return True
    return False


def plausible(value: date, *, now: datetime | None = None) -> bool:
    """Between 1990 and tomorrow (a page cannot be published in the future).

    >>> plausible(date(2020, 5, 1)), plausible(date(1980, 1, 1))
    (True, False)
    """
    day = day_of(value)
    today = (now or datetime.now(UTC)).date()
    return EARLIEST <= day <= today + FUTURE_SLACK


def day_of(value: date) -> date:
    """The calendar day of a date or a datetime (in the datetime's own zone).

    >>> day_of(datetime(2020, 3, 27, 23, 30)), day_of(date(2020, 3, 27))
    (datetime.date(2020, 3, 27), datetime.date(2020, 3, 27))
    """
    return value.date() if isinstance(value, datetime) else value


def as_timestamp(value: date) -> datetime:
    """The record's one form of a date: a zone-aware datetime, whole seconds.

    A page that gives no offset for the moment (a local time without a zone, or only a day)
    gets its wall-clock time (midnight for a day) with a ``+00:00`` offset, so the date part is
    always the day the page shows and a column of them reads as one timestamp type.

    >>> as_timestamp(date(2020, 3, 27)).isoformat()
    '2020-03-27T00:00:00+00:00'
    """
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).replace(microsecond=0)


def url_date(url: str | None, *, now: datetime | None = None) -> date | None:
    """The day in a URL path like ``/2020/05/01/``, ``/2020/5/1/``, ``/2020-05-01-slug`` or
    ``/2020/may/01/``.

    >>> url_date("https://example.com/news/2020/05/01/story.html")
    datetime.date(2020, 5, 1)
    """
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            day = _make_date(int(match[1]), int(match[2]), int(match[3]))
            if day is not None and plausible(day, now=now):
                return day
    match = _URL_DATE_WORDY.search(path)
    month = MONTHS.get(match[2].lower()) if match else None
    if match and month:
        day = _make_date(int(match[1]), month, int(match[3]))
        if day is not None and plausible(day, now=now):
            return day
    return None


def _parse_iso(text: str) -> date | None:
    match = _ISO.match(text)
    if match is None:
        if len(text) == 8 and _COMPACT.fullmatch(text):
            return _make_date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) in (10, 13) and text.isdigit():  # a Unix timestamp, in seconds or milliseconds
            return datetime.fromtimestamp(int(text[:10]), tz=UTC)
        return None
    day = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None or match["H"] is None:
        return day
    try:
        return datetime(
            day.year,
            day.month,
            day.day,
            int(match["H"]),
            int(match["M"]),
            int(match["S"] or 0),
            tzinfo=_zone(match["tz"]),
        )
    except ValueError:  # 24:00 and the like: the day is still right
        return day


def _zone(tz: str | None) -> timezone | None:
    if not tz:
        return None
    if tz in ("Z", "UTC", "GMT"):
        return UTC
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if tz[0] == "-" else minutes))


def _parse_rfc2822(text: str) -> date | None:
    # "Fri, 27 Mar 2020 10:00:00 GMT": only try when it looks like one (a weekday comma or a clock).
    if ":" not in text or not text[:1].isalpha() or _AM_PM.search(text):
        return None  # email.utils ignores "pm": "4:15 pm" would become 04:15
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_words(text: str, *, month_first: bool) -> date | None:
    match = _YEAR_FIRST.search(text)
    if match is not None:
        day = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day is not None:
            return _with_clock(day, text, match.end())
    for pattern in _WORDY:
        for match in pattern.finditer(text):
            month = MONTHS.get(match["mon"].lower())
            if month is not None:
                day = _make_date(int(match["y"]), month, int(match["d"]))
                if day is not None:
                    return _with_clock(day, text, match.end())
    match = _NUMERIC.search(text)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    if month_first:
        day = _make_date(year, a, b) or _make_date(year, b, a)
    else:
        day = _make_date(year, b, a) or _make_date(year, a, b)
    return _with_clock(day, text, match.end()) if day is not None else None


def _parse_solar_hijri(text: str) -> date | None:
    """A day of the Solar Hijri calendar written with its month's name, as a Gregorian one.

    >>> _parse_solar_hijri("۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵")
    datetime.datetime(2020, 2, 18, 6, 55)
    """
    if _EASTERN_DIGITS.search(text) is None and "13" not in text and "14" not in text:
        return None  # (no year of the calendar: most texts leave here)
    text = "".join(str(int(c)) if c.isdecimal() else c for c in text)  # ۱۳۹۹ -> 1399
    for match in _SOLAR_HIJRI.finditer(text):
        month = SOLAR_HIJRI_MONTHS.get(match["mon"].translate(_ARABIC_LETTERS))
        if month is not None:
            day = _from_solar_hijri(int(match["y"]), month, int(match["d"]))
            if day is not None:
                return _with_clock(day, text, match.end())
    return None


def _from_solar_hijri(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri one (jdatetime's conversion, the official calendar's leap
    years); None for a day the month does not have.

    >>> _from_solar_hijri(1399, 1, 1)
    datetime.date(2020, 3, 20)
    """
    import jdatetime  # imported here: only a Solar Hijri day asks for it

    try:
        gregorian: date = jdatetime.date(year, month, day).togregorian()
    except ValueError:  # "day is out of range for month"
        return None
    return gregorian


def _with_clock(day: date, text: str, end: int) -> date:
    """The day with the time written right after it ("October 8, 2019 4:15 pm" -> 16:15), if any.

    The time stays naive (local to the page) unless UTC/GMT or a numeric offset follows it.
    """
    match = _CLOCK.match(text, end)
    if match is None:
        return day
    hour, minute = int(match["H"]), int(match["M"])
    half = (match["ampm"] or "").replace(".", "").lower()
    if half and not 1 <= hour <= 12:
        return day
    if half == "pm" and hour != 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return day
    second = int(match["S"] or 0)
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=_zone(match["tz"]))


def _month_first(languages: tuple[str, ...]) -> bool:
    # Month-first numeric dates (3/27/2020) are a US habit; everyone else writes the day first.
    return bool(languages) and languages[0] in ("en-us", "en")


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dateparser(text: str, languages: tuple[str, ...]) -> date | None:
    value = _dateparser_cached(text, languages)
    if value is None:
        return None
    # dateparser returns midnight for a bare day: a day is all we know then.
    if value.hour == value.minute == value.second == 0 and value.tzinfo is None:
        return value.date()
    return value


@lru_cache(maxsize=512)
def _dateparser_cached(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # slow to load, and needed only for free-text dates

    langs = [lang.split("-")[0] for lang in languages] or None
    try:
        result = dateparser.parse(text, languages=langs, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; a miss is a miss
        return None
    return result if isinstance(result, datetime) else None
