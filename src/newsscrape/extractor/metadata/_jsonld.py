"""JSON-LD blocks: tolerant parsing, the article node, the breadcrumb trail.

Publishers hand-write or template these blocks, so a good share are not strict JSON:
trailing commas, raw newlines inside strings, HTML comments or CDATA wrappers. We try
``json.loads`` first, then a few cheap textual repairs, and only then ``json_repair``, a parser
made for broken JSON: unescaped quotes inside a value (an ``articleBody`` pasted as markup), strings
in single quotes, comments after a value, a comma left out. Its Python parser costs ~3 µs a
character, so it reads a page's blocks only up to ``REPAIR_BUDGET`` characters.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .._text import squash, valid_text

Node = dict[str, Any]

# The elements that hold JSON-LD: scripts of this type (ASCII case folded).
JSONLD_TYPE = "application/ld+json"
JSONLD_SCRIPTS = f'script[type="{JSONLD_TYPE}" i]'

# An article node is any type ending in one of these (NewsArticle, ReportageNewsArticle,
# BlogPosting, LiveBlogPosting, SocialMediaPosting, ScholarlyArticle, ...).
ARTICLE_TYPE_ENDINGS = ("article", "posting")
# A node whose type ends so describes the page itself (WebPage, ItemPage, MedicalWebPage ...).
PAGE_TYPE_ENDING = "page"
# Wrappers that hold the page's main entity one level down.
WRAPPER_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")
# A Blog node holds its posts under this key: the post is the page's article when the Blog holds
# that one post, or when the post's URL is the page's (a blog's front page lists many: none is it).
BLOG_POSTS = "blogPost"
# Nodes that are not articles but credit the page's author when it has no article node: a node
# about the page itself (any type ending in "page": WebPage, ItemPage, ...), a recipe, a review, a
# how-to; a Q&A page credits its question's asker (the thread's starter). Only when they name a
# person: such a node's Organization "author" is the site's owner (moz.com#identity, a
# university, an agency), not a byline.
CREDITED_TYPES = frozenset({"recipe", "review", "howto"})
QA_PAGE = "qapage"
# Author types that are people; any other typed author (Organization, NewsMediaOrganization,
# GovernmentOrganization ...) is an organisation.
PERSON_TYPES = frozenset({"person"})
# A Person's name in parts, in the order they are said, for a node without a ``name``.
PERSON_NAME_PARTS = ("givenName", "additionalName", "familyName")
# Cheap repairs, tried in order on text json.loads refused.
# (a line comment's indent is [ \t]*, not \s*: \s crosses newlines, quadratic on a run of blank lines)
_COMMENT = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>|^[ \t]*//.*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_DECODER = json.JSONDecoder(strict=False)  # strict=False: raw control characters inside strings
# Real JSON-LD nests a dozen levels at most. A block nested deeper (a run of "[" is enough) is
# ignored: its metadata is lost, the article is kept, and no reader of it recurses that deep.
# (json.loads itself raises RecursionError near 1,000 levels; that block is ignored too.)
MAX_JSONLD_DEPTH = 64
# Characters of a page's blocks that json_repair may read (~0.4 s at most): the broken blocks of the
# development pages hold 0.4 to 8 thousand; a block beyond what is left is ignored, as before.
REPAIR_BUDGET = 131_072


@dataclass(frozen=True, slots=True, kw_only=True)
class JsonLd:
    """What the page's JSON-LD says: the article node, the site name and the breadcrumb trail."""

    article: Node | None = None
    site_name: str | None = None
    breadcrumbs: tuple[str, ...] = ()
    # The trail's last item is the page itself: it links to the page's URL, or to nothing where the
    # items before it link (schema.org lets the current page's item go without a URL; Yoast omits it).
    trail_ends_here: bool = False
    language: str | None = None
    # The node describing the page itself, when it gives a datePublished: it dates a page that has
    # no article node.
    page: Node | None = None
    # For the authors only: with no article node, the node that credits the page (``CREDITED_TYPES``).
    credited: Node | None = None
    # Typed nodes by their @id, so that a reference such as ``"author": {"@id": "#/person/1"}`` (the
    # Yoast @graph style) can be followed to the node that carries the name.
    by_id: Mapping[str, Node] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """``value`` itself, or the node an ``{"@id": ...}`` reference without a name points to.

        >>> JsonLd(by_id={"#p": {"@type": "Person", "name": "Jane Doe"}}).resolve({"@id": "#p"})
        {'@type': 'Person', 'name': 'Jane Doe'}
        """
        return _resolve(value, self.by_id)

    def crediting(self) -> JsonLd:
        """This JSON-LD with its ``credited`` node as the article, for the author reader, when it
        has no article node (the title and date readers never read ``credited``).

        >>> JsonLd(credited={"@type": "Recipe"}).crediting().article
        {'@type': 'Recipe'}
        """
        if self.article is not None or self.credited is None:
            return self
        return replace(self, article=self.credited)


