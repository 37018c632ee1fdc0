"""Everything about one fetch that does no I/O, shared line for line by ``fetch_page`` and ``afetch_page``.

A :class:`Fetch` holds one call's state (the hop being requested, the hops before it, the deadline,
the body so far) and makes every decision: which names need resolving, whether a hop is allowed,
the request to send, whether a response redirects or is the page, whether the body is still
within limits, and which :class:`FetchError` an httpx failure becomes. The two drivers in
``_client`` only perform the I/O it asks for, so they differ in nothing but ``await``.

    For example::

        job = Fetch("https://example.com/news/1", config=None, policy=None)
        job.admit(); request = job.request(client)  # send it, then job.on_headers(...), job.feed(chunk) ...
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from typing import Any, ClassVar, Final, TypeAlias
from urllib.parse import urlsplit, urlunsplit

import httpx
import idna

from ..config import FetchConfig
from ..errors import FetchError, FetchKind
from . import _address, _cookies, _refresh, _response
from ._address import DEFAULT_POLICY, Addresses, AddressPolicy, IPAddress

# Prefer HTML, accept anything (a server answering only */* still answers); the body type is checked anyway.
ACCEPT: Final = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


def _accept_encoding() -> str:
    # httpx decodes br/zstd only when their packages are installed; advertising a coding we
    # cannot decode would only earn FetchError(kind="decode") for pages that are fine.
    codings = ["gzip", "deflate"]
    if find_spec("brotli") or find_spec("brotlicffi"):
        codings.append("br")
    if find_spec("zstandard"):
        codings.append("zstd")
    return ", ".join(codings)


ACCEPT_ENCODING: Final = _accept_encoding()
# Codings httpx decodes for us (a whole chunk at a time, so only alone and only these two).
HTTPX_CODINGS: Final = frozenset(ACCEPT_ENCODING.split(", ")) - set(_response.BOUNDED_CODINGS)

# httpx reports a connection that closed before the response was complete as a protocol error;
# for retrying it is a dropped connection, like a reset.
DROPPED_CONNECTION: Final = ("server disconnected", "peer closed connection")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A downloaded HTML page.

    For example::

        page = fetch_page("https://example.com/news/1")
        page.final_url, page.charset, len(page.content)
    """

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content: bytes  # the decoded (un-gzipped) body
    content_type: str | None  # media type only, e.g. "text/html"; None when the server sent none
    charset: str | None  # from the Content-Type header, if any
    headers: tuple[tuple[str, str], ...] = ()


def request_headers(config: FetchConfig) -> dict[str, str]:
    """The headers every request carries (set per request too, so a caller's own client gets them).

    ``config.headers`` come on top of ours, and replace ours of the same name (a User-Agent too).
    """
    ours = {"User-Agent": config.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
    given = {name.lower() for name in config.headers}
    return {name: value for name, value in ours.items() if name.lower() not in given} | dict(config.headers)


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    url: httpx.URL,
    *,
    config: FetchConfig,
    timeout: httpx.Timeout,
    extensions: Mapping[str, Any] | None = None,
) -> httpx.Request:
    """A GET of ``url`` with our headers and a bounded Cookie header (see ``_cookies``)."""
    headers = request_headers(config)
    cookies = _cookies.cookie_header(client.cookies.jar, str(url), fixed=config.cookies)
    if cookies:  # set here, httpx adds no cookies of its own: the bound holds for any client
        headers["Cookie"] = cookies
    return client.build_request("GET", url, headers=headers, timeout=timeout, extensions=extensions)


def client_timeout(config: FetchConfig) -> httpx.Timeout:
    """httpx timeouts from the config; the total deadline is enforced per request on top."""
    return httpx.Timeout(
        connect=config.connect_timeout,
        read=config.read_timeout,
        write=config.read_timeout,
        pool=config.connect_timeout,
    )


def check_url(url: str) -> str:
    """``url`` normalised (IDNA host, no fragment), or FetchError(kind="invalid_url") saying why.

    One host is one key: ``bücher.example`` and ``xn--bcher-kva.example`` give the same URL. The
    message is the same wherever a URL is refused (fetch, afetch, robots.txt, crawl).

    >>> check_url("https://Bücher.example/a#top")
    'https://xn--bcher-kva.example/a'
    """
    return str(parse_url(url))


