"""Product pages: the product's name, the shop's furniture above it, and the specification sheet
kept behind a closed tab.

A shop's page names the product in its ``<h1>``, inside the box of the product's pictures, price
and description; WCXB's truth of a product page often starts with that name, which trafilatura's
reading (the one that wins on a product page) leaves out as a title. So a reading named in
``data/product.json`` (``name_first``) starts with the record's title when no paragraph of it
holds that title already (``name_first``).

Above the product's name (its ``<h1>``) a shop prints its own furniture: an announcement bar
("Free shipping on orders $75+"), a promotion, a picture gallery's counter ("Picture 1 of 6"), which
trafilatura's reading keeps and WCXB's truths leave out. So a reading named in ``data/product.json``
(``after_name``) drops the lines found in the page's text only before its first ``<h1>``
(``after_name``); a line printed again below the name stays, and so does a line longer than the
reading's fitted number of words (furniture is a few words; a theme may print the product's own
text, or a buyer's question and its answer, above the name). A shop's category page, read as a
collection, has the same bar above the category's name: that reading drops such lines too, with
a count of its own.

A shop prints a product's specification as a sheet of label/value rows (a ``<table>`` of
``<th>``/``<td>`` pairs, a ``<dl>`` of ``<dt>``/``<dd>`` pairs: "Weight | 58 lb.") and often
keeps it hidden until a reader opens its tab ("Specifications", "Additional information") or
accordion. Both readings drop hidden text (trafilatura's, which wins on a product page, and the
block walk's), while WCXB's truth keeps every row of such a sheet: on half A a React accordion
(a furniture shop), a tab pane (a computer shop) and a WooCommerce "additional information" tab.
So a reading named in ``data/product.json`` (``pair_share``) gets back the rows of each hidden sheet it lacks,
after its own text, in page order (``hidden_sheets``).

Only sheets of pairs: at least the reading's ``pair_share`` (fitted on half A by
``benchmarks/fit_product.py``, kept in ``data/product.json``) of a sheet's rows have two cells.
Other hidden text stays out (a size chooser, a matrix of prices: neither describes the product;
adding all hidden tab panels was tried and refused, the halves disagreed), and so does a sheet
the page shows: a reading that left out a shown table meant to (a table of a game's languages,
a shop's list of other sellers).
"""

from __future__ import annotations

from typing import Final

from selectolax.lexbor import LexborNode

from .._data import fitted
from .._nodes import marked
from .._text import compact, count_words, fold, line_key
from ._blocks import Block
from ._chrome import hiding
from ._profiles import PROFILES, ContentProfile, per_reading

__all__ = ["AFTER_NAME", "NAME_FIRST", "PAIR_SHARES", "after_name", "hidden_sheets", "name_first"]

PRODUCT: Final = fitted("product.json")
# The readings led by the product's name, fitted on half A by benchmarks/fit_product.py.
NAME_FIRST: Final[set[str]] = {
    page_type for page_type, on in PRODUCT["name_first"].items() if on and page_type in PROFILES
}
# The readings that drop the shop's lines above the product's name, and the most words such a line
# has (a longer one stays), fitted on half A by benchmarks/fit_product.py (null: off).
AFTER_NAME: Final[dict[str, int]] = per_reading(PRODUCT.get("after_name", {}), int)
# The share of a hidden sheet's rows that must be label/value pairs, per reading (a reading not
# named here, or null, adds nothing); keyed by the reading, as ``_content.COVERED_SHARES``.
PAIR_SHARES: Final[dict[str, float]] = per_reading(PRODUCT["pair_share"], float)
SHEETS: Final = "table, dl"
# A guard, not a fit: each row is looked up in the reading's text, so a page of tens of thousands
# of hidden rows (a data dump, not a product's sheet) stops adding here (WCXB's largest sheets of
# a product page: a few dozen rows).
MAX_ROWS: Final = 2000
CELLS: Final = frozenset({"td", "th"})


def name_first(blocks: list[Block], name: str | None, profile: ContentProfile) -> list[Block]:
    """``blocks`` led by the product's ``name`` on a reading ``NAME_FIRST`` holds, unless a block
    holds the name already (compared without white space and case).

    >>> [b.text for b in name_first([Block(text="A mug for tea.")], "Speckle Mug", PROFILES["product"])]
    ['Speckle Mug', 'A mug for tea.']
    """
    if profile.reading not in NAME_FIRST or not name or not (key := _key(name)):
        return blocks
    if any(key in _key(block.text) for block in blocks):
        return blocks
    return [Block(text=fold(name)), *blocks]


