"""Records as table rows: one row per record, one column per field, each column of one kind.

The columns a table of records has (``newsscrape.dask.to_dataframe`` makes a Dask DataFrame of them,
ready for Parquet) are declared here, beside the JSON Lines writer, as data: a name and a
:data:`ColumnKind`. A reader of the table then gets one type per column whatever the records
hold, where inferring them from the values would not: an all-null column, a list that is
empty in every row of a partition, ``published`` with another UTC offset on every row.

* An Article's fields in declaration order, then the four ``error_*`` columns of an ErrorRecord
  (null on an article's row). An error's row has its ``url``, ``source`` and ``schema_version``,
  and the metadata its page gave despite the failure (``ErrorRecord.metadata``); the rest is null.
* ``published`` and ``modified`` are instants in UTC: the records' offsets differ from page to page
  and a column holds one. A bare day is its midnight at UTC, as ``extract`` dates one.
* ``sections`` is the JSON of the typed blocks (``to_dict``), a string: blocks of six kinds with
  their own fields make no one nested type.

    For example::

        rows = [row(record) for record in records]
        rows[0]["published"], rows[0]["authors"]
        # (datetime.datetime(2024, 5, 1, 6, 0, tzinfo=datetime.timezone.utc), ['Jane Smith'])
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, Final, Literal

from ..models import METADATA_KEYS, Article, Record

ColumnKind = Literal["string", "strings", "instant", "integer", "json"]

COLUMNS: Final[tuple[tuple[str, ColumnKind], ...]] = (
    ("url", "string"),
    ("final_url", "string"),
    ("canonical_url", "string"),
    ("title", "string"),
    ("headings", "strings"),
    ("sections", "json"),
    ("body", "string"),
    ("published", "instant"),
    ("modified", "instant"),
    ("authors", "strings"),
    ("section", "string"),
    ("breadcrumbs", "strings"),
    ("tags", "strings"),
    ("language", "string"),
    ("site_name", "string"),
    ("description", "string"),
    ("image", "string"),
    ("word_count", "integer"),
    ("page_type", "string"),
    ("schema_version", "integer"),
    ("source", "string"),
    ("error_kind", "string"),
    ("error_status", "integer"),
    ("error_reason", "string"),
    ("error_message", "string"),
)
_ARTICLE_COLUMNS: Final = tuple((name, kind) for name, kind in COLUMNS if not name.startswith("error_"))


def row(record: Record) -> dict[str, Any]:
    """The record as one row: a value of its column's kind, or None, for every name of COLUMNS.

    >>> from newsscrape.models import ErrorRecord
    >>> r = row(ErrorRecord(url="https://example.com/1", kind="timeout", message="no data"))
    >>> r["url"], r["error_kind"], r["authors"], len(r) == len(COLUMNS)
    ('https://example.com/1', 'timeout', None, True)
    """
    values: dict[str, Any] = dict.fromkeys(name for name, _ in COLUMNS)
    if isinstance(record, Article):
        values.update(_article(record))
        return values
    if record.metadata is not None:
        found = _article(record.metadata)
        values.update({key: found[key] for key in METADATA_KEYS})
    values.update(
        url=record.url,
        schema_version=record.schema_version,
        source=record.source,
        error_kind=record.kind,
        error_status=record.status,
        error_reason=record.reason,
        error_message=record.message,
    )
    return values


def _article(article: Article) -> dict[str, Any]:
    return {name: _value(kind, getattr(article, name)) for name, kind in _ARTICLE_COLUMNS}


def _value(kind: ColumnKind, value: Any) -> Any:
    if value is None:
        return None
    if kind == "strings":
        return list(value)
    if kind == "instant":
        return utc_instant(value)
    if kind == "json":
        return json.dumps([block.to_dict() for block in value], ensure_ascii=False)
    return value


def utc_instant(value: date) -> datetime:
    """A record's date as an instant at UTC: a naive time or a bare day is taken as UTC.

    >>> utc_instant(datetime.fromisoformat("2024-05-01T08:00:00+02:00")).isoformat()
    '2024-05-01T06:00:00+00:00'
    >>> utc_instant(date(2024, 5, 1)).isoformat()
    '2024-05-01T00:00:00+00:00'
    """
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
