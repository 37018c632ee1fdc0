"""Control characters a crawl leaves in a page (a stray NUL, a terminal's escape sequence, a DEL),
raw or as numeric references, are dropped where text enters the extractor: no record carries them."""

from __future__ import annotations

import re

import pytest

from newsscrape import extract

STORY = "<p>" + "Rain returned to the valley on Tuesday after a long dry summer. " * 8 + "</p>"
URL = "https://example.com/news/rain"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def page(junk: str) -> str:
    return (
        f'<html><head><title>Rain{junk} returns</title><meta name="author" content="Jane{junk} Doe">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": ["Wea\\u0001ther"]}</script>'
        f"</head><body><article><h1>Rain{junk} returns</h1>{STORY.replace('Tuesday', f'Tues{junk}day')}"
        f"<h2>Farms{junk}</h2>{STORY}</article></body></html>"
    )


@pytest.mark.parametrize("junk", ["\x01", "\x1b", "\x7f", "\x08", "&#1;", "&#x1B;", "&#127", "&#\x1bx1;"])
@pytest.mark.parametrize("kind", [str, bytes])
def test_control_characters_are_dropped_from_every_field(junk: str, kind: type) -> None:
    markup = page(junk)
    article = extract(markup.encode() if kind is bytes else markup, URL)
    assert not [s for s in strings(article.to_dict()) if CONTROL.search(s)]
    assert (article.title, article.authors, article.tags) == ("Rain returns", ("Jane Doe",), ("Weather",))
    assert "Tuesday" in article.body
    assert article.headings == ("Farms",)


def test_control_character_in_callers_url_is_dropped() -> None:
    article = extract(page(""), "https://example.com/news/\x00rain")
    assert article.url == "https://example.com/news/rain"


def test_white_space_controls_become_spaces_in_verbatim_text() -> None:
    # the vertical tab and U+001C-U+001F part words wherever text is folded; code is not folded
    html = page("").replace("</article>", "<pre>x = 1\x0by = 2&#31;z = 3</pre></article>")
    code = [b.to_dict()["text"] for s in extract(html, URL).sections for b in s.blocks if b.kind == "code"]
    assert code == ["x = 1 y = 2 z = 3"]


@pytest.mark.parametrize("ref", ["&#10;", "&#x10FFFF;", "&#128;", "&#x1F600;", "&#9;", "&#13;", "&#12;"])
def test_references_to_other_characters_are_kept(ref: str) -> None:
    article = extract(page("").replace("Tuesday", f"Tues{ref}day"), URL)
    assert "Tues" in article.body
    assert "&#" not in article.body
    assert not CONTROL.search(article.body)


@pytest.mark.parametrize("shy", ["\u00ad", "&shy;", "&#173;"])
def test_soft_hyphens_are_dropped_so_words_stay_whole(shy: str) -> None:
    # a German page hyphenates its words for narrow screens ("Wäh&shy;rend"): a hint a reader sees
    # only where a line breaks, which would split the word for anyone searching the text
    article = extract(page(shy), URL)
    assert not [s for s in strings(article.to_dict()) if "\u00ad" in s]
    assert (article.title, article.authors, article.headings) == ("Rain returns", ("Jane Doe",), ("Farms",))
    assert "Tuesday" in article.body
