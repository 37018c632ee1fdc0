"""The guards' fast paths (speed only): the attribute scan's branch for ordinary tags ends the scan
where it ended without it, on markup mixing every kind of tag the scan treats apart; the nesting
bound's first count of "<" answers as the chunked running count does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape.errors import ExtractError
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


def suspicious_by_definition(text: str, max_depth: int) -> bool:
    """The running count of "<" less twice "</", chunk by chunk, passes max_depth somewhere, or the
    page has more than STRAY_CAP times max_depth tags."""
    running = 0
    for start in range(0, len(text), _guard._CHUNK):
        chunk = text[start : start + _guard._CHUNK]
        running += chunk.count("<") - 2 * chunk.count("</")
        if running > max_depth:
            return True
    return text.count("<") > _guard.STRAY_CAP * max_depth


@given(
    st.lists(st.sampled_from(["<", "</", "<div>", "</div>", "<p>", "x", "x" * 9000]), max_size=25),
    st.integers(min_value=0, max_value=25),
)
def test_suspicious_is_its_definition(pieces: list[str], max_depth: int) -> None:
    # both ways out: the count of "<" alone (few tags), and the chunked running count (more)
    text = "".join(pieces)
    assert _guard.suspicious(text, max_depth) == suspicious_by_definition(text, max_depth)


@settings(max_examples=50)
@given(
    st.lists(st.sampled_from(["<b>" * 500, "</b>" * 500, "<p></p>" * 300, "x" * 9000, "</"]), max_size=30),
    st.integers(min_value=0, max_value=3000),
)
def test_suspicious_is_its_definition_over_many_chunks(pieces: list[str], max_depth: int) -> None:
    # the end tags of several chunks are counted at once, when the start tags pass max_depth
    text = "".join(pieces)
    assert _guard.suspicious(text, max_depth) == suspicious_by_definition(text, max_depth)


def chunked(*parts: str) -> str:
    """One part per chunk of the scan, each padded with text to the chunk's length."""
    return "".join(part.ljust(_guard._CHUNK, "x") for part in parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # end tags in a chunk whose start tags stayed under the limit still count later
        (chunked("</b>" * 1000, "<b>" * 1500), False),
        (chunked("</b>" * 1000, "<b>" * 3100), True),
        # end tags already subtracted are not subtracted again
        (chunked("</b>" * 1000 + "<b>" * 1500, "<b>" * 1600), True),
        (chunked("</b>" * 1000 + "<b>" * 1500, "<b>" * 1400, "</b>" * 500, "<b>" * 600), False),
    ],
)
def test_suspicious_counts_each_end_tag_once(text: str, expected: bool) -> None:
    assert _guard.suspicious(text, 2000) is expected
    assert suspicious_by_definition(text, 2000) is expected


@pytest.mark.parametrize("count", [1999, 2000, 2001, 2500])
def test_suspicious_at_the_limit(count: int) -> None:
    for text in ("<div>" * count, "<br>" * count, "<p></p>" * count, "<b>" * count + "</b>" * count):
        assert _guard.suspicious(text, 2000) == suspicious_by_definition(text, 2000)


# The depth scan's tag pattern as first written: a lazy run to the first "/>" or ">" (or the end).
TAG_BY_DEFINITION = re.compile(r"<(/?)([a-zA-Z][^\s/>]*+)[^>]*?(/?)(?:>|\Z)")


def deepest_by_definition(text: str) -> int:
    """The deepest stack of open elements: an end tag closes the innermost open element of its name
    and all opened after it, and closes nothing when none of its name is open."""
    stack: list[str] = []
    deepest = 0
    for closing, name, self_closing in TAG_BY_DEFINITION.findall(_guard._RAW_TEXT.sub(" ", text)):
        name = name.lower()
        if name in _guard._FLAT or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]
        deepest = max(deepest, len(stack))
    return deepest


# tags that close themselves ("/>", or "/" where the text ends), "/" elsewhere in a tag, void and
# flat elements, end tags, an unclosed tag at the end, and "<" that opens no tag
DEPTH_PIECES = [
    *("<div>", "</div>", "<DIV class=a>", "<div/>", "<div />", "<div a=/x>", "<div a='/'>", "</div/>"),
    *("<br>", "<BR/>", "<p>", "<li>", "<img src=/a.png>", "<!doctype html>", "<svg", "<b", "/", ">"),
    *("<script>", "</script>", "<!--", "-->", "< b>", "<1>", "x", " ", "\n"),
    *("<span>", "</span>", "</b>", "</SPAN >"),
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(DEPTH_PIECES), max_size=30), st.integers(min_value=0, max_value=6))
def test_the_depth_scan_reads_tags_as_its_definition(pieces: list[str], max_depth: int) -> None:
    text = "".join(pieces)
    if not _guard.suspicious(text, max_depth):  # the scan runs on suspicious markup only
        return
    too_deep = deepest_by_definition(text) > max_depth
    if too_deep:
        with pytest.raises(ExtractError, match="nests deeper"):
            _guard.check_markup(text, max_depth=max_depth)
    else:
        assert _guard.check_markup(text, max_depth=max_depth) is True
