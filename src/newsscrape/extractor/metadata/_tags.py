"""The story's tags: article:tag, JSON-LD keywords, rel=tag links, news_keywords, tag lists, keywords."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import WP_POST_CLASS, headline_node, inside_any, outside_story
from .._text import HOST_LABELS, NON_WORD, label_words, squash

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
_TAG_LIST_QUERY = "h1, " + _TAG_QUERY  # the headline too: a tag list comes after it
_CLASS_PARTS = re.compile(r"[-_]+")
# The label in front of a tag list, in the languages news pages are commonly written in.
_TAG_LABEL = re.compile(
    r"^(?:tags?|tagged|topics?|keywords?|schlagw(?:o|ö)rte?|stichw(?:o|ö)rte?|themen|mots[- ]cl(?:é|e)s"
    r"|etiquetas|temas|argomenti|tagi|trefwoorden|теги|тэги|ключевые слова|темы)\s*:?",
    re.IGNORECASE,
)
MAX_TAG_REST = 20
# A tag names a topic in a few words; a box most of whose links are longer lists stories (a "related"
# rail, a query loop of posts, similar threads), even when its class says "tag" or "topics".
MAX_TOPIC_WORDS = 5
MAX_LONG_SHARE = 0.5
_LETTER = re.compile(r"[^\W\d_]")
# Tags starting with these, or holding an underscore, are CMS identifiers ("@post-id:1", "ctp_video") ...
_INTERNAL_TAG = re.compile(r"^[@/_#:\[]|_")
# ... and so are key/value pairs ("Type/Article", "subject:crime", "Category: Jupiter") and labels
# ("Temas relacionados:"); a colon after several words is a title's ("Star Wars: The Last Jedi").
_KEY_VALUE = re.compile(r"^[^\W\d_]{4,}/\S|^[^\s:]+\s?:|:$")
_ADDRESS = re.compile(r"@|://|\bwww\.")
# ... and so are words glued into one long lower-case token ("textbelowcenterfullbleed"), or around a
# number ("SiteEventPage25promopage", "wfid24920828"): a template's slot or a tracking code. A hashtag
# in capitals ("SustainableAgriculture") is a topic.
_GLUED_CODE = re.compile(r"^[a-z]{20,}$|^(?=[^\W_]{20,}$)[^\W\d_]+\d+[^\W\d_]+$|^[^\W\d_]+\d{5,}$")
_NOT_A_TOPIC = re.compile("|".join(p.pattern for p in (_INTERNAL_TAG, _KEY_VALUE, _ADDRESS, _GLUED_CODE)))
# Not topics: the site's own sections and buttons ("Front Page", "Show more"), page types, CMS feeds.
GENERIC_TAGS = frozenset(
    {
        *("news", "breaking news", "latest news", "top news", "top stories", "front page", "happening now"),
        *("show more", "see more", "read more", "more", "view all", "see all", "load more", "home"),
        *("featured", "trending", "top wire", "msn feed", "noticias", "notícias", "nachrichten"),
        *("actualités", "notizie", "новости", "новини", "ニュース", "速報", "記事", "haber", "son dakika"),
        *("breaking", "tweet", "share", "comments", "comment", "print", "コメント"),
        # what the CMS calls the item or where it places it, and a feed's sentiment label
        *("page", "article", "post", "story", "feature", "evergreen", "slider", "newest", "latest"),
        *("overall positive", "overall negative", "overall neutral"),
    }
)
# (compared folded: "Breaking-News" is "breaking news")
# A page-wide keywords list (the same on every page) names the site's beat, with words like these in it.
NEWS_WORD = re.compile(
    r"\b(?:news|noticias|notícias|nachrichten|actualités|notizie|nieuws|wiadomości|stiri|știri|новости|новини"
    r"|haber|haberler|berita|actualites|noutati|noutăți)\b|ニュース",
    re.IGNORECASE,
)
# ... or it is the headline cut into single words ("Tehran", "buries", "Zadeh") by the CMS.
BAG_MIN_TAGS = 5
BAG_OF_WORDS = 8
PAGE_WIDE_SIGNALS = 2
PAGE_WIDE_SHARE = 0.15
MIN_NAME_IN_TAG = 4
BAG_SINGLE_SHARE = 0.8
BAG_TITLE_SHARE = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class PageNames:
    """What the page calls itself and the story: a tag equal to one of these is no topic."""

    title: str | None = None
    site: str | None = None
    host: str | None = None


def find_tags(
    tree: LexborHTMLParser, metas: dict[str, list[str]], article: dict[str, Any], names: PageNames
) -> tuple[tuple[str, ...], str | None]:
    """The story's tags and where they were found (og | json-ld | meta | dom); ((), None) when none.

    >>> find_tags(LexborHTMLParser(""), {"article:tag": ["Rain", "News"]}, {}, PageNames())
    (('Rain',), 'og')
    """
    # Lazily: the DOM lookups run only when the structured sources are silent.
    sources: tuple[tuple[Callable[[], list[str]], str, bool], ...] = (
        (lambda: _keywords(metas.get("article:tag", [])), "og", False),
        (lambda: _keywords(article.get("keywords")), "json-ld", False),
        (lambda: _rel_tags(tree), "dom", False),
        (lambda: _keywords(next(iter(metas.get("news_keywords", ())), None)), "meta", True),
        (lambda: _tag_links(tree), "dom", False),
        # Last: many sites put the same site-wide words in every page's keywords.
        (lambda: _keywords(next(iter(metas.get("keywords", ())), None)), "meta", True),
    )
    own = _own_names(names)
    for get, source, page_wide_suspect in sources:
        # "Рязань ,": a comma a template set after the name, with the space before it
        raw = [squash(tag.replace("\ufeff", "").replace("\u200b", "")).strip(", ") for tag in get()]
        raw = [tag for tag in raw if _LETTER.search(tag)]
        if page_wide_suspect and _page_wide(raw, own, names.title):
            continue
        seen: dict[str, str] = {}
        for tag in raw:
            if _is_topic(tag, own, names.title):
                seen.setdefault(tag.casefold(), tag)
        if seen:
            return tuple(list(seen.values())[:MAX_TAGS]), source
    return (), None


def _own_names(names: PageNames) -> frozenset[str]:
    """The site's name and host labels, folded ("dailymail", "prtimes")."""
    host = (names.host or "").lower().split(".")[:-1]  # without the top-level domain
    labels = {_tag_key(label) for label in host if label not in HOST_LABELS} | {_tag_key(names.site or "")}
    return frozenset(label for label in labels if len(label) >= 3)


