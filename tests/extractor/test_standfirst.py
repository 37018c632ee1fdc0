"""A story's standfirst printed between its headline and the box of its body (``<h1>``, ``<p
class="intro">``, a share bar, ``<div class="body">``: the layout of a public broadcaster's story
in trafilatura's held-out test pages) is the body's first paragraph, though the container search
descends into the body's box."""

from __future__ import annotations

from newsscrape import extract

BODY = "".join(
    f"<p>{line}</p>"
    for line in (
        "Climbing out of the village, the path ascends at such a gradient that my legs are jelly by"
        " half way, and the vines on either side seem to hang from the sky itself.",
        "The valley's red wine is legendary. Labels from its small cellars now command the kind of"
        " prices once kept for the great names of Burgundy and the Rhone.",
        "With some 530 hectares of vines producing around four million bottles a year, it is not"
        " easy to find a bottle outside the region, let alone outside the country.",
        "Perhaps no variety is shrouded in as much mystique as the early-ripening mutation of the"
        " pinot noir that the growers here have brought back from the edge of extinction.",
    )
)
INTRO = (
    "One of the country's smallest wine regions, with some of its boldest wines, has a tradition "
    "as both innovator and iconoclast."
)
PAGE = f"""<html><head><title>Uncork the valley's mystery grape | Culture</title></head><body>
<nav><a href="/">Home</a> <a href="/culture/">Culture</a></nav>
<div id="bodyContent"><div class="col3">
<h4 class="kicker">Culture</h4>
<h1>Uncork the valley's mystery grape</h1>
<p class="intro">{INTRO}</p>
<div class="sharing-bar"><a href="https://facebook.com/share">f</a> <a href="https://x.com/share">x</a></div>
<div class="group"><div class="longText">{BODY}</div></div>
<h4>Related content</h4>
<div class="group"><a href="/other-story"><h2>Sour grapes</h2><p>Climate change and the vines.</p></a></div>
</div></div>
<footer><p>Copyright the broadcaster</p></footer></body></html>"""


def test_the_standfirst_above_the_body_box_opens_the_body() -> None:
    article = extract(PAGE, url="https://broadcaster.example/en/uncork/a-1")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == INTRO
    assert paragraphs[1].startswith("Climbing out of the village")
    assert "Sour grapes" not in article.body


def test_a_standfirst_the_body_prints_again_is_given_once() -> None:
    page = PAGE.replace('<div class="longText">', f'<div class="longText"><p>{INTRO}</p>')
    body = extract(page, url="https://broadcaster.example/en/uncork/a-1").body
    assert body.count(INTRO) == 1


def test_a_paragraph_under_another_headline_is_no_standfirst() -> None:
    # the h1 is the site's, not the story's: the paragraph under it is the site's blurb
    page = PAGE.replace("<h1>Uncork the valley's mystery grape</h1>", "<h1>The Broadcaster</h1>")
    assert extract(page).title == "Uncork the valley's mystery grape"
    body = extract(page, url="https://broadcaster.example/en/uncork/a-1").body
    assert INTRO not in body
    assert body.startswith("Climbing out of the village")
