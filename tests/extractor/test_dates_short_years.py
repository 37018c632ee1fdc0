"""Dates: a dotted day with a two-digit year printed alone beside the headline ("02.12.19" over it,
", 8.5.12" after the byline's name), as German-language sites print it; section numbers of a table
of contents, which look the same, date nothing. The pages are written in those templates' styles
(held-out pages of htmldate 1.4.0's tests: a think tank's "In the media" header, a WordPress byline);
a two-digit year after a Turkish label (htmldate 1.11.0's unit cases); and a German publication verb
closing the clause of its day (htmldate 1.4.0's evaluation pages)."""

from __future__ import annotations

from datetime import date

from prose import PARA, PARA2, PARA3

import newsscrape

BODY = "".join(f"<p>{text}</p>" for text in (PARA, PARA2, PARA3))
URL = "https://www.example.org/debate/whats-on-the-cards"


def _published(page: str) -> date | None:
    published = newsscrape.extract(f"<html><body>{page}</body></html>", url=URL).published
    return published.date() if published is not None else None


def test_a_short_dotted_day_right_over_the_headline_dates_the_story() -> None:
    header = (
        '<header><div class="flag">In the media</div><span class="stamp">02.12.19</span>'
        "<h1>What is on the cards for the commission?</h1></header>"
    )
    assert _published(f"<main>{header}{BODY}</main>") == date(2019, 12, 2)


def test_a_short_dotted_day_after_the_bylines_name_dates_the_story() -> None:
    byline = '<p class="byline">von <a href="/author/ks/" rel="author">Klaus Schmidt</a>, 8.5.12 </p>'
    page = f"<article><h1>Der neue Trend der Koalitionen</h1>{byline}{BODY}</article>"
    assert _published(page) == date(2012, 5, 8)


def test_section_numbers_of_a_table_of_contents_date_nothing() -> None:
    toc = "".join(
        f'<li><a href="#s{n}"><b>14.11.{n}</b> Error correction, part {n}</a></li>' for n in range(10, 14)
    )
    page = f'<nav class="toc"><ul>{toc}</ul></nav><div class="page"><h1>Plan of the book</h1>{BODY}</div>'
    assert _published(page) is None
    # nor in the first heading of the text, where a numbered book sets the section's number
    numbered = f'<h1>Plan of the book</h1><h2><span class="number">14.11.13</span> Remarks</h2>{BODY}'
    assert _published(f"<main>{numbered}</main>") is None


def test_only_the_text_right_over_the_headline_is_read_as_a_short_day() -> None:
    # Further up the header such a number is a ticker's or a menu's (a kicker stands between).
    header = '<div class="ticker">12.04.22</div><p class="kicker">Politik und Gesellschaft</p>'
    assert _published(f"<main>{header}<h1>What is on the cards for the commission?</h1>{BODY}</main>") is None


def test_turkish_labels_stand_before_the_day_and_verbs_after_it() -> None:
    story = "<article><h1>Yağmur vadiye geri döndü</h1>{}" + BODY + "</article>"
    assert _published(story.format("<p><em>Son güncelleme: 5/5/20</em></p>")) == date(2020, 5, 5)
    assert _published(story.format("<p>Yayınlanma: 12.03.21</p>")) == date(2021, 3, 12)
    assert _published(story.format("<p><em>05.05.2020 tarihinde yayınlandı.</em></p>")) == date(2020, 5, 5)


def test_a_german_publication_verb_closes_the_clause_of_its_day() -> None:
    # WordPress's default theme in German: "This entry was posted on ..." with the verb last, under the post.
    meta = (
        '<p class="postmetadata"><small>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 14:05 Uhr '
        'veröffentlicht und unter <a href="/category/news/">News</a> abgelegt.</small></p>'
    )
    assert _published(f"<article><h1>Kein Cyberterrorismus</h1>{BODY}{meta}</article>") == date(2011, 12, 3)
