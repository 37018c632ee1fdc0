"""Walk the article container in reading order and emit Blocks, dropping chrome on the way.

The walk is iterative (first-child / next-sibling / parent moves), so no nesting depth can blow
the Python stack. Inline elements are joined exactly as a browser would render them (no space is
invented between ``<b>a</b><i>b</i>``, none is lost around ``<a>``), and every ``<br>`` and every
block element ends a paragraph.

    >>> page = LexborHTMLParser("<div><p>Rain <b>came</b> back.<br>At last.</p><h2>Farms</h2></div>")
    >>> container = page.css_first("div")
    >>> walk = Walk(container, container_chars=5000, max_depth=2000)
    >>> walk.run()
    >>> [(b.text, b.level) for b in walk.blocks]
    [('Rain came back.', 0), ('At last.', 0), ('Farms', 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from selectolax.lexbor import LexborNode

from ...models import BlockKind, Link
from .._guard import Deadline, too_deep
from .._nodes import ancestors, inside_any
from .._text import fold, visible
from .._urls import absolute, host_of
from ..metadata._crumbs import TRAIL_SEPARATORS
from ._chrome import RemovalKind, chrome_kind, is_panel
from ._line_rules import BYLINE_DATED
from ._wording import BYLINE_FIELDS, heading_kind, is_teaser, line_kind

HEADING_LEVEL: Final = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that start and end a paragraph; everything else is inline and joins its neighbours.
BLOCK_TAGS: Final = frozenset(  # a word list reads better than one quoted word per line
    "p div section article main ul ol li blockquote pre table thead tbody tfoot tr td th caption "  # noqa: SIM905
    "dl dt dd h1 h2 h3 h4 h5 h6 figure figcaption address center hr header footer nav aside form "
    "fieldset legend details summary body html".split()
)
# Boxes that may be a rail of links; checked for link density as a whole.
BOXES: Final = frozenset({"div", "section", "article", "ul", "ol", "dl", "table"}).union(
    {"aside", "nav", "header", "footer"}  # structural chrome the class rules let through
)
BOX_LINK_SHARE: Final = 0.65  # a box whose text is mostly links is a menu or a list of other stories
PARA_LINK_SHARE: Final = 0.8  # a paragraph that is (nearly) one link points elsewhere
# The elements that make one item of a list or a table: a listing's entries ("<li><a>Title</a>",
# "<dt><a>[1]</a> arXiv:...") are links, and a page type may keep them (``list_link_share``).
ITEM_TAGS: Final = frozenset({"li", "dt", "dd", "tr"})
DEADLINE_EVERY: Final = 2048  # nodes walked between two looks at the clock
# A list of links that all leave the site, with some words to it, is a list of sources or products
# the story is about; a short one (Facebook, X, Instagram) is a follow bar.
AWAY_BOX_CHARS: Final = 80
BOX_MAX_PROSE: Final = 3000  # characters of prose paragraphs beyond which a box is story, not rail
# Under a rail heading, a sibling with this little link text and this much text is prose again.
RAIL_PROSE_LINK_SHARE: Final = 0.3
RAIL_PROSE_CHARS: Final = 150
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
_URL: Final = re.compile(r"^(?:https?://|www\.)\S+$")
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
# A heading numbered as an entry of the story's own list ("1. Harvard Business School", "#3 Kajabi")
# names one of the items the story ranks or reviews, even when it links to that item's page on the
# site: no other story's title. WCXB half A: of the headings the walk dropped as linking to another
# story, 17 are so numbered, on 4 article pages of 4 sites; the truths keep them on 3 (15 headings),
# the fourth page's truth being of another version of the page. 1 article page moves right (the
# others by less than .001), none down; half B: 3 article pages up, none down.
NUMBERED_HEADING: Final = re.compile(r"(?:#\d{1,3}|\d{1,3}[.):])\s")
# A heading linking within the site is another story's title (a teaser), unless a profile takes
# such headings for the story's own items (``linked_items``): this many or more through the walk,
# each followed in its box by a section of its own (``_heads_section``). One alone is a teaser, a
# "Read:" prompt or the previous post as often as an item (1 costs three half-A article pages;
# 2 and 3 score alike).
LINKED_ITEMS_MIN: Final = 2
LINKED_TITLE: Final = "heading links to a story"
# Cards of other stories: this many sibling boxes at least, each a linked title and a short excerpt.
CARDS_MIN: Final = 3
CARD_MAX_CHARS: Final = 800
CARD_GRIDS: Final = "div, section, article, ul, ol"  # the boxes a grid of cards is looked for in
SKIP_TAGS: Final = frozenset({"#comment", "-comment", "head", "title"})
# A data table's row is one line, its cells joined by " | "; a cell holding blocks is layout and
# its blocks are paragraphs of their own.
CELL_TAGS: Final = frozenset({"td", "th"})
CELL_SEPARATOR: Final = " | "
LAYOUT_INSIDE: Final = "p, div, table, ul, ol, br, h1, h2, h3, h4, h5, h6, blockquote, section, article"
SNIPPET_CHARS: Final = 80  # of a removed block's text, kept for ``explain``
# Elements whose paragraphs make one typed block of a section (models.Block); "thead" marks header
# rows. A list nested in a list is flattened into the outer one. (A figure's caption is chrome to
# the body, kept aside as a Caption block: ``Walk._caption``.)
STRUCTURE: Final[dict[str, str]] = {
    "ul": "list",
    "ol": "list",
    "table": "table",
    "thead": "thead",
    "blockquote": "quote",
    "pre": "code",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One unit of body text: a paragraph (level 0) or a heading (level 2..6).

    A paragraph also says which typed block it belongs to: ``kind`` and ``group`` (the element,
    by ``mem_id``, whose consecutive paragraphs make one block: a list, a table, a quote ...).
    """

    text: str
    level: int = 0
    kind: BlockKind = "paragraph"
    group: int = 0
    ordered: bool = False  # a list item of an <ol>
    cells: tuple[str, ...] = ()  # a table row's cells
    header: bool = False  # a table row of <th> cells or in <thead>
    raw: str | None = None  # preformatted text, verbatim
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """A block the content pass dropped, for ``explain``."""

    kind: RemovalKind  # breadcrumb | other_stories | share | newsletter | ad | comments | bio | tags | ...
    reason: str  # the rule that fired, in words
    where: str  # a short CSS-like path of the node
    text: str  # the first characters of its text


