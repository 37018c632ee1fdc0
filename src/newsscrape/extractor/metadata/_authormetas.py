"""What the author metas name (``author``, ``article:author``, Parse.ly's, Highwire's "Last, First",
Twitter's labelled pairs, the page's creator) and the post author a tag manager's data layer states."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

from .._nodes import markup_text
from ._authors import BYLINE_PREFIXES

# What the cleaner reads, at most: a story has a handful of authors, each a few words, and its
# regexes must stay cheap on a hostile page (an 80 KB "name" took 15 s; 10k authors in JSON-LD).
MAX_BYLINE_INPUTS = 50
MAX_BYLINE_INPUT_CHARS = 1000
MAX_MARKUP_META_CHARS = 4 * MAX_BYLINE_INPUT_CHARS  # a meta's byline markup: its links' addresses too
MAX_LABELLED_METAS = 4  # twitter:label1 ... twitter:label4
# Meta tags that name the author, in the order they are trusted.
AUTHOR_METAS = (
    "author",
    "article:author",
    "og:author",  # not Open Graph's own, but written beside its tags (CNN's React front end)
    "sailthru.author",
    "parsely-author",
    "parsely-page",  # Parse.ly's older tag: a JSON object whose "author" or "authors" names them
    "byl",  # The New York Times' byline meta ("By Jane Doe and John Roe")
    "cxenseparse:author",  # Piano/Cxense content tags
    # Highwire Press tags of scholarly articles (Google Scholar's), one per author, often "Last, First".
    "citation_author",
    "citation_authors",
    "dc.creator",
)
# Metas read only when none of those names anyone: the creator of the page as Drupal's Metatag
# (Dublin Core as DCMI terms) and Next.js's metadata API write it, which beside an author meta
# often names the publisher ("Acme" beside "Acme Team").
CREATOR_METAS = ("dcterms.creator", "creator")
SURNAME_FIRST_METAS = frozenset({"citation_author", "citation_authors"})
# "Roy, Aniruddha": a surname, a comma and the given names, and nothing else.
_SURNAME_FIRST = re.compile(r"^\s*([^,\s][^,]*?)\s*,\s*([^,\s][^,]*?)\s*$")
# WordPress's Google Tag Manager plugin (GTM4WP) writes the post author's display name into its data
# layer: `var dataLayer_content = {"pagePostType":"post", ..., "pagePostAuthor":"Jane Doe"}`. Read
# last, when nothing on the page credits anyone: WCXB, 16 article pages of 16 sites carry it and 13
# name the truth (the 3 others credit someone the byline names first).
GTM4WP_SCRIPT = 'script:lexbor-contains("pagePostAuthor")'
_GTM4WP_AUTHOR = re.compile(r'"pagePostAuthor"\s*:\s*("(?:[^"\\]|\\.){1,200}")')


def data_layer_authors(tree: LexborHTMLParser) -> list[str]:
    """The author GTM4WP's data layer names (``GTM4WP_SCRIPT``), as one string; [] when none.

    >>> data_layer_authors(LexborHTMLParser('<script>d = {"pagePostAuthor":"Jos\\u00e9 Ruiz"}</script>'))
    ['José Ruiz']
    """
    script = tree.css_first(GTM4WP_SCRIPT)
    found = _GTM4WP_AUTHOR.search(script.text(deep=True)) if script is not None else None
    if found is None:
        return []
    try:
        name = json.loads(found[1])
    except ValueError:
        return []
    return [name] if isinstance(name, str) else []


def author_meta_values(metas: dict[str, list[str]], keys: Iterable[str]) -> list[str]:
    """What the author metas ``keys`` hold, in their order: a scholarly meta's "Roy, Aniruddha" as
    "Aniruddha Roy", no addresses (a profile's URL in ``article:author``)."""
    return [
        _SURNAME_FIRST.sub(r"\2 \1", v) if key in SURNAME_FIRST_METAS else v
        for key in keys
        for value in (*_meta_values(metas, key), *_labelled_metas(metas, key))
        if "://" not in (v := markup_text(value, limit=MAX_MARKUP_META_CHARS)) and not v.startswith("www.")
    ]


def _meta_values(metas: dict[str, list[str]], key: str) -> list[str]:
    """The names an author meta holds: its contents, or for ``parsely-page`` the "author" and
    "authors" of the JSON object it holds (``{"title": ..., "author": "Jane Doe", ...}``)."""
    if key != "parsely-page":
        return metas.get(key, [])
    out: list[str] = []
    for content in metas.get(key, ()):
        try:
            page = json.loads(content)
        except ValueError:
            continue
        if isinstance(page, dict):
            for field in ("author", "authors"):
                value = page.get(field)
                out.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return out


def _labelled_metas(metas: dict[str, list[str]], key: str) -> list[str]:
    """``twitter:dataN`` values whose ``twitter:labelN`` says they name the author ("Written by"),
    the pair Yoast, Ghost and other CMSs write for link previews; read in place of ``author``.
    A value without its label says nothing of what it holds ("11 minutes", a reading time whose
    "Est. reading time" label a page left out)."""
    if key != "author":
        return []
    out: list[str] = []
    for n in range(1, MAX_LABELLED_METAS + 1):
        label = next(iter(metas.get(f"twitter:label{n}", ())), "").strip()
        if label and BYLINE_PREFIXES.sub("", label) == "":
            out.extend(metas.get(f"twitter:data{n}", ()))
    return out
