"""What extraction loads on first need, loaded now: for processes that will extract many pages.

The extractor imports its heavy parts lazily (py3langid's model, ~0.5 s; trafilatura, the second
opinion; dateparser and its locale data, for free-text dates), which is right for one ``extract``
call and wrong for a crawl's worker processes: each would pay for them on some later page, inside
that page's time limit, and every worker separately. The crawl's forkserver imports this module
(``crawler/_pool.py``), so the work is done once, before the first page, and shared by every
worker forked from it.
"""

from __future__ import annotations

import contextlib

from ._language import warm_language


def warm_up() -> None:
    """Load the lazily loaded models and libraries now; a part that fails to load is left lazy.

    >>> warm_up()  # in a process about to extract many pages
    """
    for step in (warm_language, _warm_dateparser, _import_trafilatura):
        with contextlib.suppress(Exception):
            step()


def _warm_dateparser() -> None:
    import dateparser  # free-text dates (``_dates``); its first parse loads the locale data

    dateparser.parse("12 March 2023", languages=["en"])


def _import_trafilatura() -> None:
    import trafilatura  # noqa: F401  (the content pass's second opinion)


warm_up()
