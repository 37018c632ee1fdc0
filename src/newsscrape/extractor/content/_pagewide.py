"""Steps 1-2 of the content pass, done once a tree whatever the readings: junk and page-wide chrome out.

Before any paragraph votes for the container, what would pull the vote off the story goes: junk
elements (scripts, styles, media, form controls: ``_chrome.strip_junk``), ARIA dialogs, the page's
comment threads, menus, footers, sidebar columns, popups and cookie notices (``PAGE_CHROME``), and
rails that a "Related"/"Latest" heading of their own opens (``_drop_rails``). What is left is weighed
(``_scoring.paragraph_weights``) into the ``Prepared`` tree every reading of the page shares. The
removed boxes are unlinked, not freed: their text stays readable for the second opinion's weighing
(``Prepared.popups``, ``Prepared.menus``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborNode

from .._guard import Deadline
from .._nodes import marked
from .._text import compact, fold
from ._blocks import Removed, head_text, where
from ._chrome import DIALOGS, ROLE_KIND, TAG_KIND, WORD_KIND, RemovalKind, strip_junk, tokens
from ._scoring import Weight, paragraph_weights
from ._wording import heading_kind

__all__ = ["CONSENT_WORD", "MENU_KINDS", "PAGE_CHROME", "PAGE_CHROME_MAX_SHARE", "Prepared", "prepare"]

# Comment threads can outweigh the story; they go before the container is chosen.
PAGE_CHROME: Final = (
    '[id*="comment" i], [class*="comment" i], [id*="disqus" i], [id*="respond" i], [class~="forum-fil" i], '
    '[class*="outbrain" i], [class*="taboola" i], [id*="taboola" i], '
    # site footers and menus: their copyright notices and link lists must not be chosen as the story
    'footer, nav, [role="contentinfo"], [role="navigation"], '
    # and a theme's sidebar column, by its whole class or id name (WordPress's and Drupal's default
    # themes): its text widgets may outweigh a short post. Whole names only: "content-sidebar-wrap",
    # "has-sidebar", "c-fixed-sidebar-layout" are the layout around the story
    '[class~="sidebar" i], [id="sidebar" i], '
    # login, register and cookie dialogs are forms full of sentences ("Estimado lector, ..."):
    # several of them outvote a short story, so they go before the vote too (those marked as ARIA
    # dialogs are gone by then: ``DIALOGS`` are removed first)
    '[class*="popup" i], [id*="popup" i], [class*="modal" i], [id*="modal" i], [class*="cookie" i], '
    '[id*="cookie" i], [class*="consent" i]'
)
PAGE_CHROME_KINDS: Final[tuple[RemovalKind, ...]] = ("comments", "popup", "other_stories")  # first named wins
# but never a node holding this much of the page's text and the story's marks
PAGE_CHROME_MAX_SHARE: Final = 0.4
# (the story's marks: its title, an <article>, a declared body)
STORY_INSIDE: Final = 'h1, article, [itemprop="articleBody"]'
# A rail of other stories, opened by its own heading (``heading_kind``: "Related news", "Latest")
RAIL_HEADINGS: Final = "h2, h3, h4, h5, h6"
RAIL_MAX_SHARE: Final = 0.9  # a "rail" holding nearly all the page's text is more likely the story
RAIL_MAX_CLIMB: Final = 8  # a rail's box is close above its heading
RAIL_MIN_LINKS: Final = 3  # a rail of other stories links to them; a story headed "Latest" need not
RAIL_STOP: Final = 'h1, [itemprop="articleBody"]'  # nor one holding the story's title or body
# A removed dialog or popup whose text says this is a cookie notice, whose settings panel trafilatura
# reads as prose; another popup (a product's details sheet opened in a modal) can be the page's text.
CONSENT_WORD: Final = "cookie"
# The site's menus and footers among the page-wide chrome: trafilatura reads a mega-menu (a product
# menu of "Name / what it does" pairs, printed twice for desktops and phones) as prose, and a reading
# made mostly of it must not outweigh the page's own text. Its lines found only in these boxes do not
# count when the two readings are weighed (WCXB: one service page moves right on each half, +.09 on
# A, +.07 on B, and a home page whose truth is empty on each, trafilatura having read only menus),
# nor stay in its text when it wins: a shop's category menu, a language chooser, a platform's
# mega-menu of products kept below a short text (WCXB half A: 4 pages up, one down by .015; half B:
# 6 up, none down; collection, listing, service and product pages; aeb and the dates set unchanged).
MENU_KINDS: Final[frozenset[RemovalKind]] = frozenset({"nav", "footer"})


@dataclass(slots=True, kw_only=True)
class Prepared:
    """What every reading of one tree shares: steps 1-2 are done on it (they edit the tree), and the
    paragraph weights of step 3. The container choice and the block walk only read the tree."""

    weights: dict[int, Weight]
    page_chars: int
    removed: list[Removed]  # what steps 1-2 removed
    # The dialogs and popups, and the menus and footers (``MENU_KINDS``), steps 1-2 removed: unlinked
    # from the tree, not freed (``_remove``), so their text is read only if trafilatura is asked.
    popup_boxes: list[LexborNode] = field(default_factory=list)
    menu_boxes: list[LexborNode] = field(default_factory=list)
    _popups: str | None = None
    _menus: str | None = None

    @property
    def popups(self) -> str:
        """The compact text of the cookie notices among the removed dialogs and popups, "\\0" between
        boxes: trafilatura's reading keeps a notice's settings panel (``_outside``)."""
        if self._popups is None:
            texts = (compact(node.text(deep=True)) for node in self.popup_boxes)
            self._popups = "\0".join(text for text in texts if CONSENT_WORD in text)
        return self._popups

    @property
    def menus(self) -> str:
        """The compact text of the removed menus and footers, "\\0" between boxes."""
        if self._menus is None:
            self._menus = "\0".join(compact(node.text(deep=True)) for node in self.menu_boxes)
        return self._menus


def prepare(
    body: LexborNode,
    deadline: Deadline,
    *,
    junk_stripped: bool = False,
    kept: frozenset[RemovalKind] = frozenset(),
    kept_tags: frozenset[str] = frozenset(),
) -> Prepared:
    """Steps 1-2 (junk, dialogs, page-wide chrome, rails: the tree is edited) and the weights of 3;
    ``junk_stripped``: the junk is gone already; ``kept``: page-wide chrome kinds left in place
    (a thread's comment section, read post by post)."""
    removed: list[Removed] = []
    if not junk_stripped:
        strip_junk(body)  # and a <noscript> holding the page's text is opened instead
    dialogs: list[tuple[LexborNode, RemovalKind, str]] = [
        (node, "popup", "ARIA dialog") for node in body.css(DIALOGS)
    ]
    popups = [node for node, _, _ in dialogs]
    _remove(dialogs, removed)
    page_chars = len(fold(body.text(deep=True)))
    doomed: list[tuple[LexborNode, RemovalKind, str]] = []
    inside: dict[int, bool] = {}  # memo: is this node inside a box already doomed?
    for node in body.css(PAGE_CHROME):  # in page order: a box comes before the boxes it holds
        if marked(node, inside, body.mem_id):
            continue  # it goes with its box: not weighed (a thread's every comment was)
        tag = node.tag or ""
        if tag in kept_tags:
            continue
        kind = TAG_KIND.get(tag) or ROLE_KIND.get((node.attributes.get("role") or "").lower())
        if kind is None:
            kinds = {WORD_KIND.get(w) for w in tokens(node.attributes)}
            named = [k for k in PAGE_CHROME_KINDS if k in kinds and k not in kept]
            if not named:
                continue
            kind = named[0]
        if (
            node.css_first(STORY_INSIDE) is not None
            and len(fold(node.text(deep=True))) > PAGE_CHROME_MAX_SHARE * page_chars
        ):
            continue  # a wrapper of the story that happens to say "comments" or be a <header>
        doomed.append((node, kind, "page-wide chrome"))
        inside[node.mem_id] = True
    popups.extend(node for node, kind, _ in doomed if kind == "popup")
    menus = [node for node, kind, _ in doomed if kind in MENU_KINDS]
    _remove(doomed, removed)
    _drop_rails(body, page_chars, removed, deadline)
    deadline.check()
    return Prepared(
        weights=paragraph_weights(body),
        page_chars=page_chars,
        removed=removed,
        popup_boxes=popups,
        menu_boxes=menus,
    )


def _drop_rails(body: LexborNode, page_chars: int, removed: list[Removed], deadline: Deadline) -> None:
    """Boxes opened by their own "Related news"/"Latest" heading go before the container vote:
    their teasers are paragraphs too, and a long rail could outvote a short story.

    The climb from a heading costs no text() per level (only its earlier siblings are looked
    at), so nested rails stay linear-ish; the box's size is measured once, at the end.
    """
    body_id = body.mem_id
    story_path = _ancestors(body.css(RAIL_STOP), body_id)  # boxes holding the title or body
    doomed: list[tuple[LexborNode, RemovalKind, str]] = []
    inside: dict[int, bool] = {}  # memo: is this node inside a box already doomed?
    for n, head in enumerate(body.css(RAIL_HEADINGS)):
        if not n % 32:
            deadline.check()
        if marked(head, inside, body_id):
            continue  # a rail within a rail: its outer box goes, and text() of it is not paid again
        label = heading_kind(fold(head.text(deep=True)))
        if label is None or label[0] != "other_stories":
            continue
        box = head
        for _ in range(RAIL_MAX_CLIMB):
            parent = box.parent
            if parent is None or parent.mem_id == body_id or parent.mem_id in story_path:
                break
            if not _opens(box):
                break  # the parent has text before the heading: the heading does not open it
            box = parent
        if box is head or not _links_at_least(box, RAIL_MIN_LINKS):
            continue  # a bare heading among the story's paragraphs: the block walk decides
        if len(fold(box.text(deep=True))) > RAIL_MAX_SHARE * page_chars:
            continue
        doomed.append((box, label[0], label[1]))
        cur: LexborNode | None = head
        while cur is not None and cur.mem_id != box.mem_id:
            inside[cur.mem_id] = True
            cur = cur.parent
        inside[box.mem_id] = True
    _remove(doomed, removed)


def _links_at_least(node: LexborNode, count: int) -> bool:
    """Whether ``node`` holds ``count`` links, stopping as soon as it does (no list of all links)."""
    for child in node.traverse():
        if child.tag == "a":
            count -= 1
            if count <= 0:
                return True
    return False


def _opens(node: LexborNode) -> bool:
    """Whether nothing with text comes before ``node`` among its siblings."""
    sib = node.prev
    while sib is not None:
        if sib.is_text_node:
            if (sib.text_content or "").strip():
                return False
        elif sib.is_element_node and sib.text(deep=True).strip():
            return False
        sib = sib.prev
    return True


def _ancestors(nodes: list[LexborNode], stop: int) -> set[int]:
    keys: set[int] = set()
    for node in nodes:
        cur: LexborNode | None = node
        while cur is not None and cur.mem_id != stop and cur.mem_id not in keys:
            keys.add(cur.mem_id)
            cur = cur.parent
    return keys


def _remove(doomed: list[tuple[LexborNode, RemovalKind, str]], removed: list[Removed]) -> None:
    """Unlink the outermost of the doomed nodes only, and make records for those only (nested
    comment threads would otherwise pay text() once per level). They are unlinked, not freed, as
    ``strip_junk`` does it: a removed box stays valid memory until the tree goes, so its text can
    still be read (``Prepared.popups``)."""
    keys = {node.mem_id for node, _, _ in doomed}
    outer: list[LexborNode] = []
    seen: set[int] = set()  # a node matched by two selectors of one list comes twice
    for node, kind, reason in doomed:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        parent = node.parent
        while parent is not None and parent.mem_id not in keys:
            parent = parent.parent
        if parent is None:
            outer.append(node)
            removed.append(Removed(kind=kind, reason=reason, where=where(node), text=head_text(node)))
    for node in outer:
        node.decompose(recursive=False)
