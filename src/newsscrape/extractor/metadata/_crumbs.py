"""Breadcrumb trails (marked up, or a few separated links above the headline) and the section they name.

The recognisers follow the markup conventions of the common CMS families, not single pages:
schema.org BreadcrumbList as microdata or RDFa (Breadcrumb NavXT, Breadcrumb Trail), the
``breadcrumb`` classes and ARIA labels of WordPress plugins (Yoast, Rank Math), Drupal and
Bootstrap, a Next.js page's ``__NEXT_DATA__``; and for the section when no trail or declared
section names one, WordPress category links, Drupal category fields, Ghost's primary tag and the
primary section of an Arc XP story (``Fusion.globalContent``). ``fixtures/cms/`` holds one page
in each family's style.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import headline_node, in_story, outside_story
from .._text import alnum_key, fold, label_words, squash
from ._dates import MONTHS

# Breadcrumb containers, most explicit first: schema.org microdata and RDFa (typeof, as Breadcrumb
# NavXT writes it), the ARIA label of a trail's <nav>, then class, id and test-id words.
BREADCRUMBS = (
    '[itemtype$="BreadcrumbList"]',
    '[typeof~="BreadcrumbList"]',
    '[typeof~="schema:BreadcrumbList"]',
    'nav[aria-label*="breadcrumb" i]',
    '[class*="breadcrumb" i]',
    '[id*="breadcrumb" i]',
    '[data-testid*="breadcrumb" i]',
)
_BREADCRUMB_QUERY = ", ".join(BREADCRUMBS)
# A crumb's own name inside a container: microdata, then RDFa.
CRUMB_NAMES = '[itemprop="name"], [property="name"], [property="schema:name"]'
# A first crumb with one of these names is the site root: kept in the trail, never the section.
HOME_CRUMBS = frozenset(
    {
        *("home", "homepage", "start", "startseite", "accueil", "inicio", "início", "portada", "főoldal"),
        *(
            "forside",
            "etusivu",
            "hlavní stránka",
            "главная",
            "головна",
            "الرئيسية",
            "صفحه اصلی",
            "首頁",
            "首页",
        ),
    }
)
# Labels a page puts on every story, or on its CMS type, never the story's section ("News", "post").
GENERIC_SECTIONS = frozenset(
    {
        *("news", "latest news", "top stories", "latest headlines", "headlines", "stories", "story"),
        *("article", "articles", "post", "posts", "all", "front page", "featured", "blog", "uncategorized"),
        *(
            "general",
            "destacado",
            "destaque",
            "noticias",
            "notícias",
            "actualité",
            "actualités",
            "nachrichten",
        ),
        *("notizie", "новости", "haberler"),
    }
)
# "You are here" labels in front of a trail: not a crumb.
TRAIL_LABELS = frozenset(
    {"you are here", "sie sind hier", "vous êtes ici", "estás en", "sei in", "ti trovi in"}
)
# A crumb this long is a headline (the page's own, maybe translated or with a site suffix), not a place.
MAX_PLACE_WORDS = 8
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
MIN_CUT_WORDS = 3  # "Kim Jong Un's..." is this page; "News..." is not
# What sits between crumbs: > / | guillemets, an arrow, a bullet, a middle dot (and spaces around);
# and the arrows a trail's link back up is drawn with ("< Firm Management", "\u2039 Politics").
_CRUMB_MARKS = " >/|\u00bb\u203a\u2192\u2022\u00b7<\u00ab\u2039\u2190"
# A link back to the page above ("< Back to blog"), set among the crumbs: a way up, not a place.
BACK_LINK = re.compile(
    r"(?:back|return) to\b|zur\u00fcck zu|retour \u00e0|volver a\b|torna a\b|terug naar\b", re.IGNORECASE
)
_CRUMB_SEPARATORS = frozenset(_CRUMB_MARKS.strip()) | {"-", "::"}
_DIGITS = re.compile(r"\d+")


def read_breadcrumbs(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The page's trail from breadcrumb markup, else from the unmarked links just above the h1.

    >>> read_breadcrumbs(LexborHTMLParser('<ol class="breadcrumb"><li>Home</li><li>World</li></ol>'))
    ('Home', 'World')
    """
    return _dom_breadcrumbs(tree) or _trail_above_headline(tree) or _next_breadcrumbs(tree)


def _dom_breadcrumbs(tree: LexborHTMLParser) -> tuple[str, ...]:
    # One pass for all selectors (each [class*=] scan walks the whole tree); first valid in page order.
    for node in tree.css(_BREADCRUMB_QUERY)[:MAX_CRUMB_CONTAINERS]:
        trail = _crumbs_in(node)
        if trail:
            return trail
    return ()


