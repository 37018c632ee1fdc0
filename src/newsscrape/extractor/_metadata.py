"""Page metadata read from the intact tree: JSON-LD, OpenGraph, meta tags, <time>, bylines, breadcrumbs.

Each field remembers where it came from (``sources``: json-ld | og | meta | dom | url) so
``newsscrape explain`` can show it. One pass collects every ``<meta>``; the other selectors
are cheap and most run only when the structured sources are silent.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from selectolax.lexbor import LexborHTMLParser

from ._bylines import find_authors
from ._crumbs import declared_section, is_this_page, read_breadcrumbs, read_section, section_of
from ._dates import day_of
from ._jsonld import JsonLd, read_jsonld, text_of
from ._language import fits_text, normalise_language
from ._nodes import in_story
from ._pubdate import find_dates
from ._site import clean_site_name, logo_name, plausible_image, site_beside_title, site_blurb, story_image
from ._tags import PageNames, find_tags
from ._text import fold, squash
from ._title import TitleSources, choose_title
from ._urls import absolute as _absolute  # one resolver for every URL a page gives, never raising
from ._urls import host_of

MAX_H2 = 10
# The title and description are enough to tell a declared language wrong.
MAX_SAMPLE = 400


# The fields ``read_metadata`` fills by name: a misspelt one is a mypy error, not a silent no-op.
MetaField = Literal[
    "canonical_url",
    "title",
    "published",
    "modified",
    "authors",
    "section",
    "breadcrumbs",
    "tags",
    "site_name",
    "description",
    "image",
    "article_body",
    "word_count",
]


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
    """Read every metadata field from the tree; the tree is not modified.

    >>> page = LexborHTMLParser('<html lang="en_us"><title>Rain returns | Site</title>')
    >>> meta = read_metadata(page, url=None)
    >>> meta.language, meta.title
    ('en-US', 'Rain returns')
    """
    meta = Metadata()
    metas = _meta_tags(tree)
    ld = read_jsonld(tree, url=url)
    art: dict[str, Any] = ld.article or {}

    def first_meta(*keys: str) -> tuple[str | None, str | None]:
        return _first_meta(metas, *keys)

    def put(name: MetaField, value: Any, source: str | None) -> None:
        if value and source and not getattr(meta, name):
            setattr(meta, name, value)
            meta.sources[name] = source

    links = _links(tree)
    put("canonical_url", _absolute(links.get("canonical"), url), "meta")
    put("canonical_url", _absolute(first_meta("og:url")[0], url), "og")
    host = host_of(url)
    headlines = tuple(h for h in (first_meta("og:title")[0], text_of(art.get("headline"))) if h)
    declared = (first_meta("og:site_name"), (ld.site_name, "json-ld"), first_meta("application-name"))
    for name, source in declared:
        put("site_name", clean_site_name(name, host=host, headlines=headlines), source)
    for text, source in (
        first_meta("og:description", "description"),
        (text_of(art.get("description")), "json-ld"),
        first_meta("twitter:description"),
    ):
        if not meta.description and not site_blurb(text, site=meta.site_name, host=host):
            put("description", text, source)
    image, image_src = first_meta("og:image", "og:image:url", "og:image:secure_url")
    put("image", plausible_image(_absolute(image, url)), image_src)
    if not meta.image:
        put("image", plausible_image(_absolute(_ld_image(art.get("image")), url)), "json-ld")
    if not meta.image:
        twitter = first_meta("twitter:image", "twitter:image:src")[0]
        put("image", plausible_image(_absolute(twitter, url)), "meta")
    if not meta.image:
        put("image", _absolute(story_image(tree), url), "dom")
    title_node = (tree.head or tree).css_first("title") or tree.css_first("title")  # <head> first
    html_title = squash(title_node.text()) if title_node is not None else ""
    _language(meta, tree, metas, ld, html_title)

    put("breadcrumbs", ld.breadcrumbs, "json-ld")
    if not meta.breadcrumbs:
        put("breadcrumbs", read_breadcrumbs(tree), "dom")

    title, title_src = choose_title(_title_sources(tree, metas, ld, meta, host, html_title))
    put("title", title, title_src)
    if not meta.site_name:
        put("site_name", site_beside_title(html_title, meta.title, host=host), "meta")
        put("site_name", logo_name(tree), "dom")
    if meta.breadcrumbs and is_this_page(meta.breadcrumbs[-1], meta.title or ""):
        meta.breadcrumbs = meta.breadcrumbs[:-1]  # the trail ends with the page itself
    put("section", section_of(meta.breadcrumbs), meta.sources.get("breadcrumbs"))
    for label, source in ((text_of(art.get("articleSection")), "json-ld"), first_meta("article:section")):
        put("section", declared_section(label, site=meta.site_name, url=url), source)
    if not meta.section:  # the section a CMS shows without declaring it (category link, primary tag ...)
        put("section", read_section(tree, site=meta.site_name, url=url), "dom")

    put("authors", *find_authors(tree, metas, ld, site=meta.site_name, host=host))
    put("tags", *find_tags(tree, metas, art, PageNames(title=meta.title, site=meta.site_name, host=host)))
    put("article_body", _body_text(art.get("articleBody")), "json-ld")
    count = art.get("wordCount")
    if isinstance(count, int | str) and str(count).isdigit() and int(count) > 0:
        put("word_count", int(count), "json-ld")

    langs = (meta.language.lower(),) if meta.language else ()
    found = find_dates(tree, metas=metas, article=ld.article, url=url, title=meta.title, languages=langs)
    put("published", found.published, found.published_source)
    if not _before(found.modified, found.published):  # an edit before the story is no edit of it
        put("modified", found.modified, found.modified_source)
    return meta


def _meta_tags(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """Every <meta> content by lower-cased property, name, itemprop and http-equiv, in page order."""
    metas: dict[str, list[str]] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                metas.setdefault(key.strip().lower(), []).append(content)
    return metas


def _first_meta(metas: dict[str, list[str]], *keys: str) -> tuple[str | None, str | None]:
    """The first non-empty value of the first key that has one, and its source (og | meta)."""
    for key in keys:
        for value in metas.get(key, ()):
            text = squash(value)
            if text:
                return text, "og" if key.startswith(("og:", "article:")) else "meta"
    return None, None


def _links(tree: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.css("link[rel][href]"):
        href = (node.attributes.get("href") or "").strip()
        for rel in (node.attributes.get("rel") or "").lower().split():
            if href:
                out.setdefault(rel, href)
    return out


def _body_text(value: Any) -> str | None:
    """JSON-LD articleBody with its paragraph breaks kept (text_of folds all white space)."""
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return None
    lines = (fold(line) for line in html.unescape(value).splitlines())
    return "\n".join(line for line in lines if line) or None


def _ld_image(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return value if isinstance(value, str) else None


def _language(
    meta: Metadata, tree: LexborHTMLParser, metas: dict[str, list[str]], ld: JsonLd, html_title: str
) -> None:
    root = tree.css_first("html")
    candidates = (
        (root.attributes.get("lang") or root.attributes.get("xml:lang") if root is not None else None, "dom"),
        (next(iter(metas.get("og:locale", ())), None), "og"),
        (next(iter(metas.get("content-language", ())), None), "meta"),
        (next(iter(metas.get("language", ())), None), "meta"),
        (ld.language, "json-ld"),
    )
    sample = f"{html_title} {meta.description or ''}"[:MAX_SAMPLE]
    for raw, source in candidates:
        lang = normalise_language(raw)
        if lang and fits_text(lang, sample):
            meta.language = lang
            meta.sources["language"] = source
            return


def _title_sources(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    ld: JsonLd,
    meta: Metadata,
    host: str | None,
    html_title: str,
) -> TitleSources:
    main: list[str] = []
    rest: list[str] = []
    for node in tree.css("h1"):
        text = squash(node.text(deep=True))
        if text:
            (main if in_story(node) else rest).append(text)
    if not main and not rest:  # no h1: the headline is often the first h2 (only used if a claim agrees)
        rest = [t for t in (squash(n.text(deep=True)) for n in tree.css("h2")[:MAX_H2]) if t]
    art = ld.article or {}
    return TitleSources(
        h1s=tuple(main + rest),
        og=_first_meta(metas, "og:title")[0],
        headline=text_of(art.get("headline")) or text_of(art.get("name")),
        twitter=_first_meta(metas, "twitter:title")[0],
        html_title=html_title or None,
        site_name=meta.site_name,
        host=host,
        breadcrumbs=meta.breadcrumbs,
    )


def _before(later: date | None, earlier: date | None) -> bool:
    """``later`` is strictly before ``earlier``: as times when both carry a time (and both or neither a
    zone), else by day.

    >>> _before(date(2020, 3, 1), datetime(2020, 3, 2, 9)), _before(date(2020, 3, 2), datetime(2020, 3, 2, 9))
    (True, False)
    """
    if later is None or earlier is None:
        return False
    if isinstance(later, datetime) and isinstance(earlier, datetime) and _aware(later) == _aware(earlier):
        return later < earlier
    return day_of(later) < day_of(earlier)


def _aware(value: datetime) -> bool:
    return value.tzinfo is not None
