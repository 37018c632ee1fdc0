"""What extraction loads on first need, loaded now: for processes that will extract many pages.

The extractor imports its heavy parts lazily (py3langid's model, ~0.5 s; trafilatura, the second
opinion, and what its fallbacks build on their first page; dateparser and its locale data, for
free-text dates), which is right for one ``extract`` call and wrong for a crawl's worker processes:
each would pay for them on some later page, inside that page's time limit. The crawl's workers run
these steps while they wait for their first pages (``crawler/_worker.py``), or the forkserver once
for them all (``crawler/_preload.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Final

from .metadata._language import warm_language


def _warm_dateparser() -> None:
    import dateparser  # free-text dates (``_dates``); its first parse loads the locale data

    dateparser.parse("12 March 2023", languages=["en"])


# A page too short for trafilatura's main pass: its fallbacks run on it, and justext builds its
# stop-word list of every language once (~0.08 s of CPU; a crawl's workers each paid it on a page).
_SHORT_PAGE: Final = "<html><body><article><p>One short line of text.</p></article></body></html>"


@functools.cache  # once: a forked worker, which runs every step again, finds it done
def _warm_trafilatura() -> None:
    import trafilatura  # the content pass's second opinion

    trafilatura.extract(_SHORT_PAGE, include_comments=False, include_tables=True)


# Most needed first: the language model (~0.5 s) serves many pages, trafilatura some, dateparser few.
WARM_STEPS: Final[tuple[Callable[[], None], ...]] = (warm_language, _warm_trafilatura, _warm_dateparser)
