"""Markdown and text output: Article.to_markdown, and --format on fetch, extract and crawl."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from faultserver import FaultServer, article_html
from newsscrape.cli import main
from newsscrape.models import Article, ErrorRecord, Paragraph, Section

ARTICLE = Article(
    url="https://example.com/news/1",
    title="Summit ends",
    sections=(
        Section(
            heading=None,
            level=0,
            blocks=(Paragraph(text="The lead."), Paragraph(text="# not a heading, a hashtag")),
        ),
        Section(heading="Background", level=2, blocks=(Paragraph(text="Why it matters."),)),
        Section(heading="Details", level=3, blocks=(Paragraph(text="- not a list item either"),)),
    ),
    body="The lead.\n\n# not a heading, a hashtag\n\nWhy it matters.\n\n- not a list item either",
    published=date(2024, 5, 6),
    authors=("Ada Reporter", 'Bo "B" Writer'),
)


def test_to_markdown_has_front_matter_title_and_headings_at_their_levels() -> None:
    assert ARTICLE.to_markdown().splitlines() == [
        "---",
        'url: "https://example.com/news/1"',
        'published: "2024-05-06"',
        'authors: ["Ada Reporter", "Bo \\"B\\" Writer"]',
        "---",
        "",
        "# Summit ends",
        "",
        "The lead.",
        "",
        "\\# not a heading, a hashtag",
        "",
        "## Background",
        "",
        "Why it matters.",
        "",
        "### Details",
        "",
        "\\- not a list item either",
    ]


def test_to_markdown_without_sections_uses_the_body() -> None:
    article = Article(url=None, title=None, body="One.\n\nTwo.")
    assert article.to_markdown(front_matter=False) == "One.\n\nTwo.\n"


def test_extract_format_markdown_separates_records_by_front_matter(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.html").write_text(article_html(name))
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.split("---\nurl: ")
    assert len(blocks) == 3  # "", then one per record
    assert "# Article a\n" in blocks[1]
    assert "\n## Background\n" in blocks[2]


def test_extract_format_text_is_the_bodies(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(article_html("a"))
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.html"), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("The first paragraph of a")
    assert "{" not in result.stdout
    assert "What comes next" not in result.stdout.splitlines()[0]


def test_markdown_cannot_be_resumed(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(article_html("a"))
    out = tmp_path / "out.md"
    args = ["extract", str(tmp_path / "a.html"), "--format", "markdown", "-o", str(out), "--resume"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "cannot be resumed" in result.stderr


def test_fetch_and_crawl_take_format(fault_server: FaultServer, tmp_path: Path) -> None:
    url = fault_server.url("/page/kim")
    fetched = CliRunner().invoke(main, ["fetch", url, "--format", "markdown"])
    assert fetched.exit_code == 0, fetched.output
    assert fetched.stdout.startswith(f"---\nurl: {json.dumps(url)}\n")
    source = tmp_path / "urls.txt"
    source.write_text(url + "\n" + fault_server.url("/status/404") + "\n")
    args = ["crawl", str(source), "--format", "markdown", "--delay", "0", "--workers", "0"]
    crawled = CliRunner().invoke(main, args)
    assert crawled.exit_code == 1, crawled.output
    assert "# Article kim\n" in crawled.stdout
    assert '\nerror: {"kind": "http_status"' in crawled.stdout  # the failed URL is still a record


def test_an_error_record_in_markdown_is_front_matter_with_its_error() -> None:
    from newsscrape.exporter import to_markdown

    text = to_markdown(ErrorRecord(url="http://x/", kind="timeout", message="slow"))
    assert text.startswith('---\nurl: "http://x/"\nerror: {"kind": "timeout"')
