"""Who wrote the story: JSON-LD author, author meta tags, byline elements, or a "By ..." line under the h1."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import ancestors, class_and_id, headline_node, markup_text, outside_story, without_terms
from .._text import ascii_lower, fold, has_word, squash
from ..content._blocks import BLOCK_TAGS
from ._authors import (
    BYLINE_LINE,
    BYLINE_PREFIXES,
    BYLINE_START,
    MAX_LENGTH,
    MAYBE_BYLINE_START,
    ROLE_WORDS,
    bare,
    clean_authors,
    credits,
    names_outlet,
    outlet_keys,
    split_byline,
)
from ._jsonld import JsonLd, author_names

# Path segments of the pages that list one person's stories, in the languages news sites use.
AUTHOR_PATHS = (
    "author",
    "authors",
    "autor",
    "autore",
    "auteur",
    "contributor",
    "contributors",
    "writer",
    "writers",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "columnist",
    "columnists",
)
# Byline elements, read only when JSON-LD and meta tags name nobody.
BYLINE_SELECTORS = (
    '[itemprop~="author"]',  # a token list: itemprop="author name"
    ".vcard .fn",  # hCard: the formatted name inside an author card (WordPress themes)
    'a[rel~="author"]',
    ".byline",
    ".author-name",
    ".author",
    '[class*="byline" i]',
    # Wix blogs: the writer's name in the post header, its only mark (5 sites of WCXB, each page's
    # truth; no other page holds the hook)
    '[data-hook="user-name"]',
    # script-rendered front ends name the byline for their tests and components ("<div
    # data-component="byline-block">", data-testid="BylineName"): seen on 8 WCXB sites, each
    # already read by other marks; "data-testid*=author" is not taken ("authorization-...")
    '[data-component*="byline" i], [data-testid*="byline" i]',
    # the author field by its id ("<span id="author">"), the whole id only: ids that merely hold
    # the word name other things ("author-modal", a topic menu; "...-authorization-...")
    '[id="author" i], [id="author-name" i], [id="author_name" i], [id="authorname" i]',
    # Drupal's node template and its kin: "<div class="submitted">Submitted by <a>Jane Doe</a> on
    # ...</div>", "<div class="submitted-by">"
    '[class*="submitted" i]',
)
# Looser byline elements, read after those: only their short texts count (an author box's biography
# names schools, awards and employers).
# Links to a person's page: "By <a href="/authors/jane-doe/">Jane Doe</a>" (_Marks keeps those that go on
# past the path to one account's page: a menu's "Author list" links to "/authors/" itself).
AUTHOR_LINKS = tuple(f'a[href*="/{path}/" i]' for path in AUTHOR_PATHS)
# One selector per stem ("/author" finds "/author/" and "/authors/"): each [href*=] is a test of every
# link, and _author_links shares the links out by their exact paths anyway.
_ANY_AUTHOR_LINK = ", ".join(
    f'a[href*="/{path}" i]'
    for path in AUTHOR_PATHS
    if not any(p != path and path.startswith(p) for p in AUTHOR_PATHS)
)
# Any element a theme names after the author ("post_author_name", "authorBlock_title").
AUTHOR_BOX = '[class*="author" i]'
LOOSE_BYLINE_SELECTORS = (*AUTHOR_LINKS, AUTHOR_BOX)
# Elements whose text is a credit even when it names no person: the author field, the byline
# proper ("<span class="author">Newsdesk</span>") and a link to the author's page
# ("<a href="/contributors/123">The Investopedia Team</a>").
CREDIT_SELECTORS = (
    '[itemprop~="author"]',  # a token list: itemprop="author name"
    'a[rel~="author"]',
    ".byline",
    ".author",
    '[data-hook="user-name"]',
    *AUTHOR_LINKS,
)
# A digit in a byline starts its date or reading time (see _text).
_DIGIT = re.compile(r"\d")
# A text that says when the story was posted and ends with "by", the name in the link after it:
# "Posted on March 3, 2025 by <a>Jane Doe</a>", "Last updated March 3, 2025 by <a>Erik Demaine</a>".
# Not a footer's "Copyright © 2004 - 2026 by <a>Outlet</a>" nor "HTML rendering created ... by".
_DATED_BY = re.compile(
    r"\b(?:posted|published|updated|written)\b[^\n]{0,40}\d\W{0,12}\sby\s*$", re.IGNORECASE
)
# A text that opens with the day the story was posted and goes on with "by", the name after it or in
# the next element: a hand-made theme's meta line "May 1, 2025 by Jane Doe", "1 May 2025 by",
# "05/01/2025 by" (not "Copyright 2004 - 2026 by": the head is a day, nothing else).
_DAY_THEN_BY = re.compile(
    r"\s*(?:on\s+)?(?:[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?,?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\s+by(?:\s|$)",
    re.IGNORECASE,
)
MAX_BYLINE_NODES = 5
# A byline's elements share a box of a few lines with each other (names, roles, a date); two bylines
# of the page share only a section or the whole story (on WCXB half A, co-authors' boxes hold at
# most 310 characters, other bylines' shared boxes 1,200 and more).
MAX_BYLINE_BOX_CHARS = 600
AVATARS = 'img[class~="avatar"]'  # WordPress's get_avatar() and the themes that copy it
# The story's byline is printed with its headline: in the short box that holds both (a header of at
# most 600 characters, a byline box's size), else starting within 400 characters of text after it.
# Read first, it beats better-marked bylines elsewhere (other stories' cards with rel=author links).
# Of each byline selector's elements, the first 20 are looked at (menus and cards come first on many
# pages). WCXB with JSON-LD, author/date metas and itemprops stripped (the DOM-only reading): half A
# authors 193 -> 196 of 279, half B 179 -> 181 of 274, no page lost; with them, no page of either
# half changes.
MAX_HEADLINE_BOX_CHARS = MAX_BYLINE_BOX_CHARS
MAX_HEADLINE_GAP = 400
MAX_HEADLINE_ZONE_NODES = 20
MAX_SLUG_WORDS = 4  # a person's page address spells the name: /authors/jane-van-doe
# Words a date may take before a "by" in the same line ("Posted on May 1, 2025", 5 words; "March 15,
# 2022 · 3 min read", 5); a longer head reads as prose, so "Posted on Friday, May 1, 2025 at 9:00
# by X" (8 words) is not taken as a byline.
MAX_DATE_WORDS = 6
# A byline without markup sits among the next few siblings of the h1 or of its header box.
BYLINE_LEVELS = 2
MAX_BYLINE_SIBLINGS = 6
MAX_BYLINE_CHARS = 120
# A label that credits other work than the writing: the person named next reviewed, checked, edited,
# illustrated or photographed the story ("Medically reviewed by", "Fact-checked by", "Photo by").
OTHER_WORK = re.compile(
    r"\b(?:reviewed|checked|edited|verified|illustrated|illustrations?|photos?|photographs?|images?)"
    r"\s+by\s*:?\s*$",
    re.IGNORECASE,
)
# How far up from a lone name element its label is looked for: "Reviewed by <a><span>John Poe</span></a>".
LABEL_LEVELS = 2
# A tag that gives the role of the person named just before it, on an author card: "<h3>Jane Doe</h3>
# <span>Author</span>" (WCXB half A: 3 sites print it, each naming its truth; 2 mark the name as
# the author's too). The words are bylines' own labels (_authors._BY), which the byline walk finds.
ROLE_TAG = re.compile(r"(?i:author|autor|autora|autorin)")
# A line that opens with such a label: the credit of the person named after it ("Reviewed by Jane Roe").
OTHER_WORK_LINE = re.compile(
    r"\W*(?:\w+\s+)?(?:reviewed|checked|edited|verified|illustrated|illustrations?|photos?|photographs?|images?)"
    r"\s+by\b",
    re.IGNORECASE,
)
# Words of a link to the author's page that is no credit ("Full bio", "View profile").
LINK_LABEL_WORDS = frozenset({"bio", "biography", "profile"})
CRUMB_MARKS = ("\u00bb", "\u203a")  # a breadcrumb's separators: "Home » Garden » Lawn Care"
# A link to a forum member's profile: "/user/jdoe/", "/u/jdoe".
_MEMBER_LINK = re.compile(r"/(?:u|users?)/", re.IGNORECASE)
# Byline-looking elements in these boxes name someone else: a commenter, or another story's writer on
# its card in a related-posts box ("related-grid", "posts-list related", "yarpp-related") or in the
# links to the previous and next posts (WordPress's the_post_navigation(): "post-navigation",
# "nav-previous", "nav-next"). WCXB half A, the byline markup alone: 3 article pages of 3 sites move
# right (a related card's author was read before the story's), none wrong; with JSON-LD and metas no
# article changes, and a service page no longer credits a related post's writer.
# A class that holds "author" in another word: "authorization-link" (a shop's "Sign In"),
# "authorized-dealer-link" (a product page's badge). WCXB half A: 2 sites credited such a text.
# A testimonial or a quote names whom it quotes ("Quote__author", "testimonial-author",
# "CustomerQuotes_authorInfo"): a customer, not a writer. WCXB half A: 5 service pages of 5 sites.
NOT_BYLINE_BOXES = (
    "comment",
    "related",
    "nav-prev",
    "nav-next",
    "post-navigation",
    "authoriz",
    "testimonial",
    "quote",
)
# A name in a figure or its caption credits the picture: its photographer, not the story's writer.
PICTURE_BOXES = frozenset({"figure", "figcaption"})
HCARD_NOT_PERSON = ("org", "adr")  # hCard classes of an organisation name or a postal address
# What the cleaner reads, at most: a story has a handful of authors, each a few words, and its
# regexes must stay cheap on a hostile page (an 80 KB "name" took 15 s; 10k authors in JSON-LD).
MAX_BYLINE_INPUTS = 50
MAX_BYLINE_INPUT_CHARS = 1000
MAX_MARKUP_META_CHARS = 4 * MAX_BYLINE_INPUT_CHARS  # a meta's byline markup: its links' addresses too
MAX_DOM_CREDIT_WORDS = 5  # "The Currency editors", "Ask the Doctors"
# Elements whose text is a form's choices, never a byline: a sort control's option "Author" among
# "Post time" and "Subject" (phpBB's topic pages).
FORM_CONTROLS = frozenset({"select", "option", "optgroup", "datalist", "button", "textarea"})
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


def find_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
    printed: bool = True,
) -> tuple[tuple[str, ...], str | None]:
    """The story's authors and where they were found (json-ld | meta | dom); ((), None) when nobody.

    People come first, from whichever source names one (JSON-LD, then author metas, then the
    byline on the page; a structured name the page never prints yields to a "By ..." line naming
    someone else). Only a page that names no person anywhere is credited to what its structured
    fields or its byline name instead: a team, an organisation, a handle ("The Investopedia Team").
    ``printed=False``: only what the structured fields credit, for a page whose printed bylines are
    other stories' (a listing's cards).

    >>> find_authors(LexborHTMLParser(""), {"author": ["By Jane Doe"]}, JsonLd(), site=None, host=None)
    (('Jane Doe',), 'meta')
    """
    for read, source, _ in _author_rules(_Marks(tree), metas, ld, site=site, host=host):
        if not printed and source == "dom":
            continue
        names = read()
        if names:
            return names, source
    return (), None


def weigh_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
) -> list[tuple[str, str, object]]:
    """For ``explain``: what each of ``find_authors``' rules reads, as (source, rule, names), in their
    order, after the texts of the byline elements printed with the headline (which the byline rules
    read first).

    >>> page = LexborHTMLParser('<h1>Rain</h1><p class="byline">By Jane Doe</p>')
    >>> weigh_authors(page, {}, JsonLd(), site=None, host=None)[:2]
    [('dom', 'header byline', 'By Jane Doe'), ('dom', 'byline people', ('Jane Doe',))]
    """
    page = _Marks(tree)  # one page's marks for both: the header's bylines are among what the rules read
    rules = _author_rules(page, metas, ld, site=site, host=host)
    header = [
        ("dom", "header byline", line)
        for group in _header_bylines(page)
        for _, text in group
        if (line := squash(text))
    ]
    return header + [(source, what, names) for read, source, what in rules if (names := read())]


def _author_rules(
    page: _Marks,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
) -> tuple[tuple[Callable[[], tuple[str, ...]], str, str], ...]:
    """``find_authors``' rules in precedence order, as (reader, source, name), reading ``page``'s
    byline markup; each reads when called."""

    def clean(raw: list[str]) -> tuple[str, ...]:
        bounded = [text[:MAX_BYLINE_INPUT_CHARS] for text in raw[:MAX_BYLINE_INPUTS]]
        return clean_authors(bounded, site=site, host=host)

    article = ld.article or {}
    people, organisations = author_names(article.get("author") or article.get("creator"), ld.by_id)
    # a byline written whole into the name, as metas get (only its head: a byline is a few links)
    people = [markup_text(name, limit=MAX_MARKUP_META_CHARS) for name in people]
    values = _author_meta_values(metas, AUTHOR_METAS) or _author_meta_values(metas, CREATOR_METAS)
    outlets = outlet_keys(site=site, host=host)

    def others(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(credit for credit in found if not names_outlet(credit, outlets))

    named, listed = clean(people), clean(values)  # the people JSON-LD and the metas name, cleaned once
    shown = page.shows
    return (
        # A JSON-LD or meta author the page never prints may name the account that posted the
        # story: it yields to a "By ..." line of the page that names someone else ("By Charles
        # Patterson" under an "author" meta naming the site's editor).
        (lambda: tuple(name for name in named if shown(bare(name))), "json-ld", "printed people"),
        (lambda: tuple(name for name in listed if shown(bare(name))), "meta", "printed people"),
        (lambda: _line_people(page.lines, clean) if named or listed else (), "dom", "by-line people"),
        (lambda: named, "json-ld", "people"),
        (lambda: listed, "meta", "people"),
        # A structured credit the page's byline prints ("Resy Staff" in the meta and "By Resy Staff"
        # under the headline) is the story's, before any person a teaser's byline names.
        (lambda: _printed(credits(people, handles=True), page), "json-ld", "printed credits"),
        (lambda: _printed(credits(values), page), "meta", "printed credits"),
        (lambda: _dom_people(page, clean, outlets), "dom", "byline people"),
        # typed as a Person, or a bare string: the site says so
        (lambda: others(credits(people, handles=True)), "json-ld", "credits"),
        (lambda: others(credits(values)), "meta", "credits"),
        (lambda: others(credits(organisations)), "json-ld", "organisations"),
        (lambda: _dom_credits(page, outlets), "dom", "byline credits"),
        # a name read off the head of an author box, which nothing else on the page marks
        (lambda: _author_box_heads(page, clean), "dom", "author box head"),
        (lambda: _beside_avatar(page, clean), "dom", "beside avatar"),
        # an organisation or a team in a short box named after the author, nothing labelling it
        (lambda: _box_credits(page), "dom", "author box credits"),
        (lambda: clean(_data_layer_authors(page.tree)), "meta", "data layer people"),
        # last: a structured field that credits the publication itself ("Instructables" on
        # instructables.com), which signs every page: the byline's credit comes first
        (lambda: credits(people, handles=True), "json-ld", "publication credits"),
        (lambda: credits(values), "meta", "publication credits"),
        (lambda: credits(organisations), "json-ld", "publication organisations"),
    )


# What the body's text holds and no reader sees (a <noscript> is shown where scripts do not run).
UNPRINTED: Final = "script, style, template"


class _Marks:
    """One page's byline markup, each part found once and only when a rule asks for it: a
    selector's elements (each ``css`` call walks the whole tree, and several rules ask for the same
    selectors), an element's text, the explicit credit elements and the "By ..." lines (a walk over
    every text)."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self._found: dict[str, list[LexborNode]] = {}
        self._texts: dict[int, str] = {}
        self._credits: list[LexborNode] | None = None
        self._lines: list[str] | None = None
        self._printed: str | None = None
        self._links: set[str] | None = None
        self._raw: str | None = None
        self._body: str | None = None
        self._shown: str | None = None
        self._unprinted_raw: str | None = None
        self._unprinted_shown: str | None = None

    def css(self, selector: str) -> list[LexborNode]:
        if selector not in self._found:
            if selector in AUTHOR_LINKS:
                self._author_links()
            else:
                self._found[selector] = self.tree.css(selector)
        return self._found[selector]

    def _author_links(self) -> None:
        """Every ``AUTHOR_LINKS`` selector's links, from one walk: the selectors as one group (which
        gives a link once per selector it matches), then shared out by their paths."""
        found = {node.mem_id: node for node in self.tree.css(_ANY_AUTHOR_LINK)}
        links = [(node, ascii_lower(node.attributes.get("href") or "")) for node in found.values()]
        for path, selector in zip(AUTHOR_PATHS, AUTHOR_LINKS, strict=True):
            self._found[selector] = [node for node, href in links if _names_one(href, f"/{path}/")]

    def text(self, node: LexborNode) -> str:
        """``_text`` of an element of this page; when that names nobody for a date run into the name,
        the reading that sets the texts with digits on lines of their own (see ``_dates_apart``)."""
        if node.mem_id not in self._texts:
            self._texts[node.mem_id] = _or_apart(_text(node), partial(_text, node, dates_apart=True))
        return self._texts[node.mem_id]

    def bylines(self, selector: str, limit: int = MAX_BYLINE_NODES) -> list[tuple[LexborNode, str]]:
        """Of the first ``limit`` elements ``selector`` finds, those that may be a byline, each with its
        text: short enough, and not another's (``_not_a_byline``)."""
        return [
            (node, text)
            for node in self.css(selector)[:limit]
            if len(text := self.text(node)) <= MAX_BYLINE_CHARS and not _not_a_byline(node)
        ]

    @property
    def credit_nodes(self) -> list[LexborNode]:
        """The page's explicit byline elements: author fields, author links and byline boxes."""
        if self._credits is None:
            self._credits = [node for selector in CREDIT_SELECTORS for node, _ in self.bylines(selector)]
        return self._credits

    @property
    def printed(self) -> str:
        """What the byline prints, folded and case-folded: its elements' texts and its "By ..." lines."""
        if self._printed is None:
            texts = [self.text(node) for node in self.credit_nodes]
            self._printed = " ".join(fold(text) for text in (*texts, *self.lines)).casefold()
        return self._printed

    @property
    def _page_text(self) -> str:
        """The text of the page's body, as the parser gives it (one space between its texts)."""
        if self._raw is None:
            body = self.tree.body
            self._raw = body.text(separator=" ") if body is not None else ""
        return self._raw

    @property
    def body_text(self) -> str:
        """The text of the page's body, white space folded."""
        if self._body is None:
            self._body = fold(self._page_text)
        return self._body

    def shows(self, name: str) -> bool:
        """Whether the page's text shows ``name`` (case aside; read once, and only when asked): whether
        the folded text, case-folded, holds the case-folded name more often than the page's scripts
        and style sheets do. A ``<script>`` in the body is text to the parser but not to a reader: a
        Next.js page's state or a JSON-LD block there names the author whether or not the page prints
        the name.

        The page's text is not folded for it (a fold of the whole body cost as much as the case fold):
        a name of one word is in the folded text when it is in the text, and a name of several words,
        one space between each, when its words are there with white space between them. Nor is it
        case-folded for a name it holds as written and no script holds (case folding maps each
        character on its own, so the folded name is then in the folded text): most pages print the
        name their metadata gives.
        """
        needle = name.casefold()
        words = needle.split()
        odd = " ".join(words) != needle  # odd white space in the name: the folded text itself says
        if not odd and name in self._page_text and name not in self._unprinted:
            return True
        if self._shown is None:
            self._shown = self._page_text.casefold()  # folding and case folding commute
            self._unprinted_shown = self._unprinted.casefold()
        unprinted = self._unprinted_shown or ""
        if odd:
            return fold(self._shown).count(needle) > fold(unprinted).count(needle)
        if len(words) < 2:
            return self._shown.count(needle) > unprinted.count(needle)
        spelt = re.compile(r"\s+".join(map(re.escape, words)))
        return len(spelt.findall(self._shown)) > len(spelt.findall(unprinted))

    @property
    def _unprinted(self) -> str:
        """The text of the body's scripts, style sheets and templates: in ``_page_text``, never on screen."""
        if self._unprinted_raw is None:
            body = self.tree.body
            nodes = body.css(UNPRINTED) if body is not None else []
            self._unprinted_raw = " ".join(node.text(deep=True) for node in nodes)
        return self._unprinted_raw

    @property
    def link_texts(self) -> set[str]:
        """The texts of the page's links, each squashed."""
        if self._links is None:
            self._links = {squash(node.text(deep=True, separator=" ")) for node in self.tree.css("a")}
        return self._links

    @property
    def lines(self) -> list[str]:
        """The page's "By ..." lines: below the headline, then anywhere."""
        if self._lines is None:
            self._lines = [*_byline_lines(self.tree), *_labelled_lines(self.tree)]
        return self._lines


