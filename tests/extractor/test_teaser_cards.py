"""A teaser card after the story (a heading linking to another story of the site, its picture
linking there again, and its standfirst outside any link: a Drupal magazine's "interesting
articles" box in trafilatura's held-out test pages) goes whole, standfirst too, not its title alone."""

from __future__ import annotations

from newsscrape import extract

STORY = "".join(
    f"<p>{line}</p>"
    for line in (
        "The singer has lost about ten kilos since her separation in April, a British paper reported"
        " on Monday, and she has rarely looked so relaxed in public.",
        "She celebrated with the band at the first night of their comeback tour, and the photos the"
        " band shared afterwards show her laughing backstage with the whole group.",
        "Her trainer says the new routine is simple: a reformer class three times a week and long"
        " walks in the hills above the city, with no special diet at all.",
        "Fans will get to see the result on stage soon: a new album is due in the autumn, and a tour"
        " is planned for the year after, her label confirmed on Tuesday.",
    )
)
TEASER = "Summer is holiday time, and the model did not need telling twice. See for yourself!"
CARD = f"""<div class="paragraph interesting-articles"><div class="snippet">
<div class="snippet__header"><h3 class="teaser__headline"><a href="/stars/model-on-holiday-202326.html">
The model on holiday: hot, hotter, on the island!</a></h3></div>
<div class="snippet__content"><span class="snippet__image"><a href="/stars/model-on-holiday-202326.html">
<img src="/files/model.jpg" alt="model"></a></span>
<div class="snippet__text">{TEASER}
<strong><a href="/stars/model-on-holiday-202326.html">More</a></strong></div>
</div></div></div>"""
PAGE = f"""<html><head><title>The singer shows her new look</title></head><body>
<nav><a href="/">Home</a> <a href="/stars/">Stars</a></nav>
<main><article class="node"><h1>The singer shows her new look</h1><div class="story-text">{STORY}</div>
{CARD}</article></main>
<footer><p>Imprint</p></footer></body></html>"""
URL = "https://www.magazine.example/stars/singer-new-look-200226.html"


def test_a_teaser_cards_standfirst_goes_with_its_linked_title() -> None:
    body = extract(PAGE, url=URL).body
    assert body.startswith("The singer has lost about ten kilos")
    assert "Fans will get to see the result on stage soon" in body
    assert "The model on holiday" not in body
    assert TEASER not in body


def test_a_storys_own_box_linking_twice_to_a_page_keeps_its_text() -> None:
    # a boxed heading inside the story links to another story, and the paragraph after it links
    # to it again: the story's own box, far longer than a card, is no teaser
    more = "".join(
        f"<p>Paragraph {n} of the review goes on about the show's {n} songs, the staging and the"
        f" band, as long as a review's paragraph runs in a magazine like this one.</p>"
        for n in range(2, 12)
    )
    inline = (
        '<div class="inline"><h3><a href="/stars/tour-dates-100.html">The tour dates so far</a></h3></div>'
        '<p>Tickets for <a href="/stars/tour-dates-100.html">the first dates</a> sold out within an'
        " hour, and the promoter says more dates will follow in the spring.</p>"
    )
    page = PAGE.replace(f"{STORY}</div>", f"{STORY}{inline}{more}</div>")
    body = extract(page, url=URL).body
    assert "Tickets for the first dates sold out within an hour" in body
    assert "Paragraph 11 of the review" in body
