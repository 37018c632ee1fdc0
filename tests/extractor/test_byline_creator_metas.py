"""Authors: the creator metas of the head generators that write no ``author`` meta: Drupal's Metatag
(Dublin Core as DCMI terms, ``dcterms.creator``) and Next.js's metadata API (``creator``); and an
organisation's name with "and" in it is not split into a second author."""

from __future__ import annotations

import pytest

import newsscrape

BODY = "<p>" + "Water the beds at dawn, then mulch them before the sun dries the soil. " * 6 + "</p>"
URL = "https://www.example-gardens.com/news/2025/05/01/spring-beds/"


def _page(head: str) -> str:
    return (
        f"<html><head><title>Spring beds</title>{head}</head>"
        f"<body><article><h1>Spring beds</h1>{BODY}</article></body></html>"
    )


def test_drupal_dublin_core_creator_names_the_author() -> None:
    # Drupal's Metatag module, Dublin Core submodule
    head = '<meta name="dcterms.title" content="Spring beds"><meta name="dcterms.creator" content="Jane Doe">'
    assert newsscrape.extract(_page(head), url=URL).authors == ("Jane Doe",)


def test_next_js_creator_meta_names_the_author() -> None:
    # app router: export const metadata = { creator: "Jane Doe", publisher: "Jane Doe" }
    head = '<meta name="creator" content="Jane Doe"><meta name="publisher" content="Jane Doe">'
    assert newsscrape.extract(_page(head), url=URL).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "office", ["Center for Drug Evaluation and Research", "Office of Science and Technology"]
)
def test_an_office_with_and_in_its_name_is_credited_whole(office: str) -> None:
    head = f'<meta name="dcterms.creator" content="{office}">'
    assert newsscrape.extract(_page(head), url=URL).authors == (office,)


def test_an_office_in_an_author_meta_gives_no_second_author() -> None:
    head = '<meta name="author" content="Center for Drug Evaluation and Research">'
    assert "Research" not in newsscrape.extract(_page(head), url=URL).authors


def test_a_creator_meta_beside_an_author_meta_adds_nobody() -> None:
    # Next.js's metadata with both fields: the creator names the publisher, the author the writer
    head = '<meta name="author" content="Acme Team"><meta name="creator" content="Acme Gardens">'
    assert newsscrape.extract(_page(head), url=URL).authors == ("Acme Team",)
