"""robots.txt fetching (fetcher/robots.py): redirects, the address policy, caching. The crawler's use
of it (disallowed URLs and redirects never requested) is tested in tests/crawler/test_crawl_engine.py."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from faultserver import FaultServer, Request, Response, robots_disallow
from newsscrape.config import FetchConfig
from newsscrape.fetcher import AddressPolicy, async_client
from newsscrape.fetcher.robots import RobotsCache, RobotsRules, afetch_robots

UA = FetchConfig().user_agent


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
