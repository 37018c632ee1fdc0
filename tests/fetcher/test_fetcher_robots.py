"""robots.txt fetching (fetcher/robots.py): redirects, the address policy, caching. The crawler's use
of it (disallowed URLs and redirects never requested) is tested in tests/crawler/test_crawl_engine.py."""

from __future__ import annotations

import asyncio
import threading
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from protego import Protego

from faultserver import FaultServer, Request, Response, encoded, robots_disallow, robots_drip
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import AddressPolicy, async_client, check_url
from newsscrape.fetcher.robots import ROBOTS_MAX_BYTES, RobotsCache, RobotsRules, afetch_robots

UA = FetchConfig().user_agent
WAIT = 5.0  # seconds a held parse waits to be released: a lookup stuck behind it never releases it


def fetch_rules(
    origin: str, *, config: FetchConfig | None = None, policy: AddressPolicy | None = None
) -> RobotsRules:
    cfg = config or FetchConfig()

    async def go() -> RobotsRules:
        async with async_client(cfg) as client:
            return await afetch_robots(origin, client=client, config=cfg, policy=policy)

    return asyncio.run(go())


def origin_of(server: FaultServer) -> str:
    return server.base_url


def redirect_robots(to: str) -> Callable[[Request], Response]:
    return lambda req: Response(status=301, headers=[("Location", to)])


def encoded_response(body: bytes, codings: str, *, raw: bool = False) -> Response:
    """robots.txt ``body`` with ``codings`` applied in turn (``raw``: ``body`` is encoded already)."""
    wire = body if raw else encoded_text(body, tuple(codings.split(",")))
    return Response(body=wire, content_type="text/plain", headers=[("Content-Encoding", codings)])


def encoded_text(body: bytes, codings: tuple[str, ...]) -> bytes:
    import zlib

    for coding in codings:
        wbits = zlib.MAX_WBITS if coding == "deflate" else 16 + zlib.MAX_WBITS
        packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
        body = packer.compress(body) + packer.flush()
    return body


def test_rules_are_parsed(fault_server: FaultServer) -> None:
    fault_server.set_robots(robots_disallow("/private/", crawl_delay=2))
    rules = fetch_rules(origin_of(fault_server))
    assert rules.verdict == "rules"
    assert not rules.allowed(fault_server.url("/private/x"), UA)
    assert rules.allowed(fault_server.url("/news/x"), UA)
    assert rules.crawl_delay(UA) == 2.0


def test_a_redirected_robots_txt_is_followed(fault_servers: Callable[[str], FaultServer]) -> None:
    a, b = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    a.add_route("/robots.txt", redirect_robots(b.url("/robots.txt")))
    b.set_robots(robots_disallow("/private/"))
    rules = fetch_rules(origin_of(a))
    assert not rules.allowed(a.url("/private/x"), UA)


def test_a_redirect_to_a_private_address_is_not_followed(fault_servers: Callable[[str], FaultServer]) -> None:
    public, private = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    public.add_route("/robots.txt", redirect_robots(private.url("/robots.txt")))
    policy = AddressPolicy(is_public=lambda ip: str(ip) == "127.0.0.2")  # play a public host
    rules = fetch_rules(origin_of(public), policy=policy)
    assert rules.verdict == "allow_all"
    assert "not fetched" in rules.reason
    assert private.paths() == []


def test_block_private_does_not_even_ask(fault_server: FaultServer) -> None:
    rules = fetch_rules(origin_of(fault_server), config=FetchConfig(block_private=True))
    assert rules.reason.startswith("not fetched")
    assert fault_server.paths() == []


def test_endless_redirects_mean_no_robots_txt(fault_server: FaultServer) -> None:
    fault_server.add_route("/robots.txt", redirect_robots("/robots.txt?again"))
    rules = fetch_rules(origin_of(fault_server))
    assert (rules.verdict, rules.reason) == ("allow_all", "too many redirects")
    assert len(fault_server.paths()) == 6  # the first request and five redirects


def test_an_unreachable_host_is_disallowed() -> None:
    rules = fetch_rules("http://127.0.0.1:9")  # the discard port: nothing listens
    assert rules.verdict == "unreachable"
    assert not rules.allowed("http://127.0.0.1:9/a", UA)


def test_cache_fetches_once_for_concurrent_askers(fault_server: FaultServer) -> None:
    fault_server.set_robots(robots_disallow("/x"))

    async def go() -> int:
        cfg = FetchConfig()
        async with async_client(cfg) as client:
            cache = RobotsCache(client=client, config=cfg)
            await asyncio.gather(*(cache.rules(origin_of(fault_server)) for _ in range(10)))
            return cache.fetches

    assert asyncio.run(go()) == 1
    assert fault_server.paths() == ["/robots.txt"]


# --- hostile robots.txt -----------------------------------------------------------------------------


def test_a_dripping_robots_txt_ends_at_the_total_deadline(fault_server: FaultServer) -> None:
    fault_server.add_route("/robots.txt", robots_drip)
    rules = fetch_rules(origin_of(fault_server), config=FetchConfig(total_timeout=1))
    assert (rules.verdict, rules.retryable) == ("unreachable", True)
    assert "total deadline" in rules.reason


def test_a_robots_txt_with_a_byte_order_mark_is_obeyed(fault_server: FaultServer) -> None:
    fault_server.set_robots("\ufeffUser-agent: *\nDisallow: /\n")
    rules = fetch_rules(origin_of(fault_server))
    assert not rules.allowed(fault_server.url("/news/1"), UA)


@pytest.mark.parametrize("codings", ["x-gzip", "gzip,x-gzip"])
def test_an_encoded_robots_txt_is_decoded(fault_server: FaultServer, codings: str) -> None:
    text = robots_disallow("/private/").encode()
    fault_server.add_route("/robots.txt", lambda req: encoded_response(text, codings))
    rules = fetch_rules(origin_of(fault_server))
    assert not rules.allowed(fault_server.url("/private/x"), UA)