def where(node: LexborNode, depth: int = 3) -> str:
    """A short CSS-like path of ``node`` and its ancestors, for ``explain``.

    >>> where(LexborHTMLParser('<div id="main"><article class="story body x"><p>Hi').css_first("p"))
    'div#main > article.story.body > p'
    """
    parts: list[str] = []
    cur: LexborNode | None = node
    while cur is not None and len(parts) < depth and cur.tag not in ("html", "-document", None):
        attrs = cur.attributes
        part = cur.tag or "?"
        if attrs.get("id"):
            part += f"#{attrs['id']}"
        elif attrs.get("class"):
            part += "." + ".".join((attrs["class"] or "").split()[:2])
        parts.append(part)
        cur = cur.parent
    return " > ".join(reversed(parts))


def head_text(node: LexborNode, limit: int = SNIPPET_CHARS) -> str:
    """The first ``limit`` characters of a node's text, folded, without serialising all of it.

    >>> head_text(LexborHTMLParser("<p>Big\\n <b>news</b> today</p>").css_first("p"), limit=8)
    'Big news'
    """
    parts: list[str] = []
    size = 0
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            piece = child.text_content or ""
            parts.append(piece)
            size += len(piece)
            if size > 2 * limit:
                break
    return fold("".join(parts))[:limit]


# What joins a trail's crumbs, spaces around: "Home > News > This story" (the separators
# ``metadata._crumbs`` reads an unmarked trail by; never "|", the menu separator).
_TRAIL_JOIN: Final = re.compile(rf"\s+(?:{'|'.join(map(re.escape, sorted(TRAIL_SEPARATORS)))})\s+")


def _trail_to(text: str, links: int, title: str) -> bool:
    """Whether a paragraph is a breadcrumb trail whose last, unlinked crumb is the page's title:
    two or more linked crumbs, then the title ("Accueil > Actualités > <strong>Title</strong>", the
    trail a link share cannot tell from prose, its longest crumb being text).

    >>> _trail_to("Home > News > Rain returns", 8, "Rain returns"), _trail_to("Home > Rain", 4, "Rain")
    (True, False)
    """
    folded = title.casefold()
    if not text.casefold().endswith(folded):  # (most paragraphs with links: no split asked)
        return False
    crumbs = _TRAIL_JOIN.split(text)
    if len(crumbs) < 3 or crumbs[-1].casefold() != folded:
        return False
    return links >= sum(len("".join(crumb.split())) for crumb in crumbs[:-1])


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


