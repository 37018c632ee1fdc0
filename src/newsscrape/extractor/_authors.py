"""Byline strings -> person names: no "By", no job titles, no emails or URLs, no duplicates."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that open a byline in the languages news pages are commonly written in.
BYLINE_PREFIXES = re.compile(
    r"^(?:(?:written|posted|reported|published|text|story|words|photos?)\s+)?"
    r"(?:by|from|von|por|par|door|av|af|przez|autor(?:in|a)?|author|escrito por|texto)\s*[:\-]?\s+",
    re.IGNORECASE,
)
# A part of a byline containing one of these words is a role or an organisation, not a person.
_ROLE_WORDS = """writer writers editor editors reporter reporters correspondent correspondents staff
    contributor contributors columnist journalist journalists producer analyst team desk newsroom editorial
    agency agencies press news media wire wires service services bureau chief senior associate managing
    contributing special guest freelance photographer photographers redaktion redacción rédaction
    redação redazione administrator admin"""
ROLE_WORDS = frozenset(_ROLE_WORDS.split())
# "Jane Doe and John Smith", "Jane Doe & John Smith", "Jane Doe, John Smith", "Jane Doe; John Smith".
_SPLIT = re.compile(
    r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|/|\n)\s*", re.IGNORECASE
)
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+|\([^)]*\)|\[[^\]]*\]")
_HAS_DIGIT = re.compile(r"\d")
# Punctuation around a name: dots, colons, hyphen, en and em dashes, middle dot, bullet, tab.
_PUNCT = " .:-\u2013\u2014\u00b7\u2022\t"
MAX_WORDS = 5
MAX_LENGTH = 60


def clean_authors(raw: Iterable[str]) -> tuple[str, ...]:
    """Person names from byline-like strings, in first-seen order, without duplicates.

    >>> clean_authors(["By Jane Doe, Staff Writer", "jane doe and John Smith"])
    ('Jane Doe', 'John Smith')
    """
    seen: dict[str, str] = {}
    for text in raw:
        for name in split_byline(text):
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def split_byline(text: str) -> list[str]:
    """The person names in one byline string."""
    text = " ".join(_NOISE.sub(" ", text).split())
    text = BYLINE_PREFIXES.sub("", text)
    names = []
    for part in _SPLIT.split(text):
        name = _person(part)
        if name:
            names.append(name)
    return names


def _person(part: str) -> str | None:
    part = BYLINE_PREFIXES.sub("", part.strip(_PUNCT)).strip(_PUNCT)
    if not part or len(part) > MAX_LENGTH or _HAS_DIGIT.search(part):
        return None
    words = part.split()
    if len(words) > MAX_WORDS:
        return None
    lowered = {w.strip(".,").lower() for w in words}
    if lowered & ROLE_WORDS:
        return None
    # A name starts with a capital letter (or a non-cased script); "staff" or "admin" does not.
    first = part[0]
    if first.isalpha() and first.islower():
        return None
    if part.isupper() and len(words) > 1:
        part = part.title()  # "JANE DOE" -> "Jane Doe"
    return part
