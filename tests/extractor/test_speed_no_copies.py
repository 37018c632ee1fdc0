"""No copy of the whole page to look at a part of it (speed only): og:type is read in the first
OG_TYPE_CHARS of the markup as on a cut copy, and a page of white space only is still empty."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape import ExtractError, extract
from newsscrape.extractor import _pagetype

META = '<meta property="og:type" content="article"><meta content="product" property="og:type">'


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=len(META) + 40), st.integers(min_value=0, max_value=5))
def test_og_type_stops_where_a_cut_copy_ends(stop: int, pad: int) -> None:
    html = "<head>" + " " * pad + '<meta property="og:type" content="">' + META + "</head>"
    assert _pagetype._og_type(html, stop) == _pagetype._og_type(html[:stop], len(html))


def test_og_type_past_the_limit_is_not_read() -> None:
    html = "<p>" + "x" * _pagetype.OG_TYPE_CHARS + "</p>" + META
    assert _pagetype._og_type(html, _pagetype.OG_TYPE_CHARS) == ""
    assert _pagetype._og_type(META + html, _pagetype.OG_TYPE_CHARS) == "article"


@pytest.mark.parametrize("page", ["", " ", "\n\t \r\n", "\u3000\u00a0\u2028", b"  \n"])
def test_a_page_of_white_space_only_is_empty(page: str | bytes) -> None:
    with pytest.raises(ExtractError) as info:
        extract(page, url="https://example.com/a")
    assert info.value.reason == "empty"
