"""Where the story sits in the tree: its headline, and whether a node is inside the story or in chrome."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._text import squash

# Elements that start and end a paragraph; everything else is inline and joins its neighbours.
BLOCK_TAGS: Final = frozenset(  # a word list reads better than one quoted word per line
    "p div section article main ul ol li blockquote pre table thead tbody tfoot tr td th caption "  # noqa: SIM905
    "dl dt dd h1 h2 h3 h4 h5 h6 figure figcaption address center hr header footer nav aside form "
    "fieldset legend details summary body html".split()
)
# Inline elements carry words of the sentence around them, whatever their class says.
INLINE_TAGS: Final = frozenset(
    {"a", "span", "b", "strong", "i", "em", "u", "s", "small", "font", "abbr", "time", "sup", "sub"}
    | {"code", "mark", "cite", "q", "bdi", "bdo", "data", "var", "kbd", "samp", "del", "ins"}
)

# A picture and its caption: what is printed inside them speaks of the picture, not the story.
FIGURE_TAGS: Final = frozenset({"figure", "figcaption"})
# Site-wide chrome: what sits inside these is other stories, comments or the footer, not this story.
CHROME_BOXES = frozenset({"aside", "nav", "footer"})


def headline_node(tree: LexborHTMLParser) -> LexborNode | None:
    """The story's h1: the first inside article/main, else the first on the page.

    >>> headline_node(LexborHTMLParser("<h1>Menu</h1><main><h1>Story</h1></main>")).text()
    'Story'
    """
    h1s = tree.css("h1")
    return next((h for h in h1s if in_story(h)), h1s[0] if h1s else None)


def story_box(node: LexborNode) -> LexborNode | None:
    """The nearest article, main or role=main element around ``node``.

    >>> story_box(LexborHTMLParser("<main><p><b>x</b></p></main>").css_first("b")).tag
    'main'
    """
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main") or (parent.attributes.get("role") == "main"):
            return parent
        parent = parent.parent
    return None


def in_story(node: LexborNode) -> bool:
    """Inside an article, main or role=main element.

    >>> in_story(LexborHTMLParser("<article><p>x</p></article>").css_first("p"))
    True
    """
    return story_box(node) is not None


def outside_story(node: LexborNode) -> bool:
    """Inside an aside, nav or footer: site-wide chrome, not this story.

    >>> outside_story(LexborHTMLParser("<footer><p>x</p></footer>").css_first("p"))
    True
    """
    return any(parent.tag in CHROME_BOXES for parent in ancestors(node))


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    """The nodes around ``node``, nearest first, up to the document node.

    >>> [p.tag for p in ancestors(LexborHTMLParser("<nav><p>x</p></nav>").css_first("p"))]
    ['nav', 'body', 'html', '-document']
    """
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def class_and_id(node: LexborNode) -> str:
    """``node``'s class and id, case-folded, one space between: what a name test looks in
    ("related" in "yarpp-related").

    >>> class_and_id(LexborHTMLParser('<div class="Post-Navigation" id="nav">x</div>').css_first("div"))
    'post-navigation nav'
    """
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold()


# Icon fonts drawn from ligatures (Google's Material Icons and Material Symbols): an icon's element
# holds the icon's name ("chevron_right", "keyboard_arrow_down"), which the font draws as one glyph.
# Read as text, the name becomes words where no aria-hidden hides it: a trail's "Home
# keyboard_arrow_right", a question's "chevron_right". WCXB: 22 pages of both halves set such icons.
# An icon that is its box, or alone in its box, is the box's value, kept: a comparison table's
# "check" in a cell.
ICON_FONTS: Final = ("material-icons", "material-symbols")  # drop_icon_names looks for "material-" first
_ICON_FONT_QUERY: Final = ", ".join(f'[class*="{name}"]' for name in ICON_FONTS)
_ICON_NAME: Final = re.compile(r"[a-z][a-z0-9_]*|[\ue000-\uf8ff]")  # a ligature, or a private-use glyph


def drop_icon_names(tree: LexborHTMLParser, html: str) -> None:
    """Remove from ``tree`` the inline icon-font elements (``ICON_FONTS``) whose text is an icon's
    name set beside other text. ``html`` is the page the tree was parsed from, looked at first: most
    pages set no such icon.

    >>> tree = LexborHTMLParser('<a>Home <i class="material-icons">chevron_right</i></a>'
    ...                         '<table><tr><td><i class="material-icons">check</i></td></tr></table>')
    >>> drop_icon_names(tree, tree.html), tree.css_first("a").text(), tree.css_first("td").text()
    (None, 'Home ', 'check')
    """
    if "material-" not in html:  # one scan of the page for both names (most pages have neither)
        return
    boxes: dict[int, str] = {}  # each box's text, read once: one box may hold thousands of icons
    for node in tree.css(_ICON_FONT_QUERY):
        name, box = node.text(deep=True).strip(), node.parent
        if node.tag not in INLINE_TAGS or box is None or not _ICON_NAME.fullmatch(name):
            continue  # a box of its own, or no icon's name
        if box.mem_id not in boxes:
            boxes[box.mem_id] = box.text(deep=True).strip()
        if boxes[box.mem_id] != name:
            node.decompose()


# WordPress names a post's box after its terms ("post-12 type-post hentry category-space tag-iran"):
# there "tag-iran" says the post is tagged so, not what the box is ("tag-quotes" is no quote box).
# Such term classes are not read for words on a box that carries the post classes.
WP_POST_CLASS: Final = re.compile(r"^(?:hentry|status-publish|type-[a-z0-9_-]+|post-[0-9]+)$")
WP_TERM_CLASS: Final = re.compile(r"^(?:tag|category)-.")


def without_terms(klass: str) -> str:
    """``klass`` without its WordPress term classes, when it is a post's box (``WP_POST_CLASS``).

    >>> without_terms("post-120 hentry category-blog tag-quotes"), without_terms("tag-cloud")
    ('post-120 hentry', 'tag-cloud')
    """
    words = klass.split()
    if any(WP_POST_CLASS.match(word) for word in words):
        return " ".join(word for word in words if not WP_TERM_CLASS.match(word))
    return klass


def inside_any(node: LexborNode, boxes: set[int]) -> bool:
    """Whether a node around ``node`` is one of ``boxes`` (their ``mem_id``).

    >>> tree = LexborHTMLParser("<div><p>x</p></div>")
    >>> inside_any(tree.css_first("p"), {tree.css_first("div").mem_id})
    True
    """
    return any(parent.mem_id in boxes for parent in ancestors(node))


def marked(
    node: LexborNode, memo: dict[int, bool], stop: int, mark: Callable[[LexborNode], bool] | None = None
) -> bool:
    """Whether ``node`` or a node around it, below ``stop`` (a ``mem_id``), is marked: True in
    ``memo`` (``mem_id`` -> marked), or passing ``mark``. Every node climbed through is memoised
    with the answer, so a walk asking for each node of a tree climbs through each node once.

    >>> tree = LexborHTMLParser("<div><p><b>x</b></p></div>")
    >>> memo = {tree.css_first("div").mem_id: True}
    >>> marked(tree.css_first("b"), memo, tree.body.mem_id), len(memo)
    (True, 3)
    >>> marked(tree.css_first("b"), {}, tree.body.mem_id, lambda n: n.tag == "p")
    True
    """
    path: list[int] = []
    cur: LexborNode | None = node
    status = False
    while cur is not None and cur.mem_id != stop:
        known = memo.get(cur.mem_id)
        if known is not None:
            status = known
            break
        path.append(cur.mem_id)
        if mark is not None and mark(cur):
            status = True
            break
        cur = cur.parent
    for key in path:
        memo[key] = status
    return status


# What tells markup from text that only holds angle brackets ("the <table> element", "<The Palace>",
# "Jane <jane at example dot org>"): an end tag of an element that holds text, or a line break.
_CLOSED_TAG: Final = re.compile(
    r"</(?:p|a|b|i|em|strong|span|div|li|ul|ol|h[1-6]|blockquote|code|small|sup|sub|u|mark)\s*>|<br\s*/?>",
    re.I,
)
# Where a reader sees a break in text written as markup: a line break, a block's start or end.
_BREAK_TAG: Final = re.compile(r"<(?:br|/?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section)\b)", re.I)


def markup_text(value: str, *, limit: int | None = None) -> str:
    """A value a page wrote as markup (a CMS's excerpt or byline put whole into a meta or a JSON-LD
    field) as the text it shows: its tags gone, a space where a line or a block ends, white space
    squashed. Only its first ``limit`` characters are read when given; a value without an end tag
    (``_CLOSED_TAG``) is text, returned as it is.

    >>> markup_text("<p>Meet <strong>Mini</strong>, a <em>small</em> tool.</p><p>Try it.</p>")
    'Meet Mini, a small tool. Try it.'
    >>> markup_text("The <table> element"), markup_text("x < y and y > z")
    ('The <table> element', 'x < y and y > z')
    """
    if "<" not in value or _CLOSED_TAG.search(value) is None:
        return value
    body = LexborHTMLParser(_BREAK_TAG.sub(r" \g<0>", value[:limit])).body
    return squash(body.text(deep=True)) if body is not None else value