def read_jsonld(blocks: Iterable[str], *, url: str | None = None) -> JsonLd:
    """Parse the texts of a page's ``JSONLD_SCRIPTS``, in page order, and pick out the article.

    >>> read_jsonld(['{"@type": "NewsArticle"}']).article
    {'@type': 'NewsArticle'}
    """
    nodes: list[Node] = []
    budget = REPAIR_BUDGET
    for block in blocks:
        data = loads_lenient(block)
        if data is None and len(block) <= budget:
            budget -= len(block)
            data = loads_repaired(block)
        if data is not None:
            _flatten(data, nodes, depth=0, page=_url_key(url))
    if not nodes:
        return JsonLd()
    article = _pick_article(nodes, url)
    site = None
    trail: tuple[str, ...] = ()
    ends_here = False
    language = None
    for node in nodes:
        types = node_types(node)
        if "breadcrumblist" in types and not trail:
            trail, ends_here = _trail(node, page=_url_key(url))
        elif "website" in types and site is None:
            site = text_of(node.get("name"))
        if language is None and "inLanguage" in node:
            language = text_of(node.get("inLanguage"))
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    if article is not None:
        publisher = _resolve(article.get("publisher"), by_id)
        if site is None and isinstance(publisher, dict):
            site = text_of(publisher.get("name"))
        if isinstance(article.get("inLanguage"), str):
            language = text_of(article["inLanguage"])
    page = next((node for node in nodes if _is_page(node) and "datePublished" in node), None)
    credited = None if article is not None else _credited(nodes, by_id)
    return JsonLd(
        article=article,
        site_name=site,
        breadcrumbs=trail,
        trail_ends_here=ends_here,
        language=language,
        page=page,
        credited=credited,
        by_id=by_id,
    )


def loads_lenient(text: str) -> Any:
    """``json.loads`` with cheap repairs; None when the block is beyond them.

    >>> loads_lenient('<!-- {"a": [1, 2,], } -->')
    {'a': [1, 2]}
    """
    text = text.strip()
    if not text:
        return None
    data = _decode(text)
    if data is None:
        text = _TRAILING_COMMA.sub(r"\1", _COMMENT.sub("", text)).strip()
        data = _decode(text)
    if data is None:
        # Several objects pasted one after another in one block: keep what decodes.
        items: list[Any] = []
        pos = 0
        while pos < len(text):
            start = text.find("{", pos)
            if start < 0:
                break
            try:
                value, pos = _DECODER.raw_decode(text, start)
            except (ValueError, RecursionError):
                break
            items.append(value)
        data = items or None
    return _valid(data) if data is not None else None


