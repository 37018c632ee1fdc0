"""Guards that keep one hostile page from stalling a batch: a deadline, an attribute cap, a depth check.

lexbor's tree builder is quadratic on deeply nested *block* elements (each new ``<div>`` scans the
stack of open elements for a ``<p>`` to close): measured on this machine, 10k nested divs parse in
80 ms, 50k in 2.3 s and 200k in 90 s, while 200k nested ``<span>`` or ``<b>`` parse in 15-30 ms.
So depth is checked on the markup *before* the parse (``check_markup``) and again on the tree for
the cases the markup scan cannot see (``check_tree``). Both are iterative: no Python recursion.

    >>> check_markup("<div>" * 50_000, max_depth=2000)
    Traceback (most recent call last):
    newsscrape.errors.ExtractError: markup nests deeper than 2000 elements

lexbor is also quadratic in the number of distinct attributes on one tag (each new one is compared
with those before it): 5k attributes parse in 0.06 s, 10k in 0.26 s, 20k in 2.2 s, and 125k (1.1 MB)
never returned in 120 s. No real tag carries more than a few dozen, so ``tame_attributes`` keeps the
first ``MAX_ATTRIBUTES`` of each tag (and cuts that tag's values to ``MAX_VALUE_CHARS``) before the parse:
the page keeps its article, and 10 MB of 256-attribute tags parse in about a second.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, Final, TypeVar

from selectolax.lexbor import LexborNode

from ..errors import ExtractError

T = TypeVar("T")

# Elements that never take children, or whose start tag closes the previous one of the same kind
# (p, li, td ...): they do not add nesting, so counting them would flag ordinary pages.
_FLAT: Final = frozenset(  # a word list reads better than one quoted word per line
    "area base br col embed hr img input link meta param source track wbr keygen p li dt dd "  # noqa: SIM905
    "option optgroup tr td th thead tbody tfoot rb rt rp colgroup caption !doctype".split()
)
_CHUNK: Final = 16384
# A page with more tags than this many times the depth limit gets the exact scan (see suspicious).
STRAY_CAP: Final = 10
# Raw text and comments (skipped by the depth scan) and tags. An unclosed one runs to the end of
# the text, as it does for the parser: else each of 100k unclosed "<script>" or "<a" would rescan
# the rest of the page (quadratic). Each runs to its first end ("</script>", "-->") as a lazy
# ".*?" would, but looks for the end only at a "<" or a "-" (four times faster on script-heavy pages).
_RAW_TEXT: Final = re.compile(
    r"<(script|style|textarea|title|xmp)\b[^<]*+(?:<(?!/\1\s*>)[^<]*+)*+(?:</\1\s*>)?"
    r"|<!--[^-]*+(?:-(?!->)[^-]*+)*+(?:-->)?",
    re.IGNORECASE,
)
# A tag, up to its ">" or the end of the text; one that ends in "/" there closes itself. (A lazy
# run that tried for "/>" at each character made the scan several times slower.)
_TAG: Final = re.compile(r"<(/?)([a-zA-Z][^\s/>]*+)[^>]*+")

# Attribute caps, applied to the markup before lexbor sees it (see the module docstring).
MAX_ATTRIBUTES: Final = 256  # per tag; real pages stay under ~40
MAX_VALUE_CHARS: Final = 65_536  # per value; the longest real ones are srcset lists and data-* JSON
# The HTML tokenizer's view of a tag, linear on any input: names and unquoted values run to white
# space, "/" or ">"; a quoted value (only right after "=") may hold ">"; a tag cut off by the end of
# the document runs to its end. Possessive quantifiers: no backtracking, whatever the markup.
_WS = "[ \t\n\f\r]"  # HTML white space (\\s would take U+00A0 and others too)
_NAME = "[^ \t\n\f\r/>]"
# One piece of a tag: a run of name characters, a run of separators, a quoted value, or a lone
# quote or "=". Each attribute takes at least one piece, so a tag of few pieces has few attributes.
_PIECE = rf"""[^>="' \t\n\f\r/]++|[ \t\n\f\r/]++|={_WS}*+"[^"]*+"|={_WS}*+'[^']*+'|["'=]"""
_ANY_TAG: Final = re.compile(rf"<(?P<end>/?)(?P<name>[a-zA-Z]{_NAME}*+)(?:{_PIECE})*+(?:>|\Z)")
_ATTR = (
    rf"""[ \t\n\f\r/]*+{_NAME}[^ \t\n\f\r/>=]*+(?:{_WS}*+={_WS}*+(?:"[^"]*+"|'[^']*+'|[^ \t\n\f\r>]*+))?"""
)
_ONE_ATTR: Final = re.compile(_ATTR)
_KEPT_ATTRS: Final = re.compile(rf"</?[a-zA-Z]{_NAME}*+(?>{_ATTR}){{0,{MAX_ATTRIBUTES}}}")
_TAG_NAME: Final = re.compile(rf"</?[a-zA-Z]{_NAME}*+")
# Elements whose content the tokenizer reads as text up to their end tag (JavaScript is full of "<"
# and unbalanced quotes), and comments: tags in there are not tags. Inside <svg> and <math> they are
# (foreign content is tokenized as markup), so there the scan goes on through them.
_RAW_ELEMENTS: Final = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_RAW_END: Final = {name: re.compile(rf"</{name}[ \t\n\f\r/>]", re.IGNORECASE) for name in _RAW_ELEMENTS}
_FOREIGN: Final = frozenset({"svg", "math"})
_AFTER_NAME = r"(?=[ \t\n\f\r/>]|\Z)"
_FEW_PIECES = rf"(?:{_PIECE}){{0,{MAX_ATTRIBUTES - 1}}}+(?:>|\Z)"
# What needs no look from Python, consumed in one C-level match: text, comments ("<!-->" and
# "<!--->" end at once, others at "-->" or "--!>"), a "<" that opens no tag, every tag of fewer
# than MAX_ATTRIBUTES pieces but <svg> and <math> ones, and (outside those) raw-text elements'
# content. The scan stops at anything else: an <svg>/<math> tag, or a tag with too many pieces.
_TEXT_AND_TAGS = (
    r"[^<]++|<!--(?:-?>|(?s:.*?)(?:--!?>|\Z))|<(?![a-zA-Z]|/[a-zA-Z]|!--)"
    rf"|</?(?!(?i:svg|math){_AFTER_NAME})[a-zA-Z]{_NAME}*+{_FEW_PIECES}"
)
_RAW_TEXT_ELEMENTS = "|".join(
    rf"<(?i:{name}){_AFTER_NAME}{_FEW_PIECES}[^<]*+(?:<(?!/(?i:{name}){_AFTER_NAME})[^<]*+)*+"
    for name in sorted(_RAW_ELEMENTS)
)
# A whole <svg> or <math> element with nothing foreign nested (an icon): its content is markup.
_FOREIGN_ELEMENTS = "|".join(
    rf"<(?i:{name}){_AFTER_NAME}{_FEW_PIECES}(?:{_TEXT_AND_TAGS})*+</(?i:{name}){_AFTER_NAME}{_FEW_PIECES}"
    for name in sorted(_FOREIGN)
)
# Any tag but those of raw-text and foreign elements, tried first (most tags are these): where it
# matches, every other alternative fails but _TEXT_AND_TAGS's tag branch, which matches the same
# text; so the scan ends where it did, some 30 % sooner. The initials spare most tags the names.
_SPECIAL_NAMES = sorted(_RAW_ELEMENTS | _FOREIGN)
_SPECIAL_INITIALS = "".join(sorted({c for name in _SPECIAL_NAMES for c in (name[0], name[0].upper())}))
_SPECIAL = rf"(?i:{'|'.join(_SPECIAL_NAMES)}){_AFTER_NAME}"
_PLAIN_START = rf"(?:/(?!(?i:svg|math){_AFTER_NAME})|(?![{_SPECIAL_INITIALS}])|(?!{_SPECIAL}))"
_PLAIN_TAG = rf"<{_PLAIN_START}[a-zA-Z]{_NAME}*+{_FEW_PIECES}"
_ORDINARY: Final = re.compile(
    rf"(?:[^<]++|{_PLAIN_TAG}|{_RAW_TEXT_ELEMENTS}|{_FOREIGN_ELEMENTS}|{_TEXT_AND_TAGS})*+"
)
_ORDINARY_FOREIGN: Final = re.compile(rf"(?:{_TEXT_AND_TAGS})*+")


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
            raise self.expired()

    def expired(self) -> ExtractError:
        """The error for a page whose budget is spent, worded once."""
        return ExtractError(f"extraction took longer than {self.limit:g}s", url=self.url, reason="timed_out")

    def remaining(self) -> float:
        """Seconds left of the budget (negative once it is spent)."""
        return self._end - time.monotonic()

    def run(
        self, fn: Callable[..., T], *args: Any, reserve: float = 0.0, at_least: float = 0.25, **kwargs: Any
    ) -> T | None:
        """``fn(*args, **kwargs)`` stopped when the budget less ``reserve`` is spent: None then.

        For work whose time we cannot bound from its input: the whole extraction, and inside it
        trafilatura (quadratic in short paragraphs: 3,000 ``<p>x</p>`` take it 9 s). A call with
        less than ``at_least`` seconds to go is not started. The stop is an exception raised in this
        thread at the next Python instruction; a C call under way (a parse, a regex) ends first.

        >>> Deadline(10.0).run(sorted, [3, 1, 2], reserve=0.5)
        [1, 2, 3]
        >>> print(Deadline(0.5).run(sorted, [3, 1, 2], reserve=0.5))  # no time left: not started
        None
        """
        budget = self.remaining() - reserve
        if budget < at_least or budget <= 0:
            return None
        return _bounded(budget, fn, *args, **kwargs)


