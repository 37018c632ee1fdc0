"""A text without markup (a text file, a story's text copied alone) as the page it was copied from.

Copied text keeps its paragraphs as blocks between blank lines and its headings as lines of their
own: a short line with no closing punctuation. Read in order:

- the first block, when it is such a line, is the title (``<h1>``); a first line that *ends with*
  the second line's words is the page's crumb trail glued to its title ("HomeNewsRain returns"
  over "Rain returns"), and is dropped for the title below it;
- a short line between two paragraphs heads the second (``<h2>``);
- short lines after the last paragraph head nothing ("Latest news", "Related news"): ``<h2>`` too,
  which the content pass drops as labels over nothing;
- every other block is a paragraph: a byline or a kicker between the title and the first
  paragraph, a list of short lines.

The limit of a heading's words is set by hand (a title runs to about 20): no development page is
plain text to fit it on.
"""

from __future__ import annotations

import html
import re
from typing import Final

# A tag (or its end), a comment, a doctype or a processing instruction: what no plain text holds
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n\s*)+")
HEADING_WORDS: Final = 20  # the most words a title or a heading runs to
# what a sentence ends with, before any closing quotes or brackets: a heading has none
# ("?" it may: "What happens next?")
_CLOSED = re.compile(r"[.!,;:…]['\"’”»)\]]*$")
_QUOTES = str.maketrans("‘’‛′`“”„″", "'''''\"\"\"\"")


def plain_text_page(text: str) -> str | None:
    """``text`` as a page of paragraphs and headings, one block at each blank line, when it holds
    no markup at all; else None: a page, however little markup it has, is read as the browser
    shows it.

    >>> plain_text_page("Rain returns\\r\\n\\r\\nFarmers & growers <3 it,\\nall of them.\\n")
    '<h1>Rain returns</h1>\\n<p>Farmers &amp; growers &lt;3 it,\\nall of them.</p>'
    >>> plain_text_page("<p>Rain returns</p>") is None
    True
    """
    if _MARKUP.search(text) is not None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    short = [_is_heading(b) for b in blocks]
    tags = ["p"] * len(blocks)
    if len(blocks) > 1 and short[0] and short[1] and _glued_to(blocks[0], blocks[1]):
        del blocks[0], short[0], tags[0]
    if blocks and short[0]:
        tags[0] = "h1"
    last = max((i for i, s in enumerate(short) if not s), default=-1)
    for i in range(1, len(blocks)):
        if short[i] and (i > last or (not short[i - 1] and not short[i + 1])):
            tags[i] = "h2"
    return "\n".join(f"<{t}>{html.escape(b, quote=False)}</{t}>" for t, b in zip(tags, blocks, strict=True))


def _is_heading(block: str) -> bool:
    """Whether ``block`` reads as a title or a heading: one line of at most ``HEADING_WORDS`` words
    with a word in it, not opening in lower case and not closed as a sentence is.

    >>> _is_heading("North Korea's Defiance"), _is_heading("What happens next?")
    (True, True)
    >>> _is_heading("Prices rose."), _is_heading("and then it rained"), _is_heading("2024")
    (False, False, False)
    """
    return (
        "\n" not in block
        and len(block.split()) <= HEADING_WORDS
        and any(c.isalpha() for c in block)
        and not block[0].islower()
        and _CLOSED.search(block) is None
    )


def _glued_to(first: str, title: str) -> bool:
    """Whether ``first`` is a crumb trail glued to ``title``: longer, and ending with its words
    whatever the spaces and the quotes.

    >>> _glued_to("HomeCurrent affairsKim Jong Un's Summit", "Kim Jong Un’s Summit")
    True
    >>> _glued_to("Kim Jong Un's Summit", "Kim Jong Un’s Summit")
    False
    """
    whole, tail = ("".join(s.translate(_QUOTES).casefold().split()) for s in (first, title))
    return len(whole) > len(tail) and whole.endswith(tail)
