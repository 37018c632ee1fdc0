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
        (["Sarah E. Needleman"], ("Sarah E. Needleman",)),  # an initial is not the Portuguese "e"
        (["Ana de la Cruz y Juan Pérez"], ("Ana de la Cruz", "Juan Pérez")),
        (["Jane Doe. Example International"], ("Jane Doe",)),
        (["The Russian and Syrian defense ministries"], ()),
        (["Reuters"], ()),
        (["Jane Doe", "Example.com"], ("Jane Doe",)),
        (["Ilana Muhlstein, MS, RDN"], ("Ilana Muhlstein",)),
        (["Analysis by Chris Cillizza, CNN Editor-at-large"], ("Chris Cillizza",)),
        (["By", "Lisa Kubota"], ("Lisa Kubota",)),
        (["Jeff Foust Monday"], ()),
        (["View all posts by Min-ji Park"], ("Min-ji Park",)),  # an author link's text
        (["Текст: Анна Смирнова"], ("Анна Смирнова",)),
        (["di Mario Rossi"], ("Mario Rossi",)),
        (["Di Maria Luca"], ("Di Maria Luca",)),  # capital "Di" is a surname, not "by"
    ],
)
def test_clean_authors(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


def test_the_publication_is_not_an_author() -> None:
    assert clean_authors(["Jane Doe, Daily Planet"], site="The Daily Planet") == ("Jane Doe",)
    assert clean_authors(["DailyPlanet"], host="www.dailyplanet.com") == ()
    assert clean_authors(["Jill Disis, CNN Business"], host="edition.cnn.com") == ("Jill Disis",)