def _crumbs_in(node: LexborNode) -> tuple[str, ...]:
    """The trail in one candidate container; () when it is too big or odd to be a trail."""
    # its text as a reader sees it: a pretty-printed trail's indentation can outweigh its words
    if node.tag in ("html", "body", "main", "article") or len(fold(node.text(deep=True))) > MAX_CRUMB_CHARS:
        return ()  # class*="breadcrumb" also matches wrappers like <article class="url-breadcrumb">
    items = node.css(CRUMB_NAMES) or node.css("li") or node.css("a")
    trail: list[str] = []
    for item in items:
        # a name given as <meta itemprop|property="name" content="..."> has no text of its own
        raw = (
            item.attributes.get("content") or ""
            if item.tag == "meta"
            else item.text(deep=True, separator=" ")
        )
        text = fold(raw).strip(_CRUMB_MARKS)
        if not text or text in _CRUMB_SEPARATORS or (trail and trail[-1] == text):
            continue
        if text.casefold().rstrip(" :") in TRAIL_LABELS or BACK_LINK.match(text):
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
    level = headline_node(tree)
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
    if any(len(link) > MAX_CRUMB_LENGTH or label_words(link) > MAX_CRUMB_WORDS for link in links):
        return ()
    marks = " ".join(node.attributes.get(a) or "" for a in ("aria-label", "class", "id")).casefold()
    if any(word in marks for word in TRAIL_NAMES):
        return _crumbs_in(node)
    rest = text
    for link in links:
        rest = rest.replace(link, " ", 1)
    seps = rest.split()
    # Only separators between the links, one between each pair: "Home » News » Local"; after the
    # last link, maybe one more and the page's own name, unlinked ("Home » News » This story").
    between, after = seps[: len(links) - 1], seps[len(links) - 1 :]
    if len(between) < len(links) - 1 or not all(sep in TRAIL_SEPARATORS for sep in between):
        return ()
    if not after or (
        len(after) > 1 and after[0] in TRAIL_SEPARATORS and not any(w in TRAIL_SEPARATORS for w in after[1:])
    ):
        return tuple(links)
    return ()


def is_this_page(crumb: str, title: str) -> bool:
    """The last crumb names this page: the title (maybe with the site's suffix), or its start cut with
    an ellipsis; or a crumb as long as a headline.

    >>> is_this_page("Rain returns - Gazette", "Rain returns"), is_this_page("World", "Rain returns")
    (True, False)
    """
    if label_words(crumb) > MAX_PLACE_WORDS:
        return True
    crumb, title = crumb.casefold(), title.casefold()
    if not title:
        return False
    if crumb.startswith(title):
        return True
    cut = crumb.rstrip(".\u2026 ")
    return cut != crumb and label_words(cut) >= MIN_CUT_WORDS and title.startswith(cut)


def names_page(label: str, title: str) -> bool:
    """The label is the page's own name, not its section: the title spelt otherwise ("Mesh-office-chair"
    for "Mesh Office Chair"), or a label of some words the title opens or closes with. A label the
    title opens with before ":" or "(" is a column's name ("Music of the Month: ..."), and one it
    closes with in brackets an aside ("What is SEO? (Search Engine Optimization)").

    >>> names_page("Team Fortress 2", "Team Fortress 2 on Steam"), names_page("World", "World Cup final")
    (True, False)
    >>> names_page("Music of the Month", "Music of the Month: The Best Albums of May")
    False
    """
    key = alnum_key(label)
    if not key or key == alnum_key(title):
        return bool(key)
    if label_words(label) < MIN_CUT_WORDS:
        return False
    label, title = squash(label).casefold(), squash(title).casefold()
    if title.startswith(label):
        return not title[len(label) :].lstrip().startswith((":", "("))
    if title.endswith(label):
        return not title[: -len(label)].rstrip().endswith("(")
    return False


def section_of(trail: tuple[str, ...], *, site: str | None = None, title: str = "") -> str | None:
    """The nearest crumb above the story that names a section: not the root, a date or "News".
    A first crumb named for the site ("Gazette > Story") is the root too, and a crumb naming the
    page itself is no section.

    >>> section_of(("Home", "Business", "Markets", "News")), section_of(("Home", "Stories", "2020", "August"))
    ('Markets', None)
    >>> section_of(("The Gazette",), site="The Gazette")
    """
    if trail and site and trail[0].casefold() == site.casefold():
        trail = trail[1:]
    for crumb in reversed(trail):
        if is_section_label(crumb) and crumb.casefold() not in HOME_CRUMBS and not names_page(crumb, title):
            return crumb
    return None


