"""The one exception tree of newsscrape.

    NewsscrapeError
     ├── FetchError(url, kind, status)   kind: FetchKind
     ├── ExtractError(url, reason)       reason: ExtractReason
     └── ExportError(path)               writing records failed (disk full, closed pipe ...)

Foreign exceptions (httpx, selectolax, trafilatura, OS errors) are converted once, at the
boundary where they happen, with ``raise ... from exc``. In batch work an error becomes a
record (:class:`newsscrape.models.ErrorRecord`), so every input URL has one line of output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:  # models imports this module: the name is for annotations only
    from .models import Article

# How a fetch failed: a typo in a kind is a mypy error, and each kind is spelled here once.
FetchKind = Literal[
    "invalid_url",  # not an absolute http(s) URL
    "timeout",  # connect/read timeout or the total per-request deadline
    "http_status",  # a non-2xx final status
    "too_large",  # decoded body over the size cap
    "not_html",  # a PDF, an image, JSON ...
    "connect",  # connection refused or reset
    "dns",  # name did not resolve
    "tls",  # certificate or handshake failure
    "too_many_redirects",
    "blocked",  # address policy: redirect to a private/loopback address, or private refused
    "robots",  # refused by robots.txt
    "host_failed",  # the host kept failing; remaining URLs are not tried
    "host_unreachable",  # the host stayed down (robots.txt and the page unreachable after retries)
    "decode",  # the body could not be decoded (broken gzip ...)
    "protocol",  # malformed HTTP
]
FETCH_KINDS: Final[frozenset[str]] = frozenset(get_args(FetchKind))

# Why a page gave no Article.
ExtractReason = Literal[
    "empty",  # no markup at all
    "unreadable",  # the input file could not be read (missing, no permission, a cut-off gzip)
    "not_html",  # the bytes are not HTML
    "no_body",  # parsed, but nothing article-like was found
    "too_deep",  # nesting beyond the configured guard
    "timed_out",  # the per-page time limit ran out
    # the extraction worker process died on the page (the out-of-memory killer, an operator's kill,
    # a crash in a C library): no verdict on the page, so --retry-failed does it again
    "worker_died",
    "internal",  # a bug in an extractor stage, converted so the batch goes on
]
EXTRACT_REASONS: Final[frozenset[str]] = frozenset(get_args(ExtractReason))

# The kind of an error and of its record: a FetchError kind, "extract" (reason says why), "export",
# "internal" (a newsscrape bug met while fetching, recorded so the batch goes on), or "error" (the
# base class, never raised on purpose).
ErrorKind = FetchKind | Literal["extract", "export", "internal", "error"]
ERROR_KINDS: Final[frozenset[str]] = FETCH_KINDS | {"extract", "export", "internal", "error"}


class NewsscrapeError(Exception):
    """Base class of every error newsscrape raises on purpose."""

    kind: ErrorKind = "error"

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url


class FetchError(NewsscrapeError):
    """Downloading a page failed; ``kind`` says how, ``status`` is the HTTP status if one came."""

    kind: FetchKind

    def __init__(
        self,
        message: str,
        *,
        url: str | None,
        kind: FetchKind,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        if kind not in FETCH_KINDS:
            raise ValueError(f"unknown FetchError kind {kind!r}")
        super().__init__(message, url=url)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after  # seconds, from a Retry-After header on 429/503

    def __reduce__(self) -> tuple[object, ...]:  # picklable across process pools despite kw-only init
        return (_rebuild_fetch_error, (self.message, self.url, self.kind, self.status, self.retry_after))


class ExtractError(NewsscrapeError):
    """Turning HTML into an Article failed; ``reason`` says why. ``metadata``: what the page's
    metadata gave before its text failed (a ``no_body`` page's title, date, authors ...), as an
    Article with no text; None when the page was not read that far."""

    kind: ErrorKind = "extract"
    reason: ExtractReason

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        reason: ExtractReason,
        metadata: Article | None = None,
    ) -> None:
        if reason not in EXTRACT_REASONS:
            raise ValueError(f"unknown ExtractError reason {reason!r}")
        super().__init__(message, url=url)
        self.reason = reason
        self.metadata = metadata

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_extract_error, (self.message, self.url, self.reason, self.metadata))


class ExportError(NewsscrapeError):
    """Writing records failed; the output was left ending on a whole line."""

    kind: ErrorKind = "export"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


def _rebuild_fetch_error(
    message: str, url: str | None, kind: FetchKind, status: int | None, retry_after: float | None
) -> FetchError:
    return FetchError(message, url=url, kind=kind, status=status, retry_after=retry_after)


def _rebuild_extract_error(
    message: str, url: str | None, reason: ExtractReason, metadata: Article | None = None
) -> ExtractError:
    return ExtractError(message, url=url, reason=reason, metadata=metadata)
