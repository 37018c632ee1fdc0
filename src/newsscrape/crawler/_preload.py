"""Imported by the crawl's forkserver (``_pool._context``): everything extraction loads on first
need, loaded once there, before any worker is forked.

Every step of ``extractor/_warm.py`` (py3langid's model, some 84 MiB of numpy arrays and ~0.5 s;
trafilatura; dateparser and its locale data) would otherwise be taken by
each worker on its own, while it waited for pages or, pages waiting from the start in a crawl,
inside its first pages' time limits: paid again by every worker and every replacement, and the
model held once per worker. Taken here it is paid once, and what it loads is shared by every
worker (a fork copies nothing nobody writes to). The
first record does not wait for it: the first page goes to ``_pool``'s early worker, spawned
without the forkserver.
"""

from __future__ import annotations

import contextlib

from ..extractor._warm import WARM_STEPS

for _step in WARM_STEPS:
    with contextlib.suppress(Exception):  # a part that fails to load stays lazy (the workers try again)
        _step()
