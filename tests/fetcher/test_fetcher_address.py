"""The address (SSRF) policy as pure decisions over ipaddress values."""

from __future__ import annotations

import socket
from ipaddress import ip_address

import pytest

from newsscrape.config import FetchConfig
from newsscrape.fetcher import AddressPolicy, is_public_address
from newsscrape.fetcher._address import decide, decide_connected, from_addrinfo, literal, of_sockaddr

PUBLIC = (ip_address("93.184.215.14"),)
PRIVATE = (ip_address("10.0.0.7"),)
LOOPBACK = (ip_address("127.0.0.1"),)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",  # loopback
        "10.1.2.3",  # RFC 1918
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # link-local: cloud metadata services live here
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # unspecified: connects to this host on Linux
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "::1",
        "fe80::1",
        "fc00::1",  # unique local
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:10.0.0.1",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible (deprecated, still routed by some stacks)
        "::10.0.0.1",
        "64:ff9b::127.0.0.1",  # NAT64 well-known prefix: the gateway reaches 127.0.0.1
        "64:ff9b::169.254.169.254",
        "64:ff9b:1::a00:1",  # NAT64 local-use prefix
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
    ],
)
def test_ipv4_embedded_in_ipv6_is_judged_by_the_ipv4(address: str) -> None:
    assert not is_public_address(ip_address(address))


def test_a_redirect_to_nat64_loopback_is_blocked() -> None:
    reason = decide(previous=PUBLIC, target=(ip_address("64:ff9b::7f00:1"),), config=FetchConfig())
    assert reason == "a redirect from a public address to non-public 64:ff9b::7f00:1"


def test_first_url_on_a_private_address_is_allowed_by_default() -> None:
    assert decide(previous=None, target=LOOPBACK, config=FetchConfig()) is None


def test_block_private_refuses_the_first_url() -> None:
    assert decide(previous=None, target=PRIVATE, config=FetchConfig(block_private=True)) == (
        "non-public address 10.0.0.7"
    )


def test_block_private_allows_public_hosts() -> None:
    assert decide(previous=PUBLIC, target=PUBLIC, config=FetchConfig(block_private=True)) is None


def test_public_to_private_redirect_is_refused() -> None:
    reason = decide(previous=PUBLIC, target=PRIVATE, config=FetchConfig())
    assert reason == "a redirect from a public address to non-public 10.0.0.7"


def test_private_to_private_redirect_is_allowed() -> None:
    assert decide(previous=LOOPBACK, target=PRIVATE, config=FetchConfig()) is None


def test_public_to_private_redirect_allowed_when_switched_off() -> None:
    config = FetchConfig(block_private_redirects=False)
    assert decide(previous=PUBLIC, target=PRIVATE, config=config) is None


def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    mixed = (*PUBLIC, ip_address("169.254.169.254"))
    assert decide(previous=PUBLIC, target=mixed, config=FetchConfig()) is not None


def test_injected_publicness() -> None:
    policy = AddressPolicy(is_public=lambda ip: ip == ip_address("127.0.0.2"))
    config = FetchConfig()
    assert policy.decide(previous=(ip_address("127.0.0.2"),), target=LOOPBACK, config=config) is not None
    assert policy.decide(previous=LOOPBACK, target=(ip_address("127.0.0.3"),), config=config) is None


def test_literal_hosts_need_no_lookup() -> None:
    assert literal("127.0.0.1") == LOOPBACK
    assert literal("[::1]") == (ip_address("::1"),)
    assert literal("localhost") is None


def test_addrinfo_answers_are_deduplicated_and_lose_their_zone() -> None:
    infos = [
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fe80::1%eth0", 0, 0, 2)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 0)),
        (socket.AF_INET, socket.SOCK_DGRAM, 17, "", ("10.0.0.7", 0)),
    ]
    assert from_addrinfo(infos) == (ip_address("fe80::1"), ip_address("10.0.0.7"))


# --- the address a connection reached (DNS rebinding) ---------------------------------------------------


def test_a_connection_that_reached_a_private_address_is_refused() -> None:
    reason = decide_connected(
        host="news.example",
        peer=ip_address("10.0.0.7"),
        previous=None,
        config=FetchConfig(block_private=True),
    )
    assert reason == (
        "news.example connected to 10.0.0.7: non-public address 10.0.0.7"
        " (its DNS answer had passed the check)"
    )


def test_a_connection_that_reached_a_public_address_passes() -> None:
    config = FetchConfig(block_private=True)
    assert decide_connected(host="news.example", peer=PUBLIC[0], previous=None, config=config) is None


def test_a_connection_is_judged_as_the_redirect_that_led_to_it() -> None:
    reason = decide_connected(host="cdn.example", peer=LOOPBACK[0], previous=PUBLIC, config=FetchConfig())
    assert reason is not None
    assert reason.startswith("cdn.example connected to 127.0.0.1: a redirect from a public address")


def test_a_connection_reaching_embedded_ipv4_loopback_is_refused() -> None:
    config = FetchConfig(block_private=True)
    peer = ip_address("::ffff:127.0.0.1")
    assert decide_connected(host="news.example", peer=peer, previous=None, config=config) is not None


def test_a_connection_whose_address_is_unknown_is_refused() -> None:
    reason = decide_connected(
        host="news.example", peer=None, previous=None, config=FetchConfig(block_private=True)
    )
    assert reason == "cannot tell which address news.example connected to"


def test_socket_addresses_give_their_ip() -> None:
    assert of_sockaddr(("127.0.0.1", 8080)) == LOOPBACK[0]
    assert of_sockaddr(("fe80::1%eth0", 443, 0, 2)) == ip_address("fe80::1")
    assert of_sockaddr("/run/proxy.sock") is None
