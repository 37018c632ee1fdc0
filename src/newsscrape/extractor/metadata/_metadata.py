"""Page metadata read from the intact tree: JSON-LD, OpenGraph, meta tags, <time>, bylines, breadcrumbs.

Where each field may come from, and in which order, is declared in ``_metarules.TABLE``
(field, source, reader): the first reader with a value wins, and the rest are not read. Four
fields (title, authors, tags, the dates) are decisions over several sources at once, made by
their own modules; each is one row of the table. ``_metapage`` holds what the readers read (the
page, computed once) and what they fill (``Metadata``: the record's own fields, so none is
declared twice). Each field remembers where it came from (``sources``), and under ``explain``
every rule is read, so the candidates that lost are shown beside the winner.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._language import normalise_language
from ._metapage import Candidate, Metadata, MetaField, Page
from ._metarules import TABLE, Rule, own_trail, rules_for, structured_authors

__all__ = ["Candidate", "MetaField", "Metadata", "normalise_language", "read_metadata", "rules_for"]


def read_metadata(tree: LexborHTMLParser, *, url: str | None, explain: bool = False) -> Metadata:
    """Read every metadata field from the tree; the tree is not modified. ``explain`` also reads
    the rules that lose and keeps every candidate in ``Metadata.candidates``.

    >>> page = LexborHTMLParser('<html lang="en_us"><title>Rain returns | Site</title>')
    >>> meta = read_metadata(page, url=None)
    >>> meta.record.language, meta.record.title
    ('en-US', 'Rain returns')
    """
    page = Page.read(tree, url=url)
    meta = Metadata(address=page.url, base=page.base)
    for row in TABLE:
        name = row.field
        if isinstance(row, Rule):
            taken = name in meta.sources
            if taken and not explain:
                continue
            value = row.read(page, meta)
            if value and not taken:
                meta.choose(name, value, row.source)
            if explain and value:
                meta.candidates.append(Candidate(name, row.source, row.read.__name__, value, not taken))
            continue
        value, source = row.decide(page, meta)
        if value and source:
            meta.choose(name, value, source)
        if explain:
            if value and source:
                meta.candidates.append(Candidate(name, source, row.decide.__name__, value, True))
            for seen_source, what, seen in row.weighed(page, meta) if row.weighed else ():
                if seen != value:
                    meta.candidates.append(Candidate(name, seen_source, what, seen, False))
    if meta.sources.get("authors") == "dom":  # for a page the page-type model finds a listing
        meta.structured_authors = structured_authors(page, meta)
    if meta.record.breadcrumbs:  # the trail ends with the page itself: drop that crumb, keep the source
        meta.choose("breadcrumbs", own_trail(page, meta), meta.sources["breadcrumbs"])
    return meta