class _OutOfTime(BaseException):
    """Raised into a bounded call whose time is up (a BaseException: ``except Exception`` lets it by)."""


def _bounded(seconds: float, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    # a class of its own: a bounded call inside another stops only on its own time
    own: type[_OutOfTime] = type("_OutOfTime", (_OutOfTime,), {})
    target = threading.get_ident()
    token = _WATCHDOG.arm(time.monotonic() + seconds, target, own)
    try:
        try:
            return fn(*args, **kwargs)
        finally:
            if _WATCHDOG.disarm(token):
                _land()  # an interrupt fired as fn returned lands here, not in the caller's code
    except own:
        return None


def _land() -> None:
    # A scheduled interrupt is raised at the interpreter's next check, which every backward jump
    # makes: one turn of this loop. Already raised (fn was stopped), it is not raised again.
    for _ in range(2):
        pass


class _Watchdog:
    """One daemon thread that raises into bounded calls whose time is up.

    A ``threading.Timer`` per call cost a thread start and a wake-up on every page (some 5 % of an
    extraction); this thread sleeps until the earliest deadline armed, and an armed call that ends
    first is simply forgotten. Arming and firing share one lock, so a call that has disarmed is
    never interrupted afterwards. A late interrupt, fired as the call returned, is left to land in
    ``_bounded`` rather than cleared: clearing one with ``PyThreadState_SetAsyncExc(id, NULL)``
    leaves CPython's "async exception pending" flag set for good, and from then on every loop of
    the thread runs the interpreter's slow path (and under cProfile never ends).
    """

    def __init__(self) -> None:
        self._reset()
        # a forked child (a crawl worker) has the lock's state but not the thread: start afresh there
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._armed: dict[int, tuple[float, int, type[BaseException]]] = {}  # token -> due, thread, exc
        self._tokens = itertools.count()
        self._sleeping_until = math.inf  # the deadline the thread sleeps towards
        self._thread: threading.Thread | None = None

    def arm(self, due: float, thread_id: int, exc: type[BaseException]) -> int:
        with self._lock:
            token = next(self._tokens)
            self._armed[token] = (due, thread_id, exc)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True, name="newsscrape-deadline")
                self._thread.start()
            elif due < self._sleeping_until:
                self._wake.notify()
            return token

    def disarm(self, token: int) -> bool:
        """Forget the call ``token`` armed; True when its interrupt was already fired (``_run``
        forgets a token as it fires it)."""
        with self._lock:
            return self._armed.pop(token, None) is None

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                for token, (due, thread_id, exc) in list(self._armed.items()):
                    if due <= now:
                        del self._armed[token]
                        _raise_in(thread_id, exc)
                self._sleeping_until = min((due for due, _, _ in self._armed.values()), default=math.inf)
                self._wake.wait(None if self._sleeping_until == math.inf else self._sleeping_until - now)


