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
from typing import Final

from selectolax.lexbor import LexborNode

from ...models import Link
from .._guard import Deadline, too_deep
from .._nodes import BLOCK_TAGS
from .._text import fold, visible, without_markup_tags
from .._urls import absolute, host_of
from ..metadata._crumbs import TRAIL_SEPARATORS
from ..metadata._dates import is_bare_date
from ._blocks import HEADING_LEVEL, Block, Removed, placed, where
from ._boxes import BOX_LINK_SHARE, DEADLINE_EVERY, LIST_TAGS, PARA_LINK_SHARE, BoxRules, site_of_host
from ._chrome import RemovalKind, chrome_kind
from ._line_rules import BYLINE_DATED
from ._wording import BYLINE_FIELDS, heading_kind, is_teaser, line_kind

# Boxes that may be a rail of links; checked for link density as a whole.
BOXES: Final = frozenset({"div", "section", "article", "ul", "ol", "dl", "table"}).union(
    {"aside", "nav", "header", "footer"}  # structural chrome the class rules let through
)
# The elements that make one item of a list or a table: a listing's entries ("<li><a>Title</a>",
# "<dt><a>[1]</a> arXiv:...") are links, and a page type may keep them (``list_link_share``).
ITEM_TAGS: Final = frozenset({"li", "dt", "dd", "tr"})
_URL: Final = re.compile(r"^(?:https?://|www\.)\S+$")
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
# On an article's reading, a line (or heading) that is a day and nothing more is the story's
# dateline or a card's date, not its text.
BARE_DATE: Final = "a date on a line of its own"
SKIP_TAGS: Final = frozenset({"#comment", "-comment", "head", "title"})
# A data table's row is one line, its cells joined by " | "; a cell holding blocks is layout and
# its blocks are paragraphs of their own.
CELL_TAGS: Final = frozenset({"td", "th"})
# Inline elements whose text is code, kept as written (a shortcode shown in a tutorial).
CODE_TAGS: Final = frozenset({"code", "kbd", "samp", "tt", "var"})
CELL_SEPARATOR: Final = " | "
LAYOUT_INSIDE: Final = "p, div, table, ul, ol, br, h1, h2, h3, h4, h5, h6, blockquote, section, article"
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


class Walk(BoxRules):
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
        article: bool = False,
    ) -> None:
        self.container = container
        # The article's reading (``article``) does three things no other does. A first paragraph
        # that is the title, no h1 before it, is the headline set in no heading (a table-layout
        # story's <span class="headline">, a bold line), as an h1 would be (WCXB half A: 1 article
        # page up, 2 service pages and a forum page down on every reading; on the article's, half A
        # 1 page up, half B 2, aeb 1, none down). The teaser of a heading linking to another story
        # goes with it (``_condemn_teaser``). And the text of each block dropped is kept
        # (``dropped``) for the second opinion's weighing (``_content._second_opinion``).
        self.article = article
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
        self._site = None if self.host is None else site_of_host(self.host)
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []
        self.dropped: set[str] | None = set() if article else None
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
            if "[" in text and self._prose(node):
                text = without_markup_tags(text)
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

    def _prose(self, node: LexborNode) -> bool:
        """Whether a text node is prose, not code: outside a ``<pre>``, not right inside code."""
        parent = node.parent
        if parent is not None and parent.tag in CODE_TAGS:
            return False
        return not any(kind == "code" for _, kind, _, _ in self._structure)

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

    # -- headings and paragraphs --------------------------------------------------------------
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
        if self._headline(text, where(node), "the headline, set as a lower heading"):
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
        if self._dateline(text, where(node)):
            return
        block = Block(text=self._without_marks(node, text), level=level)
        if self.story_headings and not NUMBERED_HEADING.match(text) and self._links_within(node, text):
            if not (self.linked_items and _heads_section(node)):
                self._record("other_stories", LINKED_TITLE, where(node), text)
                self._condemn_teaser(node)
                return
            self._linked_heads.append((block, where(node)))
        self.blocks.append(block)

    def _headline(self, text: str, at: str, how: str) -> bool:
        """On an article's reading, whether ``text`` is the headline set in no ``h1`` (the title
        itself, before any block and any ``h1``): then it is recorded so, as ``how``, and not kept."""
        if not (self.article and text == self.title and not self.blocks and not self._seen_h1):
            return False
        self._seen_h1 = True
        self._record("title", how, at, text)
        return True

    def _dateline(self, text: str, at: str) -> bool:
        """On an article's reading, whether ``text`` is a day and nothing more (``BARE_DATE``): then
        it is recorded so and not kept."""
        if not (self.article and is_bare_date(text)):
            return False
        self._record("meta", BARE_DATE, at, text)
        return True

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
        if self._headline(text, self._where(), "the headline, printed as a line"):
            return
        if self._dateline(text, self._where()):
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
