"""A redirect stub, a page that only sends its reader on with an instant ``<meta http-equiv="refresh">``
(Hugo's aliases, Jekyll's redirect-from, an old CMS's retired address), is followed as one more hop;
any other page with a refresh is the page. Against the fault server, sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsscrape
from faultserver import FaultServer, Response, article_html
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import Page, afetch_page, fetch_page
from newsscrape.fetcher._raw import afetch_raw
from newsscrape.fetcher._refresh import MAX_TEXT_CHARS, refresh_location

Get = Callable[..., Page]

# What Hugo writes for an alias of a moved post
HUGO = (
    '<!DOCTYPE html><html lang="en-us"><head><title>{to}</title><link rel="canonical" href="{to}">'
    '<meta name="robots" content="noindex"><meta charset="utf-8">'
    '<meta http-equiv="refresh" content="0; url={to}"></head></html>'
)
# What jekyll-redirect-from writes
JEKYLL = (
    '<!DOCTYPE html><html lang="en-US"><meta charset="utf-8"><title>Redirecting&hellip;</title>'
    '<link rel="canonical" href="{to}"><script>location="{to}"</script>'
    '<meta http-equiv="refresh" content="0; url={to}"><meta name="robots" content="noindex">'
    '<h1>Redirecting&hellip;</h1><a href="{to}">Click here if you are not redirected.</a></html>'
)


@pytest.fixture(params=["sync", "async"])
def get(request: pytest.FixtureRequest) -> Get:
    if request.param == "sync":
        return fetch_page
    return lambda url, **kwargs: asyncio.run(afetch_page(url, **kwargs))


def serve(server: FaultServer, path: str, body: str) -> str:
    server.add_route(path, lambda req: Response(body=body.encode()))
    return server.url(path)


@pytest.mark.parametrize("stub", [HUGO, JEKYLL])
def test_a_redirect_stub_is_followed_as_a_hop(get: Get, fault_server: FaultServer, stub: str) -> None:
    article = fault_server.url("/page/moved-story")
    url = serve(fault_server, "/old-story/", stub.format(to=article))
    hops: list[tuple[str, str]] = []
    page = get(url, on_redirect=lambda a, b: hops.append((a, b)))
    assert page.url == url
    assert page.final_url == article
    assert b"moved-story" in page.content
    assert hops == [(url, article)]  # robots.txt and the caller's checks see it as any hop


def test_a_relative_address_is_read_against_the_stub(get: Get, fault_server: FaultServer) -> None:
    url = serve(fault_server, "/2019/old/", """<meta http-equiv="Refresh" content="0;URL='/page/new'">""")
    assert get(url).final_url == fault_server.url("/page/new")


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # a story that reloads itself every five minutes, and one sending readers elsewhere later
        ("reload", '<meta http-equiv="refresh" content="300"><h1>Story</h1><p>Text.</p>'),
        ("later", '<meta http-equiv="refresh" content="60; url=/page/home"><p>Gone soon.</p>'),
        # the "scripts are off" redirect of a page that has its content
        ("noscript", '<noscript><meta http-equiv="refresh" content="0; URL=/page/nojs"></noscript><p>Hi</p>'),
        # a page that has a refresh and a story to show
        ("story", '<meta http-equiv="refresh" content="0; url=/page/other"><p>' + "word " * MAX_TEXT_CHARS),
    ],
)
def test_any_other_page_with_a_refresh_is_the_page(
    get: Get, fault_server: FaultServer, name: str, body: str
) -> None:
    url = serve(fault_server, f"/{name}", f"<html><body>{body}</body></html>")
    page = get(url)
    assert page.final_url == url
    assert not [path for path in fault_server.paths() if path.startswith("/page/")]


def test_a_stub_sending_the_reader_back_is_the_page(get: Get, fault_server: FaultServer) -> None:
    here = fault_server.url("/here")
    serve(fault_server, "/here", HUGO.format(to=fault_server.url("/there")))
    serve(fault_server, "/there", HUGO.format(to=here))
    page = get(here)
    assert page.final_url == fault_server.url(
        "/there"
    )  # back to /here would be a loop: /there is what there is
    assert fault_server.paths().count("/here") == 1


def test_stubs_count_against_max_redirects(get: Get, fault_server: FaultServer) -> None:
    url = serve(fault_server, "/stub", HUGO.format(to=fault_server.url("/page/a")))
    with pytest.raises(FetchError) as info:
        get(url, config=FetchConfig(max_redirects=0))
    assert info.value.kind == "too_many_redirects"


def test_a_refused_hop_fails_the_fetch(get: Get, fault_server: FaultServer) -> None:
    url = serve(fault_server, "/stub", HUGO.format(to=fault_server.url("/page/private")))

    def refuse(from_url: str, to_url: str) -> None:
        raise FetchError(f"GET {to_url}: refused by robots.txt", url=to_url, kind="robots")

    with pytest.raises(FetchError) as info:
        get(url, on_redirect=refuse)
    assert info.value.kind == "robots"
    assert "/page/private" not in fault_server.paths()


def test_a_document_that_is_not_a_page_is_never_a_stub(fault_server: FaultServer) -> None:
    # discovery reads feeds and sitemaps as they are
    url = serve(fault_server, "/feed", HUGO.format(to=fault_server.url("/page/a")))
    doc = asyncio.run(afetch_raw(url))
    assert doc.final_url == url


def test_fetch_gives_the_article_the_stub_sends_the_reader_to(fault_server: FaultServer) -> None:
    fault_server.add_route(
        "/new/", lambda req: Response(body=article_html("moved", title="Rain returns").encode())
    )
    url = serve(fault_server, "/old/", JEKYLL.format(to=fault_server.url("/new/")))
    article = newsscrape.fetch(url)
    assert article.url == url
    assert article.final_url == fault_server.url("/new/")
    assert article.title == "Rain returns"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0; url=https://a.example/x", "https://a.example/x"),
        ("0;URL='https://a.example/x'", "https://a.example/x"),
        ('0; url="/x" ', "/x"),
        ("3, url=/x", "/x"),
        ("0; /x", "/x"),
        ("0.5;url=/x", "/x"),
        ("0", None),  # a reload
        ("0; url=", None),
        ("6; url=/x", None),  # not at once
        ("soon; url=/x", None),
    ],
)
def test_the_refresh_content_is_read_as_the_html_standard_reads_it(
    content: str, expected: str | None
) -> None:
    quote = "'" if '"' in content else '"'
    page = (
        f'<html><head><meta http-equiv="refresh" content={quote}{content}{quote}></head><body></body></html>'
    )
    assert refresh_location(page.encode()) == expected


@given(st.binary(max_size=2000))
def test_any_bytes_are_read_without_error(content: bytes) -> None:
    found = refresh_location(b'<meta http-equiv="refresh" content="0; url=' + content)
    assert found is None or isinstance(found, str)
