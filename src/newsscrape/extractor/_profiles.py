"""How the content pass reads each page type: parameters fitted on data, kept as data.

An article is one flow of paragraphs: the container search steps down into the heaviest child
while it holds most of the text, and trafilatura is asked only when the result looks too short.
A listing, a product page or a forum thread spreads its text over many sibling boxes: stepping
down as far loses most of it, and a second extractor's reading is more often right: it is asked
on every page of such a type and replaces the native text when it has more than ``second_share``
times its words (1.0: the longer wins; 0.0: trafilatura's whenever it has one). The values come
from ``benchmarks/fit_content.py`` (WCXB development split, half A) and live in
``data/content_profiles.json`` beside the fit's scores; a type the file does not name reads as an
article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Final

from ._scoring import DESCENT_SHARE


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentProfile:
    """``descent_share``: see ``_scoring.choose_container``. ``second_share``: None to ask
    trafilatura only when the native result looks short (the longer text wins then); a number to
    ask it on every page, its text winning when it has more than this share of the native words."""

    descent_share: float = DESCENT_SHARE
    second_share: float | None = None


ARTICLE: Final = ContentProfile()


def _load() -> dict[str, ContentProfile]:
    raw = json.loads(resources.files(__package__).joinpath("data/content_profiles.json").read_text("utf-8"))
    return {
        page_type: ContentProfile(
            descent_share=float(values["descent_share"]),
            second_share=None if values["second_share"] is None else float(values["second_share"]),
        )
        for page_type, values in raw["profiles"].items()
    }


PROFILES: Final = _load()


def profile_for(page_type: str | None) -> ContentProfile:
    """The content profile of a page type; an article's for None or a type without one.

    >>> profile_for(None) == ARTICLE
    True
    """
    return PROFILES.get(page_type or "article", ARTICLE)