def _dom_people(
    page: _Marks, clean: Callable[[list[str]], tuple[str, ...]], outlets: frozenset[str]
) -> tuple[str, ...]:
    groups = _header_bylines(page)
    for group in groups:
        names = _one_byline(group, clean)
        if names:
            return names
    header = [node for group in groups for node, _ in group]
    # The header's byline may credit no person: a team, the publication, a first name or a handle
    # ("By Resy Staff", "Kev"). That credit beats the people of byline elements elsewhere (other
    # stories' cards), not a "By ..." line of the story naming a person ("Written by" at its foot).
    # A member's profile linked there names the poster of a forum thread (a Reddit thread was
    # read as an article with its poster credited). DOM-only WCXB: half A authors 196 -> 204 of 279
    # (6 sites), half B 181 -> 190 of 274, none lost; with JSON-LD and metas, one page of B right.
    nodes = [node for node in header if not _links_a_member(node)]
    credited = _dom_credits(page, outlets, nodes=nodes) if nodes else ()
    for selector in (*BYLINE_SELECTORS, *LOOSE_BYLINE_SELECTORS):
        nodes = page.css(selector)
        if selector in LOOSE_BYLINE_SELECTORS:
            nodes = [node for node in nodes if len(page.text(node)) <= MAX_BYLINE_CHARS]
        nodes = nodes[:MAX_BYLINE_NODES]
        texts = [page.text(node) for node in nodes]
        # Byline elements hold all sorts of text ("Views", "Guest"): a name there needs two words.
        names = tuple(name for name in clean(texts) if " " in name)
        if names:  # only then the (slower) look at where the names sit
            found = [(node, text) for node, text in zip(nodes, texts, strict=True) if not _not_a_byline(node)]
            names = _one_byline(found, clean)
        if names:  # a selector that names nobody ("View all posts") gives way to the next one
            return credited or names
    return _line_people(page.lines, clean) or credited


