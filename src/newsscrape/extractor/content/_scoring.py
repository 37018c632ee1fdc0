"""Choose the article container: the node that holds the story's paragraphs and little else.

Every paragraph-like node (``p``, ``pre``, a ``td`` without blocks, the parent of a ``<br>``) weighs
its non-link characters; weights flow up to all ancestors, level by level, so each ancestor is
visited once. From ``<body>`` we then step down into the heaviest child while it keeps most of
its parent's weight: the walk stops where the text splits between several children, i.e. at the
node whose children are the paragraphs (or the wrappers of paragraph groups split by ads).

    >>> tree = LexborHTMLParser(
    ...     '<body><nav><a href="/">Home</a></nav><div id="story"><p>The rain came back on Monday.</p>'
    ...     "<p>Farmers welcomed the change and said most crops would recover.</p></div></body>"
    ... )
    >>> weights = paragraph_weights(tree.body)
    >>> choose_container(tree.body, weights).id
    'story'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborNode

from .._text import fold

# What carries the story's text. <li>, <dd> and headings are left out: menus and rails are lists,
# and a page with only list text is rarely an article.
PARAGRAPHS: Final = "p, pre, td, blockquote, br"
LINKED: Final = ", ".join(f"a {tag}" for tag in PARAGRAPHS.split(", "))  # the same inside a link
# Where a page holds neither paragraphs nor <div>s of their own text, the cards of a grid keep theirs
# in headings, list items and spans (an events calendar, a shop's tiles): their own text votes then.
# WCXB: 5 pages of 5 sites found no container before, their text trafilatura's alone (half A 1 up,
# .09 -> .83; half B 4 up, a forum thread among them .00 -> .99); none down.
CARD_TEXT: Final = "h2, h3, h4, h5, h6, li, dd, dt, span"
_OWN_TEXT_TAGS: Final = frozenset({"div", *CARD_TEXT.split(", ")})
MIN_CHARS: Final = 25  # shorter paragraphs are bylines, labels, buttons: they do not vote
MAX_LINK_SHARE: Final = 0.5  # a paragraph more than half links is a teaser or a menu
# Step into the heaviest child while it holds at least this share of its parent's weight (an article's
# default; other page types carry their own, fitted: see ``_profiles``).
DESCENT_SHARE: Final = 0.7
# The page's own word for "this is the story" wins when it holds at least this share of the text.
DECLARED: Final = '[itemprop="articleBody"], [itemprop="articlebody"], [itemprop="text"], article'
DECLARED_SHARE: Final = 0.5
# ... unless it sits inside the descent's end with less than this share of its text (a part of the story).
DECLARED_PART_SHARE: Final = 0.8
# A sibling box of at least this many paragraphs and this share of the weight is part of the story;
# so are a node's own paragraphs beside the box the descent would step into (a lead above a grid).
GROUP_MIN_PARAGRAPHS: Final = 2
GROUP_SHARE: Final = 0.1
_SKIP_IF_NESTED: Final = frozenset({"td", "blockquote"})
_NESTED: Final = "p, div, table, br, blockquote"
_PARAGRAPH_TAGS: Final = frozenset({"p", "pre", "td", "blockquote"})


@dataclass(slots=True)
class Weight:
    """Weight of one node: its paragraphs' non-link characters, and how it splits among children."""

    node: LexborNode
    chars: int = 0
    own: int = 0  # characters of its own paragraph text (a <p>, or a parent of <br>s)
    children: dict[int, int] = field(default_factory=dict)  # child mem_id -> chars


def paragraph_weights(body: LexborNode) -> dict[int, Weight]:
    """mem_id -> Weight for the paragraphs and every ancestor of one, up to ``body``.

    Linear in the size of the ancestor chains' union, however deep the nesting: depths are
    memoised on the way up, then weights flow up once, deepest nodes first.
    """
    weights = _weights(body, PARAGRAPHS)
    if body.mem_id not in weights:
        # no <p>-like text at all: an editor that types paragraphs straight into <div>s (pasted
        # posts, old CMSs). Their own text votes then; on other pages such divs are mostly chrome.
        weights = loose_weights(body)
    return weights


