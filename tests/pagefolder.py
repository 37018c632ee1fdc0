"""Golden pages kept as ``fixtures/<folder>/<name>.html`` beside ``<name>.json``: the truth a careful
reader writes down for the page, with the URL the page is extracted as."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import newsscrape

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass(frozen=True)
class PageFolder:
    """One folder of golden pages; reads are cached, so each page is parsed and extracted once."""

    folder: str

    @property
    def path(self) -> Path:
        return FIXTURES / self.folder

    @property
    def names(self) -> list[str]:
        return sorted(p.stem for p in self.path.glob("*.json"))

    def html(self, name: str) -> str:
        return (self.path / f"{name}.html").read_text(encoding="utf-8")

    def truth(self, name: str) -> dict[str, Any]:
        return _json(self.path / f"{name}.json")

    def record(self, name: str) -> dict[str, Any]:
        """The page's record from ``newsscrape.extract``, for the URL its truth names."""
        return _record(self.path, name)


@cache
def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _record(folder: Path, name: str) -> dict[str, Any]:
    url = _json(folder / f"{name}.json")["url"]
    return newsscrape.extract((folder / f"{name}.html").read_bytes(), url=url).to_dict()
