"""A page that only sends its reader on: an instant ``<meta http-equiv="refresh">`` redirect stub.

Static site generators write one for every moved post (Hugo's aliases, Jekyll's redirect-from, an
Eleventy or WordPress plugin's "Redirecting..." page), and old CMSs for every retired address: a
browser follows it at once, so a fetch does too, as one more hop (``_plan.Fetch.finish``). Only a
page that shows next to nothing itself is such a stub: a story that reloads itself every few
minutes, or a page whose refresh sits in ``<noscript>`` (the "you have scripts turned off" redirect
of Facebook's and others' pages, to a version without them), is the page.

No I/O here.

    >>> refresh_location(b'<meta http-equiv="refresh" content="0; url=https://example.com/new/">')
    'https://example.com/new/'
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

# A stub is a few hundred bytes (Hugo's 300, Jekyll's 600); one carrying a theme's inline styles and
# scripts a few dozen KiB. A larger page is read as the page, and is never parsed here.
MAX_BYTES: Final = 64 * 1024
# Seconds a stub may wait before it sends the reader on ("You are being redirected in 3 seconds").
MAX_DELAY: Final = 5.0
# The most visible text a stub shows: "Redirecting... Click here if you are not redirected." and the
# like. A story, a consent wall or an error page shows more.
MAX_TEXT_CHARS: Final = 200
_HTTP_EQUIV: Final = re.compile(rb"""http-equiv\s*=\s*["']?\s*refresh""", re.IGNORECASE)
# The HTML standard's "shared declarative refresh steps": a delay, then ";" or "," and the address,
# which may say "url=" and stand in quotes ("0;URL='/a'", "5, url=/b", "0; /c").
_CONTENT: Final = re.compile(
    r"""\s*(?P<delay>\d+(?:\.\d*)?)[\d.]*\s*(?:[;,]\s*(?:url\s*=\s*)?(?P<url>.*))?""",
    re.IGNORECASE | re.DOTALL,
)
_NOT_SHOWN: Final = "script, style, noscript, template"


def refresh_location(content: bytes) -> str | None:
    """The address a redirect stub sends its reader to at once (within ``MAX_DELAY`` seconds), as
    written (maybe relative); None for any other page: one larger than ``MAX_BYTES``, one showing
    more than ``MAX_TEXT_CHARS`` characters of text, one whose refresh names no address (a reload)
    or stands in ``<noscript>``.

    >>> refresh_location(b"<meta http-equiv=Refresh content=\\"0;URL='/moved/'\\"><p>Redirecting...</p>")
    '/moved/'
    >>> refresh_location(b'<meta http-equiv="refresh" content="300"><p>The story</p>') is None
    True
    """
    if len(content) > MAX_BYTES or _HTTP_EQUIV.search(content) is None:
        return None
    tree = LexborHTMLParser(content.decode("utf-8", "replace"))
    location = next(filter(None, map(_location, tree.css("meta[http-equiv]"))), None)
    if location is None:
        return None
    shown = tree.body
    if shown is not None:
        for node in shown.css(_NOT_SHOWN):
            node.decompose()
        if len(" ".join(shown.text(deep=True, separator=" ").split())) > MAX_TEXT_CHARS:
            return None
    return location


def _location(meta: LexborNode) -> str | None:
    """The address of a ``<meta http-equiv="refresh">`` that sends the reader on within MAX_DELAY
    seconds, outside ``<noscript>``; None for any other meta."""
    if (meta.attributes.get("http-equiv") or "").strip().lower() != "refresh":
        return None
    found = _CONTENT.match(meta.attributes.get("content") or "")
    if found is None or float(found["delay"]) > MAX_DELAY:
        return None
    url = (found["url"] or "").strip()
    if url[:1] in ("'", '"'):
        url = url[1:].split(url[0], 1)[0]
    url = url.strip()
    if not url:
        return None
    parent = meta.parent
    while parent is not None:
        if parent.tag == "noscript":
            return None
        parent = parent.parent
    return url
