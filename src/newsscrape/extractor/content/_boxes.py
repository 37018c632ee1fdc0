"""The block walk's judgement of the elements it meets, before it walks into them.

A node the markup labels as chrome (``_chrome``) is dropped unless it holds the story (``SAFE_SHARE``,
``SMALL_KINDS``), a profile keeps its kind, or it heads a section of the story (a section's or a
card's ``<header>``). A box is a rail when it opens with a rail heading ("Latest news"), holds a
grid of other stories' cards (``CARDS_MIN``), or is mostly links (``BOX_LINK_SHARE``) that neither
all leave the site nor make a list the story introduces; the siblings under a rail heading go with
it. A heading's links tell another story's title (a link within the site) from a source or product
(a link away) and from the story's own section (a permalink mark, ``PERMALINK_GLYPHS``).

``BoxRules`` holds these rules as the base class of ``_walk.Walk``, whose state they read and add to
(the blocks dropped, the siblings condemned, the memos of one walk). ``link_share`` and
``first_below`` measure a node for them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from selectolax.lexbor import LexborNode

from ...models import Link
from .._guard import Deadline
from .._nodes import ancestors, inside_any
from .._text import compact, fold
from .._urls import absolute, host_of
from ._blocks import HEADING_LEVEL, SNIPPET_CHARS, Block, Removed, where
from ._chrome import RemovalKind, is_panel
from ._wording import heading_kind, line_kind

BOX_LINK_SHARE: Final = 0.65  # a box whose text is mostly links is a menu or a list of other stories
PARA_LINK_SHARE: Final = 0.8  # a paragraph that is (nearly) one link points elsewhere
DEADLINE_EVERY: Final = 2048  # nodes walked between two looks at the clock
# A list of links that all leave the site, with some words to it, is a list of sources or products
# the story is about; a short one (Facebook, X, Instagram) is a follow bar.
AWAY_BOX_CHARS: Final = 80
BOX_MAX_PROSE: Final = 3000  # characters of prose paragraphs beyond which a box is story, not rail
# Under a rail heading, a sibling with this little link text and this much text is prose again.
RAIL_PROSE_LINK_SHARE: Final = 0.3
RAIL_PROSE_CHARS: Final = 150
# How many levels above a heading linking to another story its card may be (``_condemn_teaser``),
# on the article's reading: WCXB half A 1 article page up (.873 -> .972), none down; half B 2
# articles up (.831 -> .900; one -.003), a listing .698 -> .677 whose type is now right; aeb and
# dates: no page moves; trafilatura 1.0's real-world pages 65 -> 66 of 83 passed. On every
# reading half B refused it (an article page .922 -> .667).
TEASER_CLIMB: Final = 3
# A list right after the story's own subheading or a paragraph that introduces it ("The tools we
# tested:") is the story's list, however many of its items are links (products, sources, steps). A
# rail has no such lead-in (a rail heading, "Related posts", condemns the siblings under it before
# this), and a follow bar after the last paragraph has no colon before it. A list after such a
# paragraph ("Pack these:") keeps its items too, each one link (a checklist's gear, a guide's
# vegetables), where a subheading alone may head a list of other stories' titles. WCXB: article
# A .9637 -> .9638 (11 pages up, 3 down), B .9572 -> .9574 (11 up, 2 down); documentation
# A .9394 -> .9406, B .9239 -> .9261.
LIST_TAGS: Final = frozenset({"ul", "ol"})
LEAD_IN_TAGS: Final = frozenset({"p", *HEADING_LEVEL})
LEAD_IN_ENDS: Final = (":", "\uff1a")  # a paragraph introducing a list ends with a (full-width) colon
SAFE_SHARE: Final = 0.5  # never drop a labelled box holding this much of the container's text
# Share bars, ad slots, tag lists, datelines, breadcrumbs and menus hold no paragraphs of prose: a
# box labelled so that holds this many characters of paragraphs is the story (on a page of several
# stories, where the share of the container above cannot tell; a story block named "content-nav-section"
# or "skip-item"). WCXB: 3 article pages move right (+.12, +.27 on B), 1 down (-.04).
SMALL_KINDS: Final[frozenset[RemovalKind]] = frozenset(
    {"share", "ad", "meta", "tags", "breadcrumb", "hovercard", "nav"}
)
SMALL_BOX_MAX_PROSE: Final = 400
SUBHEADINGS: Final = "h2, h3, h4, h5, h6"
# A section's permalink mark beside its heading (Sphinx's ``<a class="headerlink">¶</a>``, GitHub's
# "anchor"): the heading is the story's own section.
PERMALINK_GLYPHS: Final = frozenset({"", "\u00b6", "#", "\u00a7", "\U0001f517", "\u2693"})
PERMALINK_CLASS: Final = re.compile(r"headerlink|(?:^|[\s_-])anchor|permalink", re.I)
# A <header> whose text is mostly its subheadings (no <h1>, not the title) heads a section of the
# story, not the page: a list article's items, a guide's steps ("<section><header><h2>"), whose
# headings WCXB truths keep. Such headers repeat, one per section; one alone heads the page or a
# promotion box. WCXB: 4 article pages move right on A and B together, none down (0.6 and 0.8
# score alike on half A).
SECTION_HEADER_SHARE: Final = 0.6
SECTION_HEADERS_MIN: Final = 2
# Elements inside which a <header> heads that element, not the page (HTML's sectioning content)
SCOPING_TAGS: Final = frozenset({"article", "section"})
# Cards of other stories: this many sibling boxes at least, each a linked title and a short excerpt.
CARDS_MIN: Final = 3
CARD_MAX_CHARS: Final = 800
CARD_GRIDS: Final = "div, section, article, ul, ol"  # the boxes a grid of cards is looked for in


def link_share(node: LexborNode, text_len: int, memo: dict[int, int] | None = None) -> float:
    """The share of ``text_len`` (the node's folded text length) that sits inside links.

    ``memo`` (an ``<a>``'s mem_id -> its folded text length) lets a walk measure each link once:
    nested boxes hold the same links.

    >>> link_share(LexborHTMLParser("<p>Read <a>this story</a></p>").css_first("p"), 15)
    0.6666666666666666
    """
    if text_len == 0:
        return 0.0
    known = {} if memo is None else memo
    total = 0
    for a in node.css("a"):
        chars = known.get(a.mem_id)
        if chars is None:
            chars = known[a.mem_id] = len(fold(a.text(deep=True)))
        total += chars
    return total / text_len


def first_below(roots: tuple[LexborNode, ...], selector: str) -> dict[int, LexborNode]:
    """mem_id -> the first node (in document order) matching ``selector`` at or below it, for each
    node of the roots' subtrees that holds one: ``node.css_first(selector)`` of every such node at
    once, from one query per root instead of one per node (each a walk of the node's subtree).

    Matches come in document order, so the first match below a node reaches it first; a climb
    stops at a node reached before, whose ancestors (up to its root) were reached then too.

    >>> box = LexborHTMLParser("<div><section><h3>A</h3></section><h2>B</h2></div>").css_first("div")
    >>> first = first_below((box,), "h2, h3")
    >>> first[box.mem_id].text(), first[box.child.mem_id].text(), len(first)
    ('A', 'A', 4)
    """
    first: dict[int, LexborNode] = {}
    for root in roots:
        top = root.mem_id
        for found in root.css(selector):
            cur: LexborNode | None = found
            while cur is not None and cur.mem_id not in first:
                first[cur.mem_id] = found
                if cur.mem_id == top:
                    break
                cur = cur.parent
    return first


def site_of_host(host: str) -> str:
    """The registrable part of a host, roughly: www.example.com and m.example.com are one site, and
    so are news.bbc.co.uk and www.bbc.co.uk (a short label under a country code takes one more)."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


SITE_CACHE: Final = 4096  # links a page repeats (its menus, a second walk of the page) parse once


@lru_cache(maxsize=SITE_CACHE)
def _site_of(href: str) -> str | None:
    """``site_of_host`` of the link's host; None for a link without one (a path, a fragment)."""
    host = host_of(href)
    return None if host is None else site_of_host(host)


def _glyph(link: LexborNode) -> str | None:
    """The glyph a link shows when it is one a permalink mark shows (``PERMALINK_GLYPHS``: "¶",
    "#", "🔗", or nothing), else None."""
    text = fold(link.text(deep=True))
    return text if text in PERMALINK_GLYPHS else None


def _scoped(node: LexborNode) -> bool:
    """Whether a ``<header>`` heads a section or a card rather than the page: inside an ``<article>``
    or a ``<section>`` (where it is no banner landmark), holding no ``<h1>``."""
    return node.css_first("h1") is None and any(parent.tag in SCOPING_TAGS for parent in ancestors(node))


class BoxRules:
    """The block walk's rules for a labelled node, a box, the siblings under a rail heading and a
    heading's links: methods of the walk (``_walk.Walk``), whose ``__init__`` sets the state below."""

    container_chars: int
    container_prose: int
    prose: dict[int, int]  # mem_id -> paragraph characters under the node (from _scoring)
    title: str | None
    deadline: Deadline | None
    box_link_share: float
    story_headings: bool
    article: bool  # the article's reading (``_walk.Walk``)
    container: LexborNode
    kept_kinds: frozenset[RemovalKind]
    hidden_panels: bool
    scoped_headers: bool
    keep_links: bool
    base_url: str | None
    links_base: str | None
    blocks: list[Block]
    removed: list[Removed]
    dropped: set[str] | None  # the ``compact`` text of each block dropped; None: not kept
    captions: list[tuple[int, Block]]
    _site: str | None
    _skip: set[int]
    _card_heads: set[int]
    _in_card_head: int
    _roots: tuple[LexborNode, ...]
    _firsts: dict[str, dict[int, LexborNode]]
    _anchor_chars: dict[int, int]
    _cards_chars: int | None
    _section_headers: set[int] | None

    def _drop(self, node: LexborNode, kind: RemovalKind, reason: str) -> bool:
        text = fold(node.text(deep=True))
        if len(text) > SAFE_SHARE * self.container_chars and kind not in ("title", "hidden", "caption"):
            return False  # a label on a node holding the story is about the page, not this block
        if kind in SMALL_KINDS and self.prose.get(node.mem_id, 0) >= SMALL_BOX_MAX_PROSE:
            return False  # "sr-body-share-wrapper": the story's body, named after a bar beside it
        self._record(kind, reason, where(node), text)
        if kind == "caption" and node.tag == "figcaption" and text:
            self._caption(node, text)
        return True

    def _caption(self, node: LexborNode, text: str) -> None:
        """A figure's caption is no part of the body (article benchmarks never keep one), but it
        is a block of its section, where the figure sat: kept aside with its place."""
        links: tuple[Link, ...] = ()
        if self.keep_links:
            links = tuple(
                Link(text=label, url=url)
                for a in node.css("a[href]")
                if (url := absolute(a.attributes.get("href"), self.links_base)) is not None
                and (label := fold(a.text(deep=True)))
            )
        block = Block(text=text, kind="caption", group=node.mem_id, links=links)
        self.captions.append((len(self.blocks), block))

    def _kept(self, node: LexborNode, kind: RemovalKind) -> bool:
        """Whether the profile keeps what markup labels ``kind`` (a service page's own "cta" box), or
        a hidden tab panel or ``<details>`` body (``_profiles``). A ``<figcaption>`` is a figure's
        caption on every reading: a kept "caption" is a box a class names so (a shop card's text)."""
        if kind == "caption" and node.tag == "figcaption":
            return False
        return kind in self.kept_kinds or (kind == "hidden" and self.hidden_panels and is_panel(node))

    def _section_header(self, node: LexborNode, kind: RemovalKind) -> bool:
        """A ``<header>`` that heads one section of the story (each item of a list article, each step
        of a guide: ``<section><header><h2>``) rather than the page or the story: one of
        ``SECTION_HEADERS_MIN`` or more such headers in the walk, each mostly subheadings other than
        the title and no ``<h1>``. Its heading is walked as any other. On a reading with
        ``scoped_headers``, also any ``<header>`` inside an ``<article>`` or ``<section>`` (``_scoped``):
        a card's head, whose link paragraph is the card's title (kept while the walk is inside it)."""
        if kind != "header" or node.tag != "header":
            return False
        if self.scoped_headers and _scoped(node):
            self._card_heads.add(node.mem_id)
            self._in_card_head += 1
            return True
        if self._section_headers is None:
            found = {
                header.mem_id
                for root in self._roots
                for header in root.css("header")
                if self._heads_section(header)
            }
            self._section_headers = found if len(found) >= SECTION_HEADERS_MIN else set()
        return node.mem_id in self._section_headers

    def _heads_section(self, node: LexborNode) -> bool:
        """A ``<header>`` whose text is mostly subheadings, none of them the title, and no ``<h1>``."""
        if node.css_first("h1") is not None:
            return False
        heads = [fold(head.text(deep=True)) for head in node.css(SUBHEADINGS)]
        text = fold(node.text(deep=True))
        return sum(len(head) for head in heads) >= SECTION_HEADER_SHARE * len(text) > 0 and not any(
            self.title and (head in self.title or self.title in head) for head in heads
        )

    def _box_is_chrome(self, node: LexborNode) -> bool:
        prose = self.prose.get(node.mem_id, 0)
        if prose >= BOX_MAX_PROSE or prose >= SAFE_SHARE * self.container_prose:
            # a box carrying this much of the story's paragraphs is no rail; deciding it here
            # also keeps the walk linear on deeply nested text (no text() of every ancestor)
            return False
        # A box that opens with its own "Latest news"/"Share this" heading is that thing.
        head = self._first_below(node, SUBHEADINGS)
        if head is None and self.box_link_share >= 0 and self._first_below(node, "a") is None:
            return False  # no heading and no link share: no need for the box's text
        text = fold(node.text(deep=True))
        if not text:
            return False
        headed = False
        if head is not None:
            head_text = fold(head.text(deep=True))
            headed = text.startswith(head_text)
            label = heading_kind(head_text)
            if label is not None and headed and self._drop(node, *label):
                return True
        if head is not None and len(text) < SAFE_SHARE * self.container_chars and self._story_cards(node):
            self._record("other_stories", "cards of other stories", where(node), text)
            return True
        if (
            self._link_share(node, len(text)) > self.box_link_share
            and len(text) < SAFE_SHARE * self.container_chars
            and not (len(text) >= AWAY_BOX_CHARS and self._all_away(node))
            and not (node.tag in LIST_TAGS and self._follows_prose(node))
            # a box opening with its own subheading, the list that heading introduces inside it, is
            # that heading and list as they read unwrapped (the rule above): a section, not a rail
            and not (headed and any(self._follows_prose(part) for part in node.css("ul, ol")))
        ):
            self._record("links", "box of links", where(node), text)
            # a card's header, its heading and kicker (asked on the article's reading only, which
            # alone condemns teasers: the other readings skip the look at its heading's link)
            if (
                self.article
                and self.story_headings
                and headed
                and head is not None
                and self._links_within(head)
            ):
                self._condemn_teaser(node)
            return True
        return False

    def _story_cards(self, node: LexborNode) -> bool:
        """A grid of other stories' cards (``_card_list``), where such titles are other stories and
        the container is not mostly such grids (a listing read as an article: the cards are the page)."""
        if not self.story_headings or not self._card_list(node):
            return False
        if self._cards_chars is None:
            self._cards_chars = self._all_cards_chars()
        return self._cards_chars <= SAFE_SHARE * self.container_chars

    def _card_list(self, node: LexborNode) -> bool:
        """``CARDS_MIN`` or more sibling boxes, each short and headed by a title that links within
        the site: ``_heading`` drops such a title on its own; its excerpt, "Read more" and date go
        with it here."""
        items = [child for child in node.iter(include_text=False) if not (child.tag or "-").startswith("-")]
        return (
            len(items) >= CARDS_MIN
            and all(self._first_below(item, SUBHEADINGS) is not None for item in items)
            and all(
                len(fold(item.text(deep=True))) <= CARD_MAX_CHARS
                and any(self._links_within(head) for head in item.css(SUBHEADINGS))
                for item in items
            )
        )

    def _all_cards_chars(self) -> int:
        """The characters of every grid of story cards in the walk's roots (outermost grids only)."""
        total = 0
        grids: set[int] = set()
        for root in self._roots:
            for n, box in enumerate(root.css(CARD_GRIDS)):
                if self.deadline is not None and not (n + 1) % DEADLINE_EVERY:
                    self.deadline.check()
                if self._first_below(box, SUBHEADINGS) is None or not self._card_list(box):
                    continue
                if inside_any(box, grids):
                    continue
                grids.add(box.mem_id)
                total += len(fold(box.text(deep=True)))
        return total

    def _links_within(self, head: LexborNode, title: str | None = None) -> bool:
        """A heading that is a link within the site: another story's title. ``title``: its folded
        text, when the caller has it."""
        if title is None:
            title = fold(head.text(deep=True))
        return (
            bool(title)
            and self._link_share(head, len(title)) > PARA_LINK_SHARE
            and not self._links_away(head)
            and not self._links_here(head)
        )

    def _links_here(self, head: LexborNode) -> bool:
        """A heading that is its own anchor (``<h2 id="part"><a href="#part">``: a link to copy), no
        link at all (``<a name="part">``) or one carrying a permalink mark (a documentation page's
        ``<a class="headerlink" href="#part">¶</a>``): the story's own section, not another story.
        A fragment naming something else (a forum post's ``#p123``) is not its own; a link to the
        page itself is its title (a blog's permalink), which is no body either."""
        links = head.css("a[href]")
        href = (links[0].attributes.get("href") or "").strip() if links else ""
        if not href:
            return True
        if any(self._is_permalink(a) for a in links):
            return True
        names = {
            value
            for node in (head, *head.css("[id], [name]"))
            for value in (node.attributes.get("id"), node.attributes.get("name"))
            if value
        }
        return href.startswith("#") and href[1:] in names

    def _without_marks(self, head: LexborNode, text: str) -> str:
        """The heading's text as a reader takes it in: without the glyph of a permalink mark at its
        start or end ("Setting up¶" is "Setting up"; "C#" keeps its "#", which links nowhere).
        Only the text shown: the heading is judged as the page prints it."""
        for link in head.css("a[href]"):
            mark = _glyph(link)
            if mark and self._in_page(link.attributes.get("href")):
                text = text.removesuffix(mark).removeprefix(mark).strip() or text
        return text

    def _in_page(self, href: str | None) -> bool:
        """``href`` names a place on this very page: ``#part``, or the page's address with a fragment."""
        href = (href or "").strip()
        if href.startswith("#"):
            return len(href) > 1 and not href.startswith("#!")  # "#", "#!": a script's button
        if "#" not in href or self.base_url is None:
            return False
        url = absolute(href, self.links_base)
        return url is not None and url.split("#", 1)[0] == self.base_url.split("#", 1)[0]

    def _is_permalink(self, link: LexborNode) -> bool:
        """A section's permalink mark: an in-page link shown as a glyph ("¶", "#", "🔗") or none, or
        named so by its class or hidden from screen readers."""
        if not self._in_page(link.attributes.get("href")):
            return False
        return (
            _glyph(link) is not None
            or link.attributes.get("aria-hidden") == "true"
            or bool(PERMALINK_CLASS.search(link.attributes.get("class") or ""))
        )

    def _first_below(self, node: LexborNode, selector: str) -> LexborNode | None:
        """``node.css_first(selector)`` for a node of the walk, from one query per walk and selector."""
        first = self._firsts.get(selector)
        if first is None:
            first = self._firsts[selector] = first_below(self._roots, selector)
        return first.get(node.mem_id)

    def _link_share(self, node: LexborNode, text_len: int) -> float:
        """``link_share``, each link measured once per walk."""
        return link_share(node, text_len, self._anchor_chars)

    def _follows_prose(self, node: LexborNode, *, colon: bool = False) -> bool:
        """The element before ``node`` is a subheading, or a paragraph introducing it ("Tools we
        tested:"); with ``colon``, only such a paragraph."""
        sib = node.prev
        while sib is not None and (sib.tag or "").startswith("-"):  # text and comments between
            sib = sib.prev
        if sib is None or sib.tag not in LEAD_IN_TAGS or (colon and sib.tag != "p"):
            return False
        text = fold(sib.text(deep=True))
        return (
            bool(text)
            and (sib.tag != "p" or text.endswith(LEAD_IN_ENDS))
            and line_kind(text) is None  # not a label: "Table of contents", "Tags:"
            and self._link_share(sib, len(text)) < RAIL_PROSE_LINK_SHARE
        )

    def _all_away(self, node: LexborNode) -> bool:
        links = node.css("a[href]")
        return bool(links) and all(self._is_away(a.attributes.get("href")) for a in links)

    def _links_away(self, node: LexborNode) -> bool:
        """A heading linking to another site names a product or a source the story is about; one
        linking within the site is the title of another story (a teaser)."""
        link = node.css_first("a[href]")
        return link is not None and self._is_away(link.attributes.get("href"))

    def _is_away(self, href: str | None) -> bool:
        if self._site is None or not href:
            return False
        site = _site_of(href)
        return site is not None and site != self._site

    def _condemn_rail(self, heading: LexborNode) -> None:
        """Siblings after a "Related news" heading are the rail, up to the next heading or prose."""
        sib = heading.next
        while sib is not None:
            tag = sib.tag
            if tag in HEADING_LEVEL:
                break
            if tag and not tag.startswith("-"):
                text = fold(sib.text(deep=True))
                if (
                    text
                    and self._link_share(sib, len(text)) < RAIL_PROSE_LINK_SHARE
                    and len(text) > RAIL_PROSE_CHARS
                ):
                    break  # prose again: the heading was the story's own
                self._skip.add(sib.mem_id)
                if text:
                    self._record("other_stories", "under a rail heading", where(sib), text)
            sib = sib.next

    def _condemn_teaser(self, heading: LexborNode) -> None:
        """What follows a heading that links to another story (or a card's header box holding one)
        inside its card is that story's teaser (its standfirst, a "read more"): the card is the
        heading's nearest ancestor, up to ``TEASER_CLIMB`` levels and inside the container, that
        links to the heading's address again (the card's picture, its "read more"), a card's length
        at most (``CARD_MAX_CHARS``)."""
        if not self.article or not self.blocks:
            return  # no story before it: a listing read as an article, whose cards are the page
        link = heading.css_first("a[href]")
        href = None if link is None else (link.attributes.get("href") or "").strip()
        if not href:
            return
        own = _links_to(heading, href)
        card = heading.parent
        for _ in range(TEASER_CLIMB):
            if card is None or card.mem_id == self.container.mem_id:
                return
            if _links_to(card, href) > own:
                if len(fold(card.text(deep=True))) > CARD_MAX_CHARS:
                    return  # a story's own box, linking to the same page twice
                break
            card = card.parent
        else:
            return
        # the siblings after the heading's branch at each level up to the card
        node: LexborNode | None = heading
        while node is not None and card is not None and node.mem_id != card.mem_id:
            sib = node.next
            while sib is not None:
                if sib.tag != "-comment":
                    text = fold(sib.text(deep=True))
                    self._skip.add(sib.mem_id)
                    if text:
                        self._record("other_stories", "the teaser of a linked heading", where(sib), text)
                sib = sib.next
            node = node.parent

    def _record(self, kind: RemovalKind, reason: str, at: str, text: str) -> None:
        """Note a dropped block: for ``explain`` the rule that fired, where it sat and its first
        characters; its whole text in ``dropped`` if kept."""
        self.removed.append(Removed(kind=kind, reason=reason, where=at, text=text[:SNIPPET_CHARS]))
        if self.dropped is not None:
            self.dropped.add(compact(text))


def _links_to(node: LexborNode, href: str) -> int:
    """How many links under ``node`` go to ``href``."""
    return sum(1 for a in node.css("a[href]") if (a.attributes.get("href") or "").strip() == href)
