"""Is a URL an article? Decided from its shape and from the source that listed it.

The rules are data, each with its reason. A URL is *not* listed when:

* a path segment names a kind of page that is never an article (``VOCABULARY``: tag, author,
  category, search, login, about, contact ...), or a query asks for a search (``SEARCH_PARAMS``);
* it is the home page, a pagination page (``/page/2``, ``?page=2``), or an asset (``ASSETS``);
* it came from *page links* (the last-resort walk) and shows no sign of being an article
  (``article_signs``): a date in the path, a slug of several words, a long numeric id.

Sitemaps and feeds list pages their site wants indexed, mostly articles: their URLs are kept
unless a rule above says otherwise, except that a one-segment path without a sign (``/politics``)
is taken for a section. Where it can be wrong: an article whose slug is one word and whose path
has no date or id (``/news/brexit``) is missed by the page walk (not by sitemaps or feeds);
a site whose articles live under ``/tag/...`` or ``/author/...`` loses them; a section with a
long hyphenated name (``/science-and-technology-news``) found by the page walk is taken for an
article.

    >>> classify("https://example.com/2024/05/12/kim-putin-summit", source="page")
    Verdict(article=True, reason='date in path')
    >>> classify("https://example.com/tag/russia/", source="sitemap")
    Verdict(article=False, reason="'tag' page")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

from ._model import Source

# Path segments that name pages which list, describe or serve the site, never a story.
VOCABULARY: Final = frozenset(
    {
        *("tag", "tags", "topic", "topics", "keyword", "keywords", "label", "labels"),  # tag listings
        *("author", "authors", "byline", "writer", "writers", "contributor", "contributors"),
        *("category", "categories", "section", "sections"),  # listings
        *("search", "suche", "recherche", "buscar"),  # search results
        *("login", "log-in", "signin", "sign-in", "logout", "register", "signup", "sign-up", "account"),
        *("subscribe", "subscription", "subscriptions", "newsletter", "newsletters", "cart", "checkout"),
        *("about", "about-us", "contact", "contact-us", "impressum", "imprint", "privacy"),  # the site itself
        *("privacy-policy", "terms", "terms-of-service", "terms-of-use", "cookies", "cookie-policy"),
        *(
            "advertise",
            "careers",
            "jobs",
            "help",
            "faq",
            "sitemap",
            "feed",
            "rss",
            "wp-admin",
            "wp-login.php",
        ),
    }
)
# Query parameters that make any page a search result.
SEARCH_PARAMS: Final = frozenset({"s", "q", "query", "search", "keyword"})
# File types that are not web pages.
ASSETS: Final = (
    *(".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".pdf", ".zip"),
    *(".mp3", ".mp4", ".xml", ".gz", ".rss", ".json", ".txt"),
)
# Pagination of a listing: /page/2, /p/2, ?page=2, ?p=2.
PAGINATION_PATH: Final = re.compile(r"/(?:page|p)/\d+/?$", re.IGNORECASE)
PAGINATION_PARAMS: Final = frozenset({"page", "p", "pg", "paged", "start", "offset"})
# Signs of an article, strongest first (the first that matches is the reason).
DATE_IN_PATH: Final = re.compile(r"/(?:19|20)\d\d(?:/|-)(?:0?[1-9]|1[0-2])(?:/|-|$)|/(?:19|20)\d{6}(?:/|-|$)")
LONG_ID: Final = re.compile(r"(?:^|[^0-9])\d{5,}(?:[^0-9]|$)")  # content ids: 5 digits or more
SLUG_WORDS: Final = 3  # "kim-putin-summit": hyphenated words in the last segment
WORD: Final = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Verdict:
    article: bool
    reason: str


def classify(url: str, *, source: Source) -> Verdict:
    """Whether ``url``, listed by ``source``, is taken for an article, and why."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [s.lower() for s in path.split("/") if s]
    for segment in segments:
        if segment in VOCABULARY:
            return Verdict(False, f"{segment!r} page")
    params = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if params & SEARCH_PARAMS:
        return Verdict(False, "search query")
    if not segments:
        return Verdict(False, "home page")
    if path.lower().endswith(ASSETS):
        return Verdict(False, "not a web page")
    if PAGINATION_PATH.search(path) or params & PAGINATION_PARAMS:
        return Verdict(False, "pagination")
    sign = article_signs(path)
    if sign:
        return Verdict(True, sign)
    if source == "page":
        return Verdict(False, "no sign of an article in the URL")
    if len(segments) == 1 and "-" not in segments[0]:
        return Verdict(False, "one-word section path")
    return Verdict(True, f"listed by a {source.replace('_', ' ')}")


def article_signs(path: str) -> str:
    """The strongest sign that ``path`` is an article's, or "" for none.

    >>> article_signs("/world/2024/05/12/summit"), article_signs("/world/")
    ('date in path', '')
    """
    if DATE_IN_PATH.search(path):
        return "date in path"
    last = path.rstrip("/").rpartition("/")[2]
    stem = last.rsplit(".", 1)[0] if last.endswith((".html", ".htm", ".shtml", ".php")) else last
    if len(WORD.findall(stem)) >= SLUG_WORDS and re.search(r"[-_]", stem):
        return "slug of several words"
    if LONG_ID.search(path):
        return "numeric id"
    return ""


def is_listing(url: str) -> bool:
    """Worth walking in the last-resort page walk: a section or pagination page of the site.

    >>> is_listing("https://example.com/world/"), is_listing("https://example.com/about/")
    (True, False)
    """
    parts = urlsplit(url)
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    if any(s in VOCABULARY for s in segments) or parts.path.lower().endswith(ASSETS):
        return False
    params = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if params & SEARCH_PARAMS:
        return False
    if PAGINATION_PATH.search(parts.path) or params & PAGINATION_PARAMS:
        return True
    return len(segments) <= 2 and not article_signs(unquote(parts.path))
