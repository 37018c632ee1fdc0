"""A forum thread's posts: the message boxes the thread repeats, found by their markup, in order.

Forum software prints every post of a thread from one template, so each message's words sit in
a box of the same tag and class ("message-body", "cooked", "postbody", "usertext-body", "s-prose",
whatever the family calls it) or carry schema.org's property for a posting's words
(``itemprop="text"`` on a Comment, an Answer or a DiscussionForumPosting). The thread is the group
of such boxes that holds the most prose, and of the groups holding nearly as much (a post's wrapper
holds its message and its poster's card too) the tightest one: the messages themselves, without
the user cards, "Reply/Quote/Like" bars and signatures between them.

The content pass reads a page typed as a forum thread post by post when its other readings missed
most of the thread: a thread marked up as a comment section ("comments", "replies") is page-wide
chrome on any other page, and its messages sit in reply forms (old Reddit) that the block walk
drops (``_content._read_thread``).

    >>> from newsscrape.extractor.content._scoring import paragraph_weights
    >>> html = (
    ...     '<body><div class="post"><div class="message-body">The new firmware fixes the battery drain.'
    ...     '</div><div class="user">Kim</div></div><div class="post"><div class="message-body">'
    ...     "Same here: two days on one charge since the update.</div><div class=user>Lee</div></div>"
    ... )
    >>> body = LexborHTMLParser(html).body
    >>> [box.text(deep=True) for box in thread_posts(body, paragraph_weights(body))]  # the messages
    ['The new firmware fixes the battery drain.', 'Same here: two days on one charge since the update.']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain
from typing import Final

from selectolax.lexbor import LexborNode

from .._nodes import INLINE_TAGS, ancestors, inside_any
from .._text import compact, label_words
from ._chrome import RemovalKind
from ._scoring import MIN_CHARS, Weight

# schema.org's properties for a posting's words (a Comment's or an Answer's ``text``, an article's
# ``articleBody``, the older UserComments' ``commentText``), lower-cased
POST_PROPS: Final = frozenset({"text", "articlebody", "commenttext"})
# A thread shows at least its opening post and a reply.
MIN_POSTS: Final = 2
# Of the groups holding at least this share of the best group's prose, the tightest (fewest
# characters beyond its prose, ``_beyond_prose``) is the thread's messages: a post's wrapper holds its
# message and its user card.
# (0.8, 0.9 and 0.95 score alike on WCXB half A: the rule is the tightness, not the share.)
TIGHT_SHARE: Final = 0.9
# The posts' heads are read around the tightest group holding this share of the best group's prose,
# and no fewer boxes than the posts: a bulletin board's poster card weighs as prose ("Posts: 96<br>
# Threads: 11"), so the group of whole posts (MyBB) passes ``TIGHT_SHARE`` where the messages
# inside them hold .83 of it, and a head is read only around a box inside its post's wrapper.
# (0.7 and 0.8 score alike on WCXB half A; 0.85 loses MyBB's heads, 0.9 XenForo 1's too.)
HEAD_SHARE: Final = 0.8
# Elements whose class never marks a post's box: a paragraph and its inline parts (a class repeated
# on every paragraph of every post would be a group of the thread's prose too, split per paragraph).
_NOT_BOXES: Final = INLINE_TAGS | {"p", "br", "img", "html", "body", "head"}

# A poster's card beside each post: rank, join date, message count, location (XenForo's
# "message-userExtras" and "message-userTitle", its older "extraUserInfo", phpBB's "postprofile").
# WCXB truths keep a post's words, never its card: on a thread's reading a line found whole only in
# such a card goes, whichever reading won (``_content``). WCXB: forum pages of 11 sites move up on
# half A (forum +.0013), of 6 sites on half B (+.0005), one down (-.0007); no other page changes.
CARD_WORDS: Final = ("userExtras", "userTitle", "extraUserInfo", "postprofile")
POSTER_CARD_KINDS: Final[dict[str, tuple[RemovalKind, str]]] = {
    word.lower(): ("bio", "poster's card") for word in CARD_WORDS
}
POSTER_CARDS: Final = ", ".join(f'[class*="{word}" i]' for word in CARD_WORDS)

Key = tuple[str, str]
# A post's text (compact: no white space, lower-cased), the lines of its head, and its own text
# (compact, without the quotes of other posts it holds: a short reply below a quote starts there)
Head = tuple[str, tuple[str, ...], str]

# A post's head: who wrote it and when. WCXB forum truths print every post under its poster's name
# and its date ("JosephF" / "Jan 3, 2024"), which the readings drop with the poster's card and the
# post's header bar (chrome on any other page). Both are found in the post's own wrapper, never in
# a quote of another post: the name is the post's schema.org author around the message box (its
# ``name``, else its text when that is a name: no rank, no counters), else its "username" link
# (XenForo, phpBB and vBulletin class their poster links so), else the ``data-author`` or
# ``data-username`` of the post's wrapper (XenForo's themes, old Reddit, NodeBB: their schema.org
# name is a <meta>, which the tree loses); the date is the post's first ``<time>`` printed with its
# year (a bulletin board prints it in the message box, above the text).
# Invision Community heads its posts its own way: version 4 names the poster in the link of its
# author pane's "cAuthorPane_author" heading (no username class; a reputation badge beside it),
# version 5 prints a ``<time>`` twice, long and short ("June 14, 2024" and "1 yr" in spans), of
# which the long one is the date.
AUTHOR: Final = '[itemprop="author"]'
NAME: Final = '[itemprop="name"]'
USERNAME: Final = '[class*="username" i], .cAuthorPane_author a'
LONG_TIME: Final = ".ipsTime__long"
NAME_MAX_WORDS: Final = 4
# Bulletin boards that mark neither (MyBB, SMF, phpBB's and Tapatalk's "author" line, XenForo 1's
# dates) print the head all the same: the poster's name as a link to their profile, the date as
# text. Both are read in the post's wrapper before its message box, or in the box above its text
# ("by X » Tue Aug 27, 2019 1:47 am"); below the message only the date of a post headed with a
# name (XenForo 1's "name, date" under each post): a card printed below the message is an answer's
# footer (Stack Exchange's "answered ... by"), which the truths leave out. Never in the poster's
# card (``CARD_WORDS``: "Joined: Dec 11, 2021"). WCXB forum: half A 7 pages up (SMF, MyBB,
# Tapatalk, XenForo 1, phpBB, mumsnet, permies), one down (slashdot, whose truth has no comment
# dates), .8323 -> .8342; half B 6 up (phpBB, FluxBB, XenForo), one down, .8053 -> .8084.
# A profile link: a word of the address's path or query, not of its host ("superuser.com"):
# "/members/x.12/", "/user-37079.html", "memberlist.php?mode=viewprofile", "?action=profile;u=1".
PROFILE_LINK: Final = re.compile(
    r"(?:^|[/?&;=._-])(?:user|member|u|profile)(?:s|list)?(?:$|[/?&;=._-]|\d)", re.I
)
_HOST: Final = re.compile(r"^(?:[a-z][\w+.-]*:)?//[^/?#]*|#.*$", re.IGNORECASE)
HEAD_MAX_CHARS: Final = 80  # a line of the head; longer text is the message's
_CARD: Final = re.compile("|".join(CARD_WORDS), re.IGNORECASE)
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
PRINTED_DATE: Final = re.compile(
    r"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{4}}"
    r"|\b\d{4}-\d\d-\d\d|\b\d{1,2}[/.]\d{1,2}[/.]\d{4})\b"
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\b\.?)?)?",
    re.IGNORECASE,
)
ISO_TIME: Final = re.compile(r"^\d{4}-\d\d-\d\dT")
YEAR: Final = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a date printed with its year, not "2 years ago"
LETTER: Final = re.compile(r"[^\W\d_]")


def post_heads(posts: list[LexborNode]) -> list[Head]:
    """For each of the thread's message boxes, its text (compact) and the lines of its head: the
    poster's name and the post's date, as printed around the box in the post's own wrapper (the
    largest box around it holding no other post)."""
    shared: dict[int, int] = defaultdict(int)
    for post in posts:
        for up in ancestors(post):
            shared[up.mem_id] += 1
    out: list[Head] = []
    for post in posts:
        unit = post
        for up in ancestors(post):
            if shared[up.mem_id] > 1:
                break
            unit = up
        lines: tuple[str, ...] = ()
        if unit.mem_id != post.mem_id:
            name, when = _poster(post, unit), _posted(unit)
            if name is None or when is None:
                linked, printed = _printed_head(post, unit)
                name, when = name or linked, when or printed
            lines = tuple(line for line in (name, when) if line)
        out.append((compact(post.text(deep=True)), lines, _own_text(post)))
    return out


def _own_text(post: LexborNode) -> str:
    """A message box's text (compact) less the quotes of other posts it holds (their outermost
    ``<blockquote>``)."""
    text = compact(post.text(deep=True))
    for quote in post.css("blockquote"):
        said = compact(quote.text(deep=True))
        if said and not quote.css_matches("blockquote blockquote"):
            text = text.replace(said, "", 1)
    return text


def _poster(post: LexborNode, unit: LexborNode) -> str | None:
    """The poster's name in the post's wrapper ``unit``: its schema.org author outside the message
    box, else its first username link outside a quote, else a ``data-author`` around the box."""
    keys = {post.mem_id}
    name = _name(next((n for n in unit.css(AUTHOR) if not inside_any(n, keys)), None)) or next(
        (
            text
            for node in unit.css(USERNAME)
            # the innermost: a box classed for the name may hold it twice (Tapatalk's "avatar-username")
            if node.css_matches("blockquote *") is False
            and len(node.css(USERNAME)) == 1
            and (text := _name_text(node))
        ),
        None,
    )
    return name or _data_author(post, unit)


def _posted(unit: LexborNode) -> str | None:
    """The post's date in its wrapper ``unit``: its first ``<time>`` outside a quote (the long form
    where it prints two), when that shows a year and is not an ISO stamp."""
    when = next(
        (
            text
            for node in unit.css("time")
            if node.css_matches("blockquote time") is False
            and (text := " ".join((node.css_first(LONG_TIME) or node).text(deep=True).split()))
        ),
        None,
    )
    return when if when and YEAR.search(when) and not ISO_TIME.match(when) else None


def _printed_head(post: LexborNode, unit: LexborNode) -> tuple[str | None, str | None]:
    """The poster's name and the post's date printed in the post's wrapper ``unit`` before its
    message box ``post`` or in the box above its text (no quote, no poster's card): the first link
    to a profile (``PROFILE_LINK``) whose text is a name, and the date (``PRINTED_DATE``) of the
    tightest element holding one. Below the message only the date, and only in a wrapper headed
    with a name (XenForo 1 prints "name, date" under each post)."""
    # the wrappers around the message hold its words: no line of a head
    head = _Head(around={up.mem_id for up in ancestors(post)})
    below = False  # past the message
    for node in _elements(unit, closed=post.mem_id):
        if below:
            head.when = _date_in(node)
            if head.when is not None:
                break
        elif node.mem_id == post.mem_id:
            for inner in _elements(post):
                if len(inner.text(deep=False).strip()) > HEAD_MAX_CHARS:
                    break  # the message's own words: the head is above them
                head.read(inner)
            if head.when is not None or not (head.headed or head.name):
                break
            below = True
        else:
            head.read(node)
    return head.name, head.when


class _Head:
    """What ``_printed_head`` has read of a post's head so far."""

    __slots__ = ("around", "headed", "name", "when")

    def __init__(self, *, around: set[int]) -> None:
        self.around = around
        self.name: str | None = None
        self.when: str | None = None
        self.headed = False  # a name printed above the message

    def read(self, node: LexborNode) -> None:
        attrs = node.attributes
        self.headed = self.headed or "username" in (attrs.get("class") or "").lower()
        if self.name is None and node.tag == "a" and _profile(attrs.get("href") or ""):
            self.name = _name_text(node)
        if self.when is None and node.mem_id not in self.around:
            self.when = _date_in(node)


def _profile(href: str) -> bool:
    """Whether ``href`` is a link to a poster's profile (``PROFILE_LINK``, in its path or query)."""
    return PROFILE_LINK.search(_HOST.sub("", href)) is not None


def _elements(root: LexborNode, *, closed: int | None = None) -> Iterator[LexborNode]:
    """The elements in ``root`` in document order, ``root`` first, without quotes and posters' cards
    (``CARD_WORDS``) below it; the element ``closed`` (a ``mem_id``) is given but not entered."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.mem_id != root.mem_id and (
            node.tag == "blockquote" or _CARD.search(node.attributes.get("class") or "")
        ):
            continue
        yield node
        if node.mem_id == closed:
            continue
        kids = []
        child = node.child
        while child is not None:
            if child.is_element_node:
                kids.append(child)
            child = child.next
        stack.extend(reversed(kids))


def _date_in(node: LexborNode) -> str | None:
    """The date printed in ``node`` when it is a line of the head (``_dated``): as printed by the
    tightest element holding it, with its weekday and time where printed beside it."""
    if not _dated(node):
        return None
    while (inner := next((kid for kid in node.iter(include_text=False) if _dated(kid)), None)) is not None:
        node = inner
    found = PRINTED_DATE.search(" ".join(node.text(deep=True).split()))
    return found.group(0) if found else None


def _dated(node: LexborNode) -> bool:
    """Whether ``node`` is a line of the head (``HEAD_MAX_CHARS``) that prints a date."""
    text = node.text(deep=True)
    if len(text) > 2 * HEAD_MAX_CHARS:  # spares folding a long message's white space
        return False
    text = " ".join(text.split())
    return (
        len(text) <= HEAD_MAX_CHARS
        and YEAR.search(text) is not None
        and PRINTED_DATE.search(text) is not None
    )


def _name(author: LexborNode | None) -> str | None:
    """The poster's name: the author box's schema.org ``name`` (not the avatar's initial printed
    beside it), else the box's text when it is a name (``_as_name``)."""
    if author is None:
        return None
    return next(
        (text for node in (*author.css(NAME), author) if (text := _name_text(node))),
        None,
    )


def _data_author(post: LexborNode, unit: LexborNode) -> str | None:
    """The name in a ``data-author`` (XenForo's themes, old Reddit) or ``data-username`` (NodeBB)
    attribute of the post's box or a wrapper of it up to ``unit`` (a quote of another post inside
    the box carries that poster's)."""
    for node in chain((post,), ancestors(post)):
        attrs = node.attributes
        if text := " ".join((attrs.get("data-author") or attrs.get("data-username") or "").split()):
            return _as_name(text)
        if node.mem_id == unit.mem_id:
            break
    return None


def _name_text(node: LexborNode) -> str | None:
    """A node's text, when it is a name (``_as_name``)."""
    return _as_name(node.text(deep=True, separator=" "))


def _as_name(text: str) -> str | None:
    """``text`` with its white space folded, when it is a name: of at most ``NAME_MAX_WORDS`` words,
    with a letter (a post's number, a rank with counters are no name)."""
    text = " ".join(text.split())
    return text if LETTER.search(text) and label_words(text) <= NAME_MAX_WORDS else None


def thread_posts(body: LexborNode, weights: dict[int, Weight]) -> list[LexborNode]:
    """The message boxes of the thread in ``body`` in page order, or [] when no box repeats.

    ``weights`` are the tree's paragraph weights (``_scoring.paragraph_weights``): the prose of a
    group is the sum of its boxes' weights, so no box's text is read to choose the group.
    """
    return thread_boxes(body, weights)[0]


def thread_boxes(body: LexborNode, weights: dict[int, Weight]) -> tuple[list[LexborNode], list[LexborNode]]:
    """The thread's message boxes (``thread_posts``) and the boxes its posts' heads are read
    around: the tightest group holding ``HEAD_SHARE`` of the prose ([], [] when no box repeats)."""
    groups: dict[Key, list[LexborNode]] = defaultdict(list)
    for node in body.traverse():
        tag = node.tag
        if tag is None or tag in _NOT_BOXES or not node.is_element_node:
            continue
        attrs = node.attributes
        prop = (attrs.get("itemprop") or "").lower()
        if prop in POST_PROPS:
            groups["itemprop", prop].append(node)
        klass = attrs.get("class")
        if klass and klass.strip():
            groups[tag, " ".join(sorted(klass.split()))].append(node)
    scored: list[tuple[int, list[LexborNode]]] = []
    for key, nodes in groups.items():
        boxes = _outermost(nodes)
        if len(boxes) < MIN_POSTS:
            continue
        # a one-line post typed into its box weighs in a group of one template's boxes; an itemprop's
        # group holds a thread's every kind of text (an Answer's, and its Comments', typed so)
        typed = key[0] != "itemprop"
        prose = sum(
            w.chars if (w := weights.get(box.mem_id)) is not None else _typed(box) if typed else 0
            for box in boxes
        )
        if prose:
            scored.append((prose, boxes))
    if not scored:
        return [], []
    best = max(prose for prose, _ in scored)
    posts = min(
        ((prose, boxes) for prose, boxes in scored if prose >= TIGHT_SHARE * best), key=_beyond_prose
    )[1]
    # a group of some of the posts (phpBB's "bg1"/"bg2" rows alternate) holds no head of the others
    heads = [boxes for prose, boxes in scored if prose >= HEAD_SHARE * best and len(boxes) >= len(posts)]
    return posts, min(heads, key=_chars)


def _typed(box: LexborNode) -> int:
    """The prose of a box the paragraph weights left out: a message typed straight into its <div>,
    without <p> or <br> (a one-line post), weighs its own text. XenForo 2 prints a thread's opening
    post outside the replies' schema.org Comment: when it is one line, the itemprop group (the
    replies) was the tightest of equal prose, and the opening post was lost (WCXB half A: 4 forum
    pages of 4 XenForo sites up, forum .8342 -> .8436, one down by .001; half B: 3 up, none down)."""
    if box.tag != "div":
        return 0
    size = len(box.text(deep=False).strip())
    return size if size >= MIN_CHARS else 0


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` less those inside another of them (a reply nested in the post it answers is read
    with it), in page order."""
    keys = {node.mem_id for node in nodes}
    return [node for node in nodes if not inside_any(node, keys)]


def _beyond_prose(group: tuple[int, list[LexborNode]]) -> int:
    """How much a group of boxes (its prose, its boxes) holds besides its prose: its characters
    without white space less its prose (which counts its spaces, so of two groups alike but for a
    post, the one holding it wins). The messages' group holds least; fewest characters alone chose
    the answers' boxes of a Q&A page over the posts' (question and answers), whose question is a few
    lines (WCXB: a Stack Exchange page on half A, .933 -> 1.0; a travel forum's on half B,
    .954 -> .994; no other page moves)."""
    prose, boxes = group
    return _chars(boxes) - prose


def _chars(boxes: list[LexborNode]) -> int:
    return sum(len("".join(box.text(deep=True).split())) for box in boxes)


def common_ancestor(nodes: list[LexborNode]) -> LexborNode:
    """The deepest node holding all of ``nodes`` (``nodes[0]`` when there is one)."""
    path = [nodes[0], *ancestors(nodes[0])]
    depth = {node.mem_id: at for at, node in enumerate(path)}
    lowest = 0
    for node in nodes[1:]:
        at = next((depth[up.mem_id] for up in chain((node,), ancestors(node)) if up.mem_id in depth), None)
        if at is not None:
            lowest = max(lowest, at)
    return path[lowest]