def loose_weights(body: LexborNode, *, hidden: Sequence[LexborNode] = ()) -> dict[int, Weight]:
    """The weights of ``paragraph_weights`` with the own text of ``<div>``s voting too; where there
    is none of that either, the own text of ``CARD_TEXT`` too; where there is none of that either,
    the text typed straight into ``<body>`` (a page of one text, or of text and inline tags only).
    The ``hidden`` boxes' text does not count (``without``).

    >>> tree = LexborHTMLParser(f"<body>{'Rain came back to the valley on Monday. ' * 3}</body>")
    >>> loose_weights(tree.body)[tree.body.mem_id].chars
    119
    """
    weights: dict[int, Weight] = {}
    for selector in (f"{PARAGRAPHS}, div", f"{PARAGRAPHS}, div, {CARD_TEXT}"):
        weights = _weights(body, selector)
        for box in hidden:
            weights = without(weights, box, body)
        if body.mem_id in weights:
            return weights
    if (size := len(body.text(deep=False).strip())) >= MIN_CHARS:
        weights = {body.mem_id: Weight(body, size, size)}
    return weights


def _weights(body: LexborNode, selector: str) -> dict[int, Weight]:
    own: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    # a paragraph inside a link is a teaser card (<a href><h3/><p>summary</p></a>): all link
    linked = {node.mem_id for node in body.css(LINKED)}
    for node in body.css(selector):
        if node.mem_id in linked:
            continue
        tag = node.tag
        if tag in _OWN_TEXT_TAGS:
            if node.mem_id not in own and (size := len(node.text(deep=False).strip())) >= MIN_CHARS:
                own[node.mem_id], nodes[node.mem_id] = size, node  # its own text: blocks vote apart
            continue
        if tag == "br":
            parent = node.parent  # text split by <br> lives in its parent
            if parent is None or parent.mem_id in own:
                continue
            # its own text only: block children vote for themselves, and a staircase of
            # unclosed <div>text<br> would otherwise cost text() of every level
            size = len(parent.text(deep=False).strip())
            if size >= MIN_CHARS:
                own[parent.mem_id], nodes[parent.mem_id] = size, parent
            continue
        if tag in _SKIP_IF_NESTED and node.css_first(_NESTED) is not None:
            continue  # a layout cell or a quote of paragraphs: the inner paragraphs vote themselves
        size = len(node.text(deep=True).strip())
        if size < MIN_CHARS:
            continue
        links = sum(len(a.text(deep=True)) for a in node.css("a"))
        if links > size * MAX_LINK_SHARE:
            continue
        own[node.mem_id], nodes[node.mem_id] = size - links, node

    body_id = body.mem_id
    depth: dict[int, int] = {body_id: 0}
    parent_of: dict[int, int] = {}
    nodes[body_id] = body
    for key in list(own):
        chain: list[LexborNode] = []
        cur = nodes[key]
        while cur.mem_id not in depth:
            up = cur.parent
            if up is None:
                break
            chain.append(cur)
            parent_of[cur.mem_id] = up.mem_id
            nodes.setdefault(up.mem_id, up)
            cur = up
        base = depth.get(cur.mem_id, 0)
        for n, link in enumerate(reversed(chain), start=1):
            depth[link.mem_id] = base + n
    weights: dict[int, Weight] = {}
    carried: dict[int, int] = {}
    for key in sorted(depth, key=depth.__getitem__, reverse=True):
        w = weights.get(key)
        if w is None:
            w = weights[key] = Weight(nodes[key])
        w.own = own.get(key, 0)
        w.chars += w.own + carried.get(key, 0)
        up_key = parent_of.get(key)
        if up_key is None or key == body_id or w.chars == 0:
            continue
        carried[up_key] = carried.get(up_key, 0) + w.chars
        above = weights.get(up_key)
        if above is None:
            above = weights[up_key] = Weight(nodes[up_key])
        above.children[key] = w.chars
    return {key: w for key, w in weights.items() if w.chars}


