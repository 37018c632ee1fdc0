"""Title choice over an h1 set in two lines: a first line that copies the meta title's headline
(the part before its ": subtitle") gives way to the meta title, whatever the h1's second line says;
a first line the meta title opens with, over a second line no meta title carries (the writer's name
set under the headline, as a Japanese daily's template does), is the headline alone."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata

# A guide whose template sets a display subtitle inside the h1, under a line break or in a block
# span, while the meta titles carry the headline with the subtitle the site chose for search.
GUIDE = """<html><head>
<title>Top Cycling Routes of 2026: Maps, Climbs &amp; Tips | Example Rides</title>
<meta property="og:title" content="Top Cycling Routes of 2026: Maps, Climbs &amp; Tips">
</head><body><main><div class="post-head">
<h1 class="post-heading">{h1}</h1>
</div><p>Spring opens the mountain passes again, and the valley roads are quiet before nine.</p>
</main></body></html>"""
META_TITLE = "Top Cycling Routes of 2026: Maps, Climbs & Tips"


def title_of(h1: str) -> str | None:
    return read_metadata(LexborHTMLParser(GUIDE.format(h1=h1)), url=None).record.title


def test_an_h1_whose_first_line_is_the_meta_headline_gives_way_to_the_meta_title() -> None:
    assert title_of("Top Cycling Routes of 2026 (EU)<br>Your Guide to the Best Rides") == META_TITLE


def test_a_block_span_sets_the_h1s_second_line() -> None:
    h1 = 'The Top Cycling Routes of 2026<span class="block text-lg">Rides for Every Pair of Legs</span>'
    assert title_of(h1) == META_TITLE


def test_an_h1_in_one_line_that_words_the_story_otherwise_stays_the_title() -> None:
    h1 = 'Top Cycling Routes of 2026 (EU) <span class="accent">Your Guide to the Best Rides</span>'
    assert title_of(h1) == "Top Cycling Routes of 2026 (EU) Your Guide to the Best Rides"


def test_a_two_line_h1_whose_first_line_is_another_headline_stays_the_title() -> None:
    assert title_of("Cycling Routes Worth the Climbs<br>Our Guide to 2026") == (
        "Cycling Routes Worth the Climbs Our Guide to 2026"
    )


NEWS = """<html><head>
<title>Rain returns to the valley (photo: Reuters) : Daily Planet</title>
<meta property="og:title" content="Rain returns to the valley (photo: Reuters)">
</head><body><main><h1 class="headline" itemprop="headline"><span>{first}</span><br><span>{second}</span></h1>
<p>The rain came back to the valley on Monday after a dry month of heat and dust.</p></main></body></html>"""


def news_title(first: str, second: str) -> str | None:
    page = NEWS.format(first=first, second=second)
    return read_metadata(LexborHTMLParser(page), url=None).record.title


def test_a_writers_line_under_the_headline_is_no_part_of_the_title() -> None:
    title = news_title("Rain returns to the valley", "Senior writer Jenny Smith")
    assert title == "Rain returns to the valley"


def test_a_headline_set_in_two_lines_that_the_meta_title_runs_on_in_stays_whole() -> None:
    # the og:title reads both lines as one phrase: the second is the headline's own end
    assert news_title("Rain returns", "to the valley") == "Rain returns to the valley"


def test_a_kicker_line_over_the_headline_is_no_title_of_its_own() -> None:
    # "Analysis" opens the meta title too, but most of it is the headline the h1's second line words
    page = (
        '<html><head><meta property="og:title" content="Analysis of why the rain came back to the valley">'
        '</head><body><main><h1 class="headline"><span>Analysis</span><br><span>Why the rain came back'
        "</span></h1><p>The rain came back to the valley on Monday.</p></main></body></html>"
    )
    title = read_metadata(LexborHTMLParser(page), url=None).record.title
    assert title == "Analysis Why the rain came back"
