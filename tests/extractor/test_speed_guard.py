"""The attribute scan's fast branch for ordinary tags (speed only) ends the scan where it ended
without it, on markup mixing every kind of tag the scan treats apart."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.extractor import _guard
from newsscrape.extractor._guard import MAX_ATTRIBUTES, tame_attributes

# The scan's definition: text, raw-text elements, foreign elements, then any other piece.
DEFINITION = re.compile(
    rf"(?:[^<]++|{_guard._RAW_TEXT_ELEMENTS}|{_guard._FOREIGN_ELEMENTS}|{_guard._TEXT_AND_TAGS})*+"
)
HUGE = "<g " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 10)) + ">"
PIECES = [
    *("<script>", "</script>", "<SCRIPT type=x>", "<scripts>", "<style>", "</style >", "<title>", "</title>"),
    *("<textarea>", "<xmp>", "<iframe src='a'>", "</iframe>", "<noembed>", "<noframes>", "</noframes>"),
    *("<svg>", "</svg>", "<SVG/>", "<svgs>", "<math>", "</math>", "<mathx>"),
    *("<s>", "<span class=a>", "</span>"),
    *("<section>", "<td>", "<img src=x/>", "<i>", "<meta>", "<nav>", "<textareas>", "<t>", "<xmps>"),
    *("<div>", "</div>", "<p title='>'>", '<a href="<b>">', "<!--", "-->", "--!>", "<!-->"),
    *("< ", "</ ", "<!x>"),
    *("<", ">", "/", "=", '"', "'", " ", "\n", "text", HUGE),
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_scan_ends_where_its_definition_ends(pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = [sum(map(len, pieces[:i])) for i in range(len(pieces))]
    for start in starts:  # the scan resumes where a tag ended
        fast = _guard._ORDINARY.match(text, start)
        slow = DEFINITION.match(text, start)
        assert fast is not None
        assert slow is not None
        assert fast.end() == slow.end(), text[start:]


def test_a_huge_tag_after_ordinary_and_special_tags_is_still_tamed() -> None:
    for before in ("<span class=a><b>x</b></span>", "<script>var a = '<g x>';</script>", "<svg></svg><s>"):
        html = before + HUGE + "x"
        assert len(tame_attributes(html)) < len(html)
