"""What a byline box prints beside the name is not a second author: the person's job title, schools
and biography, the box's labels and links, and the date run into the name. Pages without structured
metadata, so the names come from the visible byline."""

from __future__ import annotations

import newsscrape
from newsscrape.extractor.metadata._authors import clean_authors, split_byline

BODY = "<p>" + "Prune the roses in late winter, before the buds swell, and feed them in spring. " * 6 + "</p>"
URL = "https://garden.example.com/blog/pruning-roses"


def _story(header: str, footer: str = "") -> str:
    return (
        "<html><head><title>Pruning roses</title></head><body>"
        "<header><a href='/'>Example Garden</a></header>"
        f"<main><article><h1>Pruning roses</h1>{header}{BODY}{BODY}{footer}</article></main>"
        "</body></html>"
    )


def test_a_job_title_in_an_element_of_its_own_kind_is_not_a_second_author() -> None:
    header = (
        '<div class="post-meta"><div class="author_nm">Jane Doe</div>'
        '<i class="author_des">VP - Technology</i></div>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe",)


def test_schools_listed_in_an_author_tooltip_are_not_authors() -> None:
    header = (
        '<div class="tooltip"><div class="author-tooltip__name">Jane Doe</div>'
        '<span class="author-tooltip__job-title">Writer</span>'
        '<ul class="author-tooltip__education">'
        '<li class="author-tooltip__education-item">University of Oxford</li>'
        '<li class="author-tooltip__education-item">Loyola University New Orleans</li></ul></div>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe",)


def test_two_people_printed_alike_in_one_byline_are_both_authors() -> None:
    header = (
        '<p class="byline">By <a class="byline__author" href="/people/jane-doe">Jane Doe</a> and '
        '<a class="byline__author" href="/people/john-roe">John Roe</a></p>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe", "John Roe")


def test_a_list_of_co_authors_in_elements_of_their_own_kind_are_all_authors() -> None:
    header = (
        '<div class="post-meta"><div class="author-main">Jane Doe</div>'
        '<div class="author-role">Senior Engineer</div><div class="author-list">'
        '<div class="author-item">John Roe</div><div class="author-item">Ann Poe</div></div></div>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe", "John Roe", "Ann Poe")


def test_a_label_on_the_line_after_a_by_line_is_not_a_name() -> None:
    header = (
        '<div class="page-byline"><div class="page-byline__item">By Jane Doe</div>'
        '<div class="page-byline__item">Fact Checked</div></div>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe",)


def test_lines_after_a_by_line_are_names_only_when_the_byline_goes_on() -> None:
    assert split_byline("By Jane Doe\nRelated Topics\nInsights") == ["Jane Doe"]
    assert split_byline("Last updated: May 2\nBy Jane Doe\nFact Checked") == ["Jane Doe"]
    assert split_byline("By Jane Doe,\nJohn Roe") == ["Jane Doe", "John Roe"]
    assert split_byline("Written by\nJane Doe, 4+ years covering laptops\nJohn Roe, senior editor") == [
        "Jane Doe",
        "John Roe",
    ]
    assert split_byline("Jane Doe\nJohn Roe") == ["Jane Doe", "John Roe"]  # no label: a list of names
    assert split_byline("By\nJane Doe\nJohn Roe") == ["Jane Doe", "John Roe"]  # a label heading a list


def test_a_date_run_into_the_name_is_cut_with_its_month() -> None:
    assert split_byline("By Jane Doe Jan. 31, 2026 7:47 am EST") == ["Jane Doe"]
    assert split_byline("By Jane Doe Published March 3, 2024") == ["Jane Doe"]
    assert split_byline("By Theresa May") == ["Theresa May"]
    # after a comma the date marks the job before it as no name
    assert split_byline("By: Jane Doe, Counseling Psychologist April 22, 2025 07:00 PM") == ["Jane Doe"]


def test_a_role_after_a_spaced_dash_is_not_part_of_the_name() -> None:
    assert split_byline("By Jane Doe - Staff Writer") == ["Jane Doe"]
    header = '<p class="byline">By Jane Doe - Garden Contributor</p>'
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe",)


def test_an_outlet_after_a_spaced_dash_is_not_part_of_a_persons_name() -> None:
    assert clean_authors(["Jenny Smith – The Moon"]) == ("Jenny Smith",)
    header = '<h4 class="author">Jenny Smith — Valley Gazette</h4>'
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jenny Smith",)
    # a team's credit stays whole, and a site's own label (its address after the dash) is the outlet
    assert clean_authors(["GURUS - Drupal"]) == ("GURUS - Drupal",)
    assert clean_authors(["Zone Société - ICI.Radio-Canada.ca"]) == ()


def test_places_in_an_author_cards_biography_are_not_authors() -> None:
    bio = (
        "Jane Doe is the head gardener of the estate. She has worked with growers across "
        "the Hudson Valley and Willamette Valley, sourcing old roses for the collection."
    )
    card = f'<div class="card author"><div class="card-author-name">Jane Doe</div><p>{bio}</p></div>'
    assert newsscrape.extract(_story("", card), url=URL).authors == ("Jane Doe",)


def test_a_class_that_holds_author_in_another_word_is_no_byline() -> None:
    # a shop's header link ("authorization-link") and a product badge ("authorized-dealer-link")
    header = (
        '<ul class="header links"><li class="link authorization-link"><a href="/login">Sign In</a></li></ul>'
        '<a class="badge authorized-dealer-link" href="/dealers">Authorized Dealer</a>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ()


def test_a_link_of_another_kind_beside_the_authors_link_is_not_an_author() -> None:
    header = (
        '<div class="author-info"><a class="name" href="/author/jane-doe">Jane Doe</a>'
        '<a class="view-more" href="/author/jane-doe">View More Articles</a></div>'
    )
    assert newsscrape.extract(_story(header), url=URL).authors == ("Jane Doe",)
