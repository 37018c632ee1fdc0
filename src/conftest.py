"""Doctest set-up for the examples in ``src/newsscrape`` (pytest runs them with ``--doctest-modules``).

Every example runs in a fresh temporary directory, so the ones that write ``out.jsonl`` leave
nothing behind, and sees a few names that many examples use without importing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser


@pytest.fixture(autouse=True)
def _doctest_setup(
    doctest_namespace: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doctest_namespace["LexborHTMLParser"] = LexborHTMLParser
