"""Breadcrumbs and section on pages written in the style of the common CMS families.

Each ``fixtures/cms/<family>.html`` sits beside ``<family>.json``: the URL it is extracted as, the
fields a careful reader would write down (``expect``, compared with ``Article.to_dict()``), and
``without``: trail text that must not appear in the body, title or headings (the trail is chrome;
it comes back as data). See ``fixtures/cms/README.md``.
"""

from __future__ import annotations

import pytest

from pagefolder import PageFolder

CMS = PageFolder("cms")
FAMILIES = CMS.names
FIELDS = ("title", "section", "breadcrumbs", "body")
CASES = [(name, f) for name in FAMILIES for f in FIELDS]


def test_every_family_has_a_page() -> None:
    assert len(FAMILIES) >= 8, FAMILIES
    assert all((CMS.path / f"{name}.html").is_file() for name in FAMILIES)


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_field(name: str, field: str) -> None:
    assert set(CMS.truth(name)["expect"]) == set(FIELDS), f"{name}: expect keys"
    assert CMS.record(name)[field] == CMS.truth(name)["expect"][field], f"{name}: {field}"


@pytest.mark.parametrize("name", FAMILIES)
def test_trail_is_not_in_the_text(name: str) -> None:
    got = CMS.record(name)
    places = {"body": got["body"], "title": got["title"] or "", "headings": "\n".join(got["headings"])}
    leaks = [(s, where) for s in CMS.truth(name)["without"] for where, text in places.items() if s in text]
    assert not leaks, f"{name}: trail or chrome found in the article: {leaks}"
