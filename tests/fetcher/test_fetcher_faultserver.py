"""The shared fault server itself: hosts, logging, robots, custom routes, bounded shutdown."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
import pytest

from faultserver import FaultServer, Response, robots_disallow


def test_each_host_is_its_own_site(fault_servers: Callable[[str], FaultServer]) -> None:
    a, b = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    httpx.get(a.url("/page/x"), headers={"User-Agent": "probe"})
    httpx.get(b.url("/page/y"))
    (logged,) = a.requests
    assert (logged.host, logged.method, logged.path, logged.header("user-agent")) == (
        "127.0.0.2",
        "GET",
        "/page/x",
        "probe",
    )
    assert b.paths() == ["/page/y"]


def test_robots_text_and_statuses(fault_server: FaultServer) -> None:
    assert httpx.get(fault_server.url("/robots.txt")).text == "User-agent: *\nDisallow:\n"
    fault_server.set_robots(robots_disallow("/private/", crawl_delay=2))
    assert (
        httpx.get(fault_server.url("/robots.txt")).text
        == "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"
    )
    for status in (404, 500):
        fault_server.set_robots(status)
        assert httpx.get(fault_server.url("/robots.txt")).status_code == status


def test_custom_routes_win_by_longest_prefix(fault_server: FaultServer) -> None:
    fault_server.add_route("/page/", lambda req: Response(body=b"any page"))
    fault_server.add_route("/page/special", lambda req: Response(body=req.query["q"].encode()))
    assert httpx.get(fault_server.url("/page/special?q=hi")).text == "hi"
    assert httpx.get(fault_server.url("/page/other")).text == "any page"


def test_unknown_path_is_404(fault_server: FaultServer) -> None:
    assert httpx.get(fault_server.url("/nothing/here")).status_code == 404


def test_close_does_not_wait_for_a_hanging_request() -> None:
    server = FaultServer().start()
    outcome: list[BaseException] = []

    def ask() -> None:
        try:
            httpx.get(server.url("/hang"), timeout=30)
        except httpx.HTTPError as exc:
            outcome.append(exc)

    client = threading.Thread(target=ask, daemon=True)
    client.start()
    while not server.requests:  # the request is in the handler
        threading.Event().wait(0.01)
    server.close()
    client.join(timeout=20)
    assert not client.is_alive()  # the hanging handler let go when the server closed
    assert len(outcome) == 1


@pytest.mark.parametrize("path", ["/pdf", "/image", "/gzip-bomb?mb=1", "/charset?where=none"])
def test_builtin_routes_answer(fault_server: FaultServer, path: str) -> None:
    with httpx.stream("GET", fault_server.url(path)) as response:
        assert response.status_code == 200
    assert fault_server.errors == []
