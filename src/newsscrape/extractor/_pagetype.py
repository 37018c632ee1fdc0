"""What kind of page this is: article, listing, collection, forum, product, service or documentation.

A small multinomial logistic regression over generic signals: structured-data types, og:type,
URL path words, tag counts, class/id vocabulary, a few multilingual phrases (prices, "add to
cart", "reply") and the shape of the text the content pass kept. The weights are data
(``data/page_type.json``), fitted by ``benchmarks/fit_pagetype.py`` on half A of WCXB's
development split; inference here is a few hundred multiplications in pure Python.

Every signal is one regular expression pass over the markup, one over (at most 20,000 characters
of) the visible text, or a value the pipeline already has: about 2-3 ms a page on WCXB, most of
it in those passes.
"""

from __future__ import annotations

import math
import operator
import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final, Literal

from selectolax.lexbor import LexborHTMLParser

from ._data import fitted
from ._text import ascii_lower, count_words
from ._urls import split_url, without_tracking
from .content._blocks import Block
from .content._chrome import strip_junk
from .metadata._jsonld import JSONLD_SCRIPTS, JSONLD_TYPE
from .metadata._metadata import Metadata

PageTypeName = Literal["article", "listing", "collection", "forum", "product", "service", "documentation"]
PAGE_TYPES: Final[tuple[PageTypeName, ...]] = (
    "article",
    "listing",
    "collection",
    "forum",
    "product",
    "service",
    "documentation",
)
# How many features ``explain`` lists as the evidence for a decision.
EVIDENCE: Final = 6

