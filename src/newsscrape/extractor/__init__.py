"""HTML -> Article, pure and offline: no network, no httpx.

Pipeline (``_core``): decode bytes (``_charset``) -> one selectolax.lexbor parse with a depth
guard -> pass one, ``metadata/``: every field read from the intact tree by the rule table
(``metadata/_metarules``) -> pass two, ``content/``: chrome labelled and dropped, the article
container picked, its blocks kept in order (``content/_content``) -> the page type
(``_pagetype``, from page and content signals), and pass two again with that type's content
profile when it is not the article's -> Article.
"""

from ._core import explain, extract
from ._explanation import Explanation

__all__ = ["Explanation", "explain", "extract"]