def loads_repaired(text: str) -> Any:
    r"""What ``json_repair`` reads in a block ``loads_lenient`` refused: an object or a list, else None.

    >>> loads_repaired('{"@type": "NewsArticle", "articleBody": "<a href="/x">six</a>", // note\n}')
    {'@type': 'NewsArticle', 'articleBody': '<a href="/x">six</a>'}
    """
    from json_repair import loads  # imported here: most pages never need it

    try:
        data = loads(text, skip_json_loads=True)
    except Exception:  # beyond repair (ValueError), nested deeper than its parser goes (RecursionError)
        return None
    return _valid(data) if isinstance(data, dict | list) and data else None


def _decode(text: str) -> Any:
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the json module goes
        return None


def _valid(data: Any) -> Any:
    """The decoded block with every string (keys too) valid Unicode, or None when it nests too deep.

    "\\udfff" escapes decode to lone surrogates, which no record may carry. Iterative: no recursion.
    """
    top = [data]
    stack: list[tuple[list[Any] | dict[str, Any], int]] = [(top, 0)]
    while stack:
        box, depth = stack.pop()
        if depth > MAX_JSONLD_DEPTH:
            return None
        if isinstance(box, dict):
            pairs = list(box.items())
            box.clear()
            for key, value in pairs:
                box[valid_text(key)] = _valid_item(value, depth, stack)
        else:
            for index, value in enumerate(box):
                box[index] = _valid_item(value, depth, stack)
    return top[0]


def _valid_item(value: Any, depth: int, stack: list[tuple[list[Any] | dict[str, Any], int]]) -> Any:
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, dict | list):
        stack.append((value, depth + 1))  # cleaned in place when popped
    return value


def node_types(node: Node) -> set[str]:
    """The node's @type values, lower-cased, without a schema.org prefix.

    >>> sorted(node_types({"@type": ["https://schema.org/NewsArticle", "WebPage"]}))
    ['newsarticle', 'webpage']
    """
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def text_of(value: Any) -> str | None:
    """A JSON-LD text value as a clean string: first of a list, ``name``/``@value`` of an object.

    >>> text_of([{"name": " Jane  Doe "}])
    'Jane Doe'
    """
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return squash(html.unescape(str(value))) or None
    return None


def _flatten(data: Any, out: list[Node], *, depth: int, page: str) -> None:
    """Collect typed nodes from lists, @graph and main-entity wrappers and a Blog's own post (not
    from other nested values). ``page`` is the page's ``_url_key``."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth=depth + 1, page=page)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        for key in WRAPPER_KEYS:
            if isinstance(data.get(key), dict | list):
                _flatten(data[key], out, depth=depth + 1, page=page)
        for post in _own_posts(data, page):
            _flatten(post, out, depth=depth + 1, page=page)


def _own_posts(node: Node, page: str) -> list[Node]:
    """A Blog's posts that are this page's story: its only post, else those whose URL is the page's.

    >>> _own_posts({"blogPost": [{"url": "https://a.example/x"}, {"url": "b"}]}, "a.example/x")
    [{'url': 'https://a.example/x'}]
    """
    posts = node.get(BLOG_POSTS)
    posts = [posts] if isinstance(posts, dict) else posts
    if not isinstance(posts, list):
        return []
    posts = [post for post in posts if isinstance(post, dict)]
    if len(posts) == 1:
        return posts
    return [post for post in posts if page and page in {_url_key(_ref(post.get(k))) for k in ("url", "@id")}]


def _credited(nodes: list[Node], by_id: Mapping[str, Node]) -> Node | None:
    """The first node that credits a person with the page although it is no article (see
    ``CREDITED_TYPES``): a recipe, a review, a how-to, the page's own node, a Q&A page's question."""
    for node in nodes:
        types = node_types(node)
        if QA_PAGE in types and isinstance(node.get("mainEntity"), dict):
            node = node["mainEntity"]
        elif not (types & CREDITED_TYPES or _is_page(node)):
            continue
        if author_names(node.get("author") or node.get("creator"), by_id)[0]:  # a person named
            return node
    return None


def author_names(value: Any, by_id: Mapping[str, Node]) -> tuple[list[str], list[str]]:
    """The names an author value gives: (people and bare strings, organisations); a reference
    ``{"@id": ...}`` is followed to its node in ``by_id``.

    >>> org = {"@type": "Organization", "name": "Example Inc"}
    >>> author_names([{"@id": "#org"}, "Jane Doe"], {"#org": org})
    (['Jane Doe'], ['Example Inc'])
    """
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(item, by_id)
        if isinstance(item, dict):
            names = _names(item)
            types = node_types(item)
            group = organisations if types and not types & PERSON_TYPES else people
            group.extend(names)
        else:
            text = text_of(item)
            if text and "://" not in text:
                people.append(text)
    return people, organisations


def _names(node: Node) -> list[str]:
    """The names an author node gives: its ``name`` (each of a list of them), else a Person's
    given, additional and family names joined, as schema.org allows them to stand alone.

    >>> _names({"@type": "Person", "givenName": "Jane", "familyName": "Doe"})
    ['Jane Doe']
    """
    value = node.get("name")
    names = [name for v in (value if isinstance(value, list) else [value]) if (name := text_of(v))]
    if names or value:
        return names
    parts = (text_of(node.get(key)) for key in PERSON_NAME_PARTS)
    return [name] if (name := " ".join(part for part in parts if part)) else []


def _resolve(value: Any, by_id: Mapping[str, Node]) -> Any:
    """``value`` itself, or the node an ``{"@id": ...}`` reference without a name points to."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _is_article(node: Node) -> bool:
    return any(t.endswith(ARTICLE_TYPE_ENDINGS) for t in node_types(node))