# fmt: off
# schema.org types (JSON-LD @type or microdata itemtype), grouped by what they say about the page.
SCHEMA_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "news": ("newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "report"),
    "blog": ("blogposting", "liveblogposting", "socialmediaposting"),
    "article": ("article", "scholarlyarticle"),
    "techdoc": ("techarticle", "apireference", "softwaresourcecode", "softwareapplication", "howto"),
    "product": ("product", "productgroup", "offer", "aggregateoffer", "individualproduct", "productmodel"),
    "rating": ("aggregaterating", "review", "rating"),
    "forum": ("discussionforumposting", "qapage", "question", "answer", "comment"),
    "faq": ("faqpage",),
    "list": ("itemlist", "collectionpage", "searchresultspage", "offercatalog"),
    "service": ("service", "professionalservice", "localbusiness", "financialservice", "legalservice"),
    "organization": ("organization", "corporation", "contactpoint", "postaladdress"),
    "event": ("event", "recipe", "course", "jobposting"),
    "person": ("person", "profilepage"),
    "webpage": ("webpage", "aboutpage", "contactpage", "medicalwebpage"),
}
# Words of a URL path, grouped. A path segment "t" or "p" is a forum thread / a product by convention.
URL_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "news": ("news", "article", "articles", "story", "stories", "blog", "blogs", "post", "posts", "opinion"),
    "docs": ("docs", "doc", "documentation", "api", "reference", "guide", "guides", "manual", "wiki", "learn",
             "tutorial", "tutorials", "developer", "developers", "sdk", "kb", "help", "support", "en-us"),
    "product": ("product", "products", "p", "dp", "item", "shop", "store", "buy", "produkt", "produit",
                "producto"),
    "forum": ("forum", "forums", "thread", "threads", "t", "topic", "topics", "community", "discussion",
              "discussions", "questions", "q", "board", "viewtopic", "showthread", "r", "comments", "talk",
              "discuss"),
    "list": ("category", "categories", "tag", "tags", "section", "archive", "archives", "page", "search",
             "author", "authors", "latest", "index"),
    "collection": ("collections", "collection", "c", "catalog", "catalogue", "shop-all", "browse", "list",
                   "lists"),
    "service": ("services", "service", "solutions", "pricing", "about", "contact", "features", "plans",
                "company", "industries", "consulting", "repair", "agency", "locations", "treatments"),
}
# Class and id words, grouped; a page template names its parts after what they show.
CLASS_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "forum": ("reply", "replies", "quote", "avatar", "thread", "topic", "forum", "postbody", "message",
              "messages", "username", "userinfo", "vote", "votes", "answer", "answers", "question", "op"),
    "comment": ("comment", "comments", "discussion"),
    "price": ("price", "prices", "pricing", "amount", "money", "currency"),
    "cart": ("cart", "basket", "checkout", "sku", "stock", "variant", "variants", "quantity", "qty",
             "wishlist", "swatch", "swatches", "addtocart", "buy"),
    "product": ("product", "products", "woocommerce", "shopify"),
    "rating": ("rating", "ratings", "review", "reviews", "stars"),
    "card": ("card", "cards", "tile", "tiles", "teaser", "teasers", "grid", "item", "items", "feed", "river",
             "listing", "excerpt", "thumbnail", "thumb"),
    "pager": ("pagination", "pager", "paging", "loadmore", "next", "prev", "previous"),
    "filter": ("filter", "filters", "facet", "facets", "sort", "sorting", "collection", "category",
               "categories"),
    "docs": ("toc", "docs", "doc", "documentation", "highlight", "codehilite", "hljs", "prism", "syntax",
             "admonition", "api", "reference", "sphinx", "mkdocs", "docusaurus", "gitbook", "markdown",
             "menu__link", "sidebar"),
    "article": ("article", "entry", "story", "byline", "author", "dateline", "published", "headline", "post",
                "single", "content__body", "prose"),
    "service": ("hero", "cta", "plan", "plans", "testimonial", "testimonials", "feature", "features",
                "service", "services", "contact", "team", "benefits", "banner", "accordion", "faq"),
    "social": ("share", "sharing", "social", "newsletter", "subscribe", "related"),
}
# Phrases of the visible text (lower case, a few languages each), grouped.
PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "cart": ("add to cart", "add to bag", "add to basket", "buy now", "in den warenkorb", "ajouter au panier",
             "añadir al carrito", "aggiungi al carrello", "in winkelwagen", "do koszyka", "lägg i varukorgen",
             "adicionar ao carrinho", "in stock", "out of stock", "free shipping", "auf lager", "en stock"),
    "forum": ("reply", "replies", "quote", "joined", "posts:", "thread starter", "member since", "antworten",
              "répondre", "responder", "rispondi", "beiträge", "registered", "report post", "permalink"),
    "docs": ("on this page", "table of contents", "edit this page", "was this page helpful",
             "was this article helpful", "in this article", "prerequisites", "parameters", "returns",
             "example", "syntax", "inhaltsverzeichnis", "copy code", "api"),
    "service": ("contact us", "get a quote", "get started", "get in touch", "free consultation", "free quote",
                "free estimate", "free trial", "request a demo", "request a quote", "book now",
                "book an appointment", "our services", "why choose", "call us", "kontakt", "nous contacter",
                "contáctanos", "schedule", "testimonials", "our team"),
    "listing": ("read more", "load more", "older posts", "newer posts", "view all", "see all", "next page",
                "weiterlesen", "lire la suite", "leer más", "continue reading", "min read"),
    "collection": ("sort by", "filter", "results", "showing", "products", "items per page", "shop all",
                   "sortieren", "trier par", "ordenar por"),
    "byline": ("by ", "written by", "posted by", "published", "updated", "von ", "par ", "por "),
}
# fmt: on
# Elements counted in the markup (start tags): a listing has many li and a, documentation pre and code,
# a product page form, input and button.
COUNTED_TAGS: Final = (
    *("article", "time", "h1", "h2", "h3", "h4", "pre", "code", "table", "form", "input", "button", "img"),
    *("li", "p", "a", "nav", "aside", "blockquote", "details", "select", "textarea", "section", "main"),
    *("ul", "dl", "iframe", "video", "figure", "svg", "label"),
)
# A number with a currency beside it: a price.
# Words of the visible text (letters only, any script).
_TOKEN = re.compile(r"[^\W\d_]+")
# A phrase is looked up by its last two words (one-word phrases by the word): one counting pass.
_PHRASE_KEYS = {
    name: tuple(tuple(_TOKEN.findall(phrase)[-2:]) for phrase in phrases) for name, phrases in PHRASES.items()
}
# The first words of the two-word keys: only word pairs starting with one of them are counted.
_PAIR_STARTS = frozenset(key[0] for keys in _PHRASE_KEYS.values() for key in keys if len(key) == 2)
# Class and id values split into words at these (str.translate + str.split beat a regex here);
# '"' is kept, to cut the values page_signals joins with it.
_SPACES = str.maketrans(dict.fromkeys(string.punctuation.replace('"', ""), " "))
# (opening with a character set lets the engine skip, at C speed, the positions where neither
# branch can start; each branch then looks back at that character)
_PRICE = re.compile(r"[$€£¥₹\d](?:(?<=[$€£¥₹])\s?\d|(?<=\d)\s?(?:€|eur|usd|gbp|zł|kr|kč|₽|chf)\b)")
_TAGS = re.compile(rf"<({'|'.join(COUNTED_TAGS)})[\s>/]")
_LINKED_HEADING = re.compile(r"<h[2-4][^>]{0,200}>\s*<a\s")
_CLASS = re.compile(r'class="([^"]{1,300})"')
# Where schema.org types are named: JSON-LD blocks and microdata items.
_SCHEMA_NODES: Final = f"{JSONLD_SCRIPTS}, [itemtype]"
_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,80}")')
_OG_TYPE = re.compile(
    r"""<meta[^>]+property\s*=\s*["']og:type["'][^>]*content\s*=\s*["']([^"']*)|"""
    r"""<meta[^>]+content\s*=\s*["']([^"']*)["'][^>]*property\s*=\s*["']og:type""",
    re.IGNORECASE,
)
_META = re.compile("<meta", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?")
_NUMERIC_SEGMENT = re.compile(r"^\d{3,}$|\d{5,}")
_BY_WORD = {word: group for group, words in CLASS_GROUPS.items() for word in words}
_BY_SCHEMA = {word: group for group, words in SCHEMA_GROUPS.items() for word in words}
_BY_PATH = {word: group for group, words in URL_GROUPS.items() for word in words}
_BY_HOST = {
    word: group
    for word, group in _BY_PATH.items()
    if len(word) > 2 and word not in ("page", "index", "latest")
} | {"developers": "docs", "docs": "docs", "shop": "product", "store": "product"}
# Phrases and prices are counted in this much of the visible text: the cost stays flat on long pages.
TEXT_SAMPLE: Final = 20_000
# og:type is looked for in this much of the markup (it sits in the <head>).
OG_TYPE_CHARS: Final = 100_000
# A class value this many times on a page marks a repeated part (a card, a post, a product tile).
REPEATS: Final = 5
# Counts are compared on a log scale, capped: the 400th <li> says little the 40th did not.
_COUNT_CAP: Final = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class PageType:
    """The decision: the type, each type's probability and the features that weighed most."""

    label: PageTypeName
    probabilities: tuple[tuple[PageTypeName, float], ...]  # most likely first
    signals: Mapping[str, float]  # every feature's value, for explain and for fitting

    @property
    def evidence(self) -> tuple[tuple[str, float], ...]:
        """(feature, its push towards label over the runner-up), the strongest first: worked out
        from the signals when asked (``explain`` asks; ``extract`` needs the label only)."""
        model = _MODEL
        best, second = (model.classes.index(name) for name, _ in self.probabilities[:2])
        z = _standardised(self.signals)
        push = [
            (name, (model.weights[best][i] - model.weights[second][i]) * z[i])
            for i, name in enumerate(model.features)
        ]
        push.sort(key=lambda item: -item[1])
        return tuple((name, round(value, 3)) for name, value in push[:EVIDENCE] if value > 0)


@dataclass(frozen=True, slots=True)
class _Model:
    classes: tuple[PageTypeName, ...]
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per class
    bias: tuple[float, ...]


def _log(count: float) -> float:
    return math.log1p(min(count, _COUNT_CAP))


def page_signals(tree: LexborHTMLParser, html: str, *, url: str | None, meta: Metadata) -> dict[str, float]:
    """Signals read from the tree, its markup, the URL and the page's metadata.

    Run it after the metadata pass and before the content pass: it drops scripts and styles from the
    body, the content pass's own first step.

    >>> page = "<p>Hi</p>"
    >>> signals = page_signals(LexborHTMLParser(page), page, url="https://x.org/docs/a", meta=Metadata())
    >>> signals["url_docs"], signals["tag_p"]
    (1.0, 0.6931471805599453)
    """
    out: dict[str, float] = {
        "has_date": float(meta.record.published is not None),
        "has_authors": float(bool(meta.record.authors)),
    }
    out["crumbs"] = _log(len(meta.record.breadcrumbs))
    out["title_words"] = _log(count_words(meta.record.title or ""))
    tags = Counter(_TAGS.findall(html))
    for tag in COUNTED_TAGS:
        out[f"tag_{tag}"] = _log(tags[tag])
    out["links_per_p"] = _log(tags["a"] / (1 + tags["p"]))
    out["li_per_p"] = _log(tags["li"] / (1 + tags["p"]))
    values = Counter(_CLASS.findall(html))  # each class value once, with how often it occurs
    repeats = values.values()
    # Cards of a listing, posts of a thread, products of a grid: one class value, many times over.
    out["repeat_max"] = _log(max(repeats, default=0))
    out["repeat_kinds"] = _log(sum(1 for n in repeats if n >= REPEATS))
    out["linked_headings"] = _log(len(_LINKED_HEADING.findall(html)))
    named: Counter[str] = Counter()
    # Each value is split into words once, however often it occurs, and all are lowered and
    # punctuated as one string: a value holds no '"', so it cuts them apart again.
    folded = '"'.join(values).lower().translate(_SPACES).split('"') if values else []
    for words, times in zip(folded, values.values(), strict=True):
        for word in words.split():
            if (group := _BY_WORD.get(word)) is not None:
                named[group] += times
    for group in CLASS_GROUPS:
        out[f"class_{group}"] = _log(named[group])
    schema = _schema_groups(tree)
    for group in SCHEMA_GROUPS:
        out[f"schema_{group}"] = float(group in schema)
    og = _og_type(html, OG_TYPE_CHARS).strip().lower()
    for kind in ("article", "product", "website"):
        out[f"og_{kind}"] = float(og.startswith(kind) or (kind == "product" and "product" in og))
    out["og_other"] = float(bool(og) and not any(out[f"og_{k}"] for k in ("article", "product", "website")))
    text = ""
    if tree.body is not None:
        strip_junk(tree.body)  # the content pass's first step, taken early: scripts are not text
        text = tree.body.text(deep=True, separator=" ")[:TEXT_SAMPLE].lower()
    out["prices"] = _log(len(_PRICE.findall(text)))
    tokens = _words(text)
    unigrams = Counter(tokens)
    bigrams: Counter[tuple[str, ...]] = Counter(pair for pair in pairwise(tokens) if pair[0] in _PAIR_STARTS)
    for name, keys in _PHRASE_KEYS.items():
        count = sum(unigrams[key[0]] if len(key) == 1 else bigrams[key] for key in keys)
        out[f"say_{name}"] = _log(count)
    out["page_chars"] = _log(len(text) / 100)
    out.update(_url_signals(url))
    return out


def content_signals(blocks: Iterable[Block]) -> dict[str, float]:
    """Signals of the text the content pass kept: how much, in how many pieces, of what length.

    >>> content_signals([Block(text="One two three.")])["paragraphs"]
    0.6931471805599453
    """
    kept = list(blocks)
    paragraphs = [count_words(b.text) for b in kept if not b.level]
    headings = len(kept) - len(paragraphs)
    words = sum(paragraphs)
    count = len(paragraphs)
    return {
        "body_words": _log(words / 10),
        "paragraphs": _log(count),
        "headings": _log(headings),
        "para_mean_words": _log(words / count if count else 0.0),
        "short_share": sum(1 for n in paragraphs if n < 12) / count if count else 1.0,
        "long_share": sum(1 for n in paragraphs if n >= 40) / count if count else 0.0,
        "heading_share": headings / (headings + count) if headings + count else 0.0,
    }


def classify(signals: Mapping[str, float]) -> PageType:
    """The most likely page type for these signals, with probabilities and evidence.

    >>> page = '<script type="application/ld+json">{"@type": "Product"}</script>'
    >>> signals = page_signals(LexborHTMLParser(page), page, url="https://shop.example/p/1", meta=Metadata())
    >>> classify(signals).label
    'product'
    """
    model = _MODEL
    z = _standardised(signals)
    # map(mul) feeds sum the very products, in the same order, as a generator would: the same logits
    logits = [b + sum(map(operator.mul, row, z)) for row, b in zip(model.weights, model.bias, strict=True)]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    ranked = sorted(range(len(logits)), key=lambda i: -logits[i])
    return PageType(
        label=model.classes[ranked[0]],
        probabilities=tuple((model.classes[i], round(exps[i] / total, 4)) for i in ranked),
        signals=dict(signals),
    )


def _standardised(signals: Mapping[str, float]) -> list[float]:
    """Each feature of the model, centred and scaled as it was fitted (a missing one is 0)."""
    model = _MODEL
    return [
        (signals.get(name, 0.0) - mean) / scale
        for name, mean, scale in zip(model.features, model.mean, model.scale, strict=True)
    ]


def _words(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, the runs of letters, in less time: a word between white space that
    is letters only is taken whole (str.split and isalpha run in C), and only the others (with
    punctuation or digits in them) go through the pattern, which tests each character's category.

    >>> _words("rain, 2 days_long. élan")
    ['rain', 'days', 'long', 'élan']
    """
    out: list[str] = []
    for word in text.split():
        if word.isalpha():
            out.append(word)
        else:
            out += _TOKEN.findall(word)
    return out


def _schema_groups(tree: LexborHTMLParser) -> set[str]:
    """The groups of every schema.org type named in JSON-LD (nested ones too) or microdata."""
    names: list[str] = []
    for node in tree.css(_SCHEMA_NODES):  # one walk for both kinds
        attrs = node.attributes
        if "itemtype" in attrs:
            names.append(attrs["itemtype"] or "")
        if node.tag == "script" and ascii_lower(attrs.get("type") or "") == JSONLD_TYPE:
            for listed in _TYPE.findall(node.text(deep=True)):
                names += re.findall(r'"([^"]+)"', listed)
    groups = (_BY_SCHEMA.get(name.rstrip("/").rsplit("/", 1)[-1].lower()) for name in names)
    return {group for group in groups if group is not None}


def _og_type(html: str, stop: int) -> str:
    """The first non-empty og:type value in ``html[:stop]``: ``_OG_TYPE``'s first such match, tried
    only where a ``<meta`` starts (every match does), so the case-blind pattern is not tried at
    every character. The patterns stop there as on a cut copy, and no copy is made."""
    end = 0
    for meta in _META.finditer(html, 0, stop):
        if meta.start() < end:  # inside the previous match: findall would not start one there
            continue
        match = _OG_TYPE.match(html, meta.start(), stop)
        if match is not None:
            end = match.end()
            if value := match[1] or match[2]:
                return str(value)
    return ""


def _url_signals(url: str | None) -> dict[str, float]:
    out = {f"url_{group}": 0.0 for group in URL_GROUPS}
    parts = split_url(url)  # None for no URL, or one urllib refuses: no URL signals then
    # The first label of the host names a site's part as a path word would: docs., forum., shop., blog.
    label = ((parts.hostname if parts else None) or "").split(".", 1)[0]
    for group in URL_GROUPS:
        out[f"host_{group}"] = float(_BY_HOST.get(label) == group)
    path = parts.path.lower() if parts else ""
    segments = [s for s in path.split("/") if s]
    for segment in segments:
        for word in {segment, *_WORD.findall(segment)}:
            found = _BY_PATH.get(word)
            if found is not None:
                out[f"url_{found}"] = 1.0
    last = segments[-1] if segments else ""
    stem = last.rsplit(".", 1)[0]
    out["url_depth"] = float(min(len(segments), 8))
    out["url_root"] = float(parts is not None and not segments)  # no URL is not a home page
    out["url_date"] = float(bool(_DATE_PATH.search(path)))
    out["url_number"] = float(any(_NUMERIC_SEGMENT.search(s) for s in segments))
    out["url_slug_words"] = float(min(len(re.findall(r"[^\W_]+", stem)), 20))
    out["url_html"] = float(last.endswith((".html", ".htm", ".php", ".aspx")))
    out["url_query"] = float(bool(parts and without_tracking(parts.query)))  # a campaign's tag is no query
    out["url_slash"] = float(path.endswith("/"))
    return out


def _load() -> _Model:
    data: dict[str, Any] = fitted("page_type.json")
    if any(len(row) != len(data["features"]) for row in data["weights"]):  # classify zips them unchecked
        raise ValueError("page_type.json: a row of weights does not match the features")
    return _Model(
        classes=tuple(data["classes"]),
        features=tuple(data["features"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        weights=tuple(tuple(row) for row in data["weights"]),
        bias=tuple(data["bias"]),
    )


_MODEL: Final = _load()
