"""URL normalisation (the duplicate key), the compact seen-set, and URL-list reading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsscrape.crawler import normalize_url, read_url_lines
from newsscrape.crawler._urls import InvalidUrl, UrlSet, origin, url_key


def test_case_default_port_and_fragment_do_not_make_a_new_url() -> None:
    assert normalize_url("HTTP://Example.COM:80/News/1#comments") == "http://example.com/News/1"
    assert normalize_url("https://example.com:443") == "https://example.com/"


def test_other_ports_and_path_case_are_kept() -> None:
    assert normalize_url("http://example.com:8080/A") == "http://example.com:8080/A"


def test_tracking_parameters_dropped_others_kept_in_order() -> None:
    url = "https://e.com/a?b=2&utm_source=x&a=1&fbclid=z&UTM_Medium=y&gclid=q&c=%20"
    assert normalize_url(url) == "https://e.com/a?b=2&a=1&c=%20"
    assert normalize_url("https://e.com/a?utm_campaign=x") == "https://e.com/a"
    # Google Search's result tracking ID on a shop's link: the page is the one without it
    assert (
        normalize_url("https://shop.example/c/mugs?srsltid=AfmBOoq0V&page=2")
        == "https://shop.example/c/mugs?page=2"
    )


@pytest.mark.parametrize(
    "text",
    [
        "ftp://example.com/a",
        "example.com/news",
        "/news/1",
        "http://",
        "http://exa mple.com/",
        "http://e.com:99999/",
        "",
    ],
)
def test_not_an_http_url_is_invalid(text: str) -> None:
    with pytest.raises(InvalidUrl):
        normalize_url(text)


def test_invalid_lines_have_their_own_key() -> None:
    assert url_key("not a url") == "invalid:not a url"


def test_origin_is_scheme_host_port() -> None:
    assert origin("https://Example.com/a") == "https://example.com:443"
    assert origin("http://127.0.0.2:8000/a") == "http://127.0.0.2:8000"


@given(
    host=st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}(\.[A-Za-z]{2,5})?", fullmatch=True),
    path=st.from_regex(r"(/[A-Za-z0-9._~-]{0,8}){0,3}", fullmatch=True),
    query=st.lists(st.sampled_from(["a=1", "utm_source=x", "b=", "fbclid=3", "c=%2F"]), max_size=4),
    fragment=st.sampled_from(["", "#x", "#"]),
)
def test_normalisation_is_idempotent(host: str, path: str, query: list[str], fragment: str) -> None:
    url = f"HTTPS://{host}{path}" + ("?" + "&".join(query) if query else "") + fragment
    once = normalize_url(url)
    assert normalize_url(once) == once


def test_url_set_tells_new_duplicate_and_recorded() -> None:
    seen = UrlSet()
    seen.add_recorded("http://a.example/done")
    assert seen.mark(url_key("http://a.example/new")) == "new"
    assert seen.mark(url_key("HTTP://A.example/new#again")) == "duplicate"
    assert seen.mark(url_key("http://a.example/done")) == "recorded"
    assert seen.mark(url_key("http://a.example/done")) == "duplicate"  # listed twice in this run


def test_url_set_keeps_everything_while_growing() -> None:
    seen = UrlSet(capacity=4)
    keys = [f"http://h{i % 7}.example/{i}" for i in range(20_000)]
    assert all(seen.mark(k) == "new" for k in keys)
    assert all(seen.mark(k) == "duplicate" for k in keys)
    assert len(seen) == 20_000


def test_url_list_skips_blank_and_comment_lines() -> None:
    lines = ["# my list\n", "\n", "  https://e.com/1  \n", "   # indented comment\n", "https://e.com/2"]
    assert list(read_url_lines(lines)) == ["https://e.com/1", "https://e.com/2"]


def test_a_json_line_of_discover_gives_its_url() -> None:
    lines = [
        '{"url": "https://example.com/2024/05/01/a", "published": null, "source": "sitemap"}\n',
        '\ufeff{"url": " https://example.com/b "}\r\n',
        '{"title": "no url here"}\n',
        "{not json\n",
    ]
    assert list(read_url_lines(lines)) == [
        "https://example.com/2024/05/01/a",
        "https://example.com/b",
        '{"title": "no url here"}',  # kept as the line: an invalid URL, reported as one
        "{not json",
    ]


def test_a_json_line_nested_too_deep_is_a_line_not_a_crash() -> None:
    # json.loads raises RecursionError, not ValueError, on brackets nested this deep: the crawl died
    # with a traceback instead of writing an invalid_url record for the line
    line = '{"url": ' + "[" * 100_000 + "\n"
    assert list(read_url_lines([line])) == [line.strip()]