def _is_page(node: Node) -> bool:
    return any(t.endswith(PAGE_TYPE_ENDING) for t in node_types(node))


def _pick_article(nodes: list[Node], url: str | None) -> Node | None:
    """The article node about this page (its URL), else the one that says most about itself."""
    page = _url_key(url)
    best: Node | None = None
    best_score = -1
    for node in nodes:
        if not _is_article(node):
            continue
        score = sum(key in node for key in ("headline", "datePublished", "articleBody", "author"))
        # A page may describe other stories too (live-blog entries, related items): its own wins.
        if page and page in {_url_key(_ref(node.get(k))) for k in ("url", "@id", "mainEntityOfPage")}:
            score += 10
        if score > best_score:
            best, best_score = node, score
    return best


def _ref(value: Any) -> str | None:
    """A URL given as a string or as ``{"@id": ...}``."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


def _url_key(url: str | None) -> str:
    """A URL without scheme, query, fragment or trailing slash, for loose comparison."""
    if not url:
        return ""
    return url.split("#", 1)[0].split("?", 1)[0].split("://", 1)[-1].removeprefix("www.").rstrip("/")


def _trail(node: Node, *, page: str) -> tuple[tuple[str, ...], bool]:
    """Names of a BreadcrumbList's items, in ``position`` order, and whether the last is the page
    itself (its URL is the page's ``page`` key, or it has none where the others have one)."""
    items = node.get("itemListElement")
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        return (), False
    ranked: list[tuple[float, int, str, str]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        inner = item.get("item")
        name = text_of(item.get("name")) or (text_of(inner.get("name")) if isinstance(inner, dict) else None)
        if not name:
            continue
        try:
            position = float(item.get("position", index))
        except (TypeError, ValueError):
            position = float(index)
        ranked.append((position, index, name, _url_key(_item_url(inner))))
    ranked.sort()
    urls = [url for *_, url in ranked]
    ends_here = bool(urls) and (urls[-1] == page != "" or (not urls[-1] and any(urls[:-1])))
    return tuple(name for _, _, name, _ in ranked), ends_here


def _item_url(inner: Any) -> str | None:
    """A ListItem's ``item``: a URL, or a Thing with an @id or url."""
    if isinstance(inner, dict):
        inner = inner.get("@id") or inner.get("url")
    return inner if isinstance(inner, str) else None
