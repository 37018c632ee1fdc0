"""Page metadata read from the intact tree: JSON-LD, OpenGraph, meta tags, <time>, bylines, breadcrumbs.

Each field remembers where it came from (``sources``: json-ld | og | meta | dom | url) so
``newsscrape explain`` can show it. One pass collects every ``<meta>``; the other selectors
are cheap and most run only when the structured sources are silent.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._authors import BYLINE_LINE, clean_authors
from ._jsonld import JsonLd, read_jsonld, squash, text_of
from ._pubdate import find_dates
from ._title import STRONG_SEPARATORS, TitleSources, choose_title

# Breadcrumb containers, most explicit first.
BREADCRUMBS = (
    '[itemtype$="BreadcrumbList"]',
    'nav[aria-label*="breadcrumb" i]',
    '[class*="breadcrumb" i]',
    '[id*="breadcrumb" i]',
)
_BREADCRUMB_QUERY = ", ".join(BREADCRUMBS)
# A first crumb with one of these names is the site root: kept in the trail, never the section.
HOME_CRUMBS = frozenset(
    {"home", "homepage", "start", "startseite", "accueil", "inicio", "início", "portada", "főoldal"}
)
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
MAX_TAGS = 30
MAX_TAG_LENGTH = 60
# A breadcrumb trail is short: a few short links.
MAX_CRUMB_CONTAINERS = 3
MAX_CRUMB_CHARS = 400
MAX_CRUMB_LENGTH = 80
MAX_CRUMBS = 8
# A trail without breadcrumb markup: a small block of a few short links just above the h1 ...
TRAIL_TAGS = frozenset({"nav", "div", "p", "ol", "ul", "span", "td", "section"})
TRAIL_LEVELS = 4
MAX_TRAIL_SIBLINGS = 3
MIN_TRAIL_LINKS = 2
MAX_TRAIL_LINKS = 5
MAX_CRUMB_WORDS = 5
# ... whose aria-label, class or id names a trail ("You are here", German "Brotkrumen", Spanish "migas",
# French "fil d'Ariane", Italian "briciole", Dutch "kruimelpad", Polish "okruszki", Russian "крошки") ...
TRAIL_NAMES = (
    "breadcrumb",
    "crumb",
    "brotkrum",
    "krümel",
    "kruemel",
    "sie sind hier",
    "you are here",
    "ariane",
    "vous êtes ici",
    "migas",
    "migalhas",
    "briciole",
    "kruimel",
    "okruszki",
    "крошк",
    "estás en",
    "ti trovi",
)
# ... or whose links are joined by these (never "|", the menu separator).
TRAIL_SEPARATORS = frozenset({">", "/", "\u00bb", "\u203a", "\u2192", "\u276f", "::"})
# A site name from the <title> or the logo is a short name.
MAX_SITE_CHARS = 60
MAX_SITE_WORDS = 6
MAX_LOGOS = 2
MIN_HOST_MATCH = 3
_ALNUM = re.compile(r"\W+")
# Words logo alt texts add to the name ("JSTOR Home", "Gazette logo").
_LOGO_WORD = re.compile(r"\b(?:logo|logotipo|logotype|home ?page|home)\b", re.IGNORECASE)
# A story picture without meta tags: a large <img> near the headline, not a logo, icon or ad.
MAX_IMAGES = 5
MIN_IMAGE_WIDTH = 200
MIN_IMAGE_HEIGHT = 100
NOT_PHOTO = ("logo", "icon", "avatar", "sprite", "spacer", "pixel", "advert", "banner", "/ads/", "gravatar")
MIN_CUT_WORDS = 3  # "Kim Jong Un's..." is this page; "News..." is not
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
MAX_H2 = 10
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$", re.IGNORECASE)
# What sits between crumbs: > / | guillemets, an arrow, a bullet, a middle dot (and spaces around).
_CRUMB_MARKS = " >/|\u00bb\u203a\u2192\u2022\u00b7"
_CRUMB_SEPARATORS = frozenset(_CRUMB_MARKS.strip()) | {"-", "::"}


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
        for key in keys:
            for value in metas.get(key, ()):
                text = squash(value)
                if text:
                    return text, "og" if key.startswith(("og:", "article:")) else "meta"
        return None, None

    def put(name: str, value: Any, source: str | None) -> None:
        if value and source and not getattr(meta, name):
            setattr(meta, name, value)
            meta.sources[name] = source

    links = _links(tree)
    put("canonical_url", _absolute(links.get("canonical"), url), "meta")
    put("canonical_url", _absolute(first_meta("og:url")[0], url), "og")
    put("site_name", *first_meta("og:site_name"))
    put("site_name", ld.site_name, "json-ld")
    put("site_name", *first_meta("application-name"))
    put("description", *first_meta("og:description", "description"))
    put("description", text_of(art.get("description")), "json-ld")
    put("description", *first_meta("twitter:description"))
    image, image_src = first_meta("og:image", "og:image:url", "og:image:secure_url")
    put("image", _absolute(image, url), image_src)
    put("image", _absolute(_ld_image(art.get("image")), url), "json-ld")
    put("image", _absolute(first_meta("twitter:image", "twitter:image:src")[0], url), "meta")
    if not meta.image:
        put("image", _absolute(_story_image(tree), url), "dom")
    _language(meta, tree, metas, ld)

    put("breadcrumbs", ld.breadcrumbs, "json-ld")
    if not meta.breadcrumbs:
        put("breadcrumbs", _dom_breadcrumbs(tree) or _trail_above_headline(tree), "dom")

    title, title_src = choose_title(_title_sources(tree, metas, ld, meta, url))
    put("title", title, title_src)
    if not meta.site_name:
        title_node = tree.css_first("title")
        html_title = squash(title_node.text()) if title_node is not None else ""
        host = urlsplit(url).hostname if url else None
        put("site_name", _site_beside_title(html_title, meta.title, host=host), "meta")
        put("site_name", _logo_name(tree), "dom")
    if meta.breadcrumbs and meta.title and _is_this_page(meta.breadcrumbs[-1], meta.title):
        meta.breadcrumbs = meta.breadcrumbs[:-1]  # the trail ends with the page itself
    put("section", _section(meta.breadcrumbs), meta.sources.get("breadcrumbs"))
    put("section", _first_label(text_of(art.get("articleSection")), meta), "json-ld")
    section, section_src = first_meta("article:section")
    put("section", _first_label(section, meta), section_src)

    _authors(meta, tree, metas, art, host=urlsplit(url).hostname if url else None)
    _tags(meta, tree, metas, art)
    put("article_body", _body_text(art.get("articleBody")), "json-ld")
    count = art.get("wordCount")
    if isinstance(count, int | str) and str(count).isdigit() and int(count) > 0:
        put("word_count", int(count), "json-ld")

    langs = (meta.language.lower(),) if meta.language else ()
    found = find_dates(tree, metas=metas, article=ld.article, url=url, title=meta.title, languages=langs)
    put("published", found.published, found.published_source)
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


def _links(tree: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.css("link[rel][href]"):
        href = (node.attributes.get("href") or "").strip()
        for rel in (node.attributes.get("rel") or "").lower().split():
            if href:
                out.setdefault(rel, href)
    return out


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if link.startswith("//"):
        return ("https:" if not base or base.startswith("https") else "http:") + link
    if base:
        try:
            link = urljoin(base, link)
        except ValueError:
            return None
    return link if urlsplit(link).scheme in ("http", "https") else None


def _body_text(value: Any) -> str | None:
    """JSON-LD articleBody with its paragraph breaks kept (text_of folds all white space)."""
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return None
    lines = (" ".join(line.split()) for line in html.unescape(value).splitlines())
    return "\n".join(line for line in lines if line) or None


def _ld_image(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return value if isinstance(value, str) else None


def normalise_language(raw: str | None) -> str | None:
    """BCP-47-ish: "EN" -> "en", "pt_br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW"; junk -> None.

    >>> normalise_language("pt_br"), normalise_language("{{lang}}")
    ('pt-BR', None)
    """
    if not raw:
        return None
    match = _LANG.match(raw.strip().split(",")[0].strip())
    if match is None:
        return None
    parts = [match[1].lower()]
    if match[2]:
        parts.append(match[2].title())
    if match[3]:
        parts.append(match[3].upper())
    return "-".join(parts)


def _language(meta: Metadata, tree: LexborHTMLParser, metas: dict[str, list[str]], ld: JsonLd) -> None:
    root = tree.css_first("html")
    candidates = (
        (root.attributes.get("lang") or root.attributes.get("xml:lang") if root is not None else None, "dom"),
        (next(iter(metas.get("og:locale", ())), None), "og"),
        (next(iter(metas.get("content-language", ())), None), "meta"),
        (next(iter(metas.get("language", ())), None), "meta"),
        (ld.language, "json-ld"),
    )
    for raw, source in candidates:
        lang = normalise_language(raw)
        if lang:
            meta.language = lang
            meta.sources["language"] = source
            return


def _title_sources(
    tree: LexborHTMLParser, metas: dict[str, list[str]], ld: JsonLd, meta: Metadata, url: str | None
) -> TitleSources:
    main: list[str] = []
    rest: list[str] = []
    for node in tree.css("h1"):
        text = squash(node.text(deep=True))
        if text:
            (main if _in_story(node) else rest).append(text)
    if not main and not rest:  # no h1: the headline is often the first h2 (only used if a claim agrees)
        rest = [t for t in (squash(n.text(deep=True)) for n in tree.css("h2")[:MAX_H2]) if t]
    title_node = tree.css_first("title")
    art = ld.article or {}

    def one(key: str) -> str | None:
        values = metas.get(key)
        return squash(values[0]) if values else None

    return TitleSources(
        h1s=tuple(main + rest),
        og=one("og:title"),
        headline=text_of(art.get("headline")) or text_of(art.get("name")),
        twitter=one("twitter:title"),
        html_title=squash(title_node.text()) if title_node is not None else None,
        site_name=meta.site_name,
        host=urlsplit(url).hostname if url else None,
        breadcrumbs=meta.breadcrumbs,
    )


def _in_story(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main") or (parent.attributes.get("role") == "main"):
            return True
        parent = parent.parent
    return False


def _dom_breadcrumbs(tree: LexborHTMLParser) -> tuple[str, ...]:
    # One pass for all selectors (each [class*=] scan walks the whole tree); first valid in page order.
    for node in tree.css(_BREADCRUMB_QUERY)[:MAX_CRUMB_CONTAINERS]:
        trail = _crumbs_in(node)
        if trail:
            return trail
    return ()


def _crumbs_in(node: LexborNode) -> tuple[str, ...]:
    """The trail in one candidate container; () when it is too big or odd to be a trail."""
    if node.tag in ("html", "body", "main", "article") or len(node.text(deep=True)) > MAX_CRUMB_CHARS:
        return ()  # class*="breadcrumb" also matches wrappers like <article class="url-breadcrumb">
    items = node.css('[itemprop="name"]') or node.css("li") or node.css("a")
    trail: list[str] = []
    for item in items:
        text = " ".join(item.text(deep=True, separator=" ").split()).strip(_CRUMB_MARKS)
        if not text or text in _CRUMB_SEPARATORS or (trail and trail[-1] == text):
            continue
        if len(text) > MAX_CRUMB_LENGTH or "@" in text or text in trail:
            return ()  # a sentence, an e-mail or a repeat: share buttons or a byline, not a trail
        trail.append(text)
    return tuple(trail) if len(trail) <= MAX_CRUMBS else ()


def _trail_above_headline(tree: LexborHTMLParser) -> tuple[str, ...]:
    """A trail without breadcrumb markup: the few short links just above the h1.

    They must be named a trail (aria-label/class/id, any language: "Sie sind hier", "migas") or
    be joined by trail separators ("Home » News » Local"); a menu is neither (and says "|").
    """
    level = _headline_node(tree)
    for _ in range(TRAIL_LEVELS):  # the h1's previous siblings, then its parents'
        if level is None or level.tag in ("body", "html"):
            break
        node, looked = level.prev, 0
        while node is not None and looked < MAX_TRAIL_SIBLINGS:
            if node.tag != "-text":
                looked += 1
                trail = _unmarked_trail(node)
                if trail:
                    return trail
            node = node.prev
        level = level.parent
    return ()


def _unmarked_trail(node: LexborNode) -> tuple[str, ...]:
    if node.tag not in TRAIL_TAGS:
        return ()
    text = squash(node.text(deep=True, separator=" "))
    if not text or len(text) > MAX_CRUMB_CHARS:
        return ()
    links = [squash(a.text(deep=True)) for a in node.css("a")]
    if not MIN_TRAIL_LINKS <= len(links) <= MAX_TRAIL_LINKS or not all(links):
        return ()
    if any(len(link) > MAX_CRUMB_LENGTH or len(link.split()) > MAX_CRUMB_WORDS for link in links):
        return ()
    marks = " ".join(node.attributes.get(a) or "" for a in ("aria-label", "class", "id")).casefold()
    if any(word in marks for word in TRAIL_NAMES):
        return _crumbs_in(node)
    rest = text
    for link in links:
        rest = rest.replace(link, " ", 1)
    seps = rest.split()
    # Only separators between the links, one between each pair: "Home » News » Local".
    if len(seps) == len(links) - 1 and all(sep in TRAIL_SEPARATORS for sep in seps):
        return tuple(links)
    return ()


def _site_beside_title(html_title: str, headline: str | None, *, host: str | None = None) -> str | None:
    """The site name a <title> adds to the headline: "Headline - Section | Site" -> "Site".

    >>> _site_beside_title("Park grows - The Gazette", "Park grows")
    'The Gazette'

    Of several labels, the one that resembles the host name wins ("Headline - sn.dk - Forsiden").
    """
    if not headline or not html_title:
        return None
    key, page = headline.casefold(), html_title.casefold()
    if page.startswith(key):
        rest, pick = html_title[len(headline) :], -1  # the last label is the site
    elif page.endswith(key):
        rest, pick = html_title[: len(html_title) - len(headline)], 0  # "Site | Headline"
    else:
        return None
    seps = [sep for sep in STRONG_SEPARATORS if sep.strip() and sep.strip() in rest]
    if not seps or (pick == -1 and not rest.strip().startswith(tuple(s.strip() for s in seps))):
        return None
    parts = [rest]
    for sep in seps:
        parts = [piece for part in parts for piece in part.split(sep.strip())]
    labels = [label for label in (squash(part) for part in parts) if label and ">" not in label]
    hostname = _ALNUM.sub("", (host or "").casefold().removeprefix("www."))
    like_host = [
        label
        for label in labels
        if len(key := _ALNUM.sub("", label.casefold())) >= MIN_HOST_MATCH
        and (key in hostname or hostname in key)
    ]
    site = like_host[0] if like_host else labels[pick] if labels else None
    return site if site and len(site) <= MAX_SITE_CHARS and len(site.split()) <= MAX_SITE_WORDS else None


def _logo_name(tree: LexborHTMLParser) -> str | None:
    """The alt text of the logo image that links to the home page ("The Millbrook Gazette")."""
    for img in tree.css('a[href="/"] img[alt]')[:MAX_LOGOS]:
        alt = squash(img.attributes.get("alt") or "")
        for sep in STRONG_SEPARATORS:  # "Catch it Kansas - News": the name comes first
            alt = alt.split(sep)[0]
        alt = _LOGO_WORD.sub("", alt).strip(" -|:")
        if (
            alt
            and len(alt) <= MAX_SITE_CHARS
            and len(alt.split()) <= MAX_SITE_WORDS
            and alt.casefold() != "home"
        ):
            return alt
    return None


def _story_image(tree: LexborHTMLParser) -> str | None:
    """The first large picture of the story when no meta tag names one.

    Looked for in the h1's article/main (anywhere), else after the h1 in its parent block.
    """
    headline = _headline_node(tree)
    if headline is None:
        return None
    scope, anywhere = headline.parent, False
    parent = headline.parent
    while parent is not None:
        if parent.tag in ("article", "main") or parent.attributes.get("role") == "main":
            scope, anywhere = parent, True
            break
        parent = parent.parent
    if scope is None:
        return None
    seen_h1, looked = anywhere, 0
    for node in scope.css("h1, img"):
        if node.tag == "h1":
            seen_h1 = seen_h1 or node.mem_id == headline.mem_id
            continue
        if not seen_h1 or _outside_story(node):
            continue
        looked += 1
        if looked > MAX_IMAGES:
            break
        attrs = node.attributes
        src = attrs.get("src") or attrs.get("data-src") or ""
        hints = " ".join((src, attrs.get("alt") or "", attrs.get("class") or "")).casefold()
        if (
            not src
            or src.startswith("data:")
            or src.lower().endswith(".svg")
            or any(w in hints for w in NOT_PHOTO)
        ):
            continue
        if _size(attrs.get("width")) >= MIN_IMAGE_WIDTH and _size(attrs.get("height")) >= MIN_IMAGE_HEIGHT:
            return src
    return None


def _size(value: str | None) -> int:
    """A width/height attribute in pixels; an absent or odd one counts as large (lazy images omit it)."""
    digits = (value or "").strip().removesuffix("px")
    return int(digits) if digits.isdigit() else 10_000


def _first_label(value: str | None, meta: Metadata) -> str | None:
    """A section label: the first of a comma list ("game,news,slider"), never a domain or the site."""
    label = (value or "").split(",")[0].strip()
    if not label or "." in label or (meta.site_name and label.casefold() == meta.site_name.casefold()):
        return None
    return label


def _is_this_page(crumb: str, title: str) -> bool:
    """The last crumb names this page: the title, or its start cut with an ellipsis."""
    crumb, title = crumb.casefold(), title.casefold()
    if crumb == title:
        return True
    cut = crumb.rstrip(".\u2026 ")
    return cut != crumb and len(cut.split()) >= MIN_CUT_WORDS and title.startswith(cut)


def _section(trail: tuple[str, ...]) -> str | None:
    for crumb in reversed(trail):
        if crumb.casefold() not in HOME_CRUMBS:
            return crumb
    return None


def _authors(
    meta: Metadata,
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    art: dict[str, Any],
    *,
    host: str | None,
) -> None:
    def clean(raw: list[str]) -> tuple[str, ...]:
        return clean_authors(raw, site=meta.site_name, host=host)

    raw = art.get("author") or art.get("creator")
    names = clean(_ld_people(raw))
    if names:
        meta.authors, meta.sources["authors"] = names, "json-ld"
        return
    values = [
        v
        for key in ("author", "article:author", "sailthru.author", "parsely-author", "dc.creator")
        for v in metas.get(key, ())
        if "://" not in v and not v.startswith("www.")
    ]
    names = clean(values)
    if names:
        meta.authors, meta.sources["authors"] = names, "meta"
        return
    for selector in BYLINE_SELECTORS:
        texts = []
        for node in tree.css(selector)[:MAX_BYLINE_NODES]:
            inner = node.css_first('[itemprop="name"]')
            texts.append((inner or node).text(deep=True, separator=" "))
        # Byline elements hold all sorts of text ("Views", "Guest"): a name there needs two words.
        names = tuple(name for name in clean(texts) if " " in name)
        if names:  # a selector that names nobody ("View all posts") gives way to the next one
            meta.authors, meta.sources["authors"] = names, "dom"
            return
    names = tuple(name for name in clean(_byline_lines(tree)) if " " in name)
    if names:
        meta.authors, meta.sources["authors"] = names, "dom"


def _byline_lines(tree: LexborHTMLParser) -> list[str]:
    """Short lines just below the headline that open with a localised "By" ("Von X und Y").

    Pages without byline markup still print one, right after the h1 (or after its header box).
    """
    headline = _headline_node(tree)
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


def _headline_node(tree: LexborHTMLParser) -> LexborNode | None:
    """The story's h1: the first inside article/main, else the first on the page."""
    h1s = tree.css("h1")
    return next((h for h in h1s if _in_story(h)), h1s[0] if h1s else None)


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


def _tags(meta: Metadata, tree: LexborHTMLParser, metas: dict[str, list[str]], art: dict[str, Any]) -> None:
    # Lazily: the DOM lookups run only when the structured sources are silent.
    sources: tuple[tuple[Callable[[], list[str]], str], ...] = (
        (lambda: _keywords(metas.get("article:tag", [])), "og"),
        (lambda: _keywords(art.get("keywords")), "json-ld"),
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
            meta.tags = tuple(list(seen.values())[:MAX_TAGS])
            meta.sources["tags"] = source
            return


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
        if not tokens & TAG_CLASS_WORDS or tokens & NOT_TAG_WORDS or _outside_story(node):
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


def _outside_story(node: LexborNode) -> bool:
    """Inside an aside, nav or footer: a site-wide tag cloud, not this story's tags."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("aside", "nav", "footer"):
            return True
        parent = parent.parent
    return False


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return html.unescape(value).split(",")
    if isinstance(value, list):
        return [v for item in value for v in _keywords(item)]
    return []