def invalid_url(url: str, reason: str) -> FetchError:
    """The one FetchError for a URL that cannot be fetched at all."""
    return FetchError(f"invalid URL {url!r}: {reason}", url=url, kind="invalid_url")


def parse_url(url: str) -> httpx.URL:
    """``check_url`` as an httpx.URL; the reason goes into ``invalid_url``'s message."""
    problem, parsed = _parse(url)
    if parsed is None:
        raise invalid_url(url, problem)
    return parsed


def _parse(url: str) -> tuple[str, httpx.URL | None]:
    if not isinstance(url, str):  # an untyped caller's None or bytes: said plainly, not in httpx's words
        return f"not a str but {type(url).__name__}", None
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:  # idna errors are ValueErrors
        return _one_line(exc), None
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        return "not an absolute http(s) URL", None
    problem = host_problem(host_of(parsed))
    if problem:
        return problem, None
    # Dropping the fragment parses the URL again (a fifth of a crawl's per-page URL work): only
    # when there is one to drop.
    return "", parsed.copy_with(fragment=None) if "#" in url else parsed


HEX_NUMBER: Final = re.compile(r"0[xX][0-9a-fA-F]*")


def host_problem(host: str) -> str:
    """Why an (ASCII) host cannot be right, or "" (a name may still fail to resolve).

    httpx checks dotted IPv4 forms and Unicode names; what it lets through: hex or short IPv4
    forms that resolvers read as addresses (``0x7f000001``) and A-labels that are not punycode.
    """
    if ":" in host:  # an IPv6 literal, which httpx checked
        return ""
    labels = host.rstrip(".").split(".")
    last = labels[-1]
    # WHATWG URL: a host whose last label is a number is an IPv4 address; only dotted decimal is ours.
    if last.isdigit() or HEX_NUMBER.fullmatch(last):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return f"invalid IPv4 address {host!r}"
        return ""
    # Only A-labels are checked: ASCII names with "_" and the like are out there and resolve.
    for label in labels:
        if label[:4].lower() == "xn--":
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError, ValueError) as exc:
                return f"invalid host name {host!r} ({_one_line(exc)})"
    return ""


def redact(url: str) -> str:
    """``url`` without its password, for messages (a proxy URL may carry credentials).

    >>> redact("http://user:secret@proxy.local:3128")
    'http://user:***@proxy.local:3128'
    """
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def host_of(url: httpx.URL) -> str:
    """The ASCII (IDNA) host of ``url``, as getaddrinfo wants it.

    >>> host_of(httpx.URL("https://bücher.example/"))
    'xn--bcher-kva.example'
    """
    return url.raw_host.decode("ascii")


ConnectCheck: TypeAlias = Callable[[str, IPAddress | None], FetchError | None]
"""``check(host, peer)``: the FetchError refusing a connection to ``host`` whose socket reached
``peer`` (None: the stream cannot tell), or None to let it through."""


