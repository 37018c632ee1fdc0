"""What extraction loads on first need, loaded now: for processes that will extract many pages.

The extractor imports its heavy parts lazily (py3langid's model, ~0.5 s; trafilatura, the second
opinion; dateparser and its locale data, for free-text dates), which is right for one ``extract``
call and wrong for a crawl's worker processes: each would pay for them on some later page, inside
that page's time limit. The crawl's workers run these steps while they wait for their first pages
(``crawler/_worker.py``), or the forkserver once for them all (``crawler/_preload.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .metadata._language import warm_language


def _warm_dateparser() -> None:
    import dateparser  # free-text dates (``_dates``); its first parse loads the locale data

    dateparser.parse("12 March 2023", languages=["en"])


def _import_trafilatura() -> None:
    import trafilatura  # noqa: F401  (the content pass's second opinion)


# Most needed first: the language model (~0.5 s) serves many pages, trafilatura some, dateparser few.
WARM_STEPS: Final[tuple[Callable[[], None], ...]] = (warm_language, _import_trafilatura, _warm_dateparser)
