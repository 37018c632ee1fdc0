"""A listing's cards beside one block of prose: the container climbs back up to hold them.

The page is a course catalogue in the style of a university's programme directory: a short
introduction in ``<p>``s, then a grid of cards, each a linked ``<h3>`` title, a teaser and a line
of facts in ``<div>``s. Only the introduction votes as paragraphs (the cards' text is in divs and
links), so the container descent ends at it; read as a listing, whose profile widens the container
to the ancestor holding most of the page's text, the cards are kept, and the site's menu and
footer still go.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.content._profiles import ARTICLE, ContentProfile, profile_for
from newsscrape.extractor.content._scoring import widen
from profiled import read_as

SITE = "https://learn.example.edu"
INTRO = (
    "Our certificate programmes bring working engineers and managers up to date in a few "
    "intensive weeks, taught by the same faculty who teach on campus."
)
TEASER = "Learn to plan, run and measure a programme of change across a whole organisation"
TOPICS = ("Data Engineering", "Product Leadership", "Supply Chains", "Robotics", "Energy Systems")


def _page() -> str:
    cards = "".join(
        f'<div class="card"><h3 class="card-title"><a href="{SITE}/programmes/{n}/">'
        f"Professional Certificate in {topic}</a></h3>"
        f'<div class="card-summary">{TEASER}, with a capstone in {topic.lower()}.</div>'
        f'<div class="card-facts">{n + 3} courses, online or on campus</div></div>'
        for n, topic in enumerate(TOPICS)
    )
    menu = "".join(f'<li><a href="{SITE}/{w.lower()}/">{w}</a></li>' for w in ("Courses", "About", "Apply"))
    return (
        f'<html><body><header class="site-header"><nav><ul>{menu}</ul></nav></header>'
        '<main class="catalogue"><h1>Certificate Programmes</h1>'
        f'<div class="intro"><p>{INTRO}</p><p>{INTRO} Enrolment opens twice a year.</p></div>'
        f'<div class="grid">{cards}</div></main>'
        '<footer class="site-footer"><p>Copyright the Institute, all rights reserved.</p></footer>'
        "</body></html>"
    )


def _body(profile: ContentProfile) -> str:
    return read_as(_page(), f"{SITE}/programmes/", profile)


def test_read_as_an_article_the_cards_beside_the_introduction_are_lost() -> None:
    body = _body(ARTICLE)
    assert INTRO in body
    assert "Professional Certificate in Robotics" not in body


def test_read_as_a_listing_the_container_widens_to_the_cards() -> None:
    body = _body(profile_for("listing"))
    assert INTRO in body
    for topic in TOPICS:
        assert f"Professional Certificate in {topic}" in body
    assert f"{TEASER}, with a capstone in robotics." in body
    assert "Copyright the Institute" not in body
    assert "Apply" not in body.split("\n")


def test_widen_climbs_only_as_far_as_the_share_asks() -> None:
    tree = LexborHTMLParser(_page())
    body = tree.body
    assert body is not None
    intro = tree.css_first("div.intro")
    assert intro is not None
    assert widen(intro, body, share=0.0).mem_id == intro.mem_id
    assert widen(intro, body, share=0.2).mem_id == intro.mem_id  # it holds a fifth of the text already
    main = tree.css_first("main")
    assert main is not None
    assert widen(intro, body, share=0.6).mem_id == main.mem_id
