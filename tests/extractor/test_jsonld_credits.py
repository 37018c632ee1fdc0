"""JSON-LD nodes that credit a page's author without being an article node: a Blog's own post, a
recipe, a review, a how-to, the page's own node and a Q&A page's question. Fixture pages are
small, generic CMS-style pages written for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsscrape import extract
from newsscrape.extractor.metadata._jsonld import read_jsonld

URL = "https://blog.example.org/2024/05/garden-notes"
TEXT = (
    "Spring came late to the allotment this year, and the beds stayed cold well into April. "
    "We sowed the first peas under fleece and waited for the soil to warm before planting out. "
) * 6


def page(ld: Any, *, heading: str = "Garden notes for May") -> str:
    """A post with no byline, no author meta and no date in its markup: only the JSON-LD credits it."""
    return f"""<!doctype html><html lang="en"><head><title>{heading} - Example Blog</title>
<script type="application/ld+json">{json.dumps(ld)}</script></head>
<body><header><a href="/">Example Blog</a></header>
<main><article><h1>{heading}</h1><p>{TEXT}</p><p>{TEXT}</p></article></main>
<footer>Example Blog</footer></body></html>"""


POST = {
    "@type": "BlogPosting",
    "headline": "Garden notes for May",
    "datePublished": "2024-05-12T08:00:00Z",
    "url": URL,
    "author": {"@type": "Person", "name": "Mara Lindqvist"},
}


def test_a_blogs_only_post_is_the_article() -> None:
    article = extract(page({"@context": "https://schema.org", "@type": "Blog", "blogPost": [POST]}), url=URL)
    assert article.authors == ("Mara Lindqvist",)
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2024-05-12"
    assert article.title == "Garden notes for May"


def test_a_blog_listing_many_posts_has_the_one_at_the_pages_url() -> None:
    other = {**POST, "url": "https://blog.example.org/2024/04/seed-swap", "headline": "Seed swap"}
    ld = read_jsonld([json.dumps({"@type": "Blog", "blogPost": [other, POST]})], url=URL)
    assert ld.article is not None
    assert ld.article["headline"] == "Garden notes for May"


def test_a_blogs_front_page_takes_none_of_its_posts() -> None:
    posts = [{**POST, "url": f"https://blog.example.org/post-{n}", "headline": f"Post {n}"} for n in range(3)]
    ld = read_jsonld([json.dumps({"@type": "Blog", "blogPost": posts})], url="https://blog.example.org/")
    assert ld.article is None


@pytest.mark.parametrize("kind", ["Recipe", "Review", "HowTo", "WebPage"])
def test_a_node_about_the_page_credits_its_author(kind: str) -> None:
    node = {
        "@type": kind,
        "name": "Garden notes for May",
        "author": {"@type": "Person", "name": "Mara Lindqvist"},
    }
    assert extract(page({"@context": "https://schema.org", **node}), url=URL).authors == ("Mara Lindqvist",)


def test_a_web_pages_author_given_by_reference() -> None:
    graph = [
        {"@type": "WebPage", "@id": URL, "author": {"@id": "https://blog.example.org/#/person/7"}},
        {"@type": "Person", "@id": "https://blog.example.org/#/person/7", "name": "Mara Lindqvist"},
    ]
    assert extract(page({"@graph": graph}), url=URL).authors == ("Mara Lindqvist",)


def test_a_web_pages_organisation_author_is_the_site_not_a_byline() -> None:
    graph = [
        {"@type": "WebPage", "@id": URL, "author": {"@id": "https://blog.example.org/#identity"}},
        {"@type": "Organization", "@id": "https://blog.example.org/#identity", "name": "Example Gardens Ltd"},
    ]
    assert read_jsonld([json.dumps({"@graph": graph})], url=URL).credited is None


def test_a_question_credits_the_threads_starter() -> None:
    question = {
        "@type": "Question",
        "name": "Peas not germinating?",
        "author": {"@type": "Person", "name": "greenthumb"},
        "suggestedAnswer": [{"@type": "Answer", "author": {"@type": "Person", "name": "soilnerd"}}],
    }
    ld = {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": question}
    assert extract(page(ld, heading="Peas not germinating?"), url=URL).authors == ("greenthumb",)


def test_a_credited_node_leaves_the_title_and_date_alone() -> None:
    """Only the author reader reads it: a recipe's name and date are not an article's headline."""
    recipe = {
        "@type": "Recipe",
        "name": "Pea and mint soup",
        "datePublished": "2019-01-01",
        "author": {"@type": "Person", "name": "Mara Lindqvist"},
    }
    ld = read_jsonld([json.dumps(recipe)], url=URL)
    assert ld.article is None
    assert ld.page is None
    assert ld.credited == recipe
    assert ld.crediting().article == recipe
