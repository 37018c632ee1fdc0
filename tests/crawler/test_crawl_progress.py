"""Progress on stderr: a bar on a terminal, periodic plain lines otherwise, and the final summary."""

from __future__ import annotations

import io

from newsscrape.crawler import CrawlStats
from newsscrape.crawler._progress import Progress


def stats() -> CrawlStats:
    s = CrawlStats(ok=7, duplicates=2, recorded=1)
    s.failed.update({"http_status": 2, "robots": 1})
    return s


def test_plain_lines_when_not_a_terminal() -> None:
    err = io.StringIO()
    progress = Progress(stats(), stream=err, total=20, live=False, every=0.0)
    progress.update()
    assert err.getvalue().startswith("newsscrape: 13/20 URLs: 7 ok, 3 failed")


def test_plain_lines_are_spaced() -> None:
    err = io.StringIO()
    progress = Progress(stats(), stream=err, total=None, live=False, every=3600.0)
    progress.update()
    assert err.getvalue() == ""


def test_a_bar_on_a_terminal() -> None:
    err = io.StringIO()
    progress = Progress(stats(), stream=err, total=20, live=True)
    progress.update()
    progress.close()
    assert "13/20" in err.getvalue()


def test_summary_counts_outcomes_and_error_kinds() -> None:
    summary = Progress(stats(), stream=io.StringIO(), total=None, live=False).summary()
    assert "10 records" in summary
    assert "7 ok" in summary
    assert "3 failed (http_status 2, robots 1)" in summary
    assert "2 duplicates" in summary
    assert "1 already recorded" in summary


def test_the_bar_shows_the_counts_of_the_record_it_draws() -> None:
    # each redraw carries the counts as they are now, not the previous record's (ok= lagged one behind)
    err = io.StringIO()
    s = stats()
    progress = Progress(s, stream=err, total=20, live=True)
    bar = progress._bar  # draw on every record, as a slow crawl does
    bar.mininterval, bar.miniters, bar.dynamic_miniters = 0, 1, False
    progress.update()
    s.ok += 1
    progress.update()
    assert "ok=8" in err.getvalue().split("\r")[-1]
