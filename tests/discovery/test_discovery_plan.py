"""The sans-I/O plan, driven by a dict of documents: order of sources, loops, --since, --max, the walk."""

from __future__ import annotations

import typing
from datetime import UTC, date, datetime

import pytest

from newsscrape.config import DiscoverConfig
from newsscrape.discovery import Discovery, Found, Want, _classify

SITE = "https://example.com/"
SM = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def index(*locs: str, lastmod: str = "") -> bytes:
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    body = "".join(f"<sitemap><loc>{u}</loc>{mod}</sitemap>" for u in locs)
    return f"<sitemapindex {SM}>{body}</sitemapindex>".encode()


def urlset(*entries: tuple[str, str]) -> bytes:
    body = "".join(
        f"<url><loc>{u}</loc>" + (f"<lastmod>{d}</lastmod>" if d else "") + "</url>" for u, d in entries
    )
    return f"<urlset {SM}>{body}</urlset>".encode()


HOME = b"<html><body><a href='/world/'>World</a><a href='/2024/05/01/home-story'>s</a></body></html>"


def run(
    docs: dict[str, bytes], *, robots: tuple[str, ...] = (), allowed: object = None, **cfg: object
) -> tuple[Discovery, list[Found], list[Want]]:
    docs = {SITE: b"<html><body>Home</body></html>", **docs}
    plan = Discovery(SITE, config=DiscoverConfig(**cfg))  # type: ignore[arg-type]
    plan.start(robots_sitemaps=list(robots), allowed=allowed or (lambda url: True))  # type: ignore[arg-type]
    found: list[Found] = []
    asked: list[Want] = []
    while (want := plan.next()) is not None:
        found += plan.take_released()
        asked.append(want)
        body = docs.get(want.url)
        if body is None:
            plan.failed(want, "HTTP 404", status=404)
        else:
            found += plan.got(want, body, final_url=want.url).found
    found += plan.take_released()
    return plan, found, asked


def test_order_home_then_sitemaps_then_feeds() -> None:
    docs = {
        SITE: HOME.replace(
            b"<body>", b"<head><link rel=alternate type=application/rss+xml href=/rss></head><body>"
        ),
        SITE + "sitemap.xml": urlset((SITE + "2024/05/02/in-sitemap", "")),
        SITE
        + "rss": b"<rss><channel><item><link>https://example.com/2024/05/03/in-feed</link></item></channel></rss>",
    }
    plan, found, asked = run(docs)
    assert [w.kind for w in asked] == ["home", "sitemap", "sitemap", "feed"]
    assert [(f.url, f.source) for f in found] == [
        (SITE + "2024/05/02/in-sitemap", "sitemap"),
        (SITE + "2024/05/03/in-feed", "feed"),
    ]
    assert plan.counts["guess_missing"] == 1  # /sitemap_index.xml, guessed, quietly missing
    assert [n.kind for n in plan.notes] == ["undated"]  # the feed's item has no date


def test_robots_sitemap_lines_replace_the_guesses() -> None:
    _, _, asked = run({}, robots=(SITE + "maps/one.xml",), guess_paths=True)
    assert [w.url for w in asked if w.kind == "sitemap"] == [SITE + "maps/one.xml"]


def test_an_index_that_lists_itself_ends() -> None:
    docs = {
        SITE + "sitemap.xml": index(SITE + "sitemap.xml", SITE + "s2.xml"),
        SITE + "s2.xml": urlset((SITE + "a-b-c", "")),
    }
    plan, found, asked = run(docs, robots=(SITE + "sitemap.xml",))
    assert [w.url for w in asked if w.kind == "sitemap"] == [SITE + "sitemap.xml", SITE + "s2.xml"]
    assert [f.url for f in found] == [SITE + "a-b-c"]
    assert [n.kind for n in plan.notes] == ["loop"]


def test_two_indexes_listing_each_other_end() -> None:
    docs = {SITE + "a.xml": index(SITE + "b.xml"), SITE + "b.xml": index(SITE + "a.xml")}
    plan, found, asked = run(docs, robots=(SITE + "a.xml",))
    assert [w.url for w in asked if w.kind == "sitemap"] == [SITE + "a.xml", SITE + "b.xml"]
    assert found == []
    assert [n.kind for n in plan.notes] == ["loop"]


def test_deep_nesting_is_bounded() -> None:
    docs = {SITE + f"{i}.xml": index(SITE + f"{i + 1}.xml") for i in range(50)}
    plan, _, asked = run(docs, robots=(SITE + "0.xml",), max_index_depth=3)
    assert len([w for w in asked if w.kind == "sitemap"]) == 4
    assert [n.kind for n in plan.notes] == ["too_deep"]


def test_since_keeps_dated_urls_on_or_after_the_date() -> None:
    docs = {
        SITE + "s.xml": urlset(
            (SITE + "old-story-here", "2024-04-30"), (SITE + "new-story-here", "2024-05-01")
        )
    }
    plan, found, _ = run(docs, robots=(SITE + "s.xml",), since=datetime(2024, 5, 1))
    assert [f.url for f in found] == [SITE + "new-story-here"]
    assert plan.counts["older"] == 1


def test_since_may_be_a_date_taken_as_its_midnight_utc() -> None:
    docs = {
        SITE + "s.xml": urlset(
            (SITE + "old-story-here", "2024-04-30T23:59:59+00:00"), (SITE + "new-story-here", "2024-05-01")
        )
    }
    _, found, _ = run(docs, robots=(SITE + "s.xml",), since=date(2024, 5, 1))
    assert [f.url for f in found] == [SITE + "new-story-here"]
    assert DiscoverConfig(since=date(2024, 5, 1)).since == datetime(2024, 5, 1, tzinfo=UTC)