def _names_one(href: str, stem: str) -> bool:
    """Whether a link's address goes to one person's page under ``stem`` ("/author/jane-doe/"), not to
    the list of them or a page about authors ("/author/", a menu's "Author Website")."""
    _, found, rest = href.partition(stem)
    return bool(found) and rest.split("?")[0].split("#")[0].strip("/") != ""


def _links_a_member(node: LexborNode) -> bool:
    """Whether an element is or holds a link to a forum member's profile."""
    links = (node, *node.css("a")) if node.tag != "a" else (node,)
    return any(_MEMBER_LINK.search(link.attributes.get("href") or "") for link in links)


def _header_bylines(page: _Marks) -> list[list[tuple[LexborNode, str]]]:
    """The byline elements of the story's header, read before any other, by selector: those printed
    just below the headline, and those sharing a short box with it. A related story's card may mark
    its writer better ("rel=author") than the story's own byline does."""
    headline = headline_node(page.tree)
    body = page.tree.body
    if headline is None or body is None:
        return []
    found: dict[int, tuple[LexborNode, str]] = {}
    selectors: dict[int, int] = {}  # each element under the first selector that finds it
    for rank, selector in enumerate((*BYLINE_SELECTORS, *LOOSE_BYLINE_SELECTORS)):
        for node, text in page.bylines(selector, MAX_HEADLINE_ZONE_NODES):
            if node.mem_id not in found:
                found[node.mem_id] = (node, text)
                selectors[node.mem_id] = rank
    if not found:
        return []
    heads = {headline.mem_id, *(box.mem_id for box in ancestors(headline))}
    short: dict[int, bool] = {}  # whether a box the headline shares is a header's size, each box read once
    near = set()
    for key, (node, _) in found.items():
        shared = next(box for box in (node, *ancestors(node)) if box.mem_id in heads or box.tag == "body")
        if shared.tag != "body" and shared.mem_id not in short:
            size = len(squash(shared.text(deep=True, separator=" ")))
            short[shared.mem_id] = size <= MAX_HEADLINE_BOX_CHARS
        if short.get(shared.mem_id):
            near.add(key)
    if not near:
        near = _just_below(headline, body, found)
    # in the selectors' order, as elsewhere: a byline's own link before the line around it
    groups: dict[int, list[tuple[LexborNode, str]]] = {}
    for key in found:
        if key in near:
            groups.setdefault(selectors[key], []).append(found[key])
    return list(groups.values())