def _site(host: str) -> str:
    """The registrable part of a host, roughly: www.example.com and m.example.com are one site, and
    so are news.bbc.co.uk and www.bbc.co.uk (a short label under a country code takes one more)."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


SITE_CACHE: Final = 4096  # links a page repeats (its menus, a second walk of the page) parse once


@lru_cache(maxsize=SITE_CACHE)
def _site_of(href: str) -> str | None:
    """``_site`` of the link's host; None for a link without one (a path, a fragment)."""
    host = host_of(href)
    return None if host is None else _site(host)


def _is_trigger(node: LexborNode, kind: RemovalKind) -> bool:
    """A hover card's trigger wraps the name in the sentence *and* the card: keep it, drop the card."""
    if kind != "hovercard":
        return False
    if node.tag == "a":
        return True  # the link is the name in the sentence; the card is a box beside it
    key = node.mem_id  # css() on a node may match the node itself
    return any(
        inner.mem_id != key
        and (label := chrome_kind(inner.tag or "", inner.attributes)) is not None
        and label[0] == kind
        for inner in node.css("[class], [id]")
    )


def _glyph(link: LexborNode) -> str | None:
    """The glyph a link shows when it is one a permalink mark shows (``PERMALINK_GLYPHS``: "¶",
    "#", "🔗", or nothing), else None."""
    text = fold(link.text(deep=True))
    return text if text in PERMALINK_GLYPHS else None


