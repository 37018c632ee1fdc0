"""JSON-LD as publishers write it, not as the grammar allows: blocks json.loads refuses that a
reader still understands (an ``articleBody`` pasted as markup with its quotes unescaped, strings in
single quotes, a comment after a value, a comma left out), a Person given in name parts, a name
list, a publisher given by reference and a byline written whole as markup into a Person's name.
Each was met on real pages (trafilatura 2.3.1's ``json_metadata_tests.py`` holds such blocks from
news sites; the development pages 13 of 1,647 blocks that json.loads refuses). Fixture pages are
small, generic pages written for these tests."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from newsscrape import ExtractError, extract
from newsscrape.extractor.metadata._jsonld import REPAIR_BUDGET, loads_repaired, read_jsonld

URL = "https://news.example.com/world/2023/harbour-reopens"
TEXT = (
    "The harbour reopened on Monday after a week of storms kept the ferries tied up at the quay. "
    "Fishermen said the catch would be small this month but that the boats had come through whole. "
) * 5


def page(block: str) -> str:
    """A story whose only metadata is one JSON-LD block, written as given (not re-serialised)."""
    return f"""<!doctype html><html lang="en"><head><title>Harbour reopens</title>
<script type="application/ld+json">{block}</script></head>
<body><main><article><h1>Harbour reopens after the storms</h1><p>{TEXT}</p><p>{TEXT}</p></article></main>
</body></html>"""


# Each block below is refused by json.loads (and by the cheap repairs before json_repair).
UNESCAPED_BODY = """{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Harbour reopens after the storms", "datePublished": "2023-03-06T09:30:00+01:00",
  "author": {"@type": "Person", "name": "Ines Albrecht"},
  "articleBody": "<p>It reopened, <a href="https://news.example.com/ferries">the ferries</a> said.</p>"}"""
SINGLE_QUOTES = """{"@context": "https://schema.org", "@type": "NewsArticle",
  "description": 'Storms kept the ferries at the quay for a week',
  "headline": "Harbour reopens after the storms", "datePublished": "2023-03-06T09:30:00+01:00",
  "author": {"@type": "Person", "name": "Ines Albrecht"}}"""
COMMENT_AFTER_VALUE = """{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Harbour reopens after the storms",
  "datePublished": "2023-03-06T09:30:00+01:00", // the CMS's publication time
  "author": {"@type": "Person", "name": "Ines Albrecht"}
}"""
MISSING_COMMA = """{"@context": "https://schema.org", "@type": "NewsArticle",
  "publisher": {"@type": "Organization", "name": "Harbour News"}
  "headline": "Harbour reopens after the storms", "datePublished": "2023-03-06T09:30:00+01:00",
  "author": {"@type": "Person", "name": "Ines Albrecht"}}"""


@pytest.mark.parametrize(
    "block",
    [UNESCAPED_BODY, SINGLE_QUOTES, COMMENT_AFTER_VALUE, MISSING_COMMA],
    ids=["unescaped quotes", "single quotes", "comment after a value", "missing comma"],
)
def test_a_broken_block_still_gives_the_stories_metadata(block: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(block)
    article = extract(page(block), url=URL)
    assert article.authors == ("Ines Albrecht",)
    assert article.published is not None
    assert article.published.isoformat() == "2023-03-06T09:30:00+01:00"


def test_what_is_not_json_at_all_gives_nothing() -> None:
    assert loads_repaired("<p>Not a JSON block</p>") is None
    assert loads_repaired("[" * 5000) is None  # deeper than the repairing parser goes: ignored
    assert loads_repaired('"a lone string"') is None  # neither an object nor a list


def test_the_repairs_stop_at_the_pages_budget() -> None:
    """A page of huge broken blocks costs json_repair ~3 µs a character: past ``REPAIR_BUDGET``
    characters the blocks are ignored, as any block beyond repair is."""
    broken = '{"@type": "NewsArticle", "headline": "' + 'a "quoted" word ' * (REPAIR_BUDGET // 16) + '"}'
    assert len(broken) > REPAIR_BUDGET
    started = time.process_time()
    assert read_jsonld([broken, UNESCAPED_BODY]).article is not None  # the small one still fits
    assert read_jsonld([broken]).article is None
    assert time.process_time() - started < 5  # not a speed claim: a guard against a loop without end


def story(author: Any, **extra: Any) -> str:
    return page(
        json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Harbour reopens after the storms",
                "author": author,
                **extra,
            }
        )
    )


def test_a_person_given_in_name_parts() -> None:
    person = {"@type": "Person", "givenName": "Ines", "additionalName": "Maria", "familyName": "Albrecht"}
    assert extract(story(person), url=URL).authors == ("Ines Maria Albrecht",)


def test_one_persons_name_list_credits_each_name() -> None:
    person = {"@type": "Person", "name": ["Ines Albrecht", "Tomas Berg"]}
    assert extract(story([person]), url=URL).authors == ("Ines Albrecht", "Tomas Berg")


def test_a_byline_written_whole_as_markup_into_the_name() -> None:
    name = 'By <a href="/by/ines-albrecht">Ines Albrecht</a> and <a href="/by/tomas-berg">Tomas Berg</a>'
    article = extract(story({"@type": "Person", "name": name}), url=URL)
    assert article.authors == ("Ines Albrecht", "Tomas Berg")


def test_a_publisher_given_by_reference_names_the_site() -> None:
    block = json.dumps(
        [
            {
                "@type": "NewsArticle",
                "headline": "Harbour reopens after the storms",
                "publisher": {"@id": "https://news.example.com/#publisher"},
            },
            {
                "@type": "NewsMediaOrganization",
                "@id": "https://news.example.com/#publisher",
                "name": "Harbour News",
            },
        ]
    )
    assert extract(page(block), url=URL).site_name == "Harbour News"


def test_a_page_without_text_keeps_what_the_repaired_block_says() -> None:
    empty = f"""<!doctype html><html><head><script type="application/ld+json">{UNESCAPED_BODY}</script>
</head><body></body></html>"""
    with pytest.raises(ExtractError) as raised:
        extract(empty, url=URL)
    assert raised.value.metadata is not None
    assert raised.value.metadata.title == "Harbour reopens after the storms"
    assert raised.value.metadata.authors == ("Ines Albrecht",)


def test_a_jsonld_day_takes_the_metas_moment_on_that_day() -> None:
    """A JSON-LD ``datePublished`` of a day only is that day's moment the metas give (WCXB 0279's
    "November 18, 2025" beside its ``article:published_time`` of 21:39:57); a meta's other day is
    not."""
    block = json.dumps({"@type": "NewsArticle", "headline": "Harbour reopens", "datePublished": "2023-03-06"})

    def published(meta: str) -> str | None:
        html = page(block).replace(
            "</head>", f'<meta property="article:published_time" content="{meta}"></head>'
        )
        found = extract(html, url=URL).published
        return found.isoformat() if found is not None else None

    # (a meta's zoneless time, as 0279's; a zoned one already won through the page's zone)
    assert published("2023-03-06T09:30:00") == "2023-03-06T09:30:00+00:00"
    assert published("2023-03-09T09:30:00") == "2023-03-06T00:00:00+00:00"  # the JSON-LD's day
