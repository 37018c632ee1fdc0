"""Discovery of one site without I/O: what to download next, and what each download yields.

A :class:`Discovery` decides everything (which sources, in which order, what is an article, what
``--since`` and ``--max`` keep, when a sitemap index loops); the driver in ``crawler/_discover.py``
only downloads what ``next()`` asks and hands back the bytes, the failure, or a 304.

    >>> site = {  # what a download would return; any other URL is a 404
    ...     "https://example.com/": b'<a href="/news/2024/05/06/rain-returns">Rain returns</a>',
    ...     "https://example.com/sitemap.xml": b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     b"<url><loc>https://example.com/news/2024/05/06/rain-returns</loc></url></urlset>",
    ... }
    >>> plan = Discovery("https://example.com/", config=DiscoverConfig())
    >>> plan.start(robots_sitemaps=["https://example.com/sitemap.xml"], allowed=lambda url: True)
    >>> found = []
    >>> while (want := plan.next()) is not None:
    ...     if want.url in site:
    ...         found += plan.got(want, site[want.url], final_url=want.url).found
    ...     else:  # or unchanged() for a 304
    ...         plan.failed(want, "HTTP 404", status=404)
    >>> [(f.url, f.source) for f in found]
    [('https://example.com/news/2024/05/06/rain-returns', 'sitemap')]

Sources, in order (the first to list a URL is its ``source``):

    ========  ===========================================================================
    home      the home page: its <link rel="alternate"> feeds (and the page walk's start)
    sitemap   robots.txt Sitemap: lines, else /sitemap.xml and /sitemap_index.xml;
              indexes followed recursively (each file once: a loop ends), gzip or not
    feed      the home page's feeds, else FEED_PATHS
    page      the home page and section pages, links followed to ``max_depth``: only when no
              sitemap or feed was usable (``pages="fallback"``), or always, or never
    ========  ===========================================================================
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..config import DiscoverConfig, since_moment
from . import _classify
from ._classify import classify, is_listing
from ._feeds import read_feed
from ._html import read_page, site_of
from ._model import Found, Note, NoteKind, Source, Want, WantKind, aware
from ._sitemap import SitemapEntry, SitemapReader
from ._xml import Unusable

SITEMAP_PATHS: Final = ("/sitemap.xml", "/sitemap_index.xml")
FEED_PATHS: Final = ("/feed", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed.json")
ORDER: Final[tuple[WantKind, ...]] = ("home", "sitemap", "feed", "page")
CHUNK: Final = 256 * 1024
ABSOLUTE: Final = ("http://", "https://")
# Bump when what a plan keeps of a source changes in a way ``rules_fingerprint``'s data does not
# show (the logic of ``classify`` or of ``_offer``): saved validators then answer for no run.
RULES_VERSION: Final = 1


@dataclass(slots=True)
class Outcome:
    """What one download gave: article URLs, and (for a sitemap index) the sitemaps it lists."""

    found: list[Found] = field(default_factory=list)
    children: list[tuple[str, datetime | None]] = field(default_factory=list)
    parsed: bool = False  # the document was a usable sitemap or feed
    # Article URLs it listed that robots.txt refused: under other rules (the site's robots.txt
    # changed, --no-robots) a later run must read it again, not take a 304 as "all recorded".
    refused: int = 0


def rules_fingerprint(site: str | None) -> str:
    """A fingerprint of the rules that decide which of a sitemap's or feed's URLs are listed for
    ``site``: its scope (offsite URLs are dropped) and the classifier's data (``_classify``).
    ``--since`` is not in it: the validator store compares it on its own (a later one is fine).

    >>> ours = rules_fingerprint("example.com")
    >>> ours == rules_fingerprint("example.com"), ours == rules_fingerprint("example.org")
    (True, False)
    """
    # A 304 answers "unchanged since you read it", not "nothing new for you": a source read under
    # other rules may list URLs these rules take and those did not (a vocabulary word dropped, a
    # site whose sitemap an earlier run read for another site). crawler/_validators trusts a
    # validator only under the fingerprint it was saved with; a mismatch costs one full read.
    c = _classify
    data = [
        RULES_VERSION,
        site,
        sorted(c.VOCABULARY),
        sorted(c.SEARCH_PARAMS),
        list(c.ASSETS),
        sorted(c.PAGINATION_PARAMS),
        [p.pattern for p in (c.PAGINATION_PATH, c.DATE_IN_PATH, c.LONG_ID, c.WORD)],
        c.SLUG_WORDS,
    ]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


class Discovery:
    """The plan for one site; see the module docstring."""

    def __init__(self, site: str, *, config: DiscoverConfig | None = None) -> None:
        self.config = config or DiscoverConfig()
        parts = urlsplit(site if "://" in site else f"https://{site}")
        self.home = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "/", "", ""))
        self._site = site_of(self.home)
        self.rules = rules_fingerprint(self._site)  # what its sources' validators are tied to
        self.notes: list[Note] = []
        self.counts: Counter[str] = Counter()  # found by source, dropped by reason, notes by kind
        self._queues: dict[WantKind, deque[Want]] = {kind: deque() for kind in ORDER}
        self._asked: set[str] = set()
        self._listed: set[str] = set()
        self._held: list[Found] = []  # the home page's story links, held until the page walk starts
        self._released: list[Found] = []
        since = self.config.since
        self._since = aware(since_moment(since)) if since is not None else None
        self._allowed: Callable[[str], bool] = lambda url: True
        self._usable = 0  # sitemaps and feeds that parsed, or were unchanged (304)
        self._sitemaps = 0
        self._pages = 0
        self._walking = False

    # --- driving ---------------------------------------------------------------------------------

    def start(self, *, robots_sitemaps: Sequence[str], allowed: Callable[[str], bool]) -> None:
        """Begin, once robots.txt is known: its Sitemap: lines, and whether a URL may be fetched."""
        self._allowed = allowed
        self._want(Want(url=self.home, kind="home", found_on=self.home))
        named = [urljoin(self.home, u) for u in robots_sitemaps]
        for url in named:
            self._want(Want(url=url, kind="sitemap", found_on=urljoin(self.home, "/robots.txt")))
        if not named and self.config.guess_paths:
            for path in SITEMAP_PATHS:
                self._want(
                    Want(url=urljoin(self.home, path), kind="sitemap", guessed=True, found_on=self.home)
                )

    def next(self) -> Want | None:
        """The next document to download, or None when discovery is over."""
        if self.full:
            return None
        for kind in ORDER:
            queue = self._queues[kind]
            if kind == "page" and not self._walk():
                return None
            while queue:
                want = queue.popleft()
                if kind == "page" and self._pages >= self.config.max_pages:
                    self.counts["pages_not_walked"] += 1 + len(queue)
                    queue.clear()
                    break
                if not self._allowed(want.url):
                    self.counts["robots_skipped"] += 1
                    continue
                self._pages += kind in ("page", "home")
                self._sitemaps += kind == "sitemap"
                return want
        return None

    @property
    def full(self) -> bool:
        """``max_urls`` article URLs were listed."""
        limit = self.config.max_urls
        return limit is not None and len(self._listed) >= limit

    def got(self, want: Want, body: bytes, *, final_url: str) -> Outcome:
        """Read a downloaded document; returns the article URLs it yields (already filtered)."""
        if want.kind == "sitemap":
            return self._sitemap(want, body)
        if want.kind == "feed":
            return self._feed(want, body, final_url)
        return self._page(want, body, final_url)

    def failed(self, want: Want, message: str, *, status: int | None = None) -> None:
        """The download failed; a guessed path that does not exist is no news."""
        if want.guessed and status in (404, 410):
            self.counts["guess_missing"] += 1
        else:
            self._note(want.url, "fetch_failed", message)
        if want.kind == "home" and self.config.guess_paths:
            self._guess_feeds()

    def unchanged(self, want: Want, children: Iterable[tuple[str, datetime | None]] = ()) -> None:
        """A 304: the source did not change since the last run (whose URLs are all recorded).
        An index's children, remembered from then, are revalidated in turn."""
        self._usable += 1
        self.counts["unchanged"] += 1
        for url, lastmod in children:
            self._child(want, url, lastmod)

    # --- sources ---------------------------------------------------------------------------------

    def _sitemap(self, want: Want, body: bytes) -> Outcome:
        reader, out = SitemapReader(want.url), Outcome()
        entries: list[SitemapEntry] = []
        try:
            for start in range(0, max(len(body), 1), CHUNK):
                entries.extend(reader.feed(body[start : start + CHUNK]))
            entries.extend(reader.close())
        except Unusable as exc:
            self._unusable(want, exc)
        if reader.count or (reader.is_index or entries):
            out.parsed = True
            self._usable += 1
        self.counts["sources_read"] += 1
        for entry in entries:
            url = entry.loc if entry.loc.startswith(ABSOLUTE) else urljoin(want.url, entry.loc)
            if reader.is_index:
                out.children.append((url, entry.lastmod))
                self._child(want, url, entry.lastmod)
                continue
            source: Source = "news_sitemap" if entry.news else "sitemap"
            found = Found(
                url=url, source=source, found_on=want.url, published=entry.published, modified=entry.lastmod
            )
            self._offer(found, want.container_date, out)
        return out

    def _child(self, want: Want, url: str, lastmod: datetime | None) -> None:
        if self._since is not None and lastmod is not None and lastmod < self._since:
            self.counts["sitemap_older"] += 1  # none of its URLs can be newer than the file
            return
        if want.depth + 1 > self.config.max_index_depth:
            self._note(url, "too_deep", f"sitemap indexes nested over {self.config.max_index_depth} deep")
            return
        if self._sitemaps + len(self._queues["sitemap"]) >= self.config.max_sitemaps:
            self.counts["sitemaps_over_limit"] += 1
            return
        child = Want(url=url, kind="sitemap", depth=want.depth + 1, found_on=want.url, container_date=lastmod)
        if not self._want(child):
            self._note(url, "loop", f"listed again by {want.url}: read once")

    def _feed(self, want: Want, body: bytes, final_url: str) -> Outcome:
        out = Outcome()
        try:
            feed = read_feed(body, final_url)
        except Unusable as exc:
            self._unusable(want, exc)
            return out
        for note in feed.notes:
            self._note(note.url, note.kind, note.message)
        out.parsed = True
        self._usable += 1
        self.counts["sources_read"] += 1
        for item in feed.items:
            found = Found(
                url=item.url,
                source="feed",
                found_on=want.url,
                published=item.published,
                modified=item.modified,
            )
            self._offer(found, feed.updated, out)
        return out

    def _page(self, want: Want, body: bytes, final_url: str) -> Outcome:
        out = Outcome()
        links = read_page(body, final_url)
        if want.kind == "home":
            for url in links.feeds:
                self._want(Want(url=url, kind="feed", found_on=want.url))
            if not links.feeds and self.config.guess_paths:
                self._guess_feeds()
        elif links.page_type == "article":  # fetched as a listing, but it says it is a story
            self._offer(Found(url=want.url, source="page", found_on=want.found_on), None, out, checked=True)
        deeper = want.depth + 1
        for url in links.links:
            if classify(url, source="page").article:
                if self._walking:
                    self._offer(Found(url=url, source="page", found_on=want.url), None, out)
                else:  # the home page's stories wait until the walk starts (it may never)
                    self._held.append(Found(url=url, source="page", found_on=want.url))
            elif deeper <= self.config.max_depth and (url in links.next_pages or is_listing(url)):
                self._want(Want(url=url, kind="page", depth=deeper, found_on=want.url))
        return out

    # --- decisions -------------------------------------------------------------------------------

    def _walk(self) -> bool:
        """May the page walk run now? Decided once sitemaps and feeds are done."""
        if self._walking:
            return True
        mode = self.config.pages
        if mode == "never" or (mode == "fallback" and self._usable):
            return False
        self._walking = True
        out = Outcome()
        for found in self._held:
            self._offer(found, None, out)
        self._held.clear()
        self._released = out.found
        return True

    def take_released(self) -> list[Found]:
        """Article links of the home page, let out when the page walk starts (call after ``next``)."""
        found, self._released = self._released, []
        return found

    def _offer(
        self, found: Found, container: datetime | None, out: Outcome, *, checked: bool = False
    ) -> None:
        if self.full:
            return
        if site_of(found.url) != self._site:
            self.counts["offsite"] += 1
            return
        if not checked and not classify(found.url, source=found.source).article:
            self.counts["not_article"] += 1
            return
        key = _key(found.url)
        if key in self._listed:
            self.counts["duplicate"] += 1
            return
        if not self._allowed(found.url):
            self.counts["robots"] += 1
            out.refused += 1
            return
        if self._since is not None:
            date = found.newest or container
            if date is None:
                self.counts["undated"] += 1
                return
            if date < self._since:
                self.counts["older"] += 1
                return
        self._listed.add(key)
        self.counts[found.source] += 1
        out.found.append(found)

    def _want(self, want: Want) -> bool:
        key = _key(want.url)
        if key in self._asked:
            return False
        self._asked.add(key)
        self._queues[want.kind].append(want)
        return True

    def _guess_feeds(self) -> None:
        for path in FEED_PATHS:
            self._want(Want(url=urljoin(self.home, path), kind="feed", guessed=True, found_on=self.home))

    def _unusable(self, want: Want, exc: Unusable) -> None:
        if want.guessed and exc.kind == "not_a_feed":  # a guessed path answered by an HTML page: no such file
            self.counts["guess_missing"] += 1
        else:
            self._note(want.url, exc.kind, exc.message)

    def _note(self, url: str, kind: NoteKind, message: str) -> None:
        self.notes.append(Note(url=url, kind=kind, message=message))
        self.counts[f"note:{kind}"] += 1


def _key(url: str) -> str:
    # The fragment never reaches the server. Case and default ports are left alone: two spellings
    # of one URL are rare within a site's own sitemaps, and the crawl's own dedup normalises fully.
    return url.strip().partition("#")[0]
