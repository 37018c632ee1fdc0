"""Choose the article container: the node that holds the story's paragraphs and little else.

Every paragraph-like node (``p``, ``pre``, a ``td`` without blocks, the parent of a ``<br>``) weighs
its non-link characters; weights flow up to all ancestors, level by level, so each ancestor is
visited once. From ``<body>`` we then step down into the heaviest child while it keeps most of
its parent's weight: the walk stops where the text splits between several children, i.e. at the
node whose children are the paragraphs (or the wrappers of paragraph groups split by ads).

    >>> weights = paragraph_weights(tree.body)
    >>> node = choose_container(tree.body, weights)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborNode

# What carries the story's text. <li>, <dd> and headings are left out: menus and rails are lists,
# and a page with only list text is rarely an article.
PARAGRAPHS: Final = "p, pre, td, blockquote, br"
MIN_CHARS: Final = 25  # shorter paragraphs are bylines, labels, buttons: they do not vote
MAX_LINK_SHARE: Final = 0.5  # a paragraph more than half links is a teaser or a menu
# Step into the heaviest child while it holds at least this share of its parent's weight.
DESCENT_SHARE: Final = 0.7
# The page's own word for "this is the story" wins when it holds at least this share of the text.
DECLARED: Final = '[itemprop="articleBody"], [itemprop="articlebody"], [itemprop="text"], article'
DECLARED_SHARE: Final = 0.5
_SKIP_IF_NESTED: Final = frozenset({"td", "blockquote"})
_NESTED: Final = "p, div, table, br, blockquote"
_PARAGRAPH_TAGS: Final = frozenset({"p", "pre", "td", "blockquote"})


@dataclass(slots=True)
class Weight:
    """Weight of one node: its paragraphs' non-link characters, and how it splits among children."""

    node: LexborNode
    chars: int = 0
    children: dict[int, int] = field(default_factory=dict)  # child mem_id -> chars


def paragraph_weights(body: LexborNode) -> dict[int, Weight]:
    """mem_id -> Weight for the paragraphs and every ancestor of one, up to ``body``."""
    paras: dict[int, tuple[LexborNode, int]] = {}
    for node in body.css(PARAGRAPHS):
        tag = node.tag
        if tag == "br":
            parent = node.parent  # text split by <br> lives in its parent
            if parent is None or parent.mem_id in paras:
                continue
            node = parent
        elif tag in _SKIP_IF_NESTED and node.css_first(_NESTED) is not None:
            continue  # a layout cell or a quote of paragraphs: the inner paragraphs vote themselves
        size = len(node.text(deep=True).strip())
        if size < MIN_CHARS:
            continue
        links = sum(len(a.text(deep=True)) for a in node.css("a"))
        if links > size * MAX_LINK_SHARE:
            continue
        paras[node.mem_id] = (node, size - links)

    weights: dict[int, Weight] = {}
    # Group paragraphs by parent first: most share one, so each ancestor chain is walked a few times.
    parents: dict[int, tuple[LexborNode, int]] = {}
    body_id = body.mem_id
    for key, (node, chars) in paras.items():
        weights[key] = Weight(node, chars)
        parent = node.parent
        if parent is None or key == body_id:
            continue
        pkey = parent.mem_id
        _credit(weights, parent, pkey, key, chars)
        prev = parents.get(pkey)
        parents[pkey] = (parent, chars + (prev[1] if prev else 0))
    for pkey, (node, chars) in parents.items():
        child_key = pkey
        while child_key != body_id:
            up = node.parent
            if up is None:
                break
            up_key = up.mem_id
            _credit(weights, up, up_key, child_key, chars)
            node, child_key = up, up_key
    return weights


def _credit(weights: dict[int, Weight], node: LexborNode, key: int, child: int, chars: int) -> None:
    w = weights.get(key)
    if w is None:
        w = weights[key] = Weight(node)
    w.chars += chars
    w.children[child] = w.children.get(child, 0) + chars


def choose_container(body: LexborNode, weights: dict[int, Weight]) -> LexborNode | None:
    """The article node: a declared article body when it holds most text, else the descent's end.

    >>> choose_container(tree.body, paragraph_weights(tree.body)).tag
    'div'
    """
    top = weights.get(body.mem_id)
    if top is None or top.chars == 0:
        return None
    node = top
    while node.children:
        key, chars = max(node.children.items(), key=lambda kv: kv[1])
        if chars < DESCENT_SHARE * node.chars:
            break
        child = weights[key]
        if _has_prose(node, weights, skip=key) and _has_prose(child, weights, skip=None):
            break  # one flow of paragraphs on two levels: a lead beside the body, or unclosed divs
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
        if best.chars < 0.8 * node.chars and _contains(best.node, node.node):
            best = node
    return best.node


def _has_prose(w: Weight, weights: dict[int, Weight], *, skip: int | None) -> bool:
    """Whether a node holds paragraphs directly (not only through wrappers)."""
    return any(k != skip and weights[k].node.tag in _PARAGRAPH_TAGS for k in w.children)


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    target = outer.mem_id
    while node is not None:
        if node.mem_id == target:
            return True
        node = node.parent
    return False