def _just_below(headline: LexborNode, body: LexborNode, found: dict[int, tuple[LexborNode, str]]) -> set[int]:
    """The ids of the ``found`` elements that start within ``MAX_HEADLINE_GAP`` characters of text
    after the headline."""
    below: set[int] = set()
    chars, after = 0, False  # the characters of text read since the headline (its own not counted)
    inside = {headline.mem_id, *(node.mem_id for node in headline.traverse(include_text=False))}
    for node in body.traverse(include_text=True, skip_empty=True):
        if not after:
            after = node.mem_id == headline.mem_id
        elif node.tag == "-text":
            if node.parent is None or node.parent.mem_id not in inside:
                chars += len((node.text_content or "").strip())
                if chars > MAX_HEADLINE_GAP:
                    break
        elif node.mem_id in found and node.mem_id not in inside:
            below.add(node.mem_id)
    return below


def _one_byline(
    found: list[tuple[LexborNode, str]], clean: Callable[[list[str]], tuple[str, ...]]
) -> tuple[str, ...]:
    """The people of one byline: the first element that names someone, and the elements that share
    a byline-sized box with it ("By <a>Jane Doe</a> and <a>John Roe</a>"). Elements of the same kind
    further off are other bylines: a related story's card, a later section's writer.

    A second person in the box is printed as the first one is (the same tag and class: not a
    link of another class, "View More Articles" or "Data Analysis By <a>Jane Roe</a>" beside the
    name's link), or in a list of people, elements of one kind that each name someone. The box's
    other elements are the first person's job title ("VP - Technology"), schools ("Loyola
    University New Orleans") or the byline's labels ("Fact Checked"), each in an element of its
    own kind, which the byline selectors find too ("author_des", "author_checked").
    """
    named = (n for n, (_, text) in enumerate(found) if any(" " in name for name in clean([text])))
    start = next(named, None)
    if start is None:
        return ()
    first, text = found[start]
    around = {first.mem_id, *(box.mem_id for box in ancestors(first))}
    texts = [text]
    in_box: dict[tuple[str, str | None], list[str]] = {}  # the box's other elements by their kind
    for node, other in found[start + 1 :]:
        shared = next(box for box in (node, *ancestors(node)) if box.mem_id in around)
        if len(squash(shared.text(deep=True, separator=" "))) <= MAX_BYLINE_BOX_CHARS:
            in_box.setdefault(_kind(node), []).append(other)
    for kind, others in in_box.items():
        if kind == _kind(first) or _people_list(others, clean):
            texts.extend(others)
    return tuple(name for name in clean(texts) if " " in name)


