"""Address policy against server-side request forgery: which resolved addresses a fetch may reach.

Pure decisions over :mod:`ipaddress` values; resolving names is the caller's I/O. The rule:

* ``FetchConfig.block_private``: every hop, the first URL included, must resolve only to public addresses.
* ``FetchConfig.block_private_redirects`` (default): a redirect issued by a public host must not lead to a
  non-public one (the classic "public page 302s to http://169.254.169.254/" attack). A private host
  redirecting to another private host is left alone, so intranet and 127.0.0.1 test servers work.

Each rule is applied twice: by ``decide`` to the addresses of a DNS answer of the fetcher's own,
before the request, and by ``decide_connected`` to the address each connection's socket reached
(the connection resolves the name again: DNS rebinding).

    >>> from ipaddress import ip_address
    >>> public, private = (ip_address("93.184.215.14"),), (ip_address("10.0.0.1"),)
    >>> decide(previous=public, target=private, config=FetchConfig())
    'a redirect from a public address to non-public 10.0.0.1'
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..config import FetchConfig

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Addresses = tuple[IPAddress, ...]


def is_public_address(ip: IPAddress) -> bool:
    """True if ``ip`` is a globally routable unicast address.

    >>> from ipaddress import ip_address
    >>> is_public_address(ip_address("127.0.0.1")), is_public_address(ip_address("8.8.8.8"))
    (False, True)
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
    # is_global already excludes private, loopback, link-local, shared (100.64/10), reserved and
    # unspecified ranges; multicast is excluded on top because no web server lives there.
    return ip.is_global and not ip.is_multicast


# NAT64 (RFC 6052): the well-known prefix 64:ff9b::/96 and the local-use 64:ff9b:1::/48 carry an
# IPv4 address in their last 32 bits, which a NAT64 gateway then reaches.
NAT64_PREFIXES = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 host an IPv6 address reaches, if it embeds one: IPv4-mapped (``::ffff:a.b.c.d``),
    IPv4-compatible (``::a.b.c.d``, deprecated but still routed by some stacks), NAT64 and 6to4
    (``2002:AABB:CCDD::/48``). (Teredo, 2001::/32, is not global at all, whatever it embeds.)

    >>> from ipaddress import ip_address
    >>> embedded_ipv4(ip_address("64:ff9b::7f00:1")), embedded_ipv4(ip_address("2002:7f00:1::"))
    (IPv4Address('127.0.0.1'), IPv4Address('127.0.0.1'))
    """
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    packed = int(ip)
    if any(ip in net for net in NAT64_PREFIXES) or (packed >> 32 == 0 and packed > 1):
        # the low 32 bits; ``::`` and ``::1`` are IPv6's own unspecified and loopback addresses
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddressPolicy:
    """Which addresses count as public. Tests inject ``is_public`` to play a public host on 127.0.0.2.

    >>> from ipaddress import ip_address
    >>> policy = AddressPolicy(is_public=lambda ip: str(ip) == "127.0.0.2")
    >>> here, there = (ip_address("127.0.0.2"),), (ip_address("127.0.0.1"),)
    >>> decide(previous=here, target=there, config=FetchConfig(), is_public=policy.is_public)
    'a redirect from a public address to non-public 127.0.0.1'

    With it, ``fetch_page("http://127.0.0.2:8080/redirect?to=http://127.0.0.1/", policy=policy)``
    raises ``FetchError: GET http://127.0.0.1/: blocked: a redirect from a public address to
    non-public 127.0.0.1``.
    """

    is_public: Callable[[IPAddress], bool] = field(default=is_public_address)

    def decide(self, *, previous: Addresses | None, target: Addresses, config: FetchConfig) -> str | None:
        """Why reaching ``target`` is refused, or None if allowed; ``previous`` is the redirecting hop's."""
        return decide(previous=previous, target=target, config=config, is_public=self.is_public)

    def decide_connected(
        self, *, host: str, peer: IPAddress | None, previous: Addresses | None, config: FetchConfig
    ) -> str | None:
        """``decide`` for the address a connection to ``host`` reached (see ``decide_connected``)."""
        return decide_connected(
            host=host, peer=peer, previous=previous, config=config, is_public=self.is_public
        )


