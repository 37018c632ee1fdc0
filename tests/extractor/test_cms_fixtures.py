"""Breadcrumbs and section on pages written in the style of the common CMS families.

Each ``fixtures/cms/<family>.html`` sits beside ``<family>.json``: the URL it is extracted as, the
fields a careful reader would write down (``expect``, compared with ``Article.to_dict()``), and
``without``: trail text that must not appear in the body, title or headings (the trail is chrome;
it comes back as data). See ``fixtures/cms/README.md``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import newsscrape

CMS = Path(__file__).resolve().parents[2] / "fixtures" / "cms"
FAMILIES = sorted(p.stem for p in CMS.glob("*.json"))
FIELDS = ("title", "section", "breadcrumbs", "body")
CASES = [(name, f) for name in FAMILIES for f in FIELDS]


@cache
def truth(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CMS / f"{name}.json").read_text(encoding="utf-8"))
    return data


@cache
def record(name: str) -> dict[str, Any]:
    return newsscrape.extract((CMS / f"{name}.html").read_bytes(), url=truth(name)["url"]).to_dict()


def test_every_family_has_a_page() -> None:
    assert len(FAMILIES) >= 8, FAMILIES
    assert all((CMS / f"{name}.html").is_file() for name in FAMILIES)


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_field(name: str, field: str) -> None:
    assert set(truth(name)["expect"]) == set(FIELDS), f"{name}: expect keys"
    assert record(name)[field] == truth(name)["expect"][field], f"{name}: {field}"


@pytest.mark.parametrize("name", FAMILIES)
def test_trail_is_not_in_the_text(name: str) -> None:
    got = record(name)
    places = {"body": got["body"], "title": got["title"] or "", "headings": "\n".join(got["headings"])}
    leaks = [(s, where) for s in truth(name)["without"] for where, text in places.items() if s in text]
    assert not leaks, f"{name}: trail or chrome found in the article: {leaks}"
