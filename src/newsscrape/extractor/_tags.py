"""The story's tags: article:tag, JSON-LD keywords, rel=tag links, news_keywords, tag lists, keywords."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ._jsonld import squash
from ._nodes import outside_story

MAX_TAGS = 30
MAX_TAG_LENGTH = 60
# Containers whose class names one of these words (split at - and _) hold the story's tag links;
# _TAG_QUERY finds the candidates cheaply (one [class*=] scan per stem).
TAG_CLASS_WORDS = frozenset(
    {"tags", "tag", "tagi", "taglist", "tagslist", "keywords", "schlagworte", "etiquetas", "topics", "themen"}
)
NOT_TAG_WORDS = frozenset({"cloud", "widget", "manager", "gtm", "script", "line", "tagline"})
_TAG_QUERY = ", ".join(
    f'[class*="{w}" i]' for w in ("tag", "keyword", "schlagw", "etiquet", "topic", "themen")
)
_CLASS_PARTS = re.compile(r"[-_]+")
# The label in front of a tag list, in the languages news pages are commonly written in.
_TAG_LABEL = re.compile(
    r"^(?:tags?|tagged|topics?|keywords?|schlagw(?:o|ö)rte?|stichw(?:o|ö)rte?|themen|mots[- ]cl(?:é|e)s"
    r"|etiquetas|temas|argomenti|tagi|trefwoorden|теги|тэги|ключевые слова|темы)\s*:?",
    re.IGNORECASE,
)
MAX_TAG_REST = 20
_WORD = re.compile(r"\w")
# Tags starting with these, or holding an underscore, are CMS identifiers ("@post-id:1", "ctp_video").
_INTERNAL_TAG = re.compile(r"^[@/_#:]|_")


def find_tags(
    tree: LexborHTMLParser, metas: dict[str, list[str]], article: dict[str, Any]
) -> tuple[tuple[str, ...], str | None]:
    """The story's tags and where they were found (og | json-ld | meta | dom); ((), None) when none.

    >>> find_tags(LexborHTMLParser(""), {"article:tag": ["Rain", "Floods"]}, {})
    (('Rain', 'Floods'), 'og')
    """
    # Lazily: the DOM lookups run only when the structured sources are silent.
    sources: tuple[tuple[Callable[[], list[str]], str], ...] = (
        (lambda: _keywords(metas.get("article:tag", [])), "og"),
        (lambda: _keywords(article.get("keywords")), "json-ld"),
        (lambda: [n.text(deep=True) for n in tree.css('article a[rel~="tag"]')], "dom"),
        (lambda: _keywords(next(iter(metas.get("news_keywords", ())), None)), "meta"),
        (lambda: _tag_links(tree), "dom"),
        # Last: many sites put the same site-wide words in every page's keywords.
        (lambda: _keywords(next(iter(metas.get("keywords", ())), None)), "meta"),
    )
    for get, source in sources:
        raw = get()
        seen: dict[str, str] = {}
        for tag in raw:
            tag = squash(tag.replace("\ufeff", "").replace("\u200b", "")).strip(",")
            if _WORD.search(tag) and len(tag) <= MAX_TAG_LENGTH and not _INTERNAL_TAG.search(tag):
                seen.setdefault(tag.casefold(), tag)
        if seen:
            return tuple(list(seen.values())[:MAX_TAGS]), source
    return (), None


def _tag_links(tree: LexborHTMLParser) -> list[str]:
    """Link texts of a visible tag list ("Schlagworte: A, B", <div class="post-tags">): links only."""
    seen_h1 = False
    for node in tree.css("h1, " + _TAG_QUERY):  # page order: a tag list comes after the headline
        seen_h1 = seen_h1 or node.tag == "h1"
        if not seen_h1 or node.tag == "h1":
            continue  # above the headline: a "trending topics" bar of other stories
        tokens = {
            t for cls in (node.attributes.get("class") or "").lower().split() for t in _CLASS_PARTS.split(cls)
        }
        if not tokens & TAG_CLASS_WORDS or tokens & NOT_TAG_WORDS or outside_story(node):
            continue
        links = [squash(a.text(deep=True)) for a in node.css("a")]
        links = [text for text in links if text]
        if not links or len(links) > MAX_TAGS:
            continue
        # A tag list is its links plus a label and commas: little other text.
        rest = squash(node.text(deep=True, separator=" "))
        for text in links:
            rest = rest.replace(text, "", 1)
        rest = _TAG_LABEL.sub("", rest).strip(" ,;|/\u00b7\u2022#")
        if len(rest) <= MAX_TAG_REST:
            return links
    return []


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return html.unescape(value).split(",")
    if isinstance(value, list):
        return [v for item in value for v in _keywords(item)]
    return []
