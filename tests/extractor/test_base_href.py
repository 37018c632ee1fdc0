"""A page's <base href> is what its relative links resolve against (HTML's document base URL), as
a browser resolves them: forum engines write every link relative to the site's root and name that
root in <base>. The page's own address stays its URL."""

from __future__ import annotations

from prose import HARBOUR

from newsscrape import extract
from newsscrape.config import ExtractConfig

URL = "https://forum.example/threads/ferry-timetable-changes.2880547/"


def _page(base: str) -> str:
    return f"""<html><head>{base}<title>Ferry timetable changes</title>
<link rel="canonical" href="threads/ferry-timetable-changes.2880547/"></head>
<body><article><h1>Ferry timetable changes</h1>
<img src="data/attachments/ferry-at-dusk.jpg" width="1200" height="800" alt="The evening ferry">
<p>{HARBOUR} See the <a href="forums/harbour-news.118/">harbour news forum</a> for the old times.</p>
<p>Fares stay as they are until the spring, when the <a href="members/harbourmaster.12/">harbourmaster</a>
will post the summer prices along with the weekend schedule for the island routes.</p>
</article></body></html>"""


def test_relative_links_resolve_against_the_base_href() -> None:
    article = extract(
        _page('<base href="https://forum.example/">'), url=URL, config=ExtractConfig(links=True)
    )
    links = [link.url for section in article.sections for block in section.blocks for link in block.links]
    assert links == [
        "https://forum.example/forums/harbour-news.118/",
        "https://forum.example/members/harbourmaster.12/",
    ]
    assert article.canonical_url == URL
    assert article.image == "https://forum.example/data/attachments/ferry-at-dusk.jpg"
    assert article.url == URL


def test_without_a_base_href_links_resolve_against_the_page() -> None:
    article = extract(_page(""), url=URL, config=ExtractConfig(links=True))
    links = [link.url for section in article.sections for block in section.blocks for link in block.links]
    assert links[0] == f"{URL}forums/harbour-news.118/"
    assert article.image == f"{URL}data/attachments/ferry-at-dusk.jpg"