DEFAULT_POLICY = AddressPolicy()


def decide(
    *,
    previous: Addresses | None,
    target: Addresses,
    config: FetchConfig,
    is_public: Callable[[IPAddress], bool] = is_public_address,
) -> str | None:
    """Why a hop to ``target`` is refused, or None if it is allowed.

    ``previous`` holds the addresses of the host that issued the redirect, None for the first URL.

        >>> from ipaddress import ip_address
        >>> decide(previous=None, target=(ip_address("127.0.0.1"),), config=FetchConfig(block_private=True))
        'non-public address 127.0.0.1'
    """
    # A host with several addresses is as dangerous as its worst one: the connection may use any.
    private = next((ip for ip in target if not is_public(ip)), None)
    if private is None:
        return None
    if config.block_private:
        return f"non-public address {private}"
    if (
        config.block_private_redirects
        and previous is not None
        and previous
        and all(is_public(ip) for ip in previous)
    ):
        return f"a redirect from a public address to non-public {private}"
    return None


def decide_connected(
    *,
    host: str,
    peer: IPAddress | None,
    previous: Addresses | None,
    config: FetchConfig,
    is_public: Callable[[IPAddress], bool] = is_public_address,
) -> str | None:
    """Why a connection to ``host`` that reached ``peer`` is refused, or None; ``peer`` is None when
    the stream cannot tell (refused: the check cannot pass).

    The DNS answer ``decide`` judged came from a lookup of our own; the connection resolves the
    name again, and a name whose answers change (DNS rebinding) can pass the first and reach
    another address. The address the socket reached is the one that counts:

        >>> from ipaddress import ip_address
        >>> config = FetchConfig(block_private=True)
        >>> decide_connected(host="a.example", peer=ip_address("10.0.0.1"), previous=None, config=config)
        'a.example connected to 10.0.0.1: non-public address 10.0.0.1 (its DNS answer had passed the check)'
    """
    if peer is None:
        return f"cannot tell which address {host} connected to"
    reason = decide(previous=previous, target=(peer,), config=config, is_public=is_public)
    if reason is None:
        return None
    return f"{host} connected to {peer}: {reason} (its DNS answer had passed the check)"


def needs_lookup(*, redirected: bool, config: FetchConfig) -> bool:
    """Whether a hop's addresses matter at all, so a plain fetch of a public page costs no extra DNS query."""
    return config.block_private or (config.block_private_redirects and redirected)


def literal(host: str) -> Addresses | None:
    """The address of an IP-literal host, None for a name that needs resolving."""
    try:
        return (ipaddress.ip_address(host.strip("[]")),)
    except ValueError:
        return None


def from_addrinfo(infos: Iterable[Sequence[object]]) -> Addresses:
    """The distinct addresses in a ``getaddrinfo`` answer, in order."""
    seen: dict[IPAddress, None] = {}
    for info in infos:
        ip = of_sockaddr(info[4])
        if ip is not None:
            seen.setdefault(ip, None)
    return tuple(seen)


def of_sockaddr(sockaddr: object) -> IPAddress | None:
    """The address in a socket address (``getaddrinfo``'s, ``getpeername()``'s), None if it holds none
    (a Unix socket's path); ValueError for an address that is none.

    >>> of_sockaddr(("fe80::1%eth0", 443, 0, 2)), of_sockaddr("/run/proxy.sock")
    (IPv6Address('fe80::1'), None)
    """
    if not isinstance(sockaddr, tuple) or not sockaddr:
        return None
    # IPv6 answers may carry a zone ("fe80::1%eth0"); the zone does not change the address class.
    return ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
