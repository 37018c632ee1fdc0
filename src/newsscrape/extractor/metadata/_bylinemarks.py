"""Where a page marks its byline (author fields, author links, byline boxes, avatars), and one page's
marks, each found once and only when a byline rule asks for it."""

from __future__ import annotations

import re
from functools import partial
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._text import ascii_lower, fold, squash
from ._bylinetext import (
    MAX_BYLINE_CHARS,
    MAX_BYLINE_NODES,
    byline_lines,
    byline_text,
    labelled_lines,
    not_a_byline,
    or_apart,
)

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
# Links to a person's page: "By <a href="/authors/jane-doe/">Jane Doe</a>" (BylineMarks keeps those that go on
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
AVATARS = 'img[class~="avatar"]'  # WordPress's get_avatar() and the themes that copy it


# What the body's text holds and no reader sees (a <noscript> is shown where scripts do not run).
UNPRINTED: Final = "script, style, template"


class BylineMarks:
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
            self._found[selector] = [node for node, href in links if names_one(href, f"/{path}/")]

    def text(self, node: LexborNode) -> str:
        """``byline_text`` of an element of this page; when that names nobody for a date run into the name,
        the reading that sets the texts with digits on lines of their own (see ``_dates_apart``)."""
        if node.mem_id not in self._texts:
            self._texts[node.mem_id] = or_apart(
                byline_text(node), partial(byline_text, node, dates_apart=True)
            )
        return self._texts[node.mem_id]

    def bylines(self, selector: str, limit: int = MAX_BYLINE_NODES) -> list[tuple[LexborNode, str]]:
        """Of the first ``limit`` elements ``selector`` finds, those that may be a byline, each with its
        text: short enough, and not another's (``not_a_byline``)."""
        return [
            (node, text)
            for node in self.css(selector)[:limit]
            if len(text := self.text(node)) <= MAX_BYLINE_CHARS and not not_a_byline(node)
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
            self._lines = [*byline_lines(self.tree), *labelled_lines(self.tree)]
        return self._lines


def names_one(href: str, stem: str) -> bool:
    """Whether a link's address goes to one person's page under ``stem`` ("/author/jane-doe/"), not to
    the list of them or a page about authors ("/author/", a menu's "Author Website")."""
    _, found, rest = href.partition(stem)
    return bool(found) and rest.split("?")[0].split("#")[0].strip("/") != ""