def after_name(body: LexborNode, blocks: list[Block], profile: ContentProfile) -> list[Block]:
    """``blocks`` less those of at most ``AFTER_NAME`` words found in ``body``'s text only before its
    first ``<h1>``, on a reading ``AFTER_NAME`` names (compared without white space, list and table
    marks, and case); all of them when none would stay, or when the page has no ``<h1>`` in its text.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> body = LexborHTMLParser('<p>Free shipping!</p><h1>Speckle Mug</h1><p>A mug for tea.</p>').body
    >>> [b.text for b in after_name(body, [Block(text="Free shipping!"), Block(text="A mug for tea.")],
    ...     PROFILES["product"])]
    ['A mug for tea.']
    """
    most = AFTER_NAME.get(profile.reading)
    if most is None or (heading := body.css_first("h1")) is None:
        return blocks
    page = _key(body.text(deep=True))
    name = _key(heading.text(deep=True))
    at = page.find(name) if name else -1
    if at <= 0:
        return blocks
    kept = [
        block
        for block in blocks
        if count_words(block.text) > most or not _only_before(line_key(block.text), page, at)
    ]
    return kept if kept and len(kept) < len(blocks) else blocks


def _only_before(key: str, page: str, at: int) -> bool:
    """Whether ``key`` is found in ``page`` ending before ``at``, and nowhere from ``at`` on."""
    first = page.find(key) if key else -1
    return first >= 0 and first + len(key) <= at and page.find(key, at) < 0


def hidden_sheets(body: LexborNode, blocks: list[Block], profile: ContentProfile) -> list[Block]:
    """``blocks`` and, after them, the rows of the page's hidden label/value sheets that they lack,
    on a reading ``PAIR_SHARES`` names; a row is one table block, its cells joined by " | ".

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> body = LexborHTMLParser('<p>Desk.</p><dl hidden><dt>Weight</dt><dd>58 lb</dd></dl>').body
    >>> [b.text for b in hidden_sheets(body, [Block(text="Desk.")], PROFILES["product"])]
    ['Desk.', 'Weight | 58 lb']
    """
    share = PAIR_SHARES.get(profile.reading)
    if share is None:
        return blocks
    sheets = body.css(SHEETS)
    if not sheets:
        return blocks
    given = "\0".join(_key(block.text) for block in blocks)  # a row may sit inside a longer line
    added: list[Block] = []
    keys: set[str] = set()  # the rows added
    looked = 0
    hidden: dict[int, bool] = {}  # memo: is this node or an ancestor hidden?
    for sheet in sheets:
        if _in_sheet(sheet) or not marked(sheet, hidden, body.mem_id, _hides):
            continue
        rows = _rows(sheet)
        if not rows or sum(len(cells) == 2 for cells in rows) < share * len(rows):
            continue
        looked += len(rows)
        if looked > MAX_ROWS:
            break
        for cells in rows:
            key = _key("".join(cells))
            if key not in keys and key not in given:
                added.append(Block(text=" | ".join(cells), kind="table", group=sheet.mem_id, cells=cells))
                keys.add(key)
    return blocks + added if added else blocks


def _rows(sheet: LexborNode) -> list[tuple[str, ...]]:
    """The rows of a ``<table>`` (its cells with text) or a ``<dl>`` (a term and its description)."""
    rows: list[tuple[str, ...]] = []
    if sheet.tag == "table":
        for row in sheet.css("tr"):
            cells = tuple(text for cell in row.iter() if cell.tag in CELLS and (text := fold(cell.text())))
            if cells:
                rows.append(cells)
        return rows
    term = ""
    for item in sheet.iter():
        text = fold(item.text())
        if item.tag == "dt":
            term = text
        elif item.tag == "dd" and (term or text):
            rows.append(tuple(part for part in (term, text) if part))
            term = ""
    return rows


def _in_sheet(node: LexborNode) -> bool:
    """Whether ``node`` lies inside another sheet (read with it)."""
    cur = node.parent
    while cur is not None:
        if cur.tag in ("table", "dl"):
            return True
        cur = cur.parent
    return False


def _hides(node: LexborNode) -> bool:
    """Whether an element's attributes hide it (``_chrome.hiding``), a bare ``hidden`` included: a
    closed tab's panel (the block walk counts only a ``hidden`` with a value)."""
    attrs = node.attributes
    reason = hiding("hidden" in attrs, attrs.get("aria-hidden"), attrs.get("style"), attrs.get("class"))
    return reason is not None


def _key(text: str) -> str:
    """A line as it is compared: ``compact``, without table marks (trafilatura writes a row as
    "| cell | cell |", the block walk as "cell | cell")."""
    return compact(text.replace("|", ""))