class Walk:
    """One pass over the container; ``blocks`` and ``removed`` are filled by ``run``."""

    def __init__(
        self,
        container: LexborNode,
        *,
        container_chars: int,
        max_depth: int,
        url: str | None = None,
        title: str | None = None,
        deadline: Deadline | None = None,
        prose: dict[int, int] | None = None,
        links: bool = False,
        base_url: str | None = None,
        links_base: str | None = None,
        box_link_share: float = BOX_LINK_SHARE,
        para_link_share: float = PARA_LINK_SHARE,
        list_link_share: float | None = None,
        story_headings: bool = True,
        linked_items: bool = False,
        kept_kinds: frozenset[RemovalKind] = frozenset(),
        hidden_panels: bool = False,
        scoped_headers: bool = False,
    ) -> None:
        self.container = container
        # link-density rules, per page type (``_profiles``): above 1.0 a rule never fires
        self.box_link_share = box_link_share
        self.para_link_share = para_link_share
        # the same for a paragraph inside a list item or a table row (None: ``para_link_share``)
        self.list_link_share = para_link_share if list_link_share is None else list_link_share
        self._items = 0  # list items and table rows the walk is inside
        self.story_headings = story_headings
        # whether headings linking within the site, ``LINKED_ITEMS_MIN`` or more through the walk,
        # each heading a section of its own, are the story's items (``_profiles``): kept, and
        # judged once the walk is done
        self.linked_items = linked_items
        self._linked_heads: list[tuple[Block, str]] = []  # such headings kept so far, with where
        self.item_headings: list[Block] = []  # those kept for good, once the walk is done
        # markup labels that drop nothing on this page type (``_profiles``)
        self.kept_kinds = kept_kinds
        self.hidden_panels = hidden_panels
        self.scoped_headers = scoped_headers
        self._card_heads: set[int] = set()  # the scoped headers met (``_scoped``)
        self._in_card_head = 0  # how many of them the walk is inside: their link is the card's title
        self.prose = prose or {}  # mem_id -> paragraph characters under the node (from _scoring)
        self.container_prose = max(1, self.prose.get(container.mem_id, 0))
        self.deadline = deadline
        self.container_chars = max(1, container_chars)
        self.max_depth = max_depth
        self.url = url
        self.host = host_of(url)
        self._site = None if self.host is None else _site(self.host)
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []
        # figure captions, out of the body: (number of blocks before it, its block)
        self.captions: list[tuple[int, Block]] = []
        self._parts: list[str] = []
        self._links = 0  # characters of the current paragraph inside <a>
        self._in_link = 0
        self.title = fold(title) if title else None
        self._seen_h1 = False
        self._skip: set[int] = set()  # mem_ids of siblings condemned by a rail heading
        self._first: LexborNode | None = None  # where the current paragraph's text starts
        # links of the current paragraph that stay on this site (None: the page's site is unknown)
        self._home_links: int | None = 0 if self.host else None
        self._introduced: set[int] = set()  # mem_ids of lists a paragraph introduces ("Pack these:")
        self._cells: set[int] = set()  # data cells joined into their row's line
        # the typed-block structure around the walk, of open STRUCTURE elements: (mem_id, kind, group,
        # ordered), where a list nested in a list has the outer list's group (its items join it)
        self._structure: list[tuple[int, str, int, bool]] = []
        self._cell_starts: list[tuple[int, int, bool]] = []  # per cell: first part, its end cut, <th>
        self.keep_links = links
        self.base_url = base_url or url  # the page's address
        self.links_base = links_base or self.base_url  # its <base href>, else its address
        self._open_links: list[tuple[int, str | None]] = []  # (first part, href) of <a> entered
        self._link_spans: list[tuple[int, int, str | None]] = []  # closed links of this paragraph
        # mem_id of an <a> -> its folded text length: nested boxes measure the same links again
        self._anchor_chars: dict[int, int] = {}
        self._roots: tuple[LexborNode, ...] = (container,)
        # selector -> ``first_below`` of the roots: worked out for the whole walk at the first box
        # that asks, where a query per box would search nested boxes' subtrees again and again
        self._firsts: dict[str, dict[int, LexborNode]] = {}
        self._cards_chars: int | None = None  # of all grids of story cards in the roots, once asked
        self._section_headers: set[int] | None = None  # mem_ids of the roots' section headers, once asked

    def run(self, roots: tuple[LexborNode, ...] = ()) -> None:
        """Walk the children of each root (default: the container) in document order."""
        self._roots = roots or (self.container,)
        self._firsts = {}
        self._cards_chars = None
        self._section_headers = None
        for root in self._roots:
            self._walk(root.child)
            self._flush()
        if 0 < len(self._linked_heads) < LINKED_ITEMS_MIN:
            self._drop_linked_heads()
        self.item_headings = [block for block, _ in self._linked_heads]

    def _drop_linked_heads(self) -> None:
        """The headings linking within the site kept for items (``linked_items``) go after all, being
        too few: one alone is another story's title. The captions placed after one move up."""
        gone = {id(block): at for block, at in self._linked_heads}
        kept: list[Block] = []
        for block in self.blocks:
            if (at := gone.get(id(block))) is None:
                kept.append(block)
            else:
                self._record("other_stories", LINKED_TITLE, at, block.text)
        self.captions = placed(self.captions, self.blocks, kept)
        self.blocks = kept
        self._linked_heads = []

    def _walk(self, first: LexborNode | None) -> None:
        node = first
        depth = 1
        steps = 0
        while node is not None:
            steps += 1
            if self.deadline is not None and not steps % DEADLINE_EVERY:
                self.deadline.check()
            if self._enter(node):
                child = node.child
                if child is not None:
                    node, depth = child, depth + 1
                    if depth > self.max_depth:
                        raise too_deep(self.max_depth, self.url)
                    continue
                self._exit(node)
            # move on: next sibling, or climb (closing the elements we leave) until one exists
            while node is not None:
                after = node.next
                if depth == 1 or after is not None:
                    node = after
                    break
                node, depth = node.parent, depth - 1
                if node is not None:
                    self._exit(node)

    # -- events -------------------------------------------------------------------------------
    def _enter(self, node: LexborNode) -> bool:
        """Handle a node on the way down; True to walk into its children."""
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if not self._parts:
                self._first = node  # where this paragraph starts, for ``explain``
            self._parts.append(text)
            if self._in_link:
                self._links += len("".join(text.split()))
            return False
        if tag is None or tag in SKIP_TAGS or tag.startswith(("-", "!")):
            return False
        if tag in CELL_TAGS and node.css_first(LAYOUT_INSIDE) is None:
            self._cells.add(node.mem_id)
            separated = 0
            # not before the row's first cell with text
            if any(part and not part.isspace() for part in self._parts):
                self._parts.append(CELL_SEPARATOR)
                separated = 1
            self._cell_starts.append((len(self._parts), separated, tag == "th"))
            return True
        if tag == "br" or tag in BLOCK_TAGS:
            self._flush()
            if tag == "br":
                return False
        if node.mem_id in self._skip:
            return False
        if tag == "h1":
            self._h1(node)
            return False
        if tag in HEADING_LEVEL:
            self._heading(node, HEADING_LEVEL[tag])
            return False
        attrs = node.attributes
        label = chrome_kind(tag, attrs)
        # a section's header is walked whole, its heading judged as any other (even as a link)
        section = label is not None and self._section_header(node, label[0])
        if label is not None and (section or self._kept(node, label[0])):
            label = None
        if label is not None and not _is_trigger(node, label[0]) and self._drop(node, *label):
            return False
        if tag in BOXES and not section and self._box_is_chrome(node):
            return False
        if tag == "a":
            self._in_link += 1
            href = attrs.get("href")
            if self._home_links is not None and not self._is_away(href):
                self._home_links += 1
            if self.keep_links:
                self._open_links.append((len(self._parts), href))
        structure = STRUCTURE.get(tag)
        if structure is not None:
            if tag in LIST_TAGS and self._follows_prose(node, colon=True):
                self._introduced.add(node.mem_id)
            self._open(node.mem_id, structure, tag == "ol")
        if tag in ITEM_TAGS:
            self._items += 1
        return True

    def _open(self, key: int, structure: str, ordered: bool) -> None:
        top = self._structure[-1] if self._structure else None
        if structure == "list" and top is not None and top[1] == "list":
            self._structure.append((key, structure, top[2], top[3]))  # a nested list joins the outer one
        else:
            self._structure.append((key, structure, key, ordered))

    def _exit(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "a":
            self._in_link = max(0, self._in_link - 1)
            if self._open_links:
                start, href = self._open_links.pop()
                self._link_spans.append((start, len(self._parts), href))
        elif tag in BLOCK_TAGS and node.mem_id not in self._cells:
            self._flush()
            if self._structure and self._structure[-1][0] == node.mem_id:
                self._structure.pop()
            if tag in ITEM_TAGS:
                self._items -= 1
            if node.mem_id in self._card_heads:
                self._in_card_head -= 1

    # -- rules --------------------------------------------------------------------------------
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

    def _h1(self, node: LexborNode) -> None:
        """The first <h1> (or one repeating the title) is the title, never body; a later one is a
        section of a page that numbers its parts with h1, kept as a paragraph."""
        text = fold(node.text(deep=True))
        if not visible(text):
            return
        if not self._seen_h1 or (self.title and text == self.title):
            self._seen_h1 = True
            self._record("title", "<h1> element", where(node), text)
            return
        self.blocks.append(Block(text=text))

    def _heading(self, node: LexborNode, level: int) -> None:
        text = fold(node.text(deep=True))
        if not visible(text):
            return
        label = heading_kind(text)
        if label is not None:
            self._record(label[0], label[1], where(node), text)
            self._condemn_rail(node)
            return
        label = line_kind(text)  # "More:", a dateline or a reader prompt set as a heading
        if label is not None:
            self._record(label[0], label[1], where(node), text)
            return
        block = Block(text=self._without_marks(node, text), level=level)
        if self.story_headings and not NUMBERED_HEADING.match(text) and self._links_within(node, text):
            if not (self.linked_items and _heads_section(node)):
                self._record("other_stories", LINKED_TITLE, where(node), text)
                return
            self._linked_heads.append((block, where(node)))
        self.blocks.append(block)

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

    def _record(self, kind: RemovalKind, reason: str, at: str, text: str) -> None:
        """Note a dropped block for ``explain``: the rule that fired, where it sat, its first characters."""
        self.removed.append(Removed(kind=kind, reason=reason, where=at, text=text[:SNIPPET_CHARS]))

    def _where(self) -> str:
        parent = self._first.parent if self._first is not None else None
        return where(parent) if parent is not None else ""

    def _flush(self) -> None:
        if not self._parts:
            self._cell_starts = []
            return
        parts = self._parts
        text = fold("".join(parts))
        links = self._links
        home = self._home_links
        cells = self._cell_starts
        spans = self._link_spans
        self._home_links = 0 if self.host else None
        self._parts = []
        self._links = 0
        self._cell_starts = []
        if spans:
            self._link_spans = []
        if self._open_links:  # a block inside a link: the link goes on in the next paragraph
            self._open_links = [(0, href) for _, href in self._open_links]
        if not visible(text):
            return
        label = line_kind(text)
        if label is not None and not (self._items and label[1] in (BYLINE_FIELDS, BYLINE_DATED)):
            self._record(label[0], label[1], self._where(), text)
            return
        if links and self.title and _trail_to(text, links, self.title):
            self._record("breadcrumb", "trail ending in the title", self._where(), text)
            return
        if links and is_teaser(text):
            self._record("other_stories", "teaser paragraph", self._where(), text)
            return
        # a paragraph that is one link points to another story, unless it shows the address itself,
        # every link leaves the site (a source, a product: part of the story) or it is an item of a
        # list a paragraph introduces
        share = self.list_link_share if self._items else self.para_link_share
        if (
            links >= share * len(text.replace(" ", ""))
            and not _URL.match(text)
            and home != 0
            and not any(key in self._introduced for key, *_ in self._structure)
            and not self._in_card_head
        ):
            self._record("other_stories", "link paragraph", self._where(), text)
            return
        if not cells and not self._structure and not spans:
            self.blocks.append(Block(text=text))  # the common case: a paragraph of prose
            return
        self.blocks.append(self._typed(text, parts, cells, spans))

    def _typed(
        self,
        text: str,
        parts: list[str],
        cells: list[tuple[int, int, bool]],
        spans: list[tuple[int, int, str | None]],
    ) -> Block:
        """The paragraph ``text`` (made of ``parts``) with the typed block it belongs to, and its links."""
        links = tuple(
            Link(text=label, url=url)
            for start, end, href in spans
            if (url := absolute(href, self.links_base)) is not None
            and (label := fold("".join(parts[start:end])))
        )
        stack = self._structure
        if cells:  # a row of a data table: its cells, and whether it is a header row
            group, thead = -1, False
            for _, kind, key, _ in reversed(stack):
                thead = thead or kind == "thead"
                if kind == "table":
                    group = key
                    break
            ends = [start - separated for start, separated, _ in cells[1:]] + [len(parts)]
            return Block(
                text=text,
                kind="table",
                group=group,
                cells=tuple(
                    fold("".join(parts[start:end])) for (start, _, _), end in zip(cells, ends, strict=True)
                ),
                header=thead or all(th for _, _, th in cells),
                links=links,
            )
        for _, kind, key, ordered in reversed(stack):  # the innermost structure but a table's own
            if kind == "list":
                return Block(text=text, kind="list", group=key, ordered=ordered, links=links)
            if kind == "quote":
                return Block(text=text, kind="quote", group=key, links=links)
            if kind == "code":
                return Block(text=text, kind="code", group=key, raw="".join(parts))
        return Block(text=text, links=links)


Placed = list[tuple[int, Block]]  # captions, each with the number of blocks before it


def placed(captions: Placed, walked: list[Block], kept: list[Block]) -> Placed:
    """The captions' places (the number of blocks before each) among the blocks ``kept`` of those
    ``walked``."""
    if len(kept) == len(walked):
        return captions
    ids = {id(block) for block in kept}
    before = [0]
    for block in walked:
        before.append(before[-1] + (id(block) in ids))
    return [(before[at], caption) for at, caption in captions]


def _heads_section(head: LexborNode) -> bool:
    """Whether ``head`` is followed in its box by two blocks of text or more: a section of its own,
    where another story's card holds its title and one excerpt."""
    found = 0
    sib = head.next
    while sib is not None:
        if sib.is_element_node and sib.text(deep=True).strip():
            found += 1
            if found >= 2:
                return True
        sib = sib.next
    return False


def _scoped(node: LexborNode) -> bool:
    """Whether a ``<header>`` heads a section or a card rather than the page: inside an ``<article>``
    or a ``<section>`` (where it is no banner landmark), holding no ``<h1>``."""
    return node.css_first("h1") is None and any(parent.tag in SCOPING_TAGS for parent in ancestors(node))
