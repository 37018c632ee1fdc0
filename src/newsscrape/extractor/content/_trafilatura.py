"""trafilatura's reading of a page: the content pass's second opinion (``_content._second_opinion``).

trafilatura parses the page again with lxml and reads it its own way; the content pass asks it when
its own reading looks short for the page, or on every page of a type whose profile says so, and
weighs the two texts. Here: its text (``trafilatura_text``, one reading a page however many of the
page's readings ask), from the tree trafilatura itself would parse (``trafilatura_tree``, built
faster: see there), and its lines as the record writes text (``unmarked``, ``as_marked``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

from .._text import fold, visible
from ._blocks import Block

__all__ = [
    "TRAFILATURA_JUNK",
    "as_marked",
    "needs_repair",
    "trafilatura_text",
    "trafilatura_tree",
    "unmarked",
]

# Elements trafilatura drops anyway (its tree cleaning), dropped before it starts: drawings (an icon's
# paths are many elements), and the textless links, metas and media sources; each is visited by every
# pruning pattern trafilatura tries before it cleans the tree (about 8% of its time on the WCXB half A
# pages it is asked about). The text a page ends with changes on no half A page, on 2 half B pages
# (documentation .821 -> .919: a drawing's text weighed in a pruning guard; product .785 -> .789), on
# no aeb or dates page. Scripts, styles, inputs and iframes, which it drops too, save it little
# (0.5-1.6 ms a page asked) and change its text on half A's pages.
TRAFILATURA_JUNK: Final = ("svg", "link", "meta", "source")
# trafilatura's plain text: a header row's rule under it, and the bar between two cells (not one
# escaped inside a cell's text)
_TABLE_RULE: Final = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
_CELL_BAR: Final = re.compile(r"(?<!\\) \| ")


def unmarked(line: str) -> tuple[str, str]:
    """A line of trafilatura's plain text as the record writes text, and the kind of block its mark
    made it ("list", "table" or ""): without its list item's mark ("- ", indented by the list's
    depth) and a table row's outer bars ("| a | b |" is "a | b", cells joined as the native pass joins
    them, their escaped bars plain); a header row's rule ("|---|---|") and a blank line are "".

    >>> unmarked("  - Step two"), unmarked(r"| Size | Price \\| VAT |"), unmarked("|---|---|")
    (('Step two', 'list'), ('Size | Price | VAT', 'table'), ('', ''))
    """
    line = fold(line)
    if _TABLE_RULE.fullmatch(line) or not visible(line):
        return "", ""
    if line.startswith("| ") and line.endswith(" |"):
        return " | ".join(cell.replace("\\|", "|") for cell in _CELL_BAR.split(line[2:-2])), "table"
    return (line[2:], "list") if line.startswith("- ") else (line, "")


def as_marked(text: str, mark: str, block: Block | None) -> Block:
    """The native pass's ``block`` of a line of trafilatura's text when it is of the kind the line's
    mark says (a list item, a table row, else neither), else a paragraph of the line."""
    if block is None or (block.kind if block.kind in ("list", "table") else "") != mark:
        return Block(text=text)
    return block


@functools.lru_cache(maxsize=1)
def trafilatura_text(html: str) -> str | None:
    # a page read again as its type asks trafilatura again about the same markup: one reading
    import trafilatura  # imported here: most pages never pay for it

    tree = trafilatura_tree(html)
    if tree is None:  # as trafilatura does with markup it cannot read
        return None
    text: str | None = trafilatura.extract(tree, include_comments=False, include_tables=True)
    return text


def trafilatura_tree(html: str) -> Any:
    """The lxml tree trafilatura would parse ``html`` into (``trafilatura.utils.load_html`` on a
    string, step by step), its elements of lxml.html's classes looked up in C: lxml.html's own lookup
    is a Python call for every element lxml hands to Python (~7% of trafilatura's time), and
    gives only form controls classes of their own, whose extras trafilatura never reads (the same
    text on every WCXB, aeb and dates page); without elements it would drop (``TRAFILATURA_JUNK``).
    ``None`` where trafilatura refuses the markup."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    parser = _parser()
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    if needs_repair(html, beginning):
        html = repair_faulty_html(html, beginning)
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree = None
    if tree is None or len(tree) < 1:
        tree = fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
    if tree is None or (dubious and len(tree) < 2):
        return None
    from lxml import etree

    etree.strip_elements(tree, *TRAFILATURA_JUNK, with_tail=False)  # the text after one stays
    return tree


def needs_repair(html: str, beginning: str) -> bool:
    """Whether ``trafilatura.utils.repair_faulty_html`` would change ``html`` (``beginning``: its
    first 50 characters, lowered). The repair copies the whole page twice on most pages (a pass of
    its pattern of characters XML refuses, then the doctype's line cut off and joined back on) and
    changes nothing on almost all: ~2.3 ms of every page trafilatura is asked about (WCXB). This
    look, at C speed, says no only where each of its steps leaves the page as it is (its pattern's
    characters: the C0 controls but tab, line feed and carriage return, each one UTF-8 byte of its
    own, and U+FFFE, U+FFFF); a trafilatura whose pattern is another is always given the page."""
    from trafilatura.utils import DOCTYPE_TAG, INVALID_XML_CHARS

    if INVALID_XML_CHARS.pattern != _XML_INVALID_PATTERN:
        return True
    data = html.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _XML_INVALID_BYTES)) < len(data) or "\ufffe" in html or "\uffff" in html:
        return True
    if "doctype" in beginning:  # the first line goes through its doctype pattern, and back on with "\n"
        end = html.find("\n")
        if end < 0 or DOCTYPE_TAG.search(html, 0, end) is not None:
            return True
    # a self-closing <html/> in the first lines
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


# trafilatura.utils.INVALID_XML_CHARS, as ``needs_repair`` reads it: its pattern, and its one-byte
# characters as UTF-8 bytes (none of them is part of a longer character's encoding)
_XML_INVALID_PATTERN: Final = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]"
_XML_INVALID_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


@functools.cache
def _parser() -> Any:
    """trafilatura's parser (``trafilatura.utils.HTML_PARSER``) with lxml.html's element classes
    looked up in C (``trafilatura_tree``)."""
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=html.HtmlElement,
            comment=html.HtmlComment,
            pi=html.HtmlProcessingInstruction,
            entity=html.HtmlEntity,
        )
    )
    return parser
