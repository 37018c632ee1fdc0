"""The article walk's container choice and block rules, on tiny inline pages (WCXB's article losses)."""

from __future__ import annotations

import json

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

CARD = (
    "This lamp gives a warm light that can be tuned from the phone app, and it pairs with the main "
    "voice assistants in a minute without a hub or any extra bridge to buy."
)


def test_lead_paragraphs_beside_a_grid_of_cards_are_kept() -> None:
    # the cards' text is most of the page, but nested deeper than the lead: the container is their
    # common parent, not the grid
    cards = "".join(
        f'<div class="grid-item"><div class="card"><h3>Lamp {n}</h3><div class="desc"><p>{CARD}</p>'
        f"<p>{CARD} Model {n}.</p></div></div></div>"
        for n in range(6)
    )
    html = (
        '<html><head><title>T</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "The best lamps", "datePublished": "2025-06-01"}'
        "</script></head><body><main><h1>The best lamps</h1>"
        f'<div class="entry-content"><p>{PARA}</p><p>{PARA2}</p>'
        f'<div class="pd-grid"><div class="pd-row">{cards}</div></div><p>{PARA3}</p></div>'
        "</main></body></html>"
    )
    text = extract(html, config=NATIVE).body
    assert PARA in text
    assert PARA3 in text
    assert "Model 5." in text


def page(article: str) -> str:
    head = "<html><head><title>T</title></head><body>"
    return f"{head}<article><h1>The title</h1>{article}</article></body></html>"


def test_byline_among_header_fields_is_not_body() -> None:
    sentence = "By using the new tool \u2013 as the team did \u2013 reporters saved hours."
    lines = (
        "By Ben Smith \u22c5 Review Editor",
        "March 15, 2022 \u00b7 3 min read \u00b7 By Staff",
        "On Behalf of Smith & Jones PLLC | Apr 21, 2017 | Products Liability",
        "05/10/2018 - Publicado por: Ana Silva - Categoria: Sa\u00fade",
    )
    for line in lines:
        html = page(f"<div>{line}</div><p>{PARA}</p><p>{sentence}</p><p>{PARA2}</p>")
        text = extract(html, config=NATIVE).body
        assert line not in text
        assert sentence in text  # no byline: no name after "By"


def test_card_bylines_in_a_feed_are_kept() -> None:
    items = "".join(
        f'<li><h3><a href="/s{n}">Story number {n}</a></h3><div>By Ann Lee \u2022 Dec. {n}, 2025</div></li>'
        for n in range(1, 4)
    )
    html = page(f"<div>By Bo Li | May 1, 2025</div><p>{PARA}</p><p>{PARA2}</p><ul>{items}</ul>")
    text = extract(html, config=NATIVE).body
    assert "By Bo Li" not in text  # the story's own byline
    assert "By Ann Lee \u2022 Dec. 2, 2025" in text  # a card's, in a list of stories


def _script_rendered(article_body: str) -> str:
    # a front end that renders its story from a script's state: the markup holds the headline and
    # an author card, the story only in the JSON-LD (a held-out page of trafilatura's tests)
    ld = json.dumps({"@type": "NewsArticle", "headline": "The best lamps", "articleBody": article_body})
    return (
        f'<html><head><title>The best lamps</title><script type="application/ld+json">{ld}</script></head>'
        '<body><h1>The best lamps</h1><div class="author-card"><p>Jane Doe has written about homes and '
        "gardens for twenty years.</p></div><div id=app></div></body></html>"
    )


def test_a_story_only_in_the_json_ld_article_body_is_the_text() -> None:
    story = "\n".join((PARA, PARA2, PARA3))
    url = "https://www.example.com/news/2025/06/01/best-lamps"
    article = extract(_script_rendered(story), url=url, config=NATIVE)  # (trafilatura reads it too)
    assert article.body.split("\n\n") == [PARA, PARA2, PARA3]


def test_an_article_body_written_as_markup_is_not_taken_as_text() -> None:
    story = f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
    url = "https://www.example.com/news/2025/06/01/best-lamps"
    assert "<p>" not in extract(_script_rendered(story), url=url, config=NATIVE).body
