"""What the metadata rules read and write: the page (read once) and the metadata chosen so far.

``Page`` holds everything a rule may look at, computed once per page: the tree, every ``<meta>``
by key, the ``<link rel>`` targets, the JSON-LD, the ``<title>``. ``Metadata`` holds what the rules
chose: the record's own metadata fields (an ``Article`` with no text yet, so no field is declared
twice), two JSON-LD hints for the content pass, and each field's source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, NamedTuple, TypeVar

from selectolax.lexbor import LexborHTMLParser

from ...models import Article, MetadataField
from .._text import unescaped
from .._urls import absolute, document_base, host_of
from ._dates import url_date
from ._jsonld import JSONLD_SCRIPTS, JsonLd, read_jsonld, text_of
from ._pubdate import Found, find_dates, weigh_dates

# What ``Page.read`` collects from the whole tree: every <meta> with a content, every <link rel>
# target, the JSON-LD blocks and the <base href>.
_PAGE_TAGS = f"meta[content], link[rel][href], {JSONLD_SCRIPTS}, base[href]"
_T = TypeVar("_T")
_DUBLIN_CORE = re.compile(r"^(dc|dcterms):")

# The fields the rules fill: the record's metadata fields and the two JSON-LD hints of ``Metadata``.
# A misspelt one is a mypy error, not a silent no-op.
MetaField = Literal[MetadataField, "article_body", "word_count"]
# Where a value came from. "text": the language detected from the text (by the content pass).
Source = Literal["json-ld", "og", "meta", "dom", "url", "text"]


@dataclass(slots=True, kw_only=True)
class Metadata:
    """The metadata of one page: ``record`` carries the record's metadata fields, as the record will.

    >>> meta = Metadata()
    >>> meta.choose("title", "Rain returns", "og")
    >>> meta.record.title, meta.sources
    ('Rain returns', {'title': 'og'})
    """

    # the address the page was read at: the caller's, else the one it declares (``Page.read``)
    address: str | None = None
    base: str | None = None  # what the page's relative links resolve against (``document_base``)
    article_body: str | None = None  # JSON-LD articleBody, a hint for the content pass
    word_count: int | None = None  # JSON-LD wordCount, a hint for the content pass
    # Where the authors come from the page's text: whom the structured fields alone credit, and
    # where (json-ld | meta), for a page of cards whose printed bylines are other stories'.
    structured_authors: tuple[tuple[str, ...], str | None] = ((), None)
    sources: dict[MetaField, str] = field(default_factory=dict)  # field -> json-ld|og|meta|dom|url|text
    # Under ``explain`` only: every candidate of every field, winners and losers, in rule order.
    candidates: list[Candidate] = field(default_factory=list)
    _record: Article = field(default_factory=lambda: Article(url=None))
    _pending: dict[str, Any] = field(default_factory=dict)  # chosen, not yet copied into _record

    @property
    def record(self) -> Article:
        """The metadata fields as an Article with no text (url, body and the like unset)."""
        if self._pending:  # the record is frozen: one copy for all fields chosen since the last look
            self._record = replace(self._record, **self._pending)
            self._pending.clear()
        return self._record

    def choose(self, name: MetaField, value: object, source: str | None) -> None:
        """Give ``name`` this value from ``source`` (None: no value, and no source)."""
        if source is None:
            self.sources.pop(name, None)
        else:
            self.sources[name] = source
        if name == "article_body":
            self.article_body = value if isinstance(value, str) else None
        elif name == "word_count":
            self.word_count = value if isinstance(value, int) else None
        else:
            self._pending[name] = value


class Candidate(NamedTuple):
    """A value one rule read for ``field``; ``won`` when it is the value the record carries."""

    field: MetaField
    source: str
    rule: str  # the reader's name: which part of the source
    value: object
    won: bool


@dataclass(slots=True, kw_only=True)
class Page:
    """Everything the metadata rules read, computed once per page; the tree is not modified."""

    tree: LexborHTMLParser
    url: str | None
    base: str | None  # what the page's relative links resolve against (``document_base``)
    host: str | None
    metas: dict[str, list[str]]  # <meta> contents by lower-cased property/name/itemprop/http-equiv
    links: dict[str, str]  # <link rel=...> -> href, the first of each rel
    ld: JsonLd
    art: dict[str, Any]  # the JSON-LD article node ({} when none)
    html_title: str  # the <title>, folded ("" when none)
    _dates: Found | None = None

    @classmethod
    def read(cls, tree: LexborHTMLParser, *, url: str | None) -> Page:
        metas: dict[str, list[str]] = {}
        links: dict[str, str] = {}
        blocks: list[str] = []
        base: str | None = None
        # one walk of the tree for the four kinds (each css() call walks all of it), in page order
        for node in tree.css(_PAGE_TAGS):
            if node.tag == "meta":
                _add_meta(node.attributes, metas)
            elif node.tag == "link":
                _add_link(node.attributes, links)
            elif node.tag == "base":
                base = base or node.attributes.get("href") or None  # the first one counts
            else:
                blocks.append(node.text(deep=True))
        # markup given without its address is read at the one it declares for itself, as its page
        # type is: the host a site's name in a title or a byline is told by, the story at that
        # address in the JSON-LD, a heading linking to the front page, a relative image's address
        url = url or declared_address(links, metas, document_base(base, None))
        ld = read_jsonld(blocks, url=url)
        title_node = (tree.head or tree).css_first("title") or tree.css_first("title")  # <head> first
        return cls(
            tree=tree,
            url=url,
            base=document_base(base, url),
            host=host_of(url),
            metas=metas,
            links=links,
            ld=ld,
            art=ld.article or {},
            html_title=unescaped(title_node.text()) if title_node is not None else "",
        )

    def meta(self, *keys: str) -> str | None:
        """The first non-empty value of the first of ``keys`` the page has."""
        return first_meta(self.metas, *keys)

    def first_raw(self, key: str) -> str | None:
        """The first value of ``key`` as written."""
        return next(iter(self.metas.get(key, ())), None)

    def headlines(self) -> tuple[str, ...]:
        """What the page calls the story in its metadata (og:title, the JSON-LD headline)."""
        return tuple(h for h in (self.meta("og:title"), text_of(self.art.get("headline"))) if h)

    def dates(self, chosen: Metadata) -> Found:
        """Published and modified, found once for both fields (they are judged together)."""
        if self._dates is None:
            self._dates = self._read_dates(find_dates, chosen)
        return self._dates

    def date_candidates(self, chosen: Metadata) -> list[tuple[str, str, date]]:
        """For ``explain``: every publication date the page offers (``weigh_dates``)."""
        return self._read_dates(weigh_dates, chosen)

    def _read_dates(self, reader: Callable[..., _T], chosen: Metadata) -> _T:
        """``reader`` (``find_dates`` or ``weigh_dates``) on this page, with the title and language chosen."""
        language = chosen.record.language
        # The story's own address dates it where the one it was fetched from does not ("/amp/123",
        # a share link, raw HTML without a URL): its canonical link or og:url ("/2018/02/01/slug").
        canonical = chosen.record.canonical_url
        dated = self.url if url_date(self.url) is not None or canonical is None else canonical
        return reader(
            self.tree,
            metas=self.metas,
            # no article node: the page's own node (WebPage and kin) dates the page
            article=self.ld.article if self.ld.article is not None else self.ld.page,
            url=dated,
            title=chosen.record.title,
            languages=(language.lower(),) if language else (),
        )


def declared_address(links: dict[str, str], metas: dict[str, list[str]], base: str | None) -> str | None:
    """The address a page declares for itself, as the ``canonical_url`` rules read it: its canonical
    link, against its ``<base href>`` (else against its og:url or twitter:url), else that og:url or
    twitter:url; only an absolute http(s) URL.

    >>> declared_address({"canonical": "/news/1"}, {"og:url": ["https://example.com/"]}, None)
    'https://example.com/news/1'
    """
    own = absolute(first_meta(metas, "og:url"), None) or absolute(first_meta(metas, "twitter:url"), None)
    return absolute(links.get("canonical"), base or own) or own


def first_meta(metas: dict[str, list[str]], *keys: str) -> str | None:
    """The first non-empty value, unescaped, of the first of ``keys`` in ``metas`` (``Page.meta``)."""
    for key in keys:
        for value in metas.get(key, ()):
            text = unescaped(value)
            if text:
                return text
    return None


def _add_meta(attrs: dict[str, str | None], metas: dict[str, list[str]]) -> None:
    """A <meta>'s content under its lower-cased property, name, itemprop and http-equiv."""
    content = (attrs.get("content") or "").strip()
    if not content:
        return
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = attrs.get(attr)
        if key:
            # Dublin Core as RDFa names it, "dc:created", is its "dc.created" of HTML meta names
            metas.setdefault(_DUBLIN_CORE.sub(r"\1.", key.strip().lower()), []).append(content)


def _add_link(attrs: dict[str, str | None], links: dict[str, str]) -> None:
    """A <link>'s href under each of its rels, unless an earlier link has that rel."""
    href = (attrs.get("href") or "").strip()
    for rel in (attrs.get("rel") or "").lower().split():
        if href:
            links.setdefault(rel, href)
