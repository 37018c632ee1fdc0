"""Byline strings -> person names."""

from __future__ import annotations

import pytest

from newsscrape.extractor._authors import clean_authors


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["By Jane Doe, Staff Writer"], ("Jane Doe",)),
        (["Jane Doe and John Smith"], ("Jane Doe", "John Smith")),
        (["Jane Doe", "jane doe"], ("Jane Doe",)),
        (["Jane Doe (jane@example.com)"], ("Jane Doe",)),
        (["https://example.com/jane"], ()),
        (["Von Hans Meier"], ("Hans Meier",)),
        (["JANE DOE"], ("Jane Doe",)),
        (["Associated Press"], ()),
        (["staff"], ()),
    ],
)
def test_clean_authors(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names
