"""Imported by the crawl's forkserver (``crawler/_pool.py``): the language model, loaded once.

py3langid's model is some 84 MiB of numpy arrays. Loaded here, before any worker is forked, it
is one copy that every worker shares (arrays nobody writes to stay shared after a fork), where
each worker loading it on its own costs 84 MiB and ~0.5 s of CPU apiece. The other lazy loads
are small and are taken by the workers while they wait for pages (``_warm.WARM_STEPS``).
"""

from __future__ import annotations

import contextlib

from .metadata._language import warm_language

with contextlib.suppress(Exception):  # a model that fails to load stays lazy, as it was
    warm_language()
