"""The text helpers' fast paths (speed only) give what their regular-expression definitions give."""

from __future__ import annotations

import re
import sys
from typing import Final

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsscrape.extractor._charset import has_mojibake
from newsscrape.extractor._text import squash, valid_text, valid_utf8

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
# Every character Python's re calls white space: the set squash's definition folds (less U+3000).
WHITE_SPACE = "".join(re.findall(r"\s", EVERY_CHARACTER))


def squash_by_definition(text: str) -> str:
    # white space runs folded (U+3000 kept), soft hyphens gone
    return re.sub(r"[^\S\u3000]+", " ", text.replace("\u00ad", "")).strip()


def test_str_split_and_re_agree_on_white_space() -> None:
    # the fast path splits with str.split(): it must cut at exactly the characters \s matches
    assert "".join(c for c in EVERY_CHARACTER if c.isspace()) == WHITE_SPACE
    assert "\u3000" in WHITE_SPACE


@pytest.mark.parametrize("space", list(WHITE_SPACE))
def test_squash_folds_each_white_space_character_as_its_definition(space: str) -> None:
    for text in (f"a{space}b", f"{space}a{space * 3}b{space}", f"a {space} b", space, f"\u3000{space}a"):
        assert squash(text) == squash_by_definition(text)


SAMPLE: Final = [*WHITE_SPACE, "a", "B", "é", "字", "_", "-", ".", "\x00", "\u00ad"]


@given(st.text(alphabet=st.sampled_from(SAMPLE)))
def test_squash_matches_its_definition(text: str) -> None:
    assert squash(text) == squash_by_definition(text)


@given(st.text())
def test_squash_matches_its_definition_on_any_text(text: str) -> None:
    assert squash(text) == squash_by_definition(text)


# Code points valid_text replaces, by its definition: lone surrogates and the non-characters; the
# control characters it drops, and those it makes spaces (white space to Python's folds).
NOT_IN_A_RECORD = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
CONTROLS_DROPPED = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
CONTROLS_SPACED = re.compile("[\x0b\x1c-\x1f]")
# Characters around the fast path's byte tests: EF B7 / BF BE / BF BF lead the non-characters'
# bytes, and their near neighbours share some of those bytes without being non-characters.
AROUND_THE_TESTS = [
    "a", "é", "\u00bf", "\ufdcf", "\ufdd0", "\ufdef", "\ufdf0", "\ufffd", "\ufffe", "\uffff",
    "\U0001fffe", "\U0010ffff", "\U0001f600", "\ud800", "\udfff", "\x80", "\x9f", "\u0080",
    "\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f",
]  # fmt: skip


@given(st.text(alphabet=st.sampled_from(AROUND_THE_TESTS)) | st.text())
def test_valid_utf8_is_valid_text_and_its_encoding(text: str) -> None:
    assume("&#" not in text)  # numeric references: test_control_characters.py
    fixed = NOT_IN_A_RECORD.sub("\ufffd", CONTROLS_SPACED.sub(" ", CONTROLS_DROPPED.sub("", text)))
    assert valid_utf8(text) == (fixed, fixed.encode("utf-8"))
    assert valid_text(text) == fixed


# Pieces of "â€" written as character references, and near misses ("&Acirc;" is "Â")
REFERENCE_PIECES = ["&acirc;", "&euro;", "&#226;", "&#0226;", "&#128;", "&#8364;", "&#xE2;", "&#x20ac;"]
REFERENCE_PIECES += ["&Acirc;", "&#227;", "&#x80", "&", ";", "a", "\u00e2", "\u20ac"]


@given(
    st.text(alphabet=st.sampled_from(AROUND_THE_TESTS))
    | st.text()
    | st.lists(st.sampled_from(REFERENCE_PIECES)).map("".join)
)
def test_has_mojibake_on_the_bytes_is_a_c1_control_or_the_cp1252_trace_in_the_text(text: str) -> None:
    # the bytes test looks for "\xc2" and a byte 80-9F: exactly the UTF-8 of U+0080-U+009F; and for
    # the UTF-8 of "\u00e2\u20ac", also as character references ("&acirc;&euro;", "&#226;&#128;")
    _, utf8 = valid_utf8(text)
    escaped = re.search(r"&(acirc|#0*226|#[xX]0*[eE]2);&(euro|#0*8364|#0*128|#[xX]0*(20[aA][cC]|80));", text)
    assert has_mojibake(utf8) == bool(re.search("[\x80-\x9f]|\u00e2\u20ac", text) or escaped)