def test_since_is_typed_to_take_a_date() -> None:
    # mypy --strict reads this annotation: typed datetime, it told users their valid date was wrong
    accepted = typing.get_args(typing.get_type_hints(DiscoverConfig)["since"])
    assert date in accepted
    assert type(None) in accepted


def test_since_of_another_type_is_refused_when_the_config_is_made() -> None:
    with pytest.raises(TypeError, match="since must be a datetime or a date"):
        DiscoverConfig(since="2024-05-01")  # type: ignore[arg-type]


def test_since_keeps_an_undated_url_only_if_its_sitemap_is_newer() -> None:
    docs = {
        SITE + "i.xml": index(SITE + "new.xml", lastmod="2024-05-02") + b"",
        SITE + "new.xml": urlset((SITE + "undated-in-new-file", "")),
    }
    _, found, _ = run(docs, robots=(SITE + "i.xml",), since=datetime(2024, 5, 1, tzinfo=UTC))
    assert [f.url for f in found] == [SITE + "undated-in-new-file"]
    plan, found, _ = run(
        {SITE + "s.xml": urlset((SITE + "undated-story-x", ""))},
        robots=(SITE + "s.xml",),
        since=datetime(2024, 5, 1),
    )
    assert found == []
    assert plan.counts["undated"] == 1


def test_since_skips_sitemaps_older_than_the_date() -> None:
    docs = {
        SITE + "i.xml": index(SITE + "old.xml", lastmod="2023-01-01"),
        SITE + "old.xml": urlset((SITE + "x-y-z", "")),
    }
    plan, _found, asked = run(docs, robots=(SITE + "i.xml",), since=datetime(2024, 5, 1))
    assert SITE + "old.xml" not in [w.url for w in asked]
    assert plan.counts["sitemap_older"] == 1


def test_max_stops_discovery() -> None:
    docs = {
        SITE + "s.xml": urlset(*((SITE + f"story-number-{i}", "") for i in range(10))),
        SITE + "t.xml": b"",
    }
    plan, found, asked = run(docs, robots=(SITE + "s.xml", SITE + "t.xml"), max_urls=3)
    assert len(found) == 3
    assert SITE + "t.xml" not in [w.url for w in asked]
    assert plan.full


def test_page_walk_only_when_no_sitemap_or_feed_worked() -> None:
    docs = {
        SITE: HOME,
        SITE + "world/": b"<a href='/2024/05/02/world-story'>w</a><a href='/about/'>about</a>",
    }
    _, found, asked = run(docs)
    assert [(f.url, f.source, f.found_on) for f in found] == [
        (SITE + "2024/05/01/home-story", "page", SITE),
        (SITE + "2024/05/02/world-story", "page", SITE + "world/"),
    ]
    docs[SITE + "sitemap.xml"] = urlset((SITE + "2024/05/03/mapped-story", ""))
    _, found, asked = run(docs)
    assert [f.url for f in found] == [SITE + "2024/05/03/mapped-story"]
    assert SITE + "world/" not in [w.url for w in asked]


def test_disallowed_urls_are_neither_fetched_nor_listed() -> None:
    docs = {
        SITE + "sitemap.xml": urlset(
            (SITE + "private/a-secret-story", ""), (SITE + "public/a-fine-story", "")
        ),
        SITE + "private/map.xml": urlset((SITE + "x-y-z", "")),
    }
    plan, found, asked = run(
        docs, robots=(SITE + "sitemap.xml", SITE + "private/map.xml"), allowed=lambda u: "/private/" not in u
    )
    assert [f.url for f in found] == [SITE + "public/a-fine-story"]
    assert SITE + "private/map.xml" not in [w.url for w in asked]
    assert plan.counts["robots"] == 1


def test_a_malformed_sitemap_is_noted_and_discovery_goes_on() -> None:
    docs = {
        SITE + "bad.xml": b"<urlset><url><loc>oops",
        SITE + "good.xml": urlset((SITE + "a-good-story", "")),
    }
    plan, found, _ = run(docs, robots=(SITE + "bad.xml", SITE + "good.xml"))
    assert [f.url for f in found] == [SITE + "a-good-story"]
    assert [n.kind for n in plan.notes] == ["malformed"]


def test_since_keeps_an_undated_feed_item_only_if_the_feed_is_newer() -> None:
    feed = (
        "<rss><channel><lastBuildDate>{}</lastBuildDate>"
        "<item><link>https://example.com/an-undated-story</link></item></channel></rss>"
    )
    home = b"<html><head><link rel=alternate type=application/rss+xml href=/rss></head></html>"
    for built, kept in (("Thu, 02 May 2024 10:00:00 GMT", True), ("Tue, 30 Apr 2024 10:00:00 GMT", False)):
        docs = {SITE: home, SITE + "rss": feed.format(built).encode()}
        plan, found, _ = run(docs, since=datetime(2024, 5, 1))
        assert [f.url for f in found] == ([SITE + "an-undated-story"] if kept else [])
        assert plan.counts["older"] == (0 if kept else 1)  # the feed's own date says it is older


def test_the_rules_fingerprint_changes_with_the_classifiers_data(monkeypatch: pytest.MonkeyPatch) -> None:
    # A validator saved under a vocabulary that dropped /tag/ URLs must not answer for one that
    # keeps them (crawler/_validators): the word list is part of the plan's rules.
    before = Discovery(SITE).rules
    assert Discovery(SITE).rules == before
    monkeypatch.setattr(_classify, "VOCABULARY", _classify.VOCABULARY - {"tag"})
    assert Discovery(SITE).rules != before