class HopTrace:
    """What httpcore's ``trace`` request extension tells about one request: the raw Location of a
    redirect, and the address each new connection reached.

    httpx parses a redirect's Location even when not following it, and raises InvalidURL, a
    protocol error or an idna error (a ValueError) for an unusable one before the caller sees the
    response; the trace hands us the raw header first, so the error can name the target.

    With ``check`` (given while the address policy is in force), a connection the request opens to
    ``host`` is judged on the address its socket reached, as soon as it is made and before a byte
    is sent: a refused one is closed and ``check``'s FetchError raised, which httpx passes through
    unchanged. That is where the policy holds for real: the DNS answer it judged before came from a
    lookup of our own, and the connection resolved the name again (DNS rebinding). A connection to
    another host is a proxy's: its peer is the proxy, which resolves the name itself, so it is not
    judged. A pooled connection was judged when it was opened.

        For example::

            trace = HopTrace(); client.build_request(..., extensions=trace.extensions(client))
    """

    __slots__ = ("_check", "_connecting", "_host", "location")

    def __init__(self, host: str = "", check: ConnectCheck | None = None) -> None:
        self.location: str | None = None
        self._host, self._check = host, check
        self._connecting: object = None  # the host of the connection being made

    def extensions(self, client: httpx.Client | httpx.AsyncClient) -> dict[str, Any]:
        return {"trace": self._atrace if isinstance(client, httpx.AsyncClient) else self._trace}

    def unusable(self, exc: BaseException) -> str | None:
        """The Location that ``exc`` was raised over, or None when ``exc`` is about something else."""
        if self.location is None or isinstance(exc, httpx.NetworkError | httpx.TimeoutException):
            return None
        return self.location

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.started":
            self._connecting = info.get("host")
        elif event == "connection.connect_tcp.complete":
            refusal = self._refusal(info["return_value"])
            if refusal is not None:
                info["return_value"].close()
                raise refusal
        elif event.endswith("receive_response_headers.complete"):
            *_, status, _reason, headers = info["return_value"]  # http11: version, status, reason, headers
            location = (bytes(v).decode("latin-1") for k, v in headers if bytes(k).lower() == b"location")
            self.location = next(location, None) if 300 <= status < 400 else None

    async def _atrace(self, event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            refusal = self._refusal(info["return_value"])
            if refusal is not None:
                await info["return_value"].aclose()
                raise refusal
        else:
            self._trace(event, info)

    def _refusal(self, stream: Any) -> FetchError | None:
        if self._check is None or self._connecting != self._host:
            return None
        try:  # getpeername() fails on a socket the peer reset at once: no address, no pass
            peer = _address.of_sockaddr(stream.get_extra_info("server_addr"))
        except (OSError, ValueError):
            peer = None
        return self._check(self._host, peer)


class Fetch:
    """One call of fetch_page/afetch_page: its state and every decision, no I/O."""

    __slots__ = (
        "_addresses",
        "_body",
        "_charset",
        "_decoder",
        "_kind",
        "_sniffed",
        "_trace",
        "config",
        "deadline",
        "hops",
        "policy",
        "raw",
        "target",
        "url",
    )

    def __init__(self, url: str, *, config: FetchConfig | None, policy: AddressPolicy | None) -> None:
        self.url = url
        self.config = config or FetchConfig()
        self.policy = policy or DEFAULT_POLICY
        self.target = parse_url(url)
        self.hops: list[httpx.URL] = []  # URLs already requested, each of which redirected
        self.deadline = time.monotonic() + self.config.total_timeout
        self._addresses: dict[str, Addresses] = {}
        self._body = bytearray()
        self._kind = ""
        self._charset: str | None = None
        self._sniffed = True
        self._decoder: _response.BoundedDecoder | None = None
        self._trace = HopTrace()
        self.raw = True  # read the body with iter_raw (we decode) rather than iter_bytes (httpx decodes)

    # whether a redirect stub's ``<meta http-equiv="refresh">`` is followed as a hop (``finish``)
    follows_refresh: ClassVar[bool] = True

    # --- before each hop -------------------------------------------------------------------------

    def lookups(self) -> list[str]:
        """Host names to resolve (``resolved``) before ``request``; empty when addresses do not matter."""
        redirected = bool(self.hops)
        if not _address.needs_lookup(redirected=redirected, config=self.config):
            return []
        hosts = [host_of(self.target)] + ([host_of(self.hops[-1])] if redirected else [])
        return [h for h in dict.fromkeys(hosts) if h not in self._addresses and _address.literal(h) is None]

    def resolved(self, host: str, infos: Iterable[Sequence[object]]) -> None:
        """Record a getaddrinfo answer for ``host``."""
        self._addresses[host] = _address.from_addrinfo(infos)

    def dns_error(self, host: str, exc: BaseException) -> FetchError:
        return self._error(f"cannot resolve {host} ({_one_line(exc)})", kind="dns")

    def remaining(self) -> float:
        """Seconds left before the total deadline; FetchError(kind="timeout") when none are."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.deadline_error()
        return left

    def admit(self) -> None:
        """FetchError(kind="blocked") unless the address policy allows the current hop (after ``lookups``)."""
        if _address.needs_lookup(redirected=bool(self.hops), config=self.config):
            previous = self._addresses_of(self.hops[-1]) if self.hops else None
            reason = self.policy.decide(
                previous=previous, target=self._addresses_of(self.target), config=self.config
            )
            if reason is not None:
                raise self._error(f"blocked: {reason}", kind="blocked")

    def request(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request for the current hop (``admit`` it first), its waits capped by the deadline."""
        left, cfg = self.remaining(), self.config
        # No single wait may outlast the deadline; between waits the drivers check it again.
        timeout = httpx.Timeout(
            connect=min(cfg.connect_timeout, left),
            read=min(cfg.read_timeout, left),
            write=min(cfg.read_timeout, left),
            pool=min(cfg.connect_timeout, left),
        )
        # While the policy is in force, each connection is judged again on the address it reached.
        policed = _address.needs_lookup(redirected=bool(self.hops), config=cfg)
        self._trace = HopTrace(host_of(self.target), self._connected if policed else None)
        return build_request(
            client, self.target, config=cfg, timeout=timeout, extensions=self._trace.extensions(client)
        )

    def _connected(self, host: str, peer: IPAddress | None) -> FetchError | None:
        """The ``admit`` of a connection: its FetchError(kind="blocked") if ``peer`` is refused."""
        previous = self._addresses_of(self.hops[-1]) if self.hops else None
        reason = self.policy.decide_connected(host=host, peer=peer, previous=previous, config=self.config)
        return None if reason is None else self._error(f"blocked: {reason}", kind="blocked")

    # --- after the headers -----------------------------------------------------------------------

    def on_headers(self, response: httpx.Response) -> bool:
        """True if ``response`` redirects (the next hop is set: close it and go on); False if it is the page.

        Raises FetchError for a bad redirect, a non-2xx status, a non-HTML type, a declared size over
        the cap.
        """
        self._trace.location = None  # httpx took the response: a Location is ours to judge
        status, headers = response.status_code, response.headers
        location = headers.get("location")
        if status in _response.REDIRECT_STATUSES and location:
            self._follow(location, set_cookie="set-cookie" in headers)
            return True
        if not 200 <= status < 300:
            wait = _response.retry_after(headers.get("retry-after"))
            raise self._error(
                f"HTTP {status}",
                kind="http_status",
                status=status,
                retry_after=wait if status in _response.RETRY_AFTER_STATUSES else None,
            )
        kind, self._charset = _response.media_type(headers.get("content-type"))
        self._kind, self._sniffed = kind, not _response.needs_sniffing(kind)
        if self._sniffed and not _response.is_html_type(kind):
            raise self._error(f"not HTML but {kind}", kind="not_html", status=status)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_bytes:
            raise self._too_large(f"Content-Length {length}")
        self._choose_decoder(headers.get("content-encoding"), in_memory=response.is_stream_consumed)
        return False

    def _choose_decoder(self, header: str | None, *, in_memory: bool) -> None:
        codings = _response.content_codings(header)
        if in_memory:  # a response built in memory (httpx.MockTransport) was decoded by httpx already
            self.raw, self._decoder = False, None
        elif not codings:
            self.raw, self._decoder = True, None
        elif len(codings) > _response.MAX_CODINGS:
            raise self._error(f"Content-Encoding stacks {len(codings)} codings: {header}", kind="decode")
        elif set(codings) <= set(_response.BOUNDED_CODINGS):  # any stack, every layer counted
            self.raw = True
            self._decoder = _response.BoundedDecoder(codings, limit=self.config.max_bytes)
        elif len(codings) == 1 and codings[0] in HTTPX_CODINGS:  # br or zstd alone: httpx decodes it
            self.raw, self._decoder = False, None
        else:
            # httpx would pass an unknown coding through, handing the extractor compressed bytes;
            # and it would expand a stack with br/zstd in it a whole chunk at a time.
            raise self._error(f"cannot decode Content-Encoding {header}", kind="decode")

    @property
    def hop(self) -> tuple[str, str]:
        """The redirect just taken, ``(from_url, to_url)``; only after ``on_headers`` returned True."""
        return str(self.hops[-1]), str(self.target)

    def _follow(self, location: str, *, set_cookie: bool) -> None:
        self._go(join_location(self.target, location, error=self._error), set_cookie=set_cookie)

    def _go(self, target: httpx.URL, *, set_cookie: bool) -> None:
        """Make ``target`` the next hop. FetchError for a loop or one redirect too many."""
        # Revisiting a URL is a loop, unless the redirect set a cookie: cookie walls bounce A -> B -> A
        # once to test cookies. max_redirects still bounds such bounces.
        if self._requested(target) and not set_cookie:
            raise self._error(f"redirect loop back to {target}", kind="too_many_redirects")
        if len(self.hops) >= self.config.max_redirects:
            raise self._error(f"more than {self.config.max_redirects} redirects", kind="too_many_redirects")
        self.hops.append(self.target)
        self.target = target

    def _requested(self, url: httpx.URL) -> bool:
        """Whether this fetch has requested ``url`` (the current hop too). Every address here is
        ``parse_url``'s, without its fragment: one that differs in the fragment alone is the same."""
        return url == self.target or url in self.hops

    # --- the body ---------------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> None:
        """Take the next body chunk (from ``iter_raw`` if ``raw``, else ``iter_bytes``).

        FetchError once the decoded body is over the cap, it cannot be decoded, or the deadline passed.
        """
        if self._decoder is not None:
            chunk = self._decode(chunk)
        self._take(chunk)
        if time.monotonic() > self.deadline:
            raise self.deadline_error()

    def _decode(self, chunk: bytes | None) -> bytes:
        assert self._decoder is not None
        try:
            return self._decoder.decode(chunk) if chunk is not None else self._decoder.flush()
        except _response.OverLimit as exc:
            raise self._too_large("the decoded body") from exc
        except _response.InflateError as exc:
            raise self._error(f"cannot decode the body: {exc}", kind="decode") from exc

    def _take(self, chunk: bytes) -> None:
        if len(self._body) + len(chunk) > self.config.max_bytes:
            raise self._too_large("the body")
        self._body += chunk
        if not self._sniffed and len(self._body) >= _response.SNIFF_BYTES:
            self._sniff()

    def finish(self, response: httpx.Response) -> Page | None:
        """The Page, once the body is complete; None when it is a redirect stub (``_refresh``) whose
        address is the next hop (set: go on). A stub sending the reader back to an address of this
        fetch (a reload, a loop) is the page."""
        page = self.page(response)
        location = _refresh.refresh_location(page.content) if self.follows_refresh else None
        if location is None:
            return page
        try:
            target = join_location(self.target, location, error=self._error)
        except FetchError:  # a stub pointing nowhere usable ("javascript:...") is what there is
            return page
        if self._requested(target):
            return page
        self._go(target, set_cookie=False)
        self._body = bytearray()
        return None

    def page(self, response: httpx.Response) -> Page:
        """The Page, once the body is complete."""
        if self._decoder is not None:
            self._take(self._decode(None))
        if not self._sniffed:
            self._sniff()
        return Page(
            url=self.url,
            final_url=str(self.target),
            status=response.status_code,
            content=bytes(self._body),
            content_type=self._kind or None,
            charset=self._charset,
            headers=tuple(response.headers.multi_items()),
        )

    def _sniff(self) -> None:
        self._sniffed = True
        if not _response.sniff_html(bytes(self._body[: _response.SNIFF_BYTES])):
            declared = f"declared {self._kind}" if self._kind else "no Content-Type"
            raise self._error(f"not HTML ({declared}, and the body does not look like HTML)", kind="not_html")

    # --- failures ---------------------------------------------------------------------------------

    def deadline_error(self) -> FetchError:
        return self._error(f"not done within {self.config.total_timeout:g}s (total deadline)", kind="timeout")

    def error(self, exc: Exception) -> FetchError:
        """The FetchError a failure on the current hop becomes (raise it ``from exc``).

        Anything httpx (or below it) raises maps to a kind; what nothing expects is ``protocol``,
        so no foreign exception leaves the fetcher.
        """
        cfg, detail = self.config, _one_line(exc)
        # httpx parses a redirect's Location before handing us the response, and raises InvalidURL,
        # a protocol error or an idna error (a ValueError) for an unusable one.
        target = self._trace.unusable(exc)
        if target is not None:
            return self._error(f"redirect to an unusable target {target!r} ({detail})", kind="invalid_url")
        if isinstance(exc, httpx.InvalidURL):
            return self._error(f"redirect to an unusable target ({detail})", kind="invalid_url")
        if isinstance(exc, httpx.TransportError) and time.monotonic() >= self.deadline - 0.05:
            return self.deadline_error()  # a wait cut short by the deadline, however it ended
        via = f"proxy {redact(cfg.proxy)}" if cfg.proxy else ""
        if via and isinstance(exc, httpx.ProxyError):
            return self._error(f"{via} refused: {detail}", kind="connect")
        if isinstance(exc, httpx.TimeoutException):
            if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                where = f" to {via}" if via else ""
                return self._error(f"no connection{where} within {cfg.connect_timeout:g}s", kind="timeout")
            return self._error(f"no data for {cfg.read_timeout:g}s", kind="timeout")
        if isinstance(exc, httpx.ConnectError):
            if _caused_by(exc, ssl.SSLError, ssl.CertificateError) or "ssl" in detail.lower():
                return self._error(f"TLS failed: {detail}", kind="tls")
            if via:
                return self._error(f"cannot connect through {via}: {detail}", kind="connect")
            if _caused_by(exc, socket.gaierror):
                return self._error(f"cannot resolve {host_of(self.target)} ({detail})", kind="dns")
            return self._error(f"cannot connect: {detail}", kind="connect")
        if isinstance(exc, httpx.RemoteProtocolError) and detail.lower().startswith(DROPPED_CONNECTION):
            return self._error(f"connection dropped: {detail}", kind="connect")
        if isinstance(exc, httpx.NetworkError | httpx.ProxyError):  # read/write/close errors: resets
            return self._error(f"connection lost: {detail}", kind="connect")
        if isinstance(exc, httpx.DecodingError):
            return self._error(f"cannot decode the body: {detail}", kind="decode")
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return self._error(f"invalid URL: {detail}", kind="invalid_url")
        if isinstance(exc, httpx.TooManyRedirects):
            return self._error(detail, kind="too_many_redirects")
        if isinstance(exc, httpx.HTTPError):
            return self._error(f"protocol error: {detail}", kind="protocol")
        return self._error(f"unexpected {type(exc).__name__}: {detail}", kind="protocol")

    def _too_large(self, what: str) -> FetchError:
        return self._error(f"{what} is over {self.config.max_bytes} bytes", kind="too_large")

    def _error(
        self, detail: str, *, kind: FetchKind, status: int | None = None, retry_after: float | None = None
    ) -> FetchError:
        return FetchError(
            f"GET {self.target}: {detail}", url=self.url, kind=kind, status=status, retry_after=retry_after
        )

    def _addresses_of(self, url: httpx.URL) -> Addresses:
        host = host_of(url)
        return _address.literal(host) or self._addresses.get(host, ())


def join_location(base: httpx.URL, location: str, *, error: Callable[..., FetchError]) -> httpx.URL:
    """The URL a redirect's ``location`` leads to from ``base``; ``error(detail, kind=...)`` if unusable.

    ``javascript:``, ``data:``, ``http:\\\\evil`` and hosts ``check_url`` refuses are all ``invalid_url``,
    named in the message.
    """
    try:
        joined = str(base.join(location))
    except (httpx.InvalidURL, ValueError) as exc:  # idna errors are ValueErrors
        raise error(
            f"redirect to an unusable target {location!r} ({_one_line(exc)})", kind="invalid_url"
        ) from exc
    problem, target = _parse(joined)
    if target is None:
        raise error(f"redirect to an unusable target {location!r} ({problem})", kind="invalid_url")
    return target


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _caused_by(exc: BaseException, *types: type[BaseException]) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, types):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False
