"""A short story's walk looks short, so trafilatura is asked for its reading, which keeps lines the
block walk dropped whole as chrome (a byline above the brief, a "Tags:" line). On an article's
reading those lines are left out of trafilatura's text, of the weighing and of the text taken,
unless the walk kept the same words elsewhere."""

from __future__ import annotations

import pytest

from newsscrape.extractor import explain
from newsscrape.extractor.content import _content

URL = "https://townnews.example.com/news/2024/05/03/council-passes-budget"
FIRST = "The town council approved a $45 million budget on Tuesday night by a vote of 5-2."
SECOND = "The plan keeps property taxes flat and adds library hours, the mayor said."
BRIEF = f"""<html><head><title>Council passes budget | Town News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<h1>Council passes budget</h1>
<p class="byline">By Ann Lee, May 3, 2024</p>
<p>{FIRST}</p>
<p>{SECOND}</p>
<p class="tags">Tags: budget, council</p>
<footer>© 2024 Town News</footer>
</body></html>"""


def test_a_brief_keeps_no_line_its_walk_dropped() -> None:
    report = explain(BRIEF, url=URL)  # trafilatura itself, asked as a user's extract() asks it
    asked = [reading for reading in report.readings if reading.method == "trafilatura"]
    assert asked  # its reading was weighed
    assert asked[0].words is not None
    assert report.article.body == f"{FIRST}\n\n{SECOND}"
    assert report.article.authors == ("Ann Lee",)  # the byline still credits its writer


def test_taken_its_text_leaves_out_the_dropped_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # the opening paragraph stands twice, once hidden (dropped) and once shown (kept): it stays
    page = BRIEF.replace(f"<p>{FIRST}</p>", f'<p class="sr-only">{FIRST}</p><p>{FIRST}</p>', 1)
    later = "A public hearing on the plan will be held next month, before the final vote is taken."
    text = "\n".join(("By Ann Lee, May 3, 2024", FIRST, SECOND, later, "Tags: budget, council"))
    monkeypatch.setattr(_content, "trafilatura_text", lambda html: text)
    report = explain(page, url=URL)
    assert report.method == "trafilatura"
    assert report.article.body == f"{FIRST}\n\n{SECOND}\n\n{later}"
