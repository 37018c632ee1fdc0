"""The exception tree: kinds are checked, and errors survive pickling to and from worker processes."""

from __future__ import annotations

import pickle

import pytest

from newsscrape import ExtractError, FetchError, NewsscrapeError


def test_unknown_fetch_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown FetchError kind"):
        FetchError("x", url="u", kind="oops")


def test_unknown_extract_reason_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown ExtractError reason"):
        ExtractError("x", reason="oops")


@pytest.mark.parametrize(
    "exc",
    [
        FetchError("GET u: HTTP 429", url="u", kind="http_status", status=429, retry_after=3.0),
        ExtractError("nesting deeper than 2000", url="u", reason="too_deep"),
    ],
)
def test_errors_pickle_with_their_fields(exc: NewsscrapeError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert vars(back) == vars(exc)
    assert str(back) == str(exc)
