"""``benchmarks/records.py diff``: each set's score before and after, and the fields that changed."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest


@pytest.fixture
def records(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("records")


def page(key: str, f: float, **fields: object) -> tuple[tuple[str, str], dict[str, object]]:
    half = "A" if int(key) % 2 == 0 else "B"
    return ("wcxb", key), {"set": "wcxb", "id": key, "half": half, "f": f, "title": "T", **fields}


def test_a_page_that_moves_counts_up_or_down_by_half(records: ModuleType) -> None:
    before = dict([page("0002", 0.5), page("0004", 0.9), page("0003", 0.7)])
    after = dict([page("0002", 0.8), page("0004", 0.9005), page("0003", 0.6)])
    lines = records.summary(before, after, 0.001)
    assert lines[0] == "wcxb half A (2 pages): 0.70000 -> 0.85025, 1 up, 0 down"
    assert lines[1] == "wcxb half B (1 pages): 0.70000 -> 0.60000, 0 up, 1 down"


def test_changes_counts_records_by_field(records: ModuleType) -> None:
    before = dict([page("0002", 0.5, section="< Blog"), page("0004", 0.9)])
    after = dict([page("0002", 0.5, section="Blog"), page("0004", 0.9, title="Other")])
    assert records.changes(before, after) == {"section": 1, "title": 1}
    assert records.changes(before, before) == {}
