"""A made-up news site served by a FaultServer, for discovery tests and the benchmark.

    site = NewsSite(articles=30, per_file=10).mount(server)       # server: a started FaultServer
    site.publish(2)                                                # two new stories, between two runs

What it serves (every XML answer has an ETag and a Last-Modified, and answers 304 to a match):

    /robots.txt                    Disallow: /private/ ; Sitemap: /sitemap_index.xml
    /sitemap_index.xml             -> news.xml, posts-1.xml.gz (a gzip file), posts-2.xml ..., pages.xml
    /sitemaps/posts-N.xml[.gz]     ``per_file`` stories each, <lastmod>
    /sitemaps/news.xml             Google News sitemap: the newest ``news`` stories, news:publication_date
    /sitemaps/pages.xml            distractors: /about/, /contact/, /tag/..., /author/...
    /feed.xml, /atom.xml           RSS 2.0 and Atom: the newest ``feed`` stories, announced by the home page
    /                              the home page: sections, newest stories, distractors, a /private/ story
    /world/, /world/page/N/        a paginated section listing every story, ``per_page`` a page
    /YYYY/MM/DD/story-number-N     the stories (og:type article); /private/... is disallowed

``sitemaps=False`` / ``feeds=False`` take those away (404), so the page walk is the last resort.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from fastcrawl import FAST_CRAWL
from faultserver import FaultServer, Request, Response
from newsscrape.config import DiscoverConfig, ExtractConfig
from newsscrape.models import Article

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
DISTRACTORS = ("/about/", "/contact/", "/tag/russia/", "/author/min-ji-park/", "/search?q=summit", "/login")


@dataclass(frozen=True, slots=True)
class Story:
    number: int
    published: datetime

    @property
    def path(self) -> str:
        return f"{self.published:/%Y/%m/%d}/story-number-{self.number}"


class NewsSite:
    def __init__(
        self,
        *,
        articles: int = 30,
        per_file: int = 10,
        per_page: int = 10,
        news: int = 5,
        feed: int = 5,
        sitemaps: bool = True,
        feeds: bool = True,
        gzip_first: bool = True,
    ) -> None:
        self.stories: list[Story] = []
        self.per_file, self.per_page, self.news, self.feed = per_file, per_page, news, feed
        self.sitemaps, self.feeds, self.gzip_first = sitemaps, feeds, gzip_first
        self.base = ""
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[bytes, str]] = {}
        self.served: list[tuple[str, int]] = []  # (path, status) of every answer, for request logs
        self.publish(articles)

    def mount(self, server: FaultServer) -> NewsSite:
        self.base = server.base_url
        server.add_route("/", self.handle)
        return self

    def publish(self, count: int) -> list[str]:
        """Add ``count`` new stories (a day apart, newest last); their URLs."""
        with self._lock:
            new = []
            for _ in range(count):
                n = len(self.stories) + len(new) + 1
                new.append(Story(n, START + timedelta(days=n)))
            self.stories.extend(new)
            self._cache.clear()
        return [self.base + s.path for s in new]

    def urls(self) -> list[str]:
        return [self.base + s.path for s in self.stories]

    # --- serving ---------------------------------------------------------------------------------

    def handle(self, req: Request) -> Response:
        response = self._answer(req)
        with self._lock:
            self.served.append((req.path, response.status))
        return response

    def _answer(self, req: Request) -> Response:
        path = req.path
        if path == "/robots.txt":
            robots = "User-agent: *\nDisallow: /private/\n"
            if self.sitemaps:
                robots += f"Sitemap: {self.base}/sitemap_index.xml\n"
            return Response(body=robots.encode(), content_type="text/plain")
        xml = self._xml(path)
        if xml is not None:
            return self._conditional(req, path, *xml)
        html = self._html(path)
        if html is None:
            return Response(status=404, body=b"<html><body><h1>Not found</h1></body></html>")
        return Response(body=html.encode())

    def _conditional(self, req: Request, path: str, body: bytes, content_type: str) -> Response:
        with self._lock:
            if path not in self._cache:
                self._cache[path] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
            body, etag = self._cache[path]
        modified = format_datetime(self.stories[-1].published, usegmt=True)
        headers = [("ETag", etag), ("Last-Modified", modified)]
        if req.headers.get("if-none-match") == etag:
            return Response(status=304, content_type=None, headers=headers)
        return Response(body=body, content_type=content_type, headers=headers)

    def _files(self) -> list[tuple[str, list[Story]]]:
        chunks = [self.stories[i : i + self.per_file] for i in range(0, len(self.stories), self.per_file)]
        return [
            (f"/sitemaps/posts-{i}.xml" + (".gz" if i == 1 and self.gzip_first else ""), chunk)
            for i, chunk in enumerate(chunks, 1)
        ]

    def _xml(self, path: str) -> tuple[bytes, str] | None:
        if self.sitemaps and path == "/sitemap_index.xml":
            entries = [(p, max(s.published for s in chunk)) for p, chunk in self._files()]
            entries = [
                ("/sitemaps/news.xml", self.stories[-1].published),
                *entries,
                ("/sitemaps/pages.xml", START),
            ]
            body = "".join(
                f"<sitemap><loc>{self.base}{p}</loc><lastmod>{d.isoformat()}</lastmod></sitemap>"
                for p, d in entries
            )
            return _doc(f'<sitemapindex xmlns="{SM}">{body}</sitemapindex>'), "application/xml"
        if self.sitemaps and path.startswith("/sitemaps/posts-"):
            for name, chunk in self._files():
                if name == path:
                    urls = "".join(
                        f"<url><loc>{self.base}{s.path}</loc><lastmod>{s.published.isoformat()}</lastmod></url>"
                        for s in chunk
                    )
                    doc = _doc(f'<urlset xmlns="{SM}">{urls}</urlset>')
                    if name.endswith(".gz"):
                        return gzip.compress(doc, mtime=0), "application/gzip"
                    return doc, "application/xml"
        if self.sitemaps and path == "/sitemaps/news.xml":
            urls = "".join(
                f"<url><loc>{self.base}{s.path}</loc><news:news><news:publication>"
                f"<news:name>Made-up News</news:name><news:language>en</news:language></news:publication>"
                f"<news:publication_date>{s.published.isoformat()}</news:publication_date>"
                f"<news:title>Story {s.number}</news:title></news:news></url>"
                for s in self.stories[-self.news :]
            )
            return _doc(f'<urlset xmlns="{SM}" xmlns:news="{NEWS}">{urls}</urlset>'), "application/xml"
        if self.sitemaps and path == "/sitemaps/pages.xml":
            urls = "".join(f"<url><loc>{self.base}{escape(p)}</loc></url>" for p in DISTRACTORS)
            return _doc(f'<urlset xmlns="{SM}"><url><loc>{self.base}/</loc></url>{urls}</urlset>'), "text/xml"
        if self.feeds and path == "/feed.xml":
            items = "".join(
                f"<item><title>Story {s.number}</title><link>{self.base}{s.path}</link>"
                f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate></item>"
                for s in reversed(self.stories[-self.feed :])
            )
            channel = f"<title>Made-up News</title><link>{self.base}/</link>{items}"
            return _doc(f'<rss version="2.0"><channel>{channel}</channel></rss>'), "application/rss+xml"
        if self.feeds and path == "/atom.xml":
            entries = "".join(
                f'<entry><title>Story {s.number}</title><link href="{self.base}{s.path}"/>'
                f"<id>{self.base}{s.path}</id><updated>{s.published.isoformat()}</updated></entry>"
                for s in reversed(self.stories[-self.feed :])
            )
            atom = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Made-up News</title>{entries}</feed>'
            return _doc(atom), "application/atom+xml"
        return None

    def _html(self, path: str) -> str | None:
        if path == "/":
            newest = "".join(f'<li><a href="{s.path}">Story {s.number}</a></li>' for s in self.stories[-5:])
            chrome = "".join(f'<a href="{p}">{p}</a> ' for p in DISTRACTORS)
            feeds = (
                '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
                if self.feeds
                else ""
            )
            return _page(
                "Made-up News",
                feeds + '<meta property="og:type" content="website">',
                f'<nav><a href="/world/">World</a> {chrome}</nav><ul>{newest}</ul>'
                '<a href="/private/2024/01/01/secret-story-here">secret</a>'
                '<a href="https://elsewhere.example/2024/01/01/other-site-story">elsewhere</a>',
            )
        if path == "/world/" or path.startswith("/world/page/"):
            number = 1 if path == "/world/" else int(path.rstrip("/").rpartition("/")[2])
            pages = max(1, -(-len(self.stories) // self.per_page))
            if number > pages:
                return None
            newest_first = self.stories[::-1]
            chunk = newest_first[(number - 1) * self.per_page : number * self.per_page]
            items = "".join(f'<li><a href="{s.path}">Story {s.number}</a></li>' for s in chunk)
            more = f'<a rel="next" href="/world/page/{number + 1}/">Older</a>' if number < pages else ""
            return _page("World", "", f"<ul>{items}</ul>{more}")
        for story in self.stories:
            if path == story.path:
                body = "".join(
                    f"<p>Paragraph {i} of story {story.number}, with enough words.</p>" for i in range(5)
                )
                return _page(
                    f"Story {story.number}",
                    '<meta property="og:type" content="article">',
                    f"<article><h1>Story {story.number}</h1>{body}</article>",
                )
        if path.startswith("/private/"):
            return _page("Secret", "", "<p>secret</p>")
        return None


def _doc(xml: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml).encode()


def _page(title: str, head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


FAST = DiscoverConfig(crawl=FAST_CRAWL)


def fast(**overrides: Any) -> DiscoverConfig:
    """FAST with DiscoverConfig ``overrides`` (``crawl_overrides`` for its CrawlConfig)."""
    crawl = dataclasses.replace(FAST.crawl, **overrides.pop("crawl_overrides", {}))
    return dataclasses.replace(FAST, crawl=crawl, **overrides)


def quick_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """Stands in for ``extract``: these tests are about which URLs are requested, not extraction."""
    return Article(url=url, final_url=final_url, title="quick")