def test_a_stacked_robots_bomb_is_cut_at_its_cap_within_bounded_memory(fault_server: FaultServer) -> None:
    wire = encoded(("gzip", "gzip"), 256)  # 256 MiB of zeros in a few KB
    fault_server.add_route("/robots.txt", lambda req: encoded_response(wire, "gzip,gzip", raw=True))
    tracemalloc.start()
    try:
        rules = fetch_rules(origin_of(fault_server))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (rules.verdict, rules.size) == ("rules", ROBOTS_MAX_BYTES)
    assert peak < 32 * 1024 * 1024  # httpx expanded whole chunks: 256 MiB at once


def test_an_invalid_origin_is_invalid_url_with_check_urls_message() -> None:
    with pytest.raises(FetchError) as caught:
        fetch_rules("http://xn--a.com")
    with pytest.raises(FetchError) as checked:
        check_url("http://xn--a.com/robots.txt")
    assert (caught.value.kind, caught.value.message) == ("invalid_url", checked.value.message)


@pytest.mark.parametrize("target", ["javascript:alert(1)", "http://256.1.1.1/robots.txt"])
def test_a_redirect_to_an_unusable_target_means_no_robots_txt(fault_server: FaultServer, target: str) -> None:
    fault_server.add_route("/robots.txt", redirect_robots(target))
    rules = fetch_rules(origin_of(fault_server))
    assert rules.verdict == "allow_all"
    assert "unusable target" in rules.reason


def test_unreachable_rules_are_retryable_and_can_be_forgotten(fault_server: FaultServer) -> None:
    fault_server.set_robots(503)

    async def go() -> tuple[bool, int]:
        cfg = FetchConfig()
        async with async_client(cfg) as client:
            cache = RobotsCache(client=client, config=cfg, retry_delay=0.01)
            rules = await cache.rules(origin_of(fault_server))
            cache.forget(origin_of(fault_server))
            fault_server.set_robots(robots_disallow("/private/"))
            again = await cache.rules(origin_of(fault_server))
            return rules.retryable and not again.retryable, cache.fetches

    assert asyncio.run(go()) == (True, 3)  # two tries, then one more after forget


def test_the_cache_is_bounded_by_memory(fault_servers: Callable[[str], FaultServer]) -> None:
    servers = [fault_servers(f"127.0.0.{i}") for i in (2, 3, 4)]
    for server in servers:  # ~100 KB each: about 1 MB of parsed rules
        server.set_robots(robots_disallow(*(f"/section-{i}/" for i in range(5000))))

    async def go() -> tuple[int, int]:
        cfg = FetchConfig()
        async with async_client(cfg) as client:
            cache = RobotsCache(client=client, config=cfg, max_bytes=2_500_000)
            for server in servers:
                await cache.rules(origin_of(server))
            memory = cache.memory
            await cache.rules(origin_of(servers[0]))  # the least recently used went: fetched again
            return memory, cache.fetches

    memory, fetches = asyncio.run(go())
    assert 0 < memory <= 2_500_000
    assert fetches == 4


def test_robots_fetches_wait_for_the_limiter(fault_server: FaultServer) -> None:
    async def go() -> list[str]:
        cfg = FetchConfig()
        slots = asyncio.Semaphore(1)
        async with async_client(cfg) as client:
            cache = RobotsCache(client=client, config=cfg, limiter=slots)
            async with slots:  # a page holds the only slot
                asking = asyncio.create_task(cache.rules(origin_of(fault_server)))
                await asyncio.sleep(0.3)
                before = fault_server.paths()
            await asking
            return before

    assert asyncio.run(go()) == []
    assert fault_server.paths() == ["/robots.txt"]


def test_a_caller_that_retries_itself_gets_the_first_unreachable_answer(fault_server: FaultServer) -> None:
    fault_server.set_robots(500)

    async def go() -> tuple[bool, int]:
        cfg = FetchConfig()
        async with async_client(cfg) as client:
            cache = RobotsCache(client=client, config=cfg, unreachable_retries=0)
            rules = await cache.rules(origin_of(fault_server))
            return rules.retryable, cache.fetches

    assert asyncio.run(go()) == (True, 1)


def test_parsing_a_robots_txt_holds_up_no_name_lookup(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # asyncio resolves host names on the loop's default executor: a parse of a huge robots.txt
    # there (a second each) held up every other host's DNS lookup. The parse here lasts until a
    # name is resolved, or WAIT seconds if that lookup waits for the parse.
    fault_server.set_robots(robots_disallow("/private/"))
    resolved, events = threading.Event(), []
    parse = Protego.parse
    started: list[Callable[[], None]] = []  # sets the test loop's event, from the parse's thread

    def held_parse(cls: type[Protego], content: str) -> Protego:
        started[0]()
        resolved.wait(WAIT)
        events.append("parsed")
        return parse(content)

    monkeypatch.setattr(Protego, "parse", classmethod(held_parse))

    async def go() -> RobotsRules:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(1))  # its busiest: every thread taken
        parsing = asyncio.Event()
        started.append(lambda: loop.call_soon_threadsafe(parsing.set))
        cfg = FetchConfig()
        async with async_client(cfg) as client:
            rules = asyncio.create_task(afetch_robots(origin_of(fault_server), client=client, config=cfg))
            await parsing.wait()
            await loop.getaddrinfo("localhost", None)
            events.append("resolved")
            resolved.set()
            return await rules

    assert not asyncio.run(go()).allowed(fault_server.url("/private/a"), UA)
    assert events == ["resolved", "parsed"]