def choose_container(
    body: LexborNode, weights: dict[int, Weight], *, descent_share: float = DESCENT_SHARE
) -> LexborNode | None:
    """The article node: a declared article body when it holds most text, else the descent's end.

    >>> tree = LexborHTMLParser(
    ...     "<body><nav>Home</nav><div><p>The rain came back to the valley on Monday.</p>"
    ...     "<p>Farmers welcomed the change and said most crops would recover.</p></div>"
    ... )
    >>> choose_container(tree.body, paragraph_weights(tree.body)).tag
    'div'
    """
    top = weights.get(body.mem_id)
    if top is None or top.chars == 0:
        return None
    node = top
    while node.children:
        key, chars = max(node.children.items(), key=lambda kv: kv[1])
        if chars < descent_share * node.chars:
            break
        child = weights[key]
        if _has_prose(node, weights, skip=key) and _has_prose(child, weights, skip=None):
            break  # one flow of paragraphs on two levels: a lead beside the body, or unclosed divs
        if _sibling_group(node, weights, skip=key) and _has_prose(child, weights, skip=None):
            break  # the story's first paragraphs in a box of their own beside the rest
        if _wrapped_twins(node, weights, skip=key):
            break  # the story's blocks each in a wrapper of their own, the blocks named alike
        if _own_group(node, weights, skip=key):
            break  # the story's lead as paragraphs beside a box of cards, a table or a gallery
        node = child
    if node.node.tag in _PARAGRAPH_TAGS and node.node.parent is not None:
        # one long paragraph alone: take its parent, so the lead and short paragraphs come along
        parent = weights.get(node.node.parent.mem_id)
        if parent is not None:
            node = parent
    best = node
    declared = [
        n
        for n in body.css(DECLARED)
        if (w := weights.get(n.mem_id)) and w.chars >= DECLARED_SHARE * top.chars
    ]
    if declared:
        # the innermost declaration that still holds most of the text; it may be wider than the
        # descent's end (story split around an ad) or narrower (page-wide <article> wrappers)
        best = min((weights[n.mem_id] for n in declared), key=lambda w: w.chars)
        if best.chars < DECLARED_PART_SHARE * node.chars and _contains(best.node, node.node):
            best = node
    return best.node


def without(weights: dict[int, Weight], box: LexborNode, body: LexborNode) -> dict[int, Weight]:
    """``weights`` as if ``box`` held no paragraphs: its own and its descendants' weights gone, its
    characters taken off each ancestor's. A new mapping; the weights given (shared by every reading
    of the page) are left as they were.

    >>> tree = LexborHTMLParser(f'<body><div><p>{"a" * 30}</p></div><div id="x"><p>{"b" * 40}</p></div>')
    >>> left = without(paragraph_weights(tree.body), tree.css_first("#x"), tree.body)
    >>> left[tree.body.mem_id].chars, tree.css_first("#x").mem_id in left
    (30, False)
    """
    gone = weights.get(box.mem_id)
    if gone is None or box.mem_id == body.mem_id:
        return weights
    left = {key: w for key, w in weights.items() if not _contains(box, w.node)}
    child, node = box, box.parent
    while node is not None:
        above = weights.get(node.mem_id)
        if above is None:
            break
        children = dict(above.children)
        rest = children.pop(child.mem_id, 0) - gone.chars
        if rest > 0:
            children[child.mem_id] = rest
        chars = above.chars - gone.chars
        if chars > 0:
            left[node.mem_id] = Weight(above.node, chars, above.own, children)
        else:
            left.pop(node.mem_id, None)
        if node.mem_id == body.mem_id:
            break
        child, node = node, node.parent
    return left


