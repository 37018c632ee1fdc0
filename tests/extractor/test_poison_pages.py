"""Poison pages: whatever a page holds, extract() -> to_dict() -> JSON Lines never breaks.

A bad value costs only its own field: a lone surrogate becomes U+FFFD, a malformed URL is dropped,
a JSON-LD block nested too deep is ignored, and the article is kept.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsscrape import Article, ExtractConfig, ExtractError, extract
from newsscrape.exporter import JsonlWriter

STORY = "<p>" + "Rain returned to the valley on Tuesday after a long dry summer. " * 8 + "</p>"
BODY = f"<article><h1>Rain returns</h1>{STORY}{STORY}</article>"
URL = "https://example.com/news/rain"


def page(head: str = "", body: str = BODY) -> str:
    return f"<html><head><title>Rain returns</title>{head}</head><body>{body}</body></html>"


def ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def jsonl_line(article: Article) -> bytes:
    """The article as the exporter writes it: one strict UTF-8 JSON line."""
    out = io.BytesIO()
    JsonlWriter(out).write(article)
    return out.getvalue()


def assert_writable(article: Article) -> None:
    data = article.to_dict()
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # strict: raises on a lone surrogate
    line = jsonl_line(article)
    assert line.count(b"\n") == 1
    assert json.loads(line) == data  # written as extracted: nothing left for the writer to repair


# -- 1. valid Unicode at the source -----------------------------------------------------------------


def test_lone_surrogate_escape_in_jsonld_author_is_replaced() -> None:
    article = extract(
        page(ld(r'{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane \udfff Doe"}}')),
        URL,
    )
    assert article.authors == ("Jane \ufffd Doe",)
    assert_writable(article)


def test_noncharacter_escapes_in_jsonld_are_replaced() -> None:
    article = extract(
        page(ld(r'{"@type": "NewsArticle", "description": "Rain \uffff returns \ufdd0"}')),
        URL,
    )
    assert article.description == "Rain \ufffd returns \ufffd"
    assert_writable(article)


def test_noncharacters_in_markup_are_replaced() -> None:
    article = extract(page(body=BODY.replace("Tuesday", "Tues\ufffeday\U0001ffff")), URL)
    assert "Tues\ufffdday\ufffd" in article.body
    assert_writable(article)


def test_lone_surrogate_in_callers_url_is_replaced() -> None:
    article = extract(page(), "https://example.com/news/\udfff")
    assert article.url == "https://example.com/news/\ufffd"
    assert_writable(article)


# -- 2. a bad link, image or canonical URL costs only that field ------------------------------------

BAD_URLS = ("https://[zz::]/x", "http://[::1", "//[zz::]/y", "http://[::1]:99999/x")


@pytest.mark.parametrize("bad", BAD_URLS)
def test_bad_url_costs_only_its_field(bad: str) -> None:
    head = (
        f'<meta property="og:image" content="{bad}"><link rel="canonical" href="{bad}">'
        f'<meta property="og:url" content="{bad}">'
        + ld(json.dumps({"@type": "NewsArticle", "image": bad, "url": bad}))
    )
    links = f'<h2><a href="{bad}">Elsewhere</a></h2><p><a href="{bad}">a link</a> in a sentence</p>'
    body = BODY.replace("</h1>", f'</h1><img src="{bad}" width="800" height="600">{links}')
    article = extract(page(head, body), URL)
    assert "Rain returned to the valley" in article.body
    assert (article.image, article.canonical_url) == (None, None)
    assert_writable(article)


def test_malformed_page_url_costs_only_the_links() -> None:
    article = extract(page('<link rel="canonical" href="/news/rain">'), "http://[::1")
    assert "Rain returned to the valley" in article.body
    assert article.canonical_url is None


# -- 5. a JSON-LD block nested too deep is ignored, not the page ------------------------------------


@pytest.mark.parametrize("deep", ["[" * 1200, "[" * 1200 + "]" * 1200, '{"a":' * 1100 + "1" + "}" * 1100])
def test_deep_jsonld_block_is_ignored_and_the_article_kept(deep: str) -> None:
    other = ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}')
    article = extract(page(ld(deep) + other), URL)
    assert "Rain returned to the valley" in article.body
    assert article.authors == ("Jane Doe",)  # the sound block is still read


def test_jsonld_value_nested_deeper_than_any_real_block_is_ignored() -> None:
    # json.loads takes 900 levels, but a reader walking them would not: no CMS nests like this
    author = "[" * 900 + '{"@type": "Person", "name": "Jane Doe"}' + "]" * 900
    article = extract(page(ld(f'{{"@type": "NewsArticle", "author": {author}}}')), URL)
    assert "Rain returned to the valley" in article.body
    assert article.authors == ()


# -- 3. the property: extract -> to_dict -> JSON Lines as one pipeline ------------------------------

CONFIG = ExtractConfig(fallback=False, time_limit=30.0)
POISON_TEXT = [
    r"\udfff",
    r"\ud83d",
    r"\ud83d\ude00",
    r"\uffff",
    r"\ufffe",
    r"\ufdd0",
    r"\ud83f\udffe",
    "\\u0000",
]
BROKEN_URLS = [
    "https://[zz::]/x",
    "http://[::1",
    "//[zz::]/",
    "http://[::1]:99999/",
    "http://[v1.x]/",
    "http:\\\\x",
]

json_text = st.lists(
    st.one_of(st.sampled_from(POISON_TEXT), st.text(alphabet="Jane Doe,&@()[]", max_size=12)), max_size=6
).map("".join)
long_token = st.builds(
    lambda n, c: c * n, st.integers(1_000, 6_000), st.sampled_from(["a", "x@", "(", "[", "A", " "])
)


@st.composite
def jsonld_block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["article", "deep", "deep_valid"]))
    if kind == "deep":
        return ld(draw(st.sampled_from(["[", '{"a":', '[{"b":'])) * draw(st.integers(900, 1500)))
    if kind == "deep_valid":
        depth = draw(st.integers(50, 400))
        return ld("[" * depth + '{"@type": "NewsArticle", "headline": "Deep"}' + "]" * depth)
    fields = {key: draw(json_text) for key in ("headline", "description", "articleSection", "name")}
    fields["author"] = draw(st.one_of(json_text, long_token))
    links = {key: draw(st.sampled_from(BROKEN_URLS)).replace("\\", "/") for key in ("image", "url")}
    # spliced raw, not through json.dumps, which would escape the backslash of "\\udfff"
    body = ", ".join(f'"{key}": "{value}"' for key, value in {**fields, **links}.items())
    body = f'{{"@type": "NewsArticle", {body}, "keywords": ["{draw(json_text)}", "Rain"]}}'
    publisher = '{"@type": "WebSite", "name": "' + draw(json_text).replace('"', "") + '"}'
    return ld(body) + ld(publisher)


@st.composite
def poison(draw: st.DrawFn) -> tuple[str, str]:
    """One poison fragment and where it goes: ("head", html) or ("body", html)."""
    url = draw(st.sampled_from(BROKEN_URLS))
    kind = draw(
        st.sampled_from(
            [
                "jsonld",
                "href",
                "src",
                "og",
                "canonical",
                "attrs",
                "value",
                "byline",
                "meta_author",
                "token",
                "raw",
            ]
        )
    )
    if kind == "jsonld":
        return "head", draw(jsonld_block())
    if kind == "href":
        return "body", f'<h2><a href="{url}">Other</a></h2><p><a href="{url}">x</a> y</p>'
    if kind == "src":
        return "body", f'<img src="{url}" width="900" height="500">'
    if kind == "og":
        return (
            "head",
            f'<meta property="og:image" content="{url}"><meta name="twitter:image" content="{url}">',
        )
    if kind == "canonical":
        return "head", f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">'
    if kind == "attrs":
        count = draw(st.integers(200, 3_000))
        return "body", "<div " + " ".join(f"a{i}=v" for i in range(count)) + ">Rain</div>"
    if kind == "value":
        return "body", f'<p class="{"x" * draw(st.integers(10_000, 100_000))}">Rain</p>'
    if kind == "byline":
        return "body", f'<span class="byline">By {draw(long_token)}</span>'
    if kind == "meta_author":
        return "head", f'<meta name="author" content="{draw(long_token)}">'
    if kind == "raw":  # a str that already carries them (decoded with surrogateescape, say)
        return "body", "<p>Rain \udfff returns \uffff</p><h2>\ud800</h2>"
    return "body", f"<p>{draw(long_token)}</p>"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.lists(poison(), min_size=1, max_size=4), st.sampled_from([str, bytes]))
def test_poison_pages_always_make_a_writable_record(poisons: list[tuple[str, str]], kind: type) -> None:
    head = "".join(html for where, html in poisons if where == "head")
    body = BODY.replace("</h1>", "</h1>" + "".join(html for where, html in poisons if where == "body"))
    markup = page(head, body)
    try:
        article = extract(
            markup.encode("utf-8", "surrogatepass") if kind is bytes else markup, URL, config=CONFIG
        )
    except ExtractError as exc:
        reason: str | None = exc.reason
    else:
        reason = None
        assert_writable(article)
    assert reason not in ("internal", "too_deep")  # neither a bug, nor a reason to lose the page