def declared_section(value: str | None, *, site: str | None, url: str | None = None) -> str | None:
    """A section the page declares (articleSection, article:section), when it names one.

    The first of a comma list ("game,news,slider"), the first part of "Blog Briefing Room - News";
    never a domain, the site, a slug ("india-news", a folder of the URL) or a generic label.

    >>> declared_section("Blog Briefing Room - News", site=None), declared_section("post", site=None)
    ('Blog Briefing Room', None)
    """
    label = (value or "").split(",")[0].strip(" -\u2013|")
    label = next((part for part in label.split(" - ") if is_section_label(part.strip())), "").strip()
    if not label or "." in label or (site and label.casefold() == site.casefold()):
        return None
    slug = " " not in label and label.islower() and label.isascii()
    if slug and ("-" in label or f"/{label}/" in (url or "")):
        return None  # a URL slug ("india-news", "zurawik" from .../columnists/zurawik/...)
    return label


def is_section_label(label: str) -> bool:
    """Not a generic label ("News", "Destacado 1"), a year, a month or a headline.

    >>> is_section_label("Politics"), is_section_label("Destacado 1")
    (True, False)
    """
    key = fold(_DIGITS.sub(" ", label.casefold()))
    if not key or key in GENERIC_SECTIONS or key in MONTHS:
        return False
    return label_words(label) <= MAX_PLACE_WORDS


# --- The section when neither a trail nor a declared section names one -----------------------------
# Links and fields that name a story's category, by CMS family:
# WordPress core writes its category links with rel="category tag" (the_category, get_the_category_list);
# underscores-based themes put them in .cat-links, block themes in the Post Terms block of the
# category taxonomy (.taxonomy-category, its links rel="tag"). Squarespace blogs mark each category
# link .blog-item-category. Drupal renders a taxonomy field as .field--name-field-<name> (Drupal 8+)
# or .field-name-field-<name> (Drupal 7).
CATEGORY_LINKS = 'a[rel~="category"], .cat-links a, .taxonomy-category a, a.blog-item-category'
CATEGORY_FIELDS = tuple(
    f"{prefix}-field-{name}"
    for prefix in ("field--name", "field-name")
    for name in ("section", "category", "categories", "channel")
)
# Every Drupal field's class holds this (both prefixes end so): one [class*=] test of each element
# finds the candidates, and their class is looked at for CATEGORY_FIELDS (as case-sensitively).
_ANY_FIELD = '[class*="name-field-"]'
# A Drupal field's values: its items (8+: field__item, 7: field-item), else its links.
FIELD_ITEMS = ".field__item, .field-item"
# Ghost themes show the primary tag (Ghost's section) as one /tag/ link: Casper's
# .post-card-primary-tag, .article-tag; Source and Headline's .gh-article-tag.
PRIMARY_TAGS = ".post-card-primary-tag, .article-tag, .gh-article-tag, .primary-tag"
TAG_PATH = "/tag/"
# Script state of JavaScript front ends: Arc XP's Fusion.globalContent (an ANS story), Next.js'
# __NEXT_DATA__ (pageProps, any shape: searched breadth first, the page's own story before the
# stories it links to).
FUSION_SCRIPT = "script#fusion-metadata"
FUSION_CONTENT = "Fusion.globalContent="
NEXT_DATA = "script#__NEXT_DATA__"
NEXT_SECTION_KEYS = (
    "section",
    "sectionName",
    "primarySection",
    "primary_section",
    "primaryCategory",
    "category",
    "categoryName",
)
NEXT_CRUMB_KEYS = ("breadcrumbs", "breadcrumb", "breadCrumbs", "breadcrumbList")
NAME_KEYS = ("name", "title", "label", "text", "displayName")
# Parts of the state that describe the site's chrome or other stories, not the page's own story.
STATE_CHROME = ("nav", "menu", "header", "footer", "sidebar", "layout", "related", "recommend")
MAX_NEXT_DEPTH = 6
MAX_NEXT_NODES = 3000


def read_section(tree: LexborHTMLParser, *, site: str | None, url: str | None) -> str | None:
    """The section a CMS shows without declaring it: a category link or field, a primary tag, the
    section in the page's script state (Arc XP, Next.js); None when none names one.

    >>> page = LexborHTMLParser('<h1>Rain</h1><a href="/c/w/" rel="category tag">Weather</a>')
    >>> read_section(page, site=None, url=None)
    'Weather'
    """
    for reader in SECTION_READERS:  # in order, each read only when those before it name none
        section = declared_section(reader(tree), site=site, url=url)
        if section:
            return section
    return None


def _category_link(tree: LexborHTMLParser) -> str | None:
    """The first category link of the story: inside article/main, else anywhere outside nav/aside/footer."""
    links = [a for a in tree.css(CATEGORY_LINKS) if not outside_story(a)]
    link = next((a for a in links if in_story(a)), links[0] if links else None)
    return squash(link.text(deep=True)) if link is not None else None


def _category_field(tree: LexborHTMLParser) -> str | None:
    for node in tree.css(_ANY_FIELD):
        klass = node.attributes.get("class") or ""
        if not any(name in klass for name in CATEGORY_FIELDS):
            continue
        items = node.css(FIELD_ITEMS) or node.css("a")
        text = squash(items[0].text(deep=True)) if items else ""
        if text:
            return text
    return None


