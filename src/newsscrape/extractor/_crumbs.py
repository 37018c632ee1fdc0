"""Breadcrumb trails (marked up, or a few separated links above the headline) and the section they name."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._dates import MONTHS
from ._nodes import headline_node
from ._text import fold, squash

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
# What sits between crumbs: > / | guillemets, an arrow, a bullet, a middle dot (and spaces around).
_CRUMB_MARKS = " >/|\u00bb\u203a\u2192\u2022\u00b7"
_CRUMB_SEPARATORS = frozenset(_CRUMB_MARKS.strip()) | {"-", "::"}
_DIGITS = re.compile(r"\d+")


def read_breadcrumbs(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The page's trail from breadcrumb markup, else from the unmarked links just above the h1.

    >>> read_breadcrumbs(LexborHTMLParser('<ol class="breadcrumb"><li>Home</li><li>World</li></ol>'))
    ('Home', 'World')
    """
    return _dom_breadcrumbs(tree) or _trail_above_headline(tree)


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
        text = fold(item.text(deep=True, separator=" ")).strip(_CRUMB_MARKS)
        if not text or text in _CRUMB_SEPARATORS or (trail and trail[-1] == text):
            continue
        if text.casefold().rstrip(" :") in TRAIL_LABELS:
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


def is_this_page(crumb: str, title: str) -> bool:
    """The last crumb names this page: the title (maybe with the site's suffix), or its start cut with
    an ellipsis; or a crumb as long as a headline.

    >>> is_this_page("Rain returns - Gazette", "Rain returns"), is_this_page("World", "Rain returns")
    (True, False)
    """
    if len(crumb.split()) > MAX_PLACE_WORDS:
        return True
    crumb, title = crumb.casefold(), title.casefold()
    if not title:
        return False
    if crumb.startswith(title):
        return True
    cut = crumb.rstrip(".\u2026 ")
    return cut != crumb and len(cut.split()) >= MIN_CUT_WORDS and title.startswith(cut)


def section_of(trail: tuple[str, ...]) -> str | None:
    """The nearest crumb above the story that names a section: not the root, a date or "News".

    >>> section_of(("Home", "Business", "Markets", "News")), section_of(("Home", "Stories", "2020", "August"))
    ('Markets', None)
    """
    for crumb in reversed(trail):
        if is_section_label(crumb) and crumb.casefold() not in HOME_CRUMBS:
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
    return len(label.split()) <= MAX_PLACE_WORDS
