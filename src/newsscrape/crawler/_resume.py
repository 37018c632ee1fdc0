"""Resume state: *the output file is the state*. No database beside it.

``--resume`` reads OUT.jsonl once, repairs a half-written last line, and takes the ``url`` of
every whole record as done (normalised, as a 62-bit hash in a :class:`UrlSet`); the crawl then
skips those URLs and appends the rest. Why not a SQLite file of URL states beside the output:

* **Always consistent.** A record is either a whole line in the output or it is not; there is no
  second store that a kill -9, a power cut or a full disk could leave out of step with the first
  ("marked done but never written", "written twice"). The one write per URL is also the commit.
* **Nothing lost, nothing twice.** A URL is done exactly when its line is there. A URL that was in
  flight, queued, or in a backoff when the crawl died has no line, so it is fetched again; a URL
  with a line never is. The writer writes each line with one ``write`` and truncates a partial one
  on error; ``repair_tail`` removes a line cut by a crash, and that URL is simply redone.
* **Nothing to manage.** Copy, move, or ``cat`` two outputs together: the state travels with them.
  Any tool that writes such records (an earlier run with other options, another machine) counts.

The cost is one sequential read of the output at start (about 1 s per 100 MB on a laptop disk)
and 16-32 bytes of memory per recorded URL; a SQLite index would make start-up instant but
doubles the bookkeeping and the ways of disagreeing. Records whose ``url`` was rewritten by hand
are the only way to confuse it; failed URLs are *not* retried by ``--resume`` (their error record
is their outcome; filter them out of the file to retry them).

    >>> recorded = load_recorded("out.jsonl")     # after repair_tail
    >>> Crawler(config, recorded=recorded).run(urls)
"""

from __future__ import annotations

import os

from ..exporter import read_records, repair_tail
from ._urls import UrlSet


def load_recorded(path: str | os.PathLike[str]) -> UrlSet:
    """The URLs that already have a record in ``path`` (a missing file has none); repairs its tail first.

    >>> recorded = load_recorded("out.jsonl"); len(recorded)
    1234
    """
    recorded = UrlSet()
    if not os.path.exists(path):
        return recorded
    repair_tail(path)
    for data in read_records(path):
        url = data.get("url") if isinstance(data, dict) else None
        if isinstance(url, str):
            recorded.add_recorded(url)
    return recorded