def _kind(node: LexborNode) -> tuple[str, str | None]:
    """How an element is printed: its tag and class."""
    return node.tag or "", node.attributes.get("class")


def _people_list(texts: list[str], clean: Callable[[list[str]], tuple[str, ...]]) -> bool:
    """Whether the texts of elements of one kind list people: more than one, each a full name
    ("co-authors" / "Ben Adams" / "Marek Moraczynski"), not a list with other matter in it (a
    person's schools: "University of Alabama", "Loyola University New Orleans")."""
    if len(texts) < 2 or any(BYLINE_START.match(squash(text)) for text in texts):
        return False  # a "By ..." among them: the fields of one byline ("By Jane Doe" / "Fact Checked")
    return all(any(" " in name for name in clean([text])) for text in texts)


def _line_people(lines: Iterable[str], clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The people the first "By ..." line that names anyone names."""
    for line in lines:
        names = tuple(name for name in clean([line]) if " " in name)
        if names:
            return names
    return ()


def _author_box_heads(page: _Marks, clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The name at the head of an author box: a box named after the author ("blog_author-box"), too
    long for a byline because a biography follows the name, and the biography names that person
    ("Jane Doe" / "Jane Doe is a ..." or "Jane has ...")."""
    looked = 0
    for node in page.css(AUTHOR_BOX):
        text = page.text(node)
        if len(text) <= MAX_BYLINE_CHARS or _not_a_byline(node):
            continue  # a short one was read as a byline already
        head, _, bio = text.strip().partition("\n")
        bio_words = set(bio.split())
        names = tuple(name for name in clean([head]) if " " in name and bio_words.intersection(name.split()))
        if names:
            return names
        looked += 1
        if looked >= MAX_BYLINE_NODES:
            break
    return ()


def _beside_avatar(page: _Marks, clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The name printed right after the author's avatar in a story's meta line, as WordPress themes
    print it (``get_avatar``'s ``<img class="avatar avatar-96 photo">``): the text up to its first
    word in lower case ("<img class="avatar"> Mahua Das in <a>Project Management</a>")."""
    for image in page.css(AVATARS)[:MAX_BYLINE_NODES]:
        text = image.next
        if text is None or text.tag != "-text" or _not_a_byline(image) or outside_story(image):
            continue
        words = squash(text.text_content or "").split()
        name = " ".join(itertools.takewhile(lambda word: not word[0].islower(), words))
        names = tuple(n for n in clean([name]) if " " in n) if name else ()
        if names:
            return names
    return ()


def _printed(names: tuple[str, ...], page: _Marks) -> tuple[str, ...]:
    """The names the page's byline prints: its byline elements and its "By ..." lines."""
    if not names:
        return ()
    return tuple(name for name in names if name.casefold() in page.printed)


def _dom_credits(
    page: _Marks, outlets: frozenset[str], *, nodes: list[LexborNode] | None = None
) -> tuple[str, ...]:
    """What an explicit byline on the page credits when it names no person ("By The Currency editors",
    "by jsteinhardt")."""
    # each line of an element on its own: "By" / "The Investopedia Team" / "Full Bio"
    # (a "By ..." line of the page's text has no node)
    lines = [
        (line, node)
        for node in (page.credit_nodes if nodes is None else nodes)
        for line in page.text(node).splitlines()
    ]
    header = nodes is not None
    for line, node in (*lines, *((line, None) for line in (page.lines if nodes is None else ()))):
        by_line = node is None
        found = tuple(
            c
            for c in credits([line])
            # A page's own text is looser than a structured field: a credit there reads like a name,
            # or is a handle the byline links to, or one a byline element labels ("by jdoe").
            if (
                c[0].isupper()
                or (_a_handle(c) and (c in page.link_texts if by_line else _labelled(line)))
                # a handle a header element prints in the link to that account's page
                # ("<a href="/author/jdoe/">jdoe</a>")
                or (header and _a_handle(c) and _own_page(c, node))
            )
            # A line of the page's text that is only "By" and a word is a filter's label ("Shop" /
            # "By Category") unless the word is a link or the publication's name ("By HomeAdvisor");
            # a longer line says more ("Posted by David at December 16, 2025").
            and (not by_line or _more_than_a_label(c, line, page, outlets))
            and len(c.split()) <= MAX_DOM_CREDIT_WORDS
            # More than a role ("Contributors" links to the list of authors), save the desk or the staff
            # a "By" line signs ("by News Desk") or an element under the headline prints in a link to
            # that author account's page ("Staff" to /author/staff/): WCXB, 2 pages of 2 sites credited
            # as their truths, none other of 2,716 readings (both halves, with and without structured
            # data) changes.
            and (_more_than_a_role(c) or (by_line and " " in c) or (header and _own_page(c, node)))
            and not LINK_LABEL_WORDS.intersection(c.casefold().split())
            and OTHER_WORK_LINE.match(line) is None
            # a header's line holds the story's other fields too (the section, the day, the trail
            # back to the section): a credit there reads as a name, outside a breadcrumb
            and (
                nodes is None
                or ((_title_cased(c) or _own_page(c, node)) and not any(mark in line for mark in CRUMB_MARKS))
            )
        )
        if len(found) == 1 and node is not None and " " not in found[0]:
            found = (_full_name(found[0], node, page) or found[0],)
        if found:
            return found
    return ()


def _own_page(credit: str, node: LexborNode | None) -> bool:
    """Whether an element is (or sits in) a link to the page of an author account the credit names:
    "<a href="/author/staff/"><span>Staff</span></a>", the account a theme shows as the writer (not
    "<a href="/contributors/">Contributors</a>", the list of them)."""
    boxes = itertools.chain((node,), ancestors(node)) if node is not None else ()
    link = next((box for box in boxes if box.tag == "a"), None)
    href = ascii_lower(link.attributes.get("href") or "") if link is not None else ""
    parts = href.split("?")[0].rstrip("/").split("/")
    return len(parts) > 1 and parts[-2] in AUTHOR_PATHS and parts[-1] == "-".join(credit.casefold().split())


def _more_than_a_role(credit: str) -> bool:
    """Whether a credit says more than a role ("Jane Doe", "Resy Staff"; not "Contributors", "News Desk")."""
    return not ROLE_WORDS.issuperset(credit.casefold().split())


def _title_cased(credit: str) -> bool:
    """Whether each word of a credit starts with a capital and none holds a digit ("Resy Staff",
    "EcoFlow", not "Personal finance" nor "Jun 2")."""
    return not _DIGIT.search(credit) and all(word[0].isupper() for word in credit.split())


def _box_credits(page: _Marks) -> tuple[str, ...]:
    """What a short box named after the author credits when nothing else on the page names anyone:
    the team or the publication itself ("<div class="at-author">Acme Strategies | May 1, 2025</div>"
    on acmestrategies.com), which the byline reader passes over as nobody (a person's name in such a
    box is read there). Nothing labels it, so it must read like a credit (``_reads_as_a_credit``).
    WCXB: 1 article page of half A and 3 of half B (2 sites) credited as their truths do, no other
    page of either half changed."""
    for _, text in page.bylines(AUTHOR_BOX):
        # the box's first credit is whom it credits; lines after it are a rank or a role
        # ("StarredSkies" / "Big Board Owner" / "Posts: 116" on a forum poster's card)
        first = next((found for line in text.splitlines() if (found := credits([line]))), ())
        if first and all(map(_reads_as_a_credit, first)):
            return first
    return ()


def _reads_as_a_credit(credit: str) -> bool:
    """Whether an unlabelled credit is written like a team's or an organisation's name ("Acme Staff",
    "Team Acme"): two to ``MAX_DOM_CREDIT_WORDS`` words, each capitalised, no digit, more than a role
    ("Staff Writer"). Not "Get in touch" in a contact box nor "Jun 2" in a date box; not a lone word,
    which may be a poster's handle and would make a thread look like a story."""
    return (
        1 < len(credit.split()) <= MAX_DOM_CREDIT_WORDS and _more_than_a_role(credit) and _title_cased(credit)
    )


def _more_than_a_label(credit: str, line: str, page: _Marks, outlets: frozenset[str]) -> bool:
    """Whether a "By ..." line of the page's text credits someone rather than labels a filter."""
    if len(line.split()) > 2 or " " in credit:
        return True
    return credit in page.link_texts or names_outlet(credit, outlets)


def _full_name(first: str, link: LexborNode, page: _Marks) -> str | None:
    """The full name of a person a link to their page calls by the first name only ("Articles by
    Juliette" to /authors/juliette-carreiro): the name its address spells, as the page prints it;
    else, for a handle too, the full name another link to that page prints (``_named_by_another_link``)."""
    slug = (link.attributes.get("href") or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    words = slug.split("-")
    if not 2 <= len(words) <= MAX_SLUG_WORDS or words[0].casefold() != first.casefold():
        return _named_by_another_link(link, page)
    spelt = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    printed = re.search(spelt, page.body_text, re.IGNORECASE)
    if printed is None:
        return None
    names = split_byline(printed.group())
    return names[0] if len(names) == 1 and len(names[0].split()) == len(words) else None


def _named_by_another_link(node: LexborNode, page: _Marks) -> str | None:
    """The full name another link to the same author's page prints, when the credit's link gives a
    handle ("<a href="/author/jdoe/">JaneD</a>" in the header, "Written by <a href="/author/jdoe/">Jane
    Doe</a>" in the author box); None when no other link, or several names."""
    link = next((box for box in itertools.chain((node,), ancestors(node)) if box.tag == "a"), None)
    if link is None or not (address := _address(link)):
        return None
    names = {
        name
        for selector in AUTHOR_LINKS
        for other in page.css(selector)
        if other.mem_id != link.mem_id and _address(other) == address
        for name in split_byline(page.text(other))
        if " " in bare(name)
    }
    return names.pop() if len(names) == 1 else None


def _address(link: LexborNode) -> str:
    """A link's address without its query, fragment and last slash, in lower case."""
    return ascii_lower(link.attributes.get("href") or "").split("?")[0].split("#")[0].rstrip("/")


def _labelled(line: str) -> bool:
    """Whether a line opens with a "By" label ("by jdoe", "Posted by: jdoe", "Author: jdoe")."""
    return BYLINE_PREFIXES.match(line.strip()) is not None


def _a_handle(credit: str) -> bool:
    """A single word in lower case: an account's handle when it is the text of a link a "By" line
    names ("by <a href="/users/jsteinhardt">jsteinhardt</a>"), else a word of a menu or a sentence
    ("By industry", "by design")."""
    return " " not in credit and credit[0].islower()


def _labelled_lines(tree: LexborHTMLParser) -> list[str]:
    """Byline lines anywhere in the page: a text that opens with a localised "By", or a bare label
    ("Written by", "Author:") with the name in the next element, read as one short line.

    Lines after the headline come first, in page order, then those above it (a teaser card above
    the story should not lend its author); lines in site chrome and comment threads are passed over.
    """
    body = tree.body
    if body is None:
        return []
    headline = headline_node(tree)
    before: list[str] = []
    after: list[str] = []
    lines = after if headline is None else before
    headline_id = headline.mem_id if headline is not None else None
    # (texts of white space alone are not walked to: no byline there)
    for node in body.traverse(include_text=True, skip_empty=True):
        if not node.is_text_node:
            if lines is before and node.mem_id == headline_id:
                lines = after
            continue
        raw = node.text_content or ""
        if raw.isspace():  # what skip_empty left: white space beyond ASCII's
            continue
        dated = False
        if not MAYBE_BYLINE_START.match(raw):
            # searched only in a text that ends in "by" or has one inside (in "y", white space or
            # " by" first: a cheap look, as the walk reads every text of the page)
            if not raw.endswith(("y", "Y")) and not raw[-1:].isspace() and " by" not in raw:
                continue
            tail = raw[-MAX_BYLINE_CHARS:]
            dated = tail.rstrip()[-2:].casefold() == "by" and _DATED_BY.search(tail) is not None
            dated = dated or (" by" in raw and _DAY_THEN_BY.match(raw) is not None)
            if not dated:
                continue
        text = squash(raw)
        if text and len(text) <= MAX_BYLINE_CHARS and (dated or BYLINE_START.match(text)):
            line = _byline_box(node, label="by" if dated else None)
            if line:
                lines.append(line)
                if len(after) >= MAX_BYLINE_NODES:
                    break
    return after + before


def _byline_box(text_node: LexborNode, *, label: str | None = None) -> str | None:
    """The shortest line around a "By" text that names someone: the text's element, or the box
    that holds a bare label and the name beside it."""
    box = text_node.parent
    if box is not None and box.tag in FORM_CONTROLS:
        return None
    label = label or squash(text_node.text_content or "")
    tagged = _name_before(text_node) if box is not None and ROLE_TAG.fullmatch(label) else None
    if box is not None and tagged is not None:
        return tagged if not (outside_story(box) or _not_a_byline(box)) and _names_someone(tagged) else None
    while box is not None and box.tag not in ("body", "html"):
        line = squash(box.text(deep=True, separator=" "))
        if len(line) > MAX_BYLINE_CHARS:
            return None
        tail = _byline_from(label, line)
        if tail is not None:
            if outside_story(box) or _not_a_byline(box):
                return None
            if _names_someone(tail):
                return tail
            # Read run together, the line names nobody: the date may follow the name in an element
            # of its own, or the name is the element right after the label and what follows it is
            # other matter ("By <a>Jane Doe</a> in <a>Furniture</a>", "Written by <strong>Jane
            # Doe</strong> who lives and works in ...").
            for other in (_dates_apart(box) if _DIGIT.search(tail) else None, _label_and_next(text_node)):
                found = _byline_from(label, other) if other else None
                if found is not None and _names_someone(found):
                    return found
            return tail
        box = box.parent
    return None


def _name_before(text_node: LexborNode) -> str | None:
    """A role tag printed after the name, as a theme's author card does ("<h3>Jane Doe</h3>
    <span>Author</span>"), read as the line "Author: Jane Doe"; None when no name-sized element comes
    right before the tag (or before the tag's own element)."""
    own = squash(text_node.text_content or "")
    name = _beside(text_node, own, forward=False)
    return f"{own}: {name}" if 0 < len(name) <= MAX_LENGTH else None


def _label_and_next(text_node: LexborNode) -> str | None:
    """A bare "By" label ("By", "Written by", "Posted on May 1, 2025 by") and the text of the element
    right after it (or after the label's own element: "<span>By</span> <a>Jane Doe</a>"), as one
    line; None when the text says more than a label or no name-sized element follows."""
    own = squash(text_node.text_content or "")
    if BYLINE_PREFIXES.sub("", own) and own[-2:].casefold() != "by":
        return None  # "By Type" over a menu's list: a label with its own words
    name = _beside(text_node, own, forward=True)
    return f"{own} {name}" if 0 < len(name) <= MAX_LENGTH else None


def _beside(text_node: LexborNode, own: str, *, forward: bool) -> str:
    """The text of the element right after (``forward``) or right before a label's text node, or
    its own element's when the label is all that element holds; "" when a text or nothing comes
    first."""
    node = text_node
    parent = node.parent
    if _sibling(node, forward) is None and parent is not None and squash(parent.text(deep=True)) == own:
        node = parent
    beside = _sibling(node, forward)
    return squash(beside.text(deep=True, separator=" ")) if beside is not None else ""


def _sibling(node: LexborNode, forward: bool) -> LexborNode | None:
    """The element right after (``forward``) or right before ``node``, past white space; None when
    a text or nothing comes first."""
    step = node.next if forward else node.prev
    while step is not None and step.tag == "-text" and not (step.text_content or "").strip():
        step = step.next if forward else step.prev
    return None if step is None or step.tag in ("-text", "-comment") else step


def _byline_from(label: str, line: str) -> str | None:
    """The byline in ``line`` that starts with ``label``: the whole line, or, when a date opens the
    line, the rest from the "by" on ("Posted on May 1, 2025 by Jane Doe", WordPress's entry meta;
    "March 15, 2022 · 3 min read · By Jane Doe"). Not a "by" in prose ("first described by Kan Chu
    Sen"), nor an upper-case "POR" or "AV" after a number (a team's code in a table of results)."""
    if BYLINE_LINE.match(line):
        return line
    if not label or label.split()[0].isupper():
        return None
    for found in re.finditer(rf"(?<!\w){re.escape(label)}", line):
        head, tail = line[: found.start()], line[found.start() :]
        words = [word for word in head.split() if has_word(word)]  # not the "·" between them
        if _DIGIT.search(head) and len(words) <= MAX_DATE_WORDS and BYLINE_LINE.match(tail):
            return tail
    return None


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
                    lines.append(_or_apart(text, partial(_dates_apart, node)))
            node = node.next
        if lines:
            break
        level = level.parent
    return lines


def _data_layer_authors(tree: LexborHTMLParser) -> list[str]:
    """The author GTM4WP's data layer names (``GTM4WP_SCRIPT``), as one string; [] when none.

    >>> _data_layer_authors(LexborHTMLParser('<script>d = {"pagePostAuthor":"Jos\\u00e9 Ruiz"}</script>'))
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


def _author_meta_values(metas: dict[str, list[str]], keys: Iterable[str]) -> list[str]:
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


def _names_someone(text: str) -> bool:
    """Whether a byline's text names a person by a full name."""
    return any(" " in bare(name) for name in split_byline(text))


def _or_apart(text: str, apart: Callable[[], str]) -> str:
    """A byline's ``text``, or, when it holds a digit and names nobody (a date run into the name),
    its reading with the dates apart (``apart()``, read only then) if that names someone."""
    if not _DIGIT.search(text) or _names_someone(text):
        return text
    other = apart()
    return other if _names_someone(other) else text


def _dates_apart(node: LexborNode) -> str:
    """An element's text with each of its texts that holds a digit on a line of its own: a byline
    whose date, time or reading time follows the name in an element of its own, with no comma or
    bar between them ("By <a>Jane Doe</a> <time>May 1, 2025</time>"), which run together read as
    one long name with a date in it. (Names hold no digits, so none is cut in two.)"""
    lines: list[list[str]] = [[]]
    for child in node.traverse(include_text=True):
        if child.tag != "-text":
            continue
        text = " ".join((child.text_content or "").split())
        if _DIGIT.search(text):
            lines.extend(([text], []))
        elif text:
            lines[-1].append(text)
    return "\n".join(" ".join(words) for words in lines if words)


def _text(node: LexborNode, *, dates_apart: bool = False) -> str:
    """A byline element's text, one line per block element or ``<br>``: a box that stacks name,
    role and date ("Andrew Gerrand<br>4 August 2010") is read as lines, not one run-on name.

    A byline names its people before the date (or the reading time): the lines after the first
    one with a digit and no name are other matter, such as the share and text-size buttons beside
    it. ("Jane Doe, 4+ years covering laptops" names someone: the next author may follow.)
    With ``dates_apart``, each text that holds a digit is a line of its own (see ``_dates_apart``).
    """
    inner = node.css_first('[itemprop="name"]')
    # Microdata may keep the name in an attribute only: <meta itemprop="name" content="Jane Doe">
    # inside the author's scope, or <meta itemprop="author" content="Jane Doe"> itself.
    for field in (inner, node):
        if field is not None and field.tag == "meta":
            return squash(field.attributes.get("content") or "")
    parts: list[str] = []
    root = inner or node
    block = root.mem_id  # the block element the last text sat in: a text after its end starts a line
    for child in root.traverse(include_text=True):
        if child.tag == "-text":  # a line break in the source is white space, not a line
            text = " ".join((child.text_content or "").split())
            if text and _block_of(child, root) != block:
                block = _block_of(child, root)
                parts.append("\n")  # "<li>John Roe</li> May 1": the date is not the name's
            parts.extend(("\n", text, "\n") if dates_apart and _DIGIT.search(text) else (text,))
        elif child.tag == "br" or child.tag in BLOCK_TAGS:
            parts.append("\n")
    lines = " ".join(parts).split("\n")
    for n, line in enumerate(lines):
        if _DIGIT.search(line) and not split_byline(line):
            return "\n".join(lines[: n + 1])
    return "\n".join(lines)


def _block_of(text: LexborNode, root: LexborNode) -> int:
    """The id of the block element a text sits in, up to ``root``."""
    box = text.parent
    while box is not None and box.mem_id != root.mem_id and box.tag not in BLOCK_TAGS:
        box = box.parent
    return root.mem_id if box is None else box.mem_id


def _not_a_byline(node: LexborNode) -> bool:
    """A commenter's name, another story's writer (a related post's card), the name on an
    organisation's hCard (a listing, not a byline), or a person the page credits with other work
    than the writing ("Reviewed by <a>Jane Roe</a>")."""
    if _other_work(node):
        return True
    parent: LexborNode | None = node
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in PICTURE_BOXES:
            return True
        marks = without_terms(class_and_id(parent))  # a post tagged "quotes" is no quote box
        if any(box in marks for box in NOT_BYLINE_BOXES):
            return True
        if "vcard" in marks.split() and any(parent.css_first(f".{c}") is not None for c in HCARD_NOT_PERSON):
            return True
        parent = parent.parent
    return False


def _other_work(node: LexborNode) -> bool:
    """Whether the text just before an element labels it as the credit of someone who did not write
    the story: "By <a>Jane Roe</a>. Reviewed by <a>John Poe</a>" names John Poe as the reviewer.

    A template's comments between the label and the name are passed over ("Reviewed by <!-- avatar
    link --> <a>"), and an element that opens its parent is labelled by what precedes the parent
    ("Reviewed by <a><span>John Poe</span></a>")."""
    box: LexborNode | None = node
    before = None
    for _ in range(LABEL_LEVELS):
        if box is None:
            return False
        before = box.prev
        while before is not None and (
            before.tag == "-comment" or (before.tag == "-text" and not (before.text_content or "").strip())
        ):
            before = before.prev
        if before is not None:
            break
        box = box.parent
    if before is None:
        return False
    text = before.text_content if before.tag == "-text" else before.text(deep=True, separator=" ")
    return OTHER_WORK.search((text or "")[-MAX_BYLINE_CHARS:]) is not None
