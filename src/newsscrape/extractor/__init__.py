"""HTML -> Article, pure and offline: no network, no httpx.

Pipeline (``_core``): decode bytes (``_charset``) -> one selectolax.lexbor parse with a depth
guard -> metadata read from the intact tree (``_metadata``, ``_dates``) -> content pass that
labels and drops chrome, picks the article container and keeps headings and paragraphs in
order (``_content``) -> Article.
"""

from ._core import Explanation, explain, extract

__all__ = ["Explanation", "explain", "extract"]
