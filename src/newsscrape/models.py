"""The records newsscrape produces: :class:`Article` for a page, :class:`ErrorRecord` for a failure.

Both are frozen, slotted, keyword-only dataclasses with tuples inside, so a record can be
hashed, shared between threads and pickled to a worker process. ``to_dict`` gives the JSON
shape (stable key order, ISO 8601 dates) that the JSON Schema in ``schema/article.json``
describes; ``from_dict`` reads it back, records of schema 1 (sections of bare paragraphs) too.

An article's ``sections`` hold typed blocks, as the page showed them: :class:`Paragraph`,
:class:`ListBlock`, :class:`Table`, :class:`Quote`, :class:`Code` and :class:`Caption`, each with
a ``kind`` that names it in JSON. ``body`` stays the plain text (a list item, a table row, a quote's
paragraph is each a paragraph of it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Final, Literal, get_args

from .errors import (
    ERROR_KINDS,
    EXTRACT_REASONS,
    ErrorKind,
    ExtractError,
    ExtractReason,
    FetchError,
    NewsscrapeError,
)

SCHEMA_VERSION: Final = 2

BlockKind = Literal["paragraph", "list", "table", "quote", "code", "caption"]
BLOCK_KINDS: Final[tuple[str, ...]] = get_args(BlockKind)


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """An inline link of a block: its text as the block shows it, and its absolute URL.

    A block's links are in reading order, each ``text`` found in the block's text after the one
    before it. Kept only when asked (``ExtractConfig(links=True)``, ``--links``).
    """

    text: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A paragraph of prose."""

    text: str
    links: tuple[Link, ...] = ()
    kind: Literal["paragraph"] = field(default="paragraph", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.text,)

    def to_dict(self) -> dict[str, Any]:
        return _with_links({"kind": self.kind, "text": self.text}, self.links)


