"""What discovery produces and what it asks for: found URLs, requests, and notes about bad sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

Source = Literal["sitemap", "news_sitemap", "feed", "page"]
# What a request is for; "home" is the site's front page (feed links, and the first page of the walk).
WantKind = Literal["sitemap", "feed", "home", "page"]
# Why a source was (partly) unusable. Each is reported on stderr and counted in the summary.
NoteKind = Literal[
    "malformed",  # not well-formed XML / JSON
    "entities",  # an XML entity declaration (billion laughs and friends): refused outright
    "not_a_feed",  # HTML or something else where a sitemap or feed was expected
    "relative_links",  # links resolved against the document's URL
    "undated",  # entries without a date (kept only if --since is not given or the container is newer)
    "too_many_urls",  # over the sitemap protocol's 50,000 URLs per file: the rest is ignored
    "too_large",  # over 50 MB uncompressed: cut off
    "fetch_failed",  # the source could not be downloaded
    "loop",  # a sitemap index listing itself or an index seen before
    "too_deep",  # sitemap indexes nested beyond the limit
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """One article URL and where it was found.

    >>> Found(url="https://example.com/2024/05/a-story", source="feed", found_on="https://example.com/feed").to_dict()
    {'url': 'https://example.com/2024/05/a-story', 'published': None, 'source': 'feed', 'found_on': 'https://example.com/feed'}
    """

    url: str
    source: Source
    found_on: str
    published: datetime | None = None  # news:publication_date, or the feed item's date
    modified: datetime | None = None  # sitemap <lastmod>, or an Atom <updated>

    def to_dict(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {
            "url": self.url,
            "published": _iso(self.published),
            "source": self.source,
            "found_on": self.found_on,
        }
        if self.modified is not None:
            out["modified"] = _iso(self.modified)
        return out

    @property
    def newest(self) -> datetime | None:
        """The latest date known for the URL (what ``--since`` compares)."""
        dates = [d for d in (self.published, self.modified) if d is not None]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Want:
    """A document discovery wants downloaded; ``guessed``: a common path tried blind (a 404 is quiet)."""

    url: str
    kind: WantKind
    depth: int = 0  # sitemap index nesting, or link distance from the home page
    guessed: bool = False
    found_on: str = ""
    container_date: datetime | None = None  # the <lastmod> an index gave this sitemap


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """Something wrong with one source; discovery went on without (some of) it."""

    url: str
    kind: NoteKind
    message: str

    def __str__(self) -> str:
        return f"{self.url}: {self.kind}: {self.message}"


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def aware(value: datetime) -> datetime:
    """A naive datetime taken as UTC, so that every date compares with every other."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
