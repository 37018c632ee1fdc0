"""Byline strings -> person names."""

from __future__ import annotations

import pytest

from newsscrape import extract
from newsscrape.extractor.metadata._authors import clean_authors, credits


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
        (["Analysis by Chris Cillizza, CNN Editor-at-large"], ("Chris Cillizza",)),
        (["By", "Lisa Kubota"], ("Lisa Kubota",)),
        (["Jeff Foust Monday"], ()),
        (["View all posts by Min-ji Park"], ("Min-ji Park",)),  # an author link's text
        (["Текст: Анна Смирнова"], ("Анна Смирнова",)),
        (["di Mario Rossi"], ("Mario Rossi",)),
        (["Di Maria Luca"], ("Di Maria Luca",)),  # capital "Di" is a surname, not "by"
        (["Victor Tangermann, Futurism"], ("Victor Tangermann",)),  # a lone word beside a name: affiliation
        (["Regan"], ("Regan",)),  # ... but a blogger signing with one name alone is kept
        (["José Volta e Pinto"], ("José Volta e Pinto",)),  # an Iberian compound surname, one person
        (["Фото: Алексей Меринов"], ()),  # a photo credit, not a byline
        (["質問者： あいぎゅ"], ()),  # "questioner:" label
        (["Developed By Heba Musa"], ()),  # a web credit
        (["El Sol de México"], ()),  # a paper's name starts with an article
        (["Agencia Efe"], ()),
        (["Polizei Steinfurt"], ()),
        (["Executive Search Blogs"], ()),
        (["KWCHCIK"], ()),  # a lone upper-case word is a handle or call sign
        (["Christal Hayes, Nicholas Wu, USA TODAY"], ("Christal Hayes", "Nicholas Wu")),
    ],
)
def test_clean_authors(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["Ilana Muhlstein, MS, RDN"], ("Ilana Muhlstein, MS, RDN",)),
        (["Genevieve Carlton, Ph.D."], ("Genevieve Carlton, Ph.D.",)),
        (["Rebecca Lake, CEPF®"], ("Rebecca Lake, CEPF®",)),
        (["Jane Doe PhD"], ("Jane Doe PhD",)),  # without a comma too
        (["By Jane Doe, MD and John Roe, DVM"], ("Jane Doe, MD", "John Roe, DVM")),
    ],
)
def test_the_letters_after_a_name_stay_with_it(raw: list[str], names: tuple[str, ...]) -> None:
    # Degrees and licences are part of how the byline names its author ("Jillian Kubala, MS, RD").
    assert clean_authors(raw) == names


def test_letters_stay_only_in_capitals_after_a_full_name() -> None:
    assert clean_authors(["Jane Doe, MA"]) == ("Jane Doe, MA",)
    assert clean_authors(["Jack Ma", "Linh Do"]) == ("Jack Ma", "Linh Do")  # surnames, not "MA"/"DO"
    assert clean_authors(["Boston, MA"]) == ("Boston",)  # a state after a place, not a degree
    assert clean_authors(["PhD Student"]) == ()


def test_one_person_once_with_the_letters_any_source_prints() -> None:
    assert clean_authors(["Jane Doe", "Jane Doe, MD"]) == ("Jane Doe, MD",)
    assert clean_authors(["Jane Doe, MD", "Jane Doe"]) == ("Jane Doe, MD",)


def test_the_publication_is_not_an_author() -> None:
    assert clean_authors(["Jane Doe, Daily Planet"], site="The Daily Planet") == ("Jane Doe",)
    assert clean_authors(["DailyPlanet"], host="www.dailyplanet.com") == ()
    assert clean_authors(["Jill Disis, CNN Business"], host="edition.cnn.com") == ("Jill Disis",)


def test_a_word_of_the_host_name_marks_the_outlet() -> None:
    assert clean_authors(["Do UOL, em São Paulo"], host="www.uol.com.br") == ()


def test_the_outlet_spelt_out_from_its_initials_is_not_an_author() -> None:
    # "Deutsche Welle" in the author meta of a dw.com story, whose byline names its writer
    assert clean_authors(["Deutsche Welle"], host="www.dw.com") == ()
    assert clean_authors(["National Public Radio"], host="www.npr.org") == ()
    assert clean_authors(["Dana White"], host="www.npr.org") == ("Dana White",)


def test_a_name_ends_where_its_posting_time_begins() -> None:
    assert clean_authors(["Posted by Jane Doe on Friday March 3, 2025"]) == ("Jane Doe",)
    assert clean_authors(["Trial Attorney at Example Law"]) == ()  # a job title, no date after it


def test_the_account_that_posted_is_nobody_but_anonymous_signs() -> None:
    # A JSON-LD Person named "Webmaster" is the CMS account; "Anonymous" is how an unsigned piece is signed.
    assert clean_authors(["Webmaster"]) == ()
    assert clean_authors(["Anonymous"]) == ("Anonymous",)


def test_a_template_placeholder_credits_nobody() -> None:
    # A script-built page prints JavaScript's empty value in its structured author field.
    assert credits(["undefined"]) == ()


def test_a_forum_badge_beside_the_poster_is_no_name() -> None:
    # phpBB and MyBB print the poster's rank in the author box: "Topic Author", "Big Board Owner".
    assert clean_authors(["Topic Author", "Big Board Owner"]) == ()
    assert clean_authors(["Author: Jane Doe"]) == ("Jane Doe",)  # the label before a name still goes


def test_the_byline_beats_the_outlet_spelt_out_in_the_author_meta() -> None:
    story = "".join(
        f"<p>Paragraph {n} of the story about the valley's wine, long enough to read.</p>" for n in range(6)
    )
    page = (
        '<html><head><meta name="author" content="Deutsche Welle"><link rel="canonical" '
        'href="https://www.dw.com/en/uncork/a-1"></head><body><h1>Uncork the valley</h1>'
        f'<p class="author">By Julian Tompkin</p>{story}<footer><p>Deutsche Welle</p></footer></body></html>'
    )
    assert extract(page).authors == ("Julian Tompkin",)
