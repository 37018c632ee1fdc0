"""A story's text does not end with a heading: a heading heads what follows it, and one with nothing
after it headed what the content pass removed (a rail of other stories, a comment form)."""

from __future__ import annotations

from prose import HARBOUR

from newsscrape import extract

URL = "https://harbour.example/news/2025/03/04/ferries-run-later/"
OTHER_STORIES = "".join(
    f'<li><a href="/news/2025/03/0{n}/story-{n}/">Another harbour story number {n}</a></li>'
    for n in range(1, 7)
)


def _page(tail: str) -> str:
    return f"""<html><head><title>Ferries run later</title></head><body><article>
<h1>Ferries run later</h1><p>{(HARBOUR + " ") * 3}</p><h2>Evening boats</h2><p>{(HARBOUR + " ") * 2}</p>
{tail}</article></body></html>"""


def test_a_heading_over_a_removed_rail_does_not_end_the_story() -> None:
    rail = f"<h2>What to read next</h2><ul>{OTHER_STORIES}</ul>"
    tail = rail + "<h3>Leave a comment</h3><form><textarea></textarea></form>"
    article = extract(_page(tail), url=URL)
    assert article.page_type == "article"
    assert article.headings == ("Evening boats",)
    assert article.body.split("\n\n")[-1] == f"{HARBOUR} {HARBOUR}"
    assert [section.heading for section in article.sections] == [None, "Evening boats"]


def test_a_heading_with_its_text_after_it_stays() -> None:
    article = extract(
        _page("<h2>Timetable</h2><p>Boats leave every hour from six until midnight.</p>"), url=URL
    )
    assert article.headings == ("Evening boats", "Timetable")
    assert article.body.endswith("Timetable\n\nBoats leave every hour from six until midnight.")
