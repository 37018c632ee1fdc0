"""The depth scan's raw-text pass (speed only): scripts, styles and comments are read past to their
first end as a lazy ".*?" reads them, looking for the end only where one can start; the scan decides
as before on markup mixing ends, near-ends and unclosed elements."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.extractor import _guard

# The pass as first written: a lazy run to the first end tag (or comment end), else to the end.
LAZY = re.compile(
    r"<(script|style|textarea|title|xmp)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.IGNORECASE | re.DOTALL
)
# Ends in any case and spacing, near-ends that are not one ("</scripts>", "</ script>", "- ->",
# "--!>"), another raw element's end, comment openers that overlap their end ("<!-->", "<!--->"),
# names that only start like a raw element's, and tags the pass must leave.
PIECES = [
    *("<script>", "<SCRIPT type=x>", "</script>", "</SCRIPT\n >", "</scripts>", "</ script>", "<scripts>"),
    *("<style>", "</style>", "<title>", "</TITLE>", "<textarea>", "</textarea >", "<xmp>", "</xmp>"),
    *("<!--", "-->", "--!>", "- ->", "<!-->", "<!--->", "--", "-", "<!", "<", "</", "/", ">"),
    *("<div>", "</div>", "<p>", "x", " ", "\n", "\u00e9", "\u212a"),
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_raw_text_is_read_past_as_the_lazy_pattern_reads_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _guard._RAW_TEXT.finditer(text)] == [m.span() for m in LAZY.finditer(text)]


def test_tags_in_a_script_are_not_nesting_up_to_its_end_tag_only() -> None:
    script = "<script>" + "<div>" * 3000 + "</ScRiPt >"
    assert _guard.check_markup(script + "<div>" * 5, max_depth=5) is True
    page = "<script>" + "<div>" * 3000 + "</scripts>" + "<div>" * 10  # never closed: all of it is script
    assert _guard.check_markup(page, max_depth=5) is True