@dataclass(frozen=True, slots=True, kw_only=True)
class ListBlock:
    """A list (``<ul>``, or ``<ol>`` when ``ordered``); a nested list's items are flattened into it."""

    items: tuple[str, ...]
    ordered: bool = False
    links: tuple[Link, ...] = ()
    kind: Literal["list"] = field(default="list", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return self.items

    def to_dict(self) -> dict[str, Any]:
        return _with_links(
            {"kind": self.kind, "ordered": self.ordered, "items": list(self.items)}, self.links
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A data table: rows of cell texts; ``header`` says the first row is the header row."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = False
    links: tuple[Link, ...] = ()
    kind: Literal["table"] = field(default="table", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(_row_text(row) for row in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return _with_links(
            {"kind": self.kind, "header": self.header, "rows": [list(r) for r in self.rows]}, self.links
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A block quote, in its paragraphs."""

    paragraphs: tuple[str, ...]
    links: tuple[Link, ...] = ()
    kind: Literal["quote"] = field(default="quote", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return self.paragraphs

    def to_dict(self) -> dict[str, Any]:
        return _with_links({"kind": self.kind, "paragraphs": list(self.paragraphs)}, self.links)


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    """Preformatted text (``<pre>``), verbatim: its line breaks and indentation kept."""

    text: str
    kind: Literal["code"] = field(default="code", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return (_one_line(self.text),)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Caption:
    """A figure's caption, where the figure sat. No part of ``body`` (nor of ``Section.paragraphs``):
    a reader of the story's text skips it, and article benchmarks never count it."""

    text: str
    links: tuple[Link, ...] = ()
    kind: Literal["caption"] = field(default="caption", init=False)

    @property
    def texts(self) -> tuple[str, ...]:
        return ()

    def to_dict(self) -> dict[str, Any]:
        return _with_links({"kind": self.kind, "text": self.text}, self.links)


Block = Paragraph | ListBlock | Table | Quote | Code | Caption


def block_from_dict(data: dict[str, Any]) -> Block:
    """One block of a section, from its JSON shape (``kind`` says which).

    >>> block_from_dict({"kind": "list", "ordered": True, "items": ["a", "b"]})
    ListBlock(items=('a', 'b'), ordered=True, links=(), kind='list')
    """
    kind = data.get("kind")
    links = tuple(Link(text=x["text"], url=x["url"]) for x in data.get("links", ()))
    if kind == "paragraph":
        return Paragraph(text=data["text"], links=links)
    if kind == "list":
        return ListBlock(items=tuple(data["items"]), ordered=bool(data.get("ordered")), links=links)
    if kind == "table":
        rows = tuple(tuple(row) for row in data["rows"])
        return Table(rows=rows, header=bool(data.get("header")), links=links)
    if kind == "quote":
        return Quote(paragraphs=tuple(data["paragraphs"]), links=links)
    if kind == "code":
        return Code(text=data["text"])
    if kind == "caption":
        return Caption(text=data["text"], links=links)
    raise ValueError(f"unknown block kind {kind!r} (expected one of {', '.join(BLOCK_KINDS)})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A heading and the blocks under it; ``heading`` is None for the lead before any heading.

    >>> section = Section(heading="Background", level=2, blocks=(Paragraph(text="Why it matters."),))
    >>> section.paragraphs
    ('Why it matters.',)
    """

    heading: str | None
    level: int  # 2 for h2 ... 6 for h6; 0 for the lead
    blocks: tuple[Block, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The blocks as the body's paragraphs (schema 1's shape): a list item, a table row (its
        cells joined by " | "), a quote's paragraph each one paragraph; captions left out."""
        return tuple(text for block in self.blocks for text in block.texts)

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "blocks": [b.to_dict() for b in self.blocks]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        """Schema 2's ``blocks``, or schema 1's ``paragraphs`` (each becomes a Paragraph)."""
        if "blocks" in data:
            blocks = tuple(block_from_dict(b) for b in data["blocks"])
        else:
            blocks = tuple(Paragraph(text=p) for p in data.get("paragraphs", ()))
        return cls(heading=data["heading"], level=data["level"], blocks=blocks)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article: its text with structure, and the metadata the page gives.

    ``published``/``modified`` from ``extract`` are always timezone-aware ``datetime``s: the page's
    own offset when it gives one, else the page's wall-clock time (midnight for a bare day) at UTC
    (README, "one date form"). A hand-built record may also hold a naive datetime or a ``date``.
    """

    url: str | None
    final_url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    headings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    body: str = ""
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
    word_count: int = 0
    page_type: str | None = None  # article | listing | collection | forum | product | service | documentation
    schema_version: int = field(default=SCHEMA_VERSION)
    source: str | None = None  # where an offline input was read: a path, "path#offset" in a WARC

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape, keys in declaration order (``source`` only when set)."""
        return _with_source(
            {
                "url": self.url,
                "final_url": self.final_url,
                "canonical_url": self.canonical_url,
                "title": self.title,
                "headings": list(self.headings),
                "sections": [s.to_dict() for s in self.sections],
                "body": self.body,
                "published": _iso(self.published),
                "modified": _iso(self.modified),
                "authors": list(self.authors),
                "section": self.section,
                "breadcrumbs": list(self.breadcrumbs),
                "tags": list(self.tags),
                "language": self.language,
                "site_name": self.site_name,
                "description": self.description,
                "image": self.image,
                "word_count": self.word_count,
                "page_type": self.page_type,
                "schema_version": self.schema_version,
            },
            self.source,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            url=data["url"],
            final_url=data.get("final_url"),
            canonical_url=data.get("canonical_url"),
            title=data.get("title"),
            headings=tuple(data.get("headings", ())),
            sections=tuple(Section.from_dict(s) for s in data.get("sections", ())),
            body=data.get("body", ""),
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            authors=tuple(data.get("authors", ())),
            section=data.get("section"),
            breadcrumbs=tuple(data.get("breadcrumbs", ())),
            tags=tuple(data.get("tags", ())),
            language=data.get("language"),
            site_name=data.get("site_name"),
            description=data.get("description"),
            image=data.get("image"),
            word_count=data.get("word_count", 0),
            page_type=data.get("page_type"),
            schema_version=_read_version(data),
            source=data.get("source"),
        )

    def to_markdown(self, *, front_matter: bool = True) -> str:
        """The article as Markdown: a front-matter block (url, published, authors), ``# title``, then
        each section's heading at its level (``##`` for h2, ``###`` for h3 ...) and its blocks: lists
        as ``- item`` / ``1. item``, tables as GitHub pipe tables, quotes as ``> ``, code fenced,
        captions in italics, and the blocks' links as ``[text](url)`` when the record keeps them.

        >>> lead = Section(heading=None, level=0, blocks=(Paragraph(text="The rain came back."),))
        >>> farms = Section(heading="Farmers", level=2, blocks=(Paragraph(text="Crops will recover."),))
        >>> article = Article(url="https://example.com/news/1", title="Rain returns", sections=(lead, farms))
        >>> print(article.to_markdown())
        ---
        url: "https://example.com/news/1"
        published: null
        authors: []
        ---
        <BLANKLINE>
        # Rain returns
        <BLANKLINE>
        The rain came back.
        <BLANKLINE>
        ## Farmers
        <BLANKLINE>
        Crops will recover.
        <BLANKLINE>
        """
        lines: list[str] = []
        if front_matter:
            lines += [
                "---",
                f"url: {_yaml(self.url)}",
                f"published: {_yaml(_iso(self.published))}",
                "authors: [" + ", ".join(_yaml(a) for a in self.authors) + "]",
                "---",
                "",
            ]
        if self.title:
            lines += [f"# {_one_line(self.title)}", ""]
        # A body may open with the headline (a reading that kept the page's h1, or a product's name):
        # printed under ``# title`` it would be read twice, so the first heading or block is left out
        # when it says the title again. The record's body and sections keep it.
        said = _title_said(self.title)
        if self.sections:
            for section in self.sections:
                if section.heading and not said(section.heading):
                    lines += [f"{'#' * min(6, max(2, section.level))} {_one_line(section.heading)}", ""]
                blocks = section.blocks
                if (
                    not section.heading
                    and blocks
                    and isinstance(blocks[0], Paragraph)
                    and said(blocks[0].text)
                ):
                    blocks = blocks[1:]
                for block in blocks:
                    lines += [*_md_block(block), ""]
                said = _title_said(None)  # only at the top of the body
        elif self.body:
            paragraphs = self.body.split("\n\n")
            if said(paragraphs[0]):
                paragraphs = paragraphs[1:]
            lines += [line for p in paragraphs for line in (_md_escape(p), "")]
        return "\n".join(lines[:-1] if lines and lines[-1] == "" else lines) + "\n"


# The Article fields a page's metadata fills (the extractor's metadata rules fill these and two
# hints of their own).
MetadataField = Literal[
    "canonical_url",
    "title",
    "published",
    "modified",
    "authors",
    "section",
    "breadcrumbs",
    "tags",
    "language",
    "site_name",
    "description",
    "image",
]
# The Article keys an error record's "metadata" keeps: where the page was served from and what its
# metadata says, none of what its text would have given.
METADATA_KEYS: Final = ("final_url", *get_args(MetadataField))


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorRecord:
    """A URL that produced no Article, and why. Serialised as ``{"url": ..., "error": {...}}``."""

    url: str
    # A FetchError kind, "extract", or "internal": a newsscrape bug met while fetching (not the
    # page's fault), recorded so the batch goes on.
    kind: ErrorKind
    message: str
    status: int | None = None
    reason: ExtractReason | None = None  # the ExtractError reason when kind == "extract"
    # What the page's metadata gave although its text failed (ExtractError.metadata): an Article
    # with no text, serialised as "metadata" with the metadata fields only.
    metadata: Article | None = None
    schema_version: int = field(default=SCHEMA_VERSION)
    source: str | None = None  # where an offline input was read (as Article.source)

    @classmethod
    def from_exception(cls, url: str, exc: NewsscrapeError) -> ErrorRecord:
        extract = exc if isinstance(exc, ExtractError) else None
        return cls(
            url=url,
            kind=exc.kind,
            message=exc.message,
            status=exc.status if isinstance(exc, FetchError) else None,
            reason=extract.reason if extract else None,
            # under the record's URL, so that the record reads back as it was written
            metadata=replace(extract.metadata, url=url) if extract and extract.metadata else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "url": self.url,
            "error": {
                "kind": self.kind,
                "message": self.message,
                "status": self.status,
                "reason": self.reason,
            },
        }
        if self.metadata is not None:
            found = self.metadata.to_dict()
            data["metadata"] = {key: found[key] for key in METADATA_KEYS}
        data["schema_version"] = self.schema_version
        return _with_source(data, self.source)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorRecord:
        """Read back an error record; an unknown kind or reason is a ValueError (the file is not ours)."""
        err, found = data["error"], data.get("metadata")
        if err["kind"] not in ERROR_KINDS:
            raise ValueError(f"unknown error kind {err['kind']!r}")
        if err.get("reason") is not None and err["reason"] not in EXTRACT_REASONS:
            raise ValueError(f"unknown extract reason {err['reason']!r}")
        return cls(
            url=data["url"],
            kind=err["kind"],
            message=err["message"],
            status=err.get("status"),
            reason=err.get("reason"),
            metadata=None if found is None else Article.from_dict({**found, "url": data["url"]}),
            schema_version=_read_version(data),
            source=data.get("source"),
        )


Record = Article | ErrorRecord


def record_from_dict(data: dict[str, Any]) -> Record:
    """Read back one JSON Lines record of either kind."""
    return ErrorRecord.from_dict(data) if "error" in data else Article.from_dict(data)


def _with_source(data: dict[str, Any], source: str | None) -> dict[str, Any]:
    if source is not None:
        data["source"] = source
    return data


def _row_text(row: tuple[str, ...]) -> str:
    """A table row as the body gives it: its cells joined by " | " from the first one with text."""
    text = ""
    for cell in row:
        text += " | " + cell if text.strip() else cell
    return _one_line(text)


def _with_links(data: dict[str, Any], links: tuple[Link, ...]) -> dict[str, Any]:
    if links:  # only when kept: a record without links has the size it had before them
        data["links"] = [link.to_dict() for link in links]
    return data


def _read_version(data: dict[str, Any]) -> int:
    """A record read back is in the current shape (a schema 1 section's paragraphs became blocks)."""
    version = data.get("schema_version", SCHEMA_VERSION)
    return version if isinstance(version, int) and version > SCHEMA_VERSION else SCHEMA_VERSION


# A line starting like Markdown syntax (a heading, a list item, a quote) is text, not markup.
_MD_START = re.compile(r"^(#|>|[-+*] |\d+[.)] |```|~~~|\||={3,}|-{3,})")
_BACKTICKS = re.compile(r"`+")
_URL_UNSAFE = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "|": "%7C"})


def _md_block(block: Block) -> list[str]:
    """One block as Markdown lines (no blank line after it)."""
    links = list(block.links) if not isinstance(block, Code) else []
    if isinstance(block, Paragraph):
        return [_md_escape(_inline(block.text, links))]
    if isinstance(block, ListBlock):
        return [
            f"{f'{n}.' if block.ordered else '-'} {_md_escape(_inline(item, links))}"
            for n, item in enumerate(block.items, start=1)
        ]
    if isinstance(block, Table):
        return _md_table(block, links)
    if isinstance(block, Quote):
        quoted = [f"> {_md_escape(_inline(p, links))}" for p in block.paragraphs]
        return [line for n, q in enumerate(quoted) for line in ((">", q) if n else (q,))]
    if isinstance(block, Code):
        runs = [len(run) for run in _BACKTICKS.findall(block.text)]
        fence = "`" * max(3, max(runs, default=0) + 1)  # longer than any run of backticks inside
        return [fence, *block.text.split("\n"), fence]
    caption = _inline(block.text, links, escape=_emphasis_escape)
    return [f"*{caption}*"] if caption else []


def _md_table(table: Table, links: list[Link]) -> list[str]:
    """A GitHub pipe table; a table without a header row gets an empty one (GFM requires it)."""
    width = max((len(row) for row in table.rows), default=0)
    if not width:
        return []
    rows = [[_inline(cell, links, escape=_cell_escape) for cell in row] for row in table.rows]
    rows = [row + [""] * (width - len(row)) for row in rows]
    head, body = (rows[0], rows[1:]) if table.header else ([""] * width, rows)
    return [_md_row(head), "|" + " --- |" * width, *(_md_row(row) for row in body)]


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell_escape(text: str) -> str:
    return text.replace("|", "\\|")


def _emphasis_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _as_is(text: str) -> str:
    return text


def _inline(text: str, links: list[Link], *, escape: Callable[[str], str] = _as_is) -> str:
    """``text`` on one line with its links as ``[text](url)``, taking from ``links`` (in reading
    order, shared by the pieces of a block) those found in it; a link whose text is not found here
    is left for the next piece."""
    text = _one_line(text)
    out: list[str] = []
    pos = 0
    while links:
        label = _one_line(links[0].text)
        if not label:  # nothing to show it on
            links.pop(0)
            continue
        at = text.find(label, pos)
        if at < 0:
            break
        shown = escape(label).replace("[", "\\[").replace("]", "\\]")
        out += [escape(text[pos:at]), f"[{shown}]({links.pop(0).url.translate(_URL_UNSAFE)})"]
        pos = at + len(label)
    out.append(escape(text[pos:]))
    return "".join(out)


def _md_escape(text: str) -> str:
    text = _one_line(text)
    return "\\" + text if _MD_START.match(text) else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _title_said(title: str | None) -> Callable[[str], bool]:
    """Whether a text is ``title`` again, spaces and case aside (never, for no title).

    >>> said = _title_said("Rain  returns")
    >>> said("rain returns"), said("Rain returns to the valley")
    (True, False)
    """
    folded = _one_line(title).casefold() if title else None
    return lambda text: folded is not None and _one_line(text).casefold() == folded


def _yaml(value: str | None) -> str:
    """A YAML scalar: JSON's quoted string is valid YAML and needs no escaping rules of its own."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