def widen(container: LexborNode, body: LexborNode, *, share: float) -> LexborNode:
    """The container, or its nearest ancestor holding ``share`` of the page's text (``body``'s).

    A listing's or a shop grid's cards are names, prices and teasers, mostly too short or too linked
    to vote as paragraphs: the descent ends at the page's one block of prose (a category blurb), and
    the cards beside it are lost. A type whose text is most of the page climbs back up until the
    container holds that share of it (0: never; fitted per type, see ``_profiles``), but never out
    of an ``<article>`` holding an ``<h1>``: a story declared with its title.
    """
    if share <= 0:
        return container
    goal = share * len(fold(body.text(deep=True)))
    node = container
    body_id = body.mem_id
    while node.mem_id != body_id and len(fold(node.text(deep=True))) < goal:
        if node.tag == "article" and node.css_first("h1") is not None:
            break  # a story declared with its title: the cards beside it are other stories
        parent = node.parent
        if parent is None:
            break
        node = parent
    return node


def _has_prose(w: Weight, weights: dict[int, Weight], *, skip: int | None) -> bool:
    """Whether a node holds paragraphs directly (not only through wrappers)."""
    return w.own > 0 or any(k != skip and weights[k].node.tag in _PARAGRAPH_TAGS for k in w.children)


def _sibling_group(w: Weight, weights: dict[int, Weight], *, skip: int) -> bool:
    """Whether a child other than ``skip`` is a group of paragraphs itself (two or more, with a
    real share of the text): a story split into boxes, the later box nested by an unclosed div."""
    return any(_has_paragraphs(other, weights) for other in _rivals(w, weights, skip=skip))


def _wrapped_twins(w: Weight, weights: dict[int, Weight], *, skip: int) -> bool:
    """Whether the story's blocks sit each in a wrapper of its own, named alike: a block editor's
    front end renders ``<div><div class="blockContent html_0"><p>...</p></div></div>`` for the lead
    and ``<div><div class="blockContent html_2">...`` for the rest. True when the child ``skip``
    and another child with a real share of the text each only wrap a box of two or more paragraphs,
    the two boxes sharing a class name."""
    heavy = _unwrapped(weights[skip], weights)
    names = _class_names(heavy)
    if heavy is weights[skip] or not names or not _has_paragraphs(heavy, weights):
        return False
    for other in _rivals(w, weights, skip=skip):
        box = _unwrapped(other, weights)
        if box is not other and names & _class_names(box) and _has_paragraphs(box, weights):
            return True
    return False


def _class_names(w: Weight) -> frozenset[str]:
    """The class names of a weighed node."""
    return frozenset((w.node.attributes.get("class") or "").split())


def _rivals(w: Weight, weights: dict[int, Weight], *, skip: int) -> Iterator[Weight]:
    """The children of ``w`` but ``skip`` that hold a real share of its text (``GROUP_SHARE``)."""
    for key, chars in w.children.items():
        if key != skip and chars >= GROUP_SHARE * w.chars:
            yield weights[key]


def _has_paragraphs(w: Weight, weights: dict[int, Weight]) -> bool:
    """Whether a node holds GROUP_MIN_PARAGRAPHS paragraphs or more as its own children."""
    return sum(1 for k in w.children if weights[k].node.tag in _PARAGRAPH_TAGS) >= GROUP_MIN_PARAGRAPHS


def _unwrapped(w: Weight, weights: dict[int, Weight]) -> Weight:
    """The box a node only wraps (no paragraph of its own, one child that holds any)."""
    while w.own == 0 and len(w.children) == 1:
        w = weights[next(iter(w.children))]
    return w


def _own_group(w: Weight, weights: dict[int, Weight], *, skip: int) -> bool:
    """Whether the node's own paragraphs (its children, ``skip`` aside) are a group of the story:
    two or more, with a real share of the text (a lead and a close around a box of product cards)."""
    paras = [
        chars for key, chars in w.children.items() if key != skip and weights[key].node.tag in _PARAGRAPH_TAGS
    ]
    return len(paras) >= GROUP_MIN_PARAGRAPHS and sum(paras) + w.own >= GROUP_SHARE * w.chars


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    target = outer.mem_id
    while node is not None:
        if node.mem_id == target:
            return True
        node = node.parent
    return False
