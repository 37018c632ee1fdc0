"""What ``explain`` shows of the authors: the byline printed with the headline, and each rule's reading
that lost to the one taken."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsscrape.cli import main
from newsscrape.extractor import explain

URL = "https://example.com/blog/pruning-roses"
STORY = (
    "<p>Cut back to an outward-facing bud in late winter, remove crossing stems, and clear the old "
    "leaves away from the base so disease has nowhere to wait for spring.</p><p>Feed after pruning "
    "and mulch deeply; the first flush of flowers will come in early summer.</p>"
)
# The meta names the account that posted the story; the header prints the writer.
PAGE = (
    '<html lang="en"><head><title>Pruning roses</title><meta name="author" content="Web Team"></head>'
    '<body><article><header><h1>Pruning roses</h1><p class="byline">By <a href="/authors/ann-lee/">'
    f"Ann Lee</a></p></header>{STORY}</article></body></html>"
)


def test_explain_lists_the_header_byline_and_the_credit_that_lost() -> None:
    report = explain(PAGE, url=URL)
    seen = [(c.source, c.rule, c.value, c.won) for c in report.candidates if c.field == "authors"]
    assert seen[0] == ("dom", "authors", ("Ann Lee",), True)
    assert ("dom", "header byline", "By Ann Lee", False) in seen
    assert ("meta", "publication credits", ("Web Team",), False) in seen


def test_cli_explain_shows_the_header_byline(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text = CliRunner().invoke(main, ["explain", str(page), "--url", URL]).output
    assert "dom (header byline)" in text
