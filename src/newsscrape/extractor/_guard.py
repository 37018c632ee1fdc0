"""Guards that keep one hostile page from stalling a batch: a deadline and a nesting-depth check.

lexbor's tree builder is quadratic on deeply nested *block* elements (each new ``<div>`` scans the
stack of open elements for a ``<p>`` to close): measured on this machine, 10k nested divs parse in
80 ms, 50k in 2.3 s and 200k in 90 s, while 200k nested ``<span>`` or ``<b>`` parse in 15-30 ms.
So depth is checked on the markup *before* the parse (``check_markup``) and again on the tree for
the cases the markup scan cannot see (``check_tree``). Both are iterative: no Python recursion.

    >>> check_markup("<div>" * 50_000, max_depth=2000)
    Traceback (most recent call last): ... ExtractError: ... too_deep
"""

from __future__ import annotations

import re
import time
from typing import Final

from selectolax.lexbor import LexborNode

from ..errors import ExtractError

# Elements that never take children, or whose start tag closes the previous one of the same kind
# (p, li, td ...): they do not add nesting, so counting them would flag ordinary pages.
_FLAT: Final = frozenset(  # a word list reads better than one quoted word per line
    "area base br col embed hr img input link meta param source track wbr keygen p li dt dd "  # noqa: SIM905
    "option optgroup tr td th thead tbody tfoot rb rt rp colgroup caption !doctype".split()
)
_CHUNK: Final = 16384
_RAW_TEXT: Final = re.compile(
    r"<(script|style|textarea|title|xmp)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_TAG: Final = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>")


class Deadline:
    """A per-page time budget; ``check()`` raises ExtractError(reason="timed_out") once it is spent.

    >>> deadline = Deadline(10.0, url="https://example.com/")
    >>> deadline.check()  # between stages
    """

    __slots__ = ("_end", "limit", "url")

    def __init__(self, limit: float, *, url: str | None = None) -> None:
        self.limit = limit
        self.url = url
        self._end = time.monotonic() + limit

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise ExtractError(
                f"extraction took longer than {self.limit:g}s", url=self.url, reason="timed_out"
            )


def suspicious(text: str, max_depth: int) -> bool:
    """Cheap bound on nesting: the running count of start tags minus end tags, chunk by chunk.

    Two ``str.count`` per 16 KiB run at memory speed (0.2 ms on a 500 KB page); void elements and
    unclosed ``<p>`` make it an over-estimate (at most ~1100 on the aeb pages).

    >>> suspicious("<div>" * 3000, 2000), suspicious("<p>x</p>", 2000)
    (True, False)
    """
    running = 0
    for start in range(0, len(text), _CHUNK):
        chunk = text[start : start + _CHUNK]
        running += chunk.count("<") - 2 * chunk.count("</")
        if running > max_depth:
            return True
    return False


def check_markup(text: str, *, max_depth: int, url: str | None = None) -> bool:
    """Raise ExtractError(reason="too_deep") when the markup nests deeper than ``max_depth``.

    Returns True when the page looked odd enough to be scanned (worth a check of the tree too).

    >>> check_markup("<p>fine</p>", max_depth=2000)
    >>> check_markup("<div>" * 5000, max_depth=2000)  # raises too_deep
    """
    if not suspicious(text, max_depth):
        return False  # str.count runs at memory speed; the tag scan below is only paid on odd pages
    depth = deepest = 0
    # tags inside scripts, styles and comments are text to the parser (JS templates are full of them)
    for match in _TAG.finditer(_RAW_TEXT.sub(" ", text)):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _FLAT or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    raise too_deep(max_depth, url)
    return True


def check_tree(root: LexborNode, *, max_depth: int, url: str | None = None) -> None:
    """Measure the parsed tree's depth iteratively (first-child/next-sibling/parent moves only).

    >>> check_tree(LexborHTMLParser("<b>" * 10).root, max_depth=2000)
    """
    node: LexborNode | None = root
    depth = 0
    while node is not None:
        child = node.child
        if child is not None:
            node, depth = child, depth + 1
            if depth > max_depth:
                raise too_deep(max_depth, url)
            continue
        while node is not None and node.next is None:
            node, depth = node.parent, depth - 1
            if depth <= 0:
                return
        if node is None:
            return
        node = node.next


def too_deep(max_depth: int, url: str | None) -> ExtractError:
    """The error every depth check raises, worded once.

    >>> raise too_deep(2000, "https://example.com/a")  # ExtractError, reason "too_deep"
    """
    return ExtractError(f"markup nests deeper than {max_depth} elements", url=url, reason="too_deep")
