"""The exception tree: kinds are checked, and errors survive pickling to and from worker processes."""

from __future__ import annotations

import pickle
from typing import get_args

import pytest

from newsscrape import Article, ExtractError, FetchError, NewsscrapeError
from newsscrape.errors import EXTRACT_REASONS, FETCH_KINDS, ExtractReason, FetchKind


def test_unknown_fetch_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown FetchError kind"):
        FetchError("x", url="u", kind="oops")


def test_unknown_extract_reason_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown ExtractError reason"):
        ExtractError("x", reason="oops")


def test_the_runtime_checks_use_the_literal_types() -> None:
    # each kind is spelled once, in its Literal; the sets checked at runtime are made from it
    assert set(get_args(FetchKind)) == FETCH_KINDS
    assert set(get_args(ExtractReason)) == EXTRACT_REASONS
    assert "robots" in FETCH_KINDS
    assert "too_deep" in EXTRACT_REASONS


@pytest.mark.parametrize(
    "exc",
    [
        FetchError("GET u: HTTP 429", url="u", kind="http_status", status=429, retry_after=3.0),
        ExtractError("nesting deeper than 2000", url="u", reason="too_deep"),
        ExtractError("no text", url="u", reason="no_body", metadata=Article(url="u", title="T")),
    ],
)
def test_errors_pickle_with_their_fields(exc: NewsscrapeError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert vars(back) == vars(exc)
    assert str(back) == str(exc)
