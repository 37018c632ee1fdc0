"""Dates as sitemaps and feeds write them: W3C datetime (ISO 8601) and RFC 822 (RSS)."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

from ._model import aware


def parse_date(text: str | None) -> datetime | None:
    """A timezone-aware datetime, or None when ``text`` is not a date we can read (naive means UTC).

    >>> parse_date("2024-05-12").isoformat(), parse_date("Sun, 12 May 2024 10:00:00 GMT").isoformat()
    ('2024-05-12T00:00:00+00:00', '2024-05-12T10:00:00+00:00')
    """
    if not text:
        return None
    text = text.strip()
    try:
        return aware(datetime.fromisoformat(text))
    except ValueError:
        pass
    try:
        return aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None
