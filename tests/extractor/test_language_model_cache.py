"""The language model's unpacked copy in the cache directory (``_language._identifier``): read
instead of unpacking py3langid's LZMA file again, the same model either way."""

from __future__ import annotations

import lzma
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsscrape.extractor.metadata import _language


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory, and the identifier loaded anew (and again after the test)."""
    monkeypatch.setenv(_language.CACHE_ENV, str(tmp_path / "cache"))
    _language._identifier.cache_clear()
    yield tmp_path / "cache"
    _language._identifier.cache_clear()


def _same(ours: Any, theirs: Any) -> None:
    for name in ("nb_ptc", "nb_pc"):
        mine, shipped = getattr(ours, name), getattr(theirs, name)
        assert mine.dtype == shipped.dtype
        assert np.array_equal(mine, shipped)
    for name in ("tk_nextmove", "tk_row"):
        mine, shipped = getattr(ours, name), getattr(theirs, name)
        assert mine.typecode == shipped.typecode
        assert mine == shipped
    for name in ("nb_classes", "tk_output", "_rowbase", "_alias_pairs", "_norm_probs", "min_confidence"):
        assert getattr(ours, name) == getattr(theirs, name)


def test_the_model_read_from_the_cache_is_the_one_py3langid_loads(fresh: Path) -> None:
    _language._identifier()  # unpacks into the cache
    _language._identifier.cache_clear()
    cached = _language._identifier()  # reads the cache
    _same(cached, LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))


def test_a_second_load_reads_the_unpacked_copy_without_unpacking(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _language._identifier()
    assert [path.suffix for path in fresh.iterdir()] == [".npz"]  # no part file left behind

    def unpack(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("unpacked again")

    monkeypatch.setattr(lzma, "open", unpack)
    _language._identifier.cache_clear()
    assert _language.detect_language("Der Stadtrat hat am Montag die Brücke zu sanieren beschlossen.") == "de"


def test_without_a_writable_cache_the_shipped_file_is_read(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.write_text("a file where the directory would be")
    assert _language.detect_language("The city council voted on Monday to repair the old bridge.") == "en"
