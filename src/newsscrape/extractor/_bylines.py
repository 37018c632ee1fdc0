"""Who wrote the story: JSON-LD author, author meta tags, byline elements, or a "By ..." line under the h1."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._authors import BYLINE_LINE, clean_authors
from ._jsonld import text_of
from ._nodes import headline_node
from ._text import squash

# Byline elements, read only when JSON-LD and meta tags name nobody.
BYLINE_SELECTORS = (
    '[itemprop="author"]',
    ".vcard .fn",  # hCard: the formatted name inside an author card (WordPress themes)
    'a[rel~="author"]',
    ".byline",
    ".author-name",
    ".author",
    '[class*="byline" i]',
)
MAX_BYLINE_NODES = 5
# A byline without markup sits among the next few siblings of the h1 or of its header box.
BYLINE_LEVELS = 2
MAX_BYLINE_SIBLINGS = 6
MAX_BYLINE_CHARS = 120
# Byline-looking elements in these boxes name someone else: a commenter, or a business in an address card.
NOT_BYLINE_BOXES = ("comment",)
HCARD_NOT_PERSON = ("org", "adr")  # hCard classes of an organisation name or a postal address
# What the cleaner reads, at most: a story has a handful of authors, each a few words, and its
# regexes must stay cheap on a hostile page (an 80 KB "name" took 15 s; 10k authors in JSON-LD).
MAX_BYLINE_INPUTS = 50
MAX_BYLINE_INPUT_CHARS = 1000
# Meta tags that name the author, in the order they are trusted.
AUTHOR_METAS = ("author", "article:author", "sailthru.author", "parsely-author", "dc.creator")


def find_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    article: dict[str, Any],
    *,
    site: str | None,
    host: str | None,
) -> tuple[tuple[str, ...], str | None]:
    """The story's authors and where they were found (json-ld | meta | dom); ((), None) when nobody.

    >>> find_authors(LexborHTMLParser(""), {"author": ["By Jane Doe"]}, {}, site=None, host=None)
    (('Jane Doe',), 'meta')
    """

    def clean(raw: list[str]) -> tuple[str, ...]:
        bounded = [text[:MAX_BYLINE_INPUT_CHARS] for text in raw[:MAX_BYLINE_INPUTS]]
        return clean_authors(bounded, site=site, host=host)

    names = clean(_ld_people(article.get("author") or article.get("creator")))
    if names:
        return names, "json-ld"
    values = [
        v for key in AUTHOR_METAS for v in metas.get(key, ()) if "://" not in v and not v.startswith("www.")
    ]
    names = clean(values)
    if names:
        return names, "meta"
    for selector in BYLINE_SELECTORS:
        nodes = tree.css(selector)[:MAX_BYLINE_NODES]
        texts = [_text(node) for node in nodes]
        # Byline elements hold all sorts of text ("Views", "Guest"): a name there needs two words.
        names = tuple(name for name in clean(texts) if " " in name)
        if names:  # only then the (slower) look at where the names sit
            texts = [text for node, text in zip(nodes, texts, strict=True) if not _not_a_byline(node)]
            names = tuple(name for name in clean(texts) if " " in name)
        if names:  # a selector that names nobody ("View all posts") gives way to the next one
            return names, "dom"
    names = tuple(name for name in clean(_byline_lines(tree)) if " " in name)
    return (names, "dom") if names else ((), None)


def _byline_lines(tree: LexborHTMLParser) -> list[str]:
    """Short lines just below the headline that open with a localised "By" ("Von X und Y").

    Pages without byline markup still print one, right after the h1 (or after its header box).
    """
    headline = headline_node(tree)
    lines: list[str] = []
    level, looked = headline, 0
    for _ in range(BYLINE_LEVELS):  # the h1's next siblings, then its parent's next siblings
        if level is None or level.tag in ("body", "html"):
            break
        node = level.next
        while node is not None and looked < MAX_BYLINE_SIBLINGS:
            if node.tag != "-text":
                looked += 1
                text = squash(node.text(deep=True, separator=" "))
                if len(text) <= MAX_BYLINE_CHARS and BYLINE_LINE.match(text):
                    lines.append(text)
            node = node.next
        if lines:
            break
        level = level.parent
    return lines


def _ld_people(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _ld_people(item)]
    if isinstance(value, dict):
        if "organization" in str(value.get("@type", "")).lower():
            return []
        name = text_of(value.get("name"))
        return [name] if name else []
    text = text_of(value)
    return [text] if text and "://" not in text else []


def _text(node: LexborNode) -> str:
    inner = node.css_first('[itemprop="name"]')
    return (inner or node).text(deep=True, separator=" ")


def _not_a_byline(node: LexborNode) -> bool:
    """A commenter's name, or the name on an organisation's hCard (a listing, not a byline)."""
    parent: LexborNode | None = node
    while parent is not None and parent.tag not in ("body", "html"):
        attrs = parent.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold()
        if any(box in marks for box in NOT_BYLINE_BOXES):
            return True
        if "vcard" in marks.split() and any(parent.css_first(f".{c}") is not None for c in HCARD_NOT_PERSON):
            return True
        parent = parent.parent
    return False
