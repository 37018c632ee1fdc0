"""fetch_page and afetch_page against the real fault server on 127.0.0.x: every test runs both drivers."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import Callable
from ipaddress import ip_address

import httpx
import pytest

from faultserver import PDF_BYTES, RUSSIAN_TITLE, FaultServer, Request, Response
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import AddressPolicy, Page, afetch_page, fetch_page

# Small limits keep each failing test near one second; nothing asserts on elapsed time.
FAST = FetchConfig(connect_timeout=1.0, read_timeout=0.5, total_timeout=1.5)

Get = Callable[..., Page]


@pytest.fixture(params=["sync", "async"])
def get(request: pytest.FixtureRequest) -> Get:
    """fetch_page, or afetch_page run to completion: the same test checks both drivers."""
    if request.param == "sync":
        return fetch_page

    def run(url: str, **kwargs: object) -> Page:
        return asyncio.run(afetch_page(url, **kwargs))  # type: ignore[arg-type]

    return run


def fails(get: Get, url: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        get(url, **kwargs)
    assert "\n" not in info.value.message
    return info.value


# --- the happy path ---------------------------------------------------------------------------------


def test_page_arrives_with_its_metadata(get: Get, fault_server: FaultServer) -> None:
    page = get(fault_server.url("/page/summit"))
    assert page.status == 200
    assert page.final_url == page.url == fault_server.url("/page/summit")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert b"<h1>Article summit</h1>" in page.content
    assert ("content-type", "text/html; charset=utf-8") in page.headers


def test_request_identifies_itself_and_prefers_html(get: Get, fault_server: FaultServer) -> None:
    get(fault_server.url("/page/a"), config=FetchConfig(user_agent="testbot/1.0 (+https://example.org/bot)"))
    (logged,) = fault_server.requests
    assert logged.header("user-agent") == "testbot/1.0 (+https://example.org/bot)"
    assert (logged.header("accept") or "").startswith("text/html")
    assert "gzip" in (logged.header("accept-encoding") or "")


def test_gzip_body_arrives_decoded(get: Get, fault_server: FaultServer) -> None:
    html = b"<html><body><p>compressed news</p></body></html>"
    fault_server.add_route(
        "/gz", lambda req: Response(body=gzip.compress(html), headers=[("Content-Encoding", "gzip")])
    )
    assert get(fault_server.url("/gz")).content == html


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("deflate", zlib.compress),  # as RFC 9110 says: zlib-wrapped
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # as many servers send it
        ("x-gzip", gzip.compress),
    ],
)
def test_deflate_variants_arrive_decoded(
    get: Get, fault_server: FaultServer, coding: str, compress: Callable[[bytes], bytes]
) -> None:
    html = b"<html><body><p>deflated news</p></body></html>" * 50
    fault_server.add_route(
        "/z", lambda req: Response(body=compress(html), headers=[("Content-Encoding", coding)])
    )
    assert get(fault_server.url("/z")).content == html


def test_broken_gzip_is_decode(get: Get, fault_server: FaultServer) -> None:
    body = gzip.compress(b"<html>" * 1000)[:40] + b"garbage" * 10
    fault_server.add_route("/bad-gz", lambda req: Response(body=body, headers=[("Content-Encoding", "gzip")]))
    assert fails(get, fault_server.url("/bad-gz")).kind == "decode"


def test_unknown_content_coding_is_decode(get: Get, fault_server: FaultServer) -> None:
    fault_server.add_route(
        "/odd", lambda req: Response(body=b"??", headers=[("Content-Encoding", "compress")])
    )
    assert fails(get, fault_server.url("/odd")).kind == "decode"


def test_charset_only_in_header_reaches_page(get: Get, fault_server: FaultServer) -> None:
    page = get(fault_server.url("/charset?cs=windows-1251&where=header"))
    assert page.charset == "windows-1251"
    assert RUSSIAN_TITLE in page.content.decode("windows-1251")


def test_charset_only_in_meta_is_left_to_the_extractor(get: Get, fault_server: FaultServer) -> None:
    page = get(fault_server.url("/charset?cs=windows-1251&where=meta"))
    assert page.charset is None
    assert b'<meta charset="windows-1251">' in page.content


def test_missing_content_type_is_sniffed_as_html(get: Get, fault_server: FaultServer) -> None:
    page = get(fault_server.url("/page/bare?ct=none"))
    assert page.content_type is None
    assert page.content.startswith(b"<!DOCTYPE html>")


# --- redirects ---------------------------------------------------------------------------------------


def test_relative_redirect_chain_is_followed(get: Get, fault_server: FaultServer) -> None:
    page = get(fault_server.url("/redirect-chain/3"))
    assert page.final_url == fault_server.url("/redirect-chain/0")
    assert page.url == fault_server.url("/redirect-chain/3")
    assert fault_server.paths() == [f"/redirect-chain/{n}" for n in (3, 2, 1, 0)]


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_every_redirect_status_is_followed(get: Get, fault_server: FaultServer, code: int) -> None:
    page = get(fault_server.url(f"/redirect?code={code}&to=/page/moved"))
    assert page.final_url == fault_server.url("/page/moved")


def test_redirect_limit(get: Get, fault_server: FaultServer) -> None:
    assert get(fault_server.url("/redirect-chain/2"), config=FetchConfig(max_redirects=2)).status == 200
    err = fails(get, fault_server.url("/redirect-chain/3"), config=FetchConfig(max_redirects=2))
    assert err.kind == "too_many_redirects"
    assert "more than 2 redirects" in err.message


def test_redirect_loop_is_detected_before_the_limit(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/redirect-loop"), config=FetchConfig(max_redirects=50))
    assert err.kind == "too_many_redirects"
    assert "loop" in err.message
    assert len(fault_server.requests) == 2


def test_a_redirect_back_with_a_fragment_is_a_loop(get: Get, fault_server: FaultServer) -> None:
    # "/spin" -> "/spin#top": the fragment is never sent, so the server answers the same redirect.
    fault_server.add_route("/spin", lambda req: Response(status=302, headers=[("Location", "/spin#top")]))
    err = fails(get, fault_server.url("/spin"), config=FetchConfig(max_redirects=50))
    assert err.kind == "too_many_redirects"
    assert "loop" in err.message
    assert len(fault_server.requests) == 1


def test_cookie_wall_bounce_to_the_same_url_is_not_a_loop(get: Get, fault_server: FaultServer) -> None:
    def wall(req: Request) -> Response:
        if "seen=1" in req.headers.get("cookie", ""):
            return Response(body=b"<html><body><p>behind the wall</p></body></html>")
        return Response(status=302, headers=[("Location", "/wall"), ("Set-Cookie", "seen=1; Path=/")])

    fault_server.add_route("/wall", wall)
    assert b"behind the wall" in get(fault_server.url("/wall")).content


def test_redirect_to_another_scheme_is_refused(get: Get, fault_server: FaultServer) -> None:
    assert fails(get, fault_server.url("/redirect?to=ftp://files.example/x")).kind == "invalid_url"


# --- statuses ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [404, 410, 500])
def test_error_status_keeps_the_code(get: Get, fault_server: FaultServer, code: int) -> None:
    err = fails(get, fault_server.url(f"/status/{code}"))
    assert (err.kind, err.status, err.retry_after) == ("http_status", code, None)
    assert err.url == fault_server.url(f"/status/{code}")


def test_retry_after_seconds(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/retry-after/429?seconds=7"))
    assert (err.kind, err.status, err.retry_after) == ("http_status", 429, 7.0)


def test_retry_after_http_date(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/retry-after/503?seconds=30&date=1"))
    assert err.status == 503
    assert err.retry_after is not None
    assert 0 < err.retry_after <= 30


# --- time limits ---------------------------------------------------------------------------------------


def test_slow_drip_hits_the_total_deadline(get: Get, fault_server: FaultServer) -> None:
    # 0.2 s per byte never trips the 0.5 s read timeout; only the total deadline can stop it.
    err = fails(get, fault_server.url("/drip?bytes=100&interval=0.2"), config=FAST)
    assert err.kind == "timeout"
    assert "total deadline" in err.message


def test_server_that_never_answers_times_out(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/hang"), config=FAST)
    assert err.kind == "timeout"


# --- broken connections -------------------------------------------------------------------------------


def test_reset_before_response_is_connect(get: Get, fault_server: FaultServer) -> None:
    assert fails(get, fault_server.url("/reset")).kind == "connect"


def test_reset_mid_body_is_connect(get: Get, fault_server: FaultServer) -> None:
    assert fails(get, fault_server.url("/reset?after=5")).kind == "connect"


def test_refused_connection_is_connect(get: Get) -> None:
    with FaultServer("127.0.0.1") as server:
        url = server.url("/page/gone")
    assert fails(get, url, config=FAST).kind == "connect"  # the port is closed now


# --- size and type --------------------------------------------------------------------------------------


def test_gzip_bomb_is_cut_off(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/gzip-bomb?mb=64"), config=FetchConfig(max_bytes=1024 * 1024))
    assert err.kind == "too_large"


@pytest.mark.parametrize("length", ["1", "0"])
def test_oversize_body_is_too_large(get: Get, fault_server: FaultServer, length: str) -> None:
    url = fault_server.url(f"/huge?bytes={3 * 1024 * 1024}&length={length}")
    err = fails(get, url, config=FetchConfig(max_bytes=1024 * 1024))
    assert err.kind == "too_large"


def test_declared_oversize_fails_before_the_body(get: Get, fault_server: FaultServer) -> None:
    fault_server.add_route("/promise", _headers_then_hang("text/html", length=10**9))
    err = fails(get, fault_server.url("/promise"), config=FetchConfig(read_timeout=5, total_timeout=10))
    assert err.kind == "too_large"  # a timeout here would mean the body was awaited


@pytest.mark.parametrize("path", ["/pdf", "/image", "/page/data?ct=application/json"])
def test_non_html_is_refused(get: Get, fault_server: FaultServer, path: str) -> None:
    err = fails(get, fault_server.url(path))
    assert err.kind == "not_html"


def test_non_html_is_refused_from_headers_alone(get: Get, fault_server: FaultServer) -> None:
    fault_server.add_route("/report.pdf", _headers_then_hang("application/pdf", length=5000))
    err = fails(get, fault_server.url("/report.pdf"), config=FetchConfig(read_timeout=5, total_timeout=10))
    assert err.kind == "not_html"


def test_untyped_binary_is_refused_after_sniffing(get: Get, fault_server: FaultServer) -> None:
    fault_server.add_route("/blob", lambda req: Response(body=PDF_BYTES, content_type=None))
    assert fails(get, fault_server.url("/blob")).kind == "not_html"


# --- invalid URLs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["", "ftp://example.com/file", "example.com/news/1", "http://", "/news/1"])
def test_invalid_urls(get: Get, url: str) -> None:
    err = fails(get, url)
    assert (err.kind, err.url) == ("invalid_url", url)


# --- address policy --------------------------------------------------------------------------------------


def _as_public(host: str) -> AddressPolicy:
    """Play a public site on a loopback host: only that address counts as public."""
    return AddressPolicy(is_public=lambda ip: ip == ip_address(host))


def test_redirect_from_public_to_private_is_blocked(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    public = fault_servers("127.0.0.2")
    url = public.url(f"/redirect?to={fault_server.url('/page/secret')}")
    err = fails(get, url, policy=_as_public("127.0.0.2"))
    assert err.kind == "blocked"
    assert fault_server.requests == []  # the private host never saw a request


def test_redirect_to_a_private_name_is_resolved_and_blocked(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    public = fault_servers("127.0.0.2")
    target = f"http://localhost:{fault_server.port}/page/secret"
    err = fails(get, public.url(f"/redirect?to={target}"), policy=_as_public("127.0.0.2"))
    assert err.kind == "blocked"


def test_redirect_policy_can_be_switched_off(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    public = fault_servers("127.0.0.2")
    page = get(
        public.url(f"/redirect?to={fault_server.url('/page/intranet')}"),
        config=FetchConfig(block_private_redirects=False),
        policy=_as_public("127.0.0.2"),
    )
    assert page.final_url == fault_server.url("/page/intranet")


def test_loopback_to_loopback_redirect_is_allowed_by_default(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    other = fault_servers("127.0.0.3")
    page = get(other.url(f"/redirect?to={fault_server.url('/page/local')}"))
    assert page.final_url == fault_server.url("/page/local")
    assert [r.host for r in (*other.requests, *fault_server.requests)] == ["127.0.0.3", "127.0.0.1"]


def test_block_private_refuses_even_the_first_url(get: Get, fault_server: FaultServer) -> None:
    err = fails(get, fault_server.url("/page/a"), config=FetchConfig(block_private=True))
    assert err.kind == "blocked"
    assert fault_server.requests == []


def test_block_private_resolves_names(get: Get, fault_server: FaultServer) -> None:
    url = f"http://localhost:{fault_server.port}/page/a"
    assert fails(get, url, config=FetchConfig(block_private=True)).kind == "blocked"


# --- clients ----------------------------------------------------------------------------------------------


def test_callers_client_is_used_and_left_open(fault_server: FaultServer) -> None:
    with httpx.Client(follow_redirects=True) as client:
        fetch_page(fault_server.url("/page/a"), client=client)
        # Redirects stay manual (and policed) even on a client that would follow them itself.
        with pytest.raises(FetchError) as info:
            fetch_page(fault_server.url("/redirect-loop"), client=client)
        assert info.value.kind == "too_many_redirects"
        assert not client.is_closed


def _headers_then_hang(content_type: str, *, length: int) -> Callable[[Request], None]:
    """A route that sends its headers and then no body until the server closes."""

    def route(req: Request) -> None:
        req.raw.send_response(200)
        req.raw.send_header("Content-Type", content_type)
        req.raw.send_header("Content-Length", str(length))
        req.raw.end_headers()
        req.raw.wfile.flush()
        req.server.stopping.wait(30)
        req.raw.close_connection = True

    return route


def test_total_deadline_spans_redirects(get: Get, fault_server: FaultServer) -> None:
    # Each hop alone is well within every per-wait timeout; together they overrun the deadline.
    def slow_hop(req: Request) -> Response:
        n = int(req.path.rsplit("/", 1)[1])
        req.server.sleep(0.3)
        return Response(status=302, headers=[("Location", str(n + 1))])

    fault_server.add_route("/slow-hop/", slow_hop)
    config = FetchConfig(read_timeout=1.0, total_timeout=1.0)
    err = fails(get, fault_server.url("/slow-hop/0"), config=config)
    assert err.kind == "timeout"
    assert "total deadline" in err.message
