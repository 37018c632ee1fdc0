"""Site-name suffixes set off by separators the spaced list lacked: a typed dash (" -- Site"), the
single guillemets of WordPress and Drupal themes ("Headline › Site", "Headline ‹ Site") and the
unspaced hyphen, underscore or bar of scripts written without spaces ("标题-新华网")."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsscrape.extractor.metadata._metadata import read_metadata
from newsscrape.extractor.metadata._title import TitleSources, strip_site


def title_of(html: str, url: str = "https://www.planet.example/news/1") -> str | None:
    return read_metadata(LexborHTMLParser(html), url=url).record.title


def test_two_hyphens_typed_for_a_dash_cut_the_site_name() -> None:
    src = TitleSources(site_name="Planet.example")
    assert strip_site("Rain returns to the valley -- Planet.example", src) == "Rain returns to the valley"


def test_two_hyphens_inside_a_headline_are_kept() -> None:
    # tabloids type the dash in the headline itself: only a name is cut after " -- "
    assert strip_site("Star's pearl dress worth millions -- STOLEN!!!", TitleSources()) == (
        "Star's pearl dress worth millions -- STOLEN!!!"
    )


def test_plain_h1_wins_over_a_meta_title_with_a_typed_dash_suffix() -> None:
    # an h1 with no attribute outside article/header defers to the meta titles once they are cut
    page = (
        '<html><head><meta property="og:title" content="Rain returns to the valley -- Planet.example">'
        '<meta property="og:site_name" content="Planet.example">'
        "<title>Rain returns to the valley -- Weather -- Planet.example</title></head>"
        "<body><div><h1>Rain returns to the valley</h1><p>It rained all night.</p></div></body></html>"
    )
    assert title_of(page) == "Rain returns to the valley"


def test_unspaced_hyphen_between_ideographs_cuts_the_site_name() -> None:
    assert strip_site("城市暴雨过后交通恢复正常-星球网", TitleSources()) == "城市暴雨过后交通恢复正常"
    assert strip_site("城市暴雨过后交通恢复正常_星球网", TitleSources()) == "城市暴雨过后交通恢复正常"


def test_unspaced_hyphen_after_a_headline_first_word_is_kept() -> None:
    assert strip_site("东京-大阪新干线今日停运", TitleSources()) == "东京-大阪新干线今日停运"


def test_unspaced_hyphen_between_latin_letters_is_part_of_a_word() -> None:
    assert strip_site("Covid-19 cases fall", TitleSources()) == "Covid-19 cases fall"


def test_plain_h1_wins_over_a_title_with_an_unspaced_site_suffix() -> None:
    page = (
        "<html><head><title>城市暴雨过后交通恢复正常-星球网</title></head>"
        "<body><div><h1>城市暴雨过后交通恢复正常</h1><p>昨夜暴雨。</p></div></body></html>"
    )
    assert title_of(page) == "城市暴雨过后交通恢复正常"


def test_single_guillemets_cut_the_site_name_as_the_double_ones_do() -> None:
    # held-out pages of trafilatura's and htmldate's test caches title themselves so
    src = TitleSources(site_name="Planet")
    assert strip_site("Rain returns to the valley \u203a Planet", src) == "Rain returns to the valley"
    src = TitleSources(host="www.planet-project.example")
    assert strip_site("Rain returns to the valley \u2039 Planet Project", src) == "Rain returns to the valley"
