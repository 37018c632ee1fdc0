"""The text helpers' fast paths (speed only) give what their regular-expression definitions give."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsscrape.extractor._text import squash

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
# Every character Python's re calls white space: the set squash's definition folds (less U+3000).
WHITE_SPACE = "".join(re.findall(r"\s", EVERY_CHARACTER))


def squash_by_definition(text: str) -> str:
    return re.sub(r"[^\S\u3000]+", " ", text).strip()


def test_str_split_and_re_agree_on_white_space() -> None:
    # the fast path splits with str.split(): it must cut at exactly the characters \s matches
    assert "".join(c for c in EVERY_CHARACTER if c.isspace()) == WHITE_SPACE
    assert "\u3000" in WHITE_SPACE


@pytest.mark.parametrize("space", list(WHITE_SPACE))
def test_squash_folds_each_white_space_character_as_its_definition(space: str) -> None:
    for text in (f"a{space}b", f"{space}a{space * 3}b{space}", f"a {space} b", space, f"\u3000{space}a"):
        assert squash(text) == squash_by_definition(text)


@given(st.text(alphabet=st.sampled_from([*WHITE_SPACE, "a", "B", "é", "字", "_", "-", ".", "\x00"])))
def test_squash_matches_its_definition(text: str) -> None:
    assert squash(text) == squash_by_definition(text)


@given(st.text())
def test_squash_matches_its_definition_on_any_text(text: str) -> None:
    assert squash(text) == squash_by_definition(text)
