"""A byline's text as a reader sees it: an element's lines (a date run into a name set apart), the
"By ..." lines of the page, below the headline and anywhere, and the boxes whose names are not the
story's writer's (a commenter, a related story's card, a reviewer)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import BLOCK_TAGS, FIGURE_TAGS, class_and_id, headline_node, outside_story, without_terms
from .._text import has_word, squash
from ._authors import (
    BYLINE_LINE,
    BYLINE_PREFIXES,
    BYLINE_START,
    MAX_LENGTH,
    MAYBE_BYLINE_START,
    bare,
    split_byline,
)

# A digit in a byline starts its date or reading time (see byline_text).
DIGIT = re.compile(r"\d")
# A text that says when the story was posted and ends with "by", the name in the link after it:
# "Posted on March 3, 2025 by <a>Jane Doe</a>", "Last updated March 3, 2025 by <a>Erik Demaine</a>".
# Not a footer's "Copyright © 2004 - 2026 by <a>Outlet</a>" nor "HTML rendering created ... by".
DATED_BY = re.compile(r"\b(?:posted|published|updated|written)\b[^\n]{0,40}\d\W{0,12}\sby\s*$", re.IGNORECASE)
# A text that opens with the day the story was posted and goes on with "by", the name after it or in
# the next element: a hand-made theme's meta line "May 1, 2025 by Jane Doe", "1 May 2025 by",
# "05/01/2025 by" (not "Copyright 2004 - 2026 by": the head is a day, nothing else).
_DAY_THEN_BY = re.compile(
    r"\s*(?:on\s+)?(?:[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?,?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\s+by(?:\s|$)",
    re.IGNORECASE,
)
MAX_BYLINE_NODES = 5
# Words a date may take before a "by" in the same line ("Posted on May 1, 2025", 5 words; "March 15,
# 2022 · 3 min read", 5); a longer head reads as prose, so "Posted on Friday, May 1, 2025 at 9:00
# by X" (8 words) is not taken as a byline.
MAX_DATE_WORDS = 6
# A byline without markup sits among the next few siblings of the h1 or of its header box.
BYLINE_LEVELS = 2
MAX_BYLINE_SIBLINGS = 6
MAX_BYLINE_CHARS = 120
# A label that credits other work than the writing: the person named next reviewed, checked, edited,
# illustrated or photographed the story ("Medically reviewed by", "Fact-checked by", "Photo by").
OTHER_WORK = re.compile(
    r"\b(?:reviewed|checked|edited|verified|illustrated|illustrations?|photos?|photographs?|images?)"
    r"\s+by\s*:?\s*$",
    re.IGNORECASE,
)
# How far up from a lone name element its label is looked for: "Reviewed by <a><span>John Poe</span></a>".
LABEL_LEVELS = 2
# A tag that gives the role of the person named just before it, on an author card: "<h3>Jane Doe</h3>
# <span>Author</span>" (WCXB half A: 3 sites print it, each naming its truth; 2 mark the name as
# the author's too). The words are bylines' own labels (_authors._BY), which the byline walk finds.
ROLE_TAG = re.compile(r"(?i:author|autor|autora|autorin)")
# Byline-looking elements in these boxes name someone else: a commenter, or another story's writer on
# its card in a related-posts box ("related-grid", "posts-list related", "yarpp-related") or in the
# links to the previous and next posts (WordPress's the_post_navigation(): "post-navigation",
# "nav-previous", "nav-next"). WCXB half A, the byline markup alone: 3 article pages of 3 sites move
# right (a related card's author was read before the story's), none wrong; with JSON-LD and metas no
# article changes, and a service page no longer credits a related post's writer.
# A class that holds "author" in another word: "authorization-link" (a shop's "Sign In"),
# "authorized-dealer-link" (a product page's badge). WCXB half A: 2 sites credited such a text.
# A testimonial or a quote names whom it quotes ("Quote__author", "testimonial-author",
# "CustomerQuotes_authorInfo"): a customer, not a writer. WCXB half A: 5 service pages of 5 sites.
NOT_BYLINE_BOXES = (
    "comment",
    "related",
    "nav-prev",
    "nav-next",
    "post-navigation",
    "authoriz",
    "testimonial",
    "quote",
)
HCARD_NOT_PERSON = ("org", "adr")  # hCard classes of an organisation name or a postal address
# Elements whose text is a form's choices, never a byline: a sort control's option "Author" among
# "Post time" and "Subject" (phpBB's topic pages).
FORM_CONTROLS = frozenset({"select", "option", "optgroup", "datalist", "button", "textarea"})


def labelled_lines(tree: LexborHTMLParser) -> list[str]:
    """Byline lines anywhere in the page: a text that opens with a localised "By", or a bare label
    ("Written by", "Author:") with the name in the next element, read as one short line.

    Lines after the headline come first, in page order, then those above it (a teaser card above
    the story should not lend its author); lines in site chrome and comment threads are passed over.
    """
    body = tree.body
    if body is None:
        return []
    headline = headline_node(tree)
    before: list[str] = []
    after: list[str] = []
    lines = after if headline is None else before
    headline_id = headline.mem_id if headline is not None else None
    # (texts of white space alone are not walked to: no byline there)
    for node in body.traverse(include_text=True, skip_empty=True):
        if not node.is_text_node:
            if lines is before and node.mem_id == headline_id:
                lines = after
            continue
        raw = node.text_content or ""
        if raw.isspace():  # what skip_empty left: white space beyond ASCII's
            continue
        dated = False
        if not MAYBE_BYLINE_START.match(raw):
            # searched only in a text that ends in "by" or has one inside (in "y", white space or
            # " by" first: a cheap look, as the walk reads every text of the page)
            if not raw.endswith(("y", "Y")) and not raw[-1:].isspace() and " by" not in raw:
                continue
            tail = raw[-MAX_BYLINE_CHARS:]
            dated = tail.rstrip()[-2:].casefold() == "by" and DATED_BY.search(tail) is not None
            dated = dated or (" by" in raw and _DAY_THEN_BY.match(raw) is not None)
            if not dated:
                continue
        text = squash(raw)
        if text and len(text) <= MAX_BYLINE_CHARS and (dated or BYLINE_START.match(text)):
            line = byline_box(node, label="by" if dated else None)
            if line:
                lines.append(line)
                if len(after) >= MAX_BYLINE_NODES:
                    break
    return after + before


def byline_box(text_node: LexborNode, *, label: str | None = None) -> str | None:
    """The shortest line around a "By" text that names someone: the text's element, or the box
    that holds a bare label and the name beside it."""
    box = text_node.parent
    if box is not None and box.tag in FORM_CONTROLS:
        return None
    label = label or squash(text_node.text_content or "")
    tagged = _name_before(text_node) if box is not None and ROLE_TAG.fullmatch(label) else None
    if box is not None and tagged is not None:
        return tagged if not (outside_story(box) or not_a_byline(box)) and names_someone(tagged) else None
    while box is not None and box.tag not in ("body", "html"):
        line = squash(box.text(deep=True, separator=" "))
        if len(line) > MAX_BYLINE_CHARS:
            return None
        tail = _byline_from(label, line)
        if tail is not None:
            if outside_story(box) or not_a_byline(box):
                return None
            if names_someone(tail):
                return tail
            # Read run together, the line names nobody: the date may follow the name in an element
            # of its own, or the name is the element right after the label and what follows it is
            # other matter ("By <a>Jane Doe</a> in <a>Furniture</a>", "Written by <strong>Jane
            # Doe</strong> who lives and works in ...").
            for other in (_dates_apart(box) if DIGIT.search(tail) else None, _label_and_next(text_node)):
                found = _byline_from(label, other) if other else None
                if found is not None and names_someone(found):
                    return found
            return tail
        box = box.parent
    return None


def _name_before(text_node: LexborNode) -> str | None:
    """A role tag printed after the name, as a theme's author card does ("<h3>Jane Doe</h3>
    <span>Author</span>"), read as the line "Author: Jane Doe"; None when no name-sized element comes
    right before the tag (or before the tag's own element)."""
    own = squash(text_node.text_content or "")
    name = _beside(text_node, own, forward=False)
    return f"{own}: {name}" if 0 < len(name) <= MAX_LENGTH else None


def _label_and_next(text_node: LexborNode) -> str | None:
    """A bare "By" label ("By", "Written by", "Posted on May 1, 2025 by") and the text of the element
    right after it (or after the label's own element: "<span>By</span> <a>Jane Doe</a>"), as one
    line; None when the text says more than a label or no name-sized element follows."""
    own = squash(text_node.text_content or "")
    if BYLINE_PREFIXES.sub("", own) and own[-2:].casefold() != "by":
        return None  # "By Type" over a menu's list: a label with its own words
    name = _beside(text_node, own, forward=True)
    return f"{own} {name}" if 0 < len(name) <= MAX_LENGTH else None


def _beside(text_node: LexborNode, own: str, *, forward: bool) -> str:
    """The text of the element right after (``forward``) or right before a label's text node, or
    its own element's when the label is all that element holds; "" when a text or nothing comes
    first."""
    node = text_node
    parent = node.parent
    if _sibling(node, forward) is None and parent is not None and squash(parent.text(deep=True)) == own:
        node = parent
    beside = _sibling(node, forward)
    return squash(beside.text(deep=True, separator=" ")) if beside is not None else ""


def _sibling(node: LexborNode, forward: bool) -> LexborNode | None:
    """The element right after (``forward``) or right before ``node``, past white space; None when
    a text or nothing comes first."""
    step = node.next if forward else node.prev
    while step is not None and step.tag == "-text" and not (step.text_content or "").strip():
        step = step.next if forward else step.prev
    return None if step is None or step.tag in ("-text", "-comment") else step


def _byline_from(label: str, line: str) -> str | None:
    """The byline in ``line`` that starts with ``label``: the whole line, or, when a date opens the
    line, the rest from the "by" on ("Posted on May 1, 2025 by Jane Doe", WordPress's entry meta;
    "March 15, 2022 · 3 min read · By Jane Doe"). Not a "by" in prose ("first described by Kan Chu
    Sen"), nor an upper-case "POR" or "AV" after a number (a team's code in a table of results)."""
    if BYLINE_LINE.match(line):
        return line
    if not label or label.split()[0].isupper():
        return None
    for found in re.finditer(rf"(?<!\w){re.escape(label)}", line):
        head, tail = line[: found.start()], line[found.start() :]
        words = [word for word in head.split() if has_word(word)]  # not the "·" between them
        if DIGIT.search(head) and len(words) <= MAX_DATE_WORDS and BYLINE_LINE.match(tail):
            return tail
    return None


def byline_lines(tree: LexborHTMLParser) -> list[str]:
    """Short lines just below the headline that open with a localised "By" ("Von X und Y").

    Pages without byline markup still print one, right after the h1 (or after its header box).
    """
    headline = headline_node(tree)
    lines: list[str] = []
    level, looked = headline, 0
    for _ in range(BYLINE_LEVELS):  # the h1's next siblings, then its parent's next siblings
        if level is None or level.tag in ("body", "html"):
            break
        node = level.next
        while node is not None and looked < MAX_BYLINE_SIBLINGS:
            if node.tag != "-text":
                looked += 1
                text = squash(node.text(deep=True, separator=" "))
                if len(text) <= MAX_BYLINE_CHARS and BYLINE_LINE.match(text):
                    lines.append(or_apart(text, partial(_dates_apart, node)))
            node = node.next
        if lines:
            break
        level = level.parent
    return lines


def names_someone(text: str) -> bool:
    """Whether a byline's text names a person by a full name."""
    return any(" " in bare(name) for name in split_byline(text))


def or_apart(text: str, apart: Callable[[], str]) -> str:
    """A byline's ``text``, or, when it holds a digit and names nobody (a date run into the name),
    its reading with the dates apart (``apart()``, read only then) if that names someone."""
    if not DIGIT.search(text) or names_someone(text):
        return text
    other = apart()
    return other if names_someone(other) else text


def _dates_apart(node: LexborNode) -> str:
    """An element's text with each of its texts that holds a digit on a line of its own: a byline
    whose date, time or reading time follows the name in an element of its own, with no comma or
    bar between them ("By <a>Jane Doe</a> <time>May 1, 2025</time>"), which run together read as
    one long name with a date in it. (Names hold no digits, so none is cut in two.)"""
    lines: list[list[str]] = [[]]
    for child in node.traverse(include_text=True):
        if child.tag != "-text":
            continue
        text = " ".join((child.text_content or "").split())
        if DIGIT.search(text):
            lines.extend(([text], []))
        elif text:
            lines[-1].append(text)
    return "\n".join(" ".join(words) for words in lines if words)


def byline_text(node: LexborNode, *, dates_apart: bool = False) -> str:
    """A byline element's text, one line per block element or ``<br>``: a box that stacks name,
    role and date ("Andrew Gerrand<br>4 August 2010") is read as lines, not one run-on name.

    A byline names its people before the date (or the reading time): the lines after the first
    one with a digit and no name are other matter, such as the share and text-size buttons beside
    it. ("Jane Doe, 4+ years covering laptops" names someone: the next author may follow.)
    With ``dates_apart``, each text that holds a digit is a line of its own (see ``_dates_apart``).
    """
    inner = node.css_first('[itemprop="name"]')
    # Microdata may keep the name in an attribute only: <meta itemprop="name" content="Jane Doe">
    # inside the author's scope, or <meta itemprop="author" content="Jane Doe"> itself.
    for field in (inner, node):
        if field is not None and field.tag == "meta":
            return squash(field.attributes.get("content") or "")
    parts: list[str] = []
    root = inner or node
    block = root.mem_id  # the block element the last text sat in: a text after its end starts a line
    for child in root.traverse(include_text=True):
        if child.tag == "-text":  # a line break in the source is white space, not a line
            text = " ".join((child.text_content or "").split())
            if text and _block_of(child, root) != block:
                block = _block_of(child, root)
                parts.append("\n")  # "<li>John Roe</li> May 1": the date is not the name's
            parts.extend(("\n", text, "\n") if dates_apart and DIGIT.search(text) else (text,))
        elif child.tag == "br" or child.tag in BLOCK_TAGS:
            parts.append("\n")
    lines = " ".join(parts).split("\n")
    for n, line in enumerate(lines):
        if DIGIT.search(line) and not split_byline(line):
            return "\n".join(lines[: n + 1])
    return "\n".join(lines)


def _block_of(text: LexborNode, root: LexborNode) -> int:
    """The id of the block element a text sits in, up to ``root``."""
    box = text.parent
    while box is not None and box.mem_id != root.mem_id and box.tag not in BLOCK_TAGS:
        box = box.parent
    return root.mem_id if box is None else box.mem_id


def not_a_byline(node: LexborNode) -> bool:
    """A commenter's name, another story's writer (a related post's card), the name on an
    organisation's hCard (a listing, not a byline), or a person the page credits with other work
    than the writing ("Reviewed by <a>Jane Roe</a>")."""
    if _other_work(node):
        return True
    parent: LexborNode | None = node
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in FIGURE_TAGS:  # a name there credits the picture: its photographer
            return True
        marks = without_terms(class_and_id(parent))  # a post tagged "quotes" is no quote box
        if any(box in marks for box in NOT_BYLINE_BOXES):
            return True
        if "vcard" in marks.split() and any(parent.css_first(f".{c}") is not None for c in HCARD_NOT_PERSON):
            return True
        parent = parent.parent
    return False


def _other_work(node: LexborNode) -> bool:
    """Whether the text just before an element labels it as the credit of someone who did not write
    the story: "By <a>Jane Roe</a>. Reviewed by <a>John Poe</a>" names John Poe as the reviewer.

    A template's comments between the label and the name are passed over ("Reviewed by <!-- avatar
    link --> <a>"), and an element that opens its parent is labelled by what precedes the parent
    ("Reviewed by <a><span>John Poe</span></a>")."""
    box: LexborNode | None = node
    before = None
    for _ in range(LABEL_LEVELS):
        if box is None:
            return False
        before = box.prev
        while before is not None and (
            before.tag == "-comment" or (before.tag == "-text" and not (before.text_content or "").strip())
        ):
            before = before.prev
        if before is not None:
            break
        box = box.parent
    if before is None:
        return False
    text = before.text_content if before.tag == "-text" else before.text(deep=True, separator=" ")
    return OTHER_WORK.search((text or "")[-MAX_BYLINE_CHARS:]) is not None