def _is_topic(tag: str, own: frozenset[str], title: str | None) -> bool:
    if len(tag) > MAX_TAG_LENGTH or (len(tag) < 2 and tag.isascii()) or not _LETTER.search(tag):
        return False  # "N", "2020-07-25", "4513257" (but a one-character CJK word is a word)
    if _NOT_A_TOPIC.search(tag):
        return False
    key = _tag_key(tag)
    if key in _GENERIC_KEYS or key in own or NEWS_WORD.fullmatch(tag):
        return False
    return not (title and tag.casefold().startswith(title.casefold()))  # the headline itself


def _page_wide(tags: list[str], own: frozenset[str], title: str | None) -> bool:
    """A keywords list the site puts on every page, or the headline cut into words: not this story's tags.

    News words and the site's name sit among real topics too ("Business News", "dailymail"); when they
    make a good share of the list it is the site's beat ("Nigeria breaking news", "PDP news", "noticias").
    """
    signals = 0
    for tag in tags:
        folded = _tag_key(tag)
        if NEWS_WORD.search(tag) or folded in _GENERIC_KEYS or folded in own:
            signals += 1
        elif any(len(name) >= MIN_NAME_IN_TAG and name in folded for name in own):
            signals += 1  # "Cork 96FM" on 96fm.ie
        elif len(folded) >= MIN_NAME_IN_TAG and any(folded in name for name in own):
            signals += 1  # "Blue Cross" from the Blue Cross Blue Shield Association
    if signals >= PAGE_WIDE_SIGNALS and signals >= PAGE_WIDE_SHARE * len(tags):
        return True
    singles = [tag.casefold() for tag in tags if " " not in tag]
    if len(tags) >= BAG_OF_WORDS and all(" " not in tag and tag.islower() for tag in tags):
        return True  # a dozen lower-case single words: frequent words picked from the text by a plugin
    if len(tags) < BAG_MIN_TAGS or len(singles) < BAG_SINGLE_SHARE * len(tags) or not title:
        return False
    words = set(NON_WORD.split(title.casefold()))
    return sum(NON_WORD.sub("", word) in words for word in singles) >= BAG_TITLE_SHARE * len(singles)


def _tag_key(text: str) -> str:
    """Lower case, letters and digits only, accents off: "Trójmiasto" and trojmiasto.pl agree."""
    if text.isascii():
        return NON_WORD.sub("", text.lower())
    plain = unicodedata.normalize("NFKD", text.casefold())
    return NON_WORD.sub("", "".join(c for c in plain if not unicodedata.combining(c)))


_GENERIC_KEYS = frozenset(_tag_key(tag) for tag in GENERIC_TAGS)


def _rel_tags(tree: LexborHTMLParser) -> list[str]:
    """rel=tag links of the story's own article; a page of story cards has rel=tag links in each."""
    if tree.css_first('article a[rel~="tag"]') is None:
        return []  # most pages: no need to find the headline
    headline = headline_node(tree)
    box = headline.parent if headline is not None else None
    while box is not None and box.tag != "article":
        box = box.parent
    if box is None:
        articles = tree.css("article")
        if len(articles) != 1:
            return []
        box = articles[0]
    return [_link_text(a) for a in box.css('a[rel~="tag"]')]


def _link_text(link: LexborNode) -> str:
    """A link's words without an icon's <svg><title> ("Pijltje rechts", "Arrow right")."""
    text = squash(link.text(deep=True, separator=" "))
    for svg in link.css("svg"):
        icon = squash(svg.text(deep=True, separator=" "))
        if icon:
            text = squash(text.replace(icon, " "))
    return text


def _tag_links(tree: LexborHTMLParser) -> list[str]:
    """Link texts of a visible tag list ("Schlagworte: A, B", <div class="post-tags">): links only."""
    seen_h1 = False
    stories: set[int] = set()  # boxes found to list stories: the cards inside them are no tag lists
    for node in tree.css(_TAG_LIST_QUERY):  # page order: a tag list comes after the headline
        seen_h1 = seen_h1 or node.tag == "h1"
        if not seen_h1 or node.tag == "h1":
            continue  # above the headline: a "trending topics" bar of other stories
        classes = (node.attributes.get("class") or "").lower().split()
        tokens = {t for cls in classes for t in _CLASS_PARTS.split(cls)}
        if not tokens & TAG_CLASS_WORDS or tokens & NOT_TAG_WORDS or outside_story(node):
            continue
        if any(WP_POST_CLASS.match(cls) for cls in classes):
            continue  # a post's own box, whose classes name its terms: a card or the story, no tag list
        links = [_link_text(a) for a in node.css("a")]
        links = [text for text in links if text]
        if not links or len(links) > MAX_TAGS:
            continue
        if sum(label_words(text) > MAX_TOPIC_WORDS for text in links) > MAX_LONG_SHARE * len(links):
            stories.add(node.mem_id)
            continue
        if stories and inside_any(node, stories):
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