def _primary_tag(tree: LexborHTMLParser) -> str | None:
    """A Ghost primary tag: a box of exactly one /tag/ link (a list of tags is not a section)."""
    for node in tree.css(PRIMARY_TAGS):
        links = [a for a in _self_and_links(node) if TAG_PATH in (a.attributes.get("href") or "")]
        if len(links) == 1:
            return squash(links[0].text(deep=True)) or None
    return None


def _self_and_links(node: LexborNode) -> list[LexborNode]:
    return [node] if node.tag == "a" else node.css("a")


def _fusion_section(tree: LexborHTMLParser) -> str | None:
    """The primary section of an Arc XP story: taxonomy.primary_section, else a website_section."""
    content = _script_object(tree, FUSION_CONTENT)
    if not isinstance(content, dict):
        return None
    taxonomy = content.get("taxonomy")
    primary = taxonomy.get("primary_section") if isinstance(taxonomy, dict) else None
    if isinstance(primary, dict) and _name_of(primary):
        return _name_of(primary)
    websites = content.get("websites")
    for site in websites.values() if isinstance(websites, dict) else ():
        section = site.get("website_section") if isinstance(site, dict) else None
        if isinstance(section, dict) and _name_of(section):
            return _name_of(section)
    return None


def _script_object(tree: LexborHTMLParser, marker: str) -> Any:
    """The JSON value assigned after ``marker`` in Fusion's metadata script (``...globalContent={...};``)."""
    script = tree.css_first(FUSION_SCRIPT)
    text = script.text(deep=True) if script is not None else ""
    start = text.find(marker)
    return _decode_at(text, start + len(marker)) if start >= 0 else None


def _decode_at(text: str, start: int) -> Any:
    try:
        return json.JSONDecoder().raw_decode(text, start)[0]
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the json module goes
        return None


def _next_section(tree: LexborHTMLParser) -> str | None:
    for node in _next_nodes(tree):
        for key in NEXT_SECTION_KEYS:
            name = _name_of(node.get(key))
            if name:
                return name
    return None


# Where a CMS shows the section, most explicit first: ``read_section`` takes the first that names one.
SECTION_READERS: tuple[Callable[[LexborHTMLParser], str | None], ...] = (
    _category_link,
    _category_field,
    _primary_tag,
    _fusion_section,
    _next_section,
)


def _next_breadcrumbs(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The trail in a Next.js page's props: a list of named items, or a BreadcrumbList object."""
    for node in _next_nodes(tree):
        for key in NEXT_CRUMB_KEYS:
            value = node.get(key)
            if isinstance(value, dict):
                value = value.get("itemListElement")
            if isinstance(value, list) and value:
                names = [_name_of(item) or _name_of(_get(item, "item")) for item in value]
                trail = tuple(name for name in names if name)
                if (
                    len(trail) == len(value)
                    and len(trail) <= MAX_CRUMBS
                    and all(len(name) <= MAX_CRUMB_LENGTH for name in trail)
                ):
                    return trail
    return ()


def _next_nodes(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """The objects under ``props.pageProps`` of __NEXT_DATA__, breadth first, nearest first."""
    script = tree.css_first(NEXT_DATA)
    if script is None:
        return []
    return list(_next_props(script.text(deep=True)))


@lru_cache(maxsize=1)
def _next_props(text: str) -> tuple[dict[str, Any], ...]:
    """Parsed once per page though both the trail and the section may ask (the text is the key)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return ()
    props = data.get("props") if isinstance(data, dict) else None
    page = props.get("pageProps") if isinstance(props, dict) else None
    return tuple(_breadth_first(page)) if isinstance(page, dict) else ()


def _breadth_first(root: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    queue: deque[tuple[Any, int]] = deque([(root, 0)])
    while queue and len(out) < MAX_NEXT_NODES:
        value, depth = queue.popleft()
        if isinstance(value, dict):
            out.append(value)
            children: Any = [v for k, v in value.items() if not any(w in k.lower() for w in STATE_CHROME)]
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth < MAX_NEXT_DEPTH:
            queue.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return out


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _name_of(value: Any) -> str | None:
    """A label in script state: a string, or an object's name, title, label ...; never an id or a
    slug, which script state holds beside the names ("politics", "home-page").

    >>> _name_of({"_id": "/politics", "name": "Politics"}), _name_of("politics")
    ('Politics', None)
    """
    if isinstance(value, dict):
        value = next((value[key] for key in NAME_KEYS if isinstance(value.get(key), str)), None)
    if not isinstance(value, str):
        return None
    label = squash(value)
    return None if not label or (label.islower() and label.isascii()) else label