_WATCHDOG: Final = _Watchdog()


def _raise_in(thread_id: int, exc: type[BaseException]) -> None:
    """Schedule ``exc`` in the thread: CPython's PyThreadState_SetAsyncExc."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc))


def suspicious(text: str, max_depth: int) -> bool:
    """Cheap bound on nesting: the running count of start tags minus end tags, chunk by chunk, or
    a page with more than ``STRAY_CAP`` times ``max_depth`` tags.

    A ``str.count`` per 16 KiB runs at memory speed (0.2 ms on a 500 KB page); void elements and
    unclosed ``<p>`` make it an over-estimate (at most ~1100 on the aeb pages). The end tags, a
    slower two-character count, are counted only when the start tags alone pass ``max_depth``.

    >>> suspicious("<div>" * 3000, 2000), suspicious("<p>x</p>", 2000)
    (True, False)
    """
    running = 0  # less the end tags of the chunks before `settled`: exact, or else an upper bound
    settled = tags = 0
    for start in range(0, len(text), _CHUNK):  # counted in place: no copy of each chunk
        end = start + _CHUNK
        found = text.count("<", start, end)
        tags += found
        running += found
        if running > max_depth:  # the bound is too high: subtract the end tags counted so far
            running -= 2 * sum(text.count("</", at, at + _CHUNK) for at in range(settled, end, _CHUNK))
            settled = end
            if running > max_depth:
                return True
    # End tags that close nothing ("<div></span>" * 60_000) pass for closes in these counts, so a
    # page with many tags is scanned whatever they say: no page under the cap nests deep enough to
    # cost much (10k nested divs parse in 80 ms). Real pages stay far below it (WCXB's 99th
    # percentile: 17k "<" in all).
    return tags > STRAY_CAP * max_depth


def check_markup(text: str, *, max_depth: int, url: str | None = None) -> bool:
    """Raise ExtractError(reason="too_deep") when the markup nests deeper than ``max_depth``.

    Returns True when the page looked odd enough to be scanned (worth a check of the tree too).

    >>> check_markup("<p>fine</p>", max_depth=2000)
    False
    >>> check_markup("<div>" * 5000, max_depth=2000)
    Traceback (most recent call last):
    newsscrape.errors.ExtractError: markup nests deeper than 2000 elements
    """
    if not suspicious(text, max_depth):
        return False  # str.count runs at memory speed; the tag scan below is only paid on odd pages
    stack: list[str] = []  # the open elements' names, as the parser keeps them
    opened: Counter[str] = Counter()
    # tags inside scripts, styles and comments are text to the parser (JS templates are full of them)
    for match in _TAG.finditer(_RAW_TEXT.sub(" ", text)):
        closing, name = match.groups()
        name = name.lower()
        if match[0].endswith("/") or name in _FLAT:
            continue
        if not closing:
            stack.append(name)
            opened[name] += 1
            if len(stack) > max_depth:
                raise too_deep(max_depth, url)
        elif opened[name]:  # an end tag closes its element and any left open inside it ...
            while (top := stack.pop()) != name:
                opened[top] -= 1
            opened[name] -= 1
        # ... and an end tag with no element of its name open closes nothing
    return True


def tame_attributes(text: str) -> str:
    """The markup with at most MAX_ATTRIBUTES attributes per tag; a tag cut so has its values cut to
    MAX_VALUE_CHARS too (a long value alone is no trouble: lexbor parses a 10 MB one in 0.04 s).

    Linear in the markup; ordinary pages come back unchanged (the same object).

    >>> page = "<div " + " ".join(f"a{i}" for i in range(100_000)) + ">Text</div>"
    >>> len(tame_attributes(page)) < 2_000
    True
    """
    out: list[str] = []
    done = pos = 0
    foreign: list[str] = []  # open <svg>/<math> elements (an end tag closes only its own)
    while True:
        run = (_ORDINARY_FOREIGN if foreign else _ORDINARY).match(text, pos)  # always matches
        pos = run.end() if run is not None else pos
        match = _ANY_TAG.match(text, pos)
        if match is None:  # the end of the text
            break
        start, pos = match.span()
        if pos - start > 2 * MAX_ATTRIBUTES and (tamed := _tame_tag(match.group(0))) is not None:
            out += (text[done:start], tamed)
            done = pos
        name = match["name"].lower()
        if name in _FOREIGN:
            if not match["end"]:
                foreign.append(name)
            elif name in foreign:
                del foreign[len(foreign) - 1 - foreign[::-1].index(name) :]
        elif not match["end"] and not foreign and name in _RAW_ELEMENTS:
            end_tag = _RAW_END[name].search(text, pos)
            pos = len(text) if end_tag is None else end_tag.start()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _tame_tag(tag: str) -> str | None:
    """One long tag cut down to the caps, or None when it is within them."""
    kept = _KEPT_ATTRS.match(tag)  # the tag name and its first MAX_ATTRIBUTES attributes
    if kept is None:  # cannot happen: the tag matched _ANY_TAG, which opens the same way
        return None
    head = kept.group(0)
    excess = _ONE_ATTR.match(tag, kept.end()) is not None  # another attribute follows
    if len(head) > MAX_VALUE_CHARS:  # some name or value may be too long: cut each one
        name = _TAG_NAME.match(head)
        name_end = name.end() if name is not None else 0
        head = head[:name_end] + "".join(_cut(a.group(0)) for a in _ONE_ATTR.finditer(head, name_end))
    elif not excess:
        return None
    return head + ("/>" if tag.endswith("/>") else ">" if tag.endswith(">") else "")


def _cut(attr: str) -> str:
    """An attribute cut to MAX_VALUE_CHARS, its closing quote kept."""
    if len(attr) <= MAX_VALUE_CHARS:
        return attr
    return attr[:MAX_VALUE_CHARS] + (attr[-1] if attr[-1] in "\"'" else "")


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

    >>> too_deep(2000, "https://example.com/a").reason
    'too_deep'
    """
    return ExtractError(f"markup nests deeper than {max_depth} elements", url=url, reason="too_deep")
