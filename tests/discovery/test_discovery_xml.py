"""Sitemaps and the hardened XML reader: indexes, gzip, Google News, limits, hostile documents."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from collections.abc import Iterator

import pytest

from newsscrape.discovery import SitemapEntry, SitemapReader, Unusable

SM = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*urls: str, extra: str = "") -> bytes:
    body = "".join(f"<url><loc>{u}</loc>{extra}</url>" for u in urls)
    return f'<?xml version="1.0"?><urlset {SM}>{body}</urlset>'.encode()


def collect(entries: Iterator[SitemapEntry], into: list[str]) -> None:
    """Take entries until the reader stops (the entries before a fault stay in ``into``)."""
    into.extend(entry.loc for entry in entries)


def read(body: bytes, **limits: int) -> tuple[SitemapReader, list[str]]:
    reader = SitemapReader("https://example.com/sitemap.xml", **limits)
    return reader, [e.loc for e in [*reader.feed(body), *reader.close()]]


def test_urlset_entries_with_lastmod() -> None:
    reader = SitemapReader("https://example.com/s.xml")
    body = urlset("https://example.com/a-b-c", extra="<lastmod>2024-05-12T10:00:00+02:00</lastmod>")
    (entry,) = [*reader.feed(body), *reader.close()]
    assert entry.loc == "https://example.com/a-b-c"
    assert entry.lastmod is not None
    assert entry.lastmod.isoformat() == "2024-05-12T10:00:00+02:00"
    assert not reader.is_index


def test_index_is_recognised() -> None:
    body = f"<sitemapindex {SM}><sitemap><loc>https://example.com/s1.xml</loc></sitemap></sitemapindex>"
    reader, locs = read(body.encode())
    assert reader.is_index
    assert locs == ["https://example.com/s1.xml"]


def test_google_news_publication_date() -> None:
    news = (
        f'<urlset {SM} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        "<loc>https://example.com/x-y-z</loc><news:news><news:publication_date>2024-05-12"
        "</news:publication_date></news:news></url></urlset>"
    )
    reader = SitemapReader("https://example.com/news.xml")
    (entry,) = [*reader.feed(news.encode()), *reader.close()]
    assert entry.news
    assert entry.published is not None
    assert entry.published.date().isoformat() == "2024-05-12"


def test_gzip_file_is_read_in_chunks() -> None:
    body = gzip.compress(urlset(*(f"https://example.com/story-{i}-x-y" for i in range(300))))
    reader = SitemapReader("https://example.com/s.xml.gz")
    locs = [e.loc for i in range(0, len(body), 7) for e in reader.feed(body[i : i + 7])]
    locs += [e.loc for e in reader.close()]
    assert len(locs) == 300
    assert locs[-1] == "https://example.com/story-299-x-y"


def test_url_limit_stops_after_the_limit_keeping_what_came_before() -> None:
    reader = SitemapReader("https://example.com/s.xml", max_urls=5)
    got: list[str] = []
    with pytest.raises(Unusable) as info:
        collect(reader.feed(urlset(*(f"https://example.com/{i}" for i in range(9)))), got)
    assert info.value.kind == "too_many_urls"
    assert len(got) == 5


def test_protocol_limit_is_50000_urls() -> None:
    body = urlset(*(f"https://e.com/{i}" for i in range(50_001)))
    reader = SitemapReader("https://e.com/s.xml")
    got: list[str] = []
    with pytest.raises(Unusable, match="50000"):
        collect(reader.feed(body), got)
    assert len(got) == 50_000


def test_gzip_bomb_is_cut_at_the_uncompressed_limit() -> None:
    # 200 MiB of white space inside the document compresses to ~200 KB.
    bomb = gzip.compress(
        f"<urlset {SM}><url><loc>https://e.com/a</loc></url>".encode() + b" " * (200 * 2**20)
    )
    assert len(bomb) < 1_000_000
    tracemalloc.start()
    with pytest.raises(Unusable) as info:
        read(bomb, max_bytes=10 * 2**20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert info.value.kind == "too_large"
    assert peak < 40 * 2**20  # never the whole 200 MiB


def test_billion_laughs_is_refused_without_expansion() -> None:
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    body = f'<?xml version="1.0"?><!DOCTYPE urlset [{lol}]><urlset {SM}><url><loc>&lol9;</loc></url></urlset>'
    started = time.process_time()
    with pytest.raises(Unusable) as info:
        read(body.encode())
    assert info.value.kind == "entities"
    assert time.process_time() - started < 1.0  # a billion expansions would take minutes


def test_external_entity_is_not_fetched_nor_read() -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<urlset {SM}><url><loc>https://e.com/&x;</loc></url></urlset>"
    )
    with pytest.raises(Unusable) as info:
        read(body.encode())
    assert info.value.kind == "entities"


def test_malformed_xml_keeps_the_entries_before_the_fault() -> None:
    reader = SitemapReader("https://e.com/s.xml")
    got: list[str] = []
    body = f"<urlset {SM}><url><loc>https://e.com/a-b-c</loc></url><url><loc>x</lo></url>"
    with pytest.raises(Unusable) as info:
        collect(reader.feed(body.encode()), got)
    assert info.value.kind == "malformed"
    assert got == ["https://e.com/a-b-c"]


def test_html_served_as_a_sitemap() -> None:
    with pytest.raises(Unusable) as info:
        read(b"<!DOCTYPE html><html><body>Not found</body></html>")
    assert info.value.kind == "not_a_feed"


def test_other_xml_is_not_a_sitemap() -> None:
    with pytest.raises(Unusable) as info:
        read(b"<?xml version='1.0'?><rss><channel><item><link>https://e.com/a</link></item></channel></rss>")
    assert info.value.kind == "not_a_feed"
