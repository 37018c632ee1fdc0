"""A page without headings prints its headline in a line of its own (a ``<span class="headline">``, a
bold line, a table cell, as pages of the table-layout years and some templates still do): the part of
its meta title that the page prints so is the headline, not the whole "Site - Section - Headline"."""

from __future__ import annotations

import pytest

from newsscrape import extract

STORY = """<p>The Riverside paper mill, which employed three generations of local families, will close
its doors at the end of the month, company officials announced Monday.</p>
<p>About 240 workers will lose their jobs. The company cited rising costs and falling demand for
newsprint as the main reasons for the closure.</p>
<p>"It's a sad day for this town," said Mayor Tom Brown, whose father and grandfather both worked at
the mill. "We will do everything we can to help these families."</p>
<p>State officials said a job retraining program would be made available to laid-off workers
starting in July.</p>"""
TABLES = f"""<html><head><title>The Daily Town - Local News - Mill closes after 80 years</title></head>
<body><table><tr><td colspan=2><a href="/">The Daily Town</a></td></tr>
<tr><td class="leftnav"><a href="/news/">News</a><br><a href="/sports/">Sports</a><br>
<a href="/obits/">Obituaries</a></td>
<td><span class="headline">Mill closes after 80 years</span><br>
<span class="byline">By MARY JONES</span><br>{STORY}</td></tr>
<tr><td colspan=2><font size=1>Copyright 2004 The Daily Town. All rights reserved.</font></td></tr>
</table></body></html>"""


@pytest.mark.parametrize("url", ["https://www.dailytown.example/news/story.asp?id=123", None])
def test_the_printed_part_of_the_meta_title_is_the_headline(url: str | None) -> None:
    assert extract(TABLES, url=url).title == "Mill closes after 80 years"


def test_the_site_name_its_logo_and_footer_print_is_no_headline() -> None:
    # the site's name is printed whole too, in the header's link and in a footer: only the story's
    # own line counts
    page = (
        TABLES.replace("Mill closes after 80 years</span>", "Closure announced</span>")
        .replace("<font size=1>Copyright 2004 The Daily Town. All rights reserved.</font>", "")
        .replace("</table>", "</table><footer><p>The Daily Town</p></footer>")
    )
    assert extract(page).title == "The Daily Town - Local News - Mill closes after 80 years"


def test_an_h1_still_decides() -> None:
    # a page with an h1 is read as before: its printed lines are not looked at
    page = TABLES.replace(
        '<span class="headline">Mill closes after 80 years</span>',
        '<h1 class="story-title">Riverside mill closes after 80 years</h1>'
        '<span class="kicker">Mill closes after 80 years</span>',
    )
    assert extract(page).title == "Riverside mill closes after 80 years"


def test_the_printed_headline_is_no_line_of_the_body() -> None:
    article = extract(TABLES, url="https://www.dailytown.example/news/story.asp?id=123")
    assert article.page_type == "article"
    assert article.body.startswith("The Riverside paper mill")


def test_a_line_repeating_the_title_within_the_story_stays() -> None:
    page = TABLES.replace("<p>About 240", "<p>Mill closes after 80 years</p><p>About 240")
    body = extract(page, url="https://www.dailytown.example/news/story.asp?id=123").body
    assert body.startswith("The Riverside paper mill")
    assert "\n\nMill closes after 80 years\n\nAbout 240" in body


def test_a_tagline_printing_the_label_the_meta_title_cuts_off_is_no_headline() -> None:
    # A WordPress theme prints the site's name as a tagline under its logo, in no link or header
    # (a held-out page of htmldate's tests: "Headline ‹ Wara Conservation Project").
    page = (
        "<html><head><title>Riverside paper mill closes its doors after 80 years in the valley"
        " \u2039 Riverside Trust</title></head>"
        f'<body><div class="logo_tagline">Riverside Trust</div><div class="post">{STORY}</div>'
        "</body></html>"
    )
    assert extract(page).title == "Riverside paper mill closes its doors after 80 years in the valley"


BLOG = f"""<html><head><title>Mill closes after 80 years | The Daily Town</title>
<meta property="og:type" content="article"></head>
<body><header><a href="/">The Daily Town</a></header>
<article class="post"><h2 class="entry-title">Mill closes after 80 years</h2>{STORY}
<h2>What comes next</h2><p>The site will be sold, the company said, and the buildings cleared
before the end of next year to make way for housing.</p></article></body></html>"""


def test_a_headline_set_as_a_lower_heading_is_no_subsection() -> None:
    # A blog theme without an h1 sets the post's title in an h2 (or h3) above the story: that
    # heading is the headline, neither a subsection heading nor the first line of the body.
    article = extract(BLOG, url="https://www.dailytown.example/2024/05/mill-closes/")
    assert article.title == "Mill closes after 80 years"
    assert article.headings == ("What comes next",)
    assert article.body.startswith("The Riverside paper mill")


def test_a_lower_heading_repeating_the_title_within_the_story_stays() -> None:
    page = BLOG.replace("<h2>What comes next</h2>", "<h2>Mill closes after 80 years</h2>")
    article = extract(page, url="https://www.dailytown.example/2024/05/mill-closes/")
    assert article.headings == ("Mill closes after 80 years",)
    assert article.body.startswith("The Riverside paper mill")
