"""A job title after a person's name in a byline is what the person does, not a second author:
"Jane Doe, Head Winemaker", and the employer or department that goes on after the title with a
comma ("Director, Advanced Analytics", "Founder and CEO, Example Digital"). A second person joined by
"and" whose surname is a job word ("Jane Smith and Paul Nurse") is an author all the same."""

from __future__ import annotations

import pytest

import newsscrape
from newsscrape.extractor.metadata._authors import clean_authors

BODY = (
    "<p>"
    + "Pick the grapes early in the morning, while the fruit is cool, and press them at once. " * 6
    + "</p>"
)
URL = "https://winery.example.com/blog/harvest-guide"


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Doe, Head Winemaker",
        "Jane Doe\nHead Winemaker, Co-Founder",
        "Jane Doe, Lead Engineer",
        "Jane Doe, Ph.D.\nDirector, Advanced Analytics",
        "Jane Doe\nFounder and CEO, Example Digital",
        "Jane Doe, VP, Information Security, Example Corp",
    ],
)
def test_a_job_title_and_its_employer_after_a_name_are_no_author(byline: str) -> None:
    assert [name.split(",")[0] for name in clean_authors([byline])] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe, Staff Writer, and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe, Senior Editor\nJohn Roe, Senior Editor", ("Jane Doe", "John Roe")),
        ("By Jane Doe and John Roe, Associated Press", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Associated Press, John Roe", ("Jane Doe", "John Roe")),  # an outlet, not a job
    ],
)
def test_a_second_person_after_a_job_title_is_still_an_author(byline: str, names: tuple[str, ...]) -> None:
    assert clean_authors([byline]) == names


@pytest.mark.parametrize("name", ["Anthony Head", "Paul Nurse", "Jane Partner"])
def test_a_surname_that_is_a_job_word_stays_a_name(name: str) -> None:
    assert clean_authors([f"By {name}"]) == (name,)


def test_an_author_card_with_a_job_title_credits_the_author_alone() -> None:
    card = (
        '<div class="card-author"><a href="/team/jane-doe" class="card-author-name-wrapper">'
        '<h2 class="card-author-name">Jane Doe</h2>'
        '<div class="card-author-role">Head Winemaker, Co-Founder</div></a></div>'
    )
    html = (
        "<html><head><title>Harvest guide</title></head><body>"
        f"<main><article><h1>Harvest guide</h1>{BODY}{BODY}{card}</article></main></body></html>"
    )
    assert newsscrape.extract(html, url=URL).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Smith and Paul Nurse", ("Jane Smith", "Paul Nurse")),
        ("By Jane Smith & John Head", ("Jane Smith", "John Head")),
        ("By Jane Smith, Ann Lee, and Mary Partner", ("Jane Smith", "Ann Lee", "Mary Partner")),
        ("Jane Smith, MD and Paul Nurse", ("Jane Smith, MD", "Paul Nurse")),
    ],
)
def test_a_co_author_whose_surname_is_a_job_word_is_an_author(byline: str, names: tuple[str, ...]) -> None:
    assert clean_authors([byline]) == names


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Doe, Registered Nurse",  # after a comma: her job
        "Jane Doe and Head Winemaker",  # the job word opens it: a title
        "Jane Doe, Writer and Registered Nurse",  # after her first job: her second
    ],
)
def test_a_job_title_after_and_or_a_comma_is_still_no_author(byline: str) -> None:
    assert clean_authors([byline]) == ("Jane Doe",)


def test_a_by_line_under_the_headline_credits_a_co_author_named_like_a_job() -> None:
    html = (
        "<html><head><title>Harvest guide</title></head><body><main><article><h1>Harvest guide</h1>"
        f"<p>By Jane Smith and Paul Nurse</p>{BODY}{BODY}</article></main></body></html>"
    )
    assert newsscrape.extract(html, url=URL).authors == ("Jane Smith", "Paul Nurse")
