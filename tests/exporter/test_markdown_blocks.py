"""Markdown of typed blocks: lists, pipe tables, quotes, fenced code, captions, inline links."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from faultserver import FaultServer, Response
from newsscrape.cli import main
from newsscrape.models import Article, Caption, Code, Link, ListBlock, Paragraph, Quote, Section, Table


def markdown(*blocks: Paragraph | ListBlock | Table | Quote | Code | Caption) -> list[str]:
    article = Article(url=None, sections=(Section(heading=None, level=0, blocks=blocks),))
    return article.to_markdown(front_matter=False).splitlines()


def test_lists_are_dash_or_numbered_items_and_escape_their_text() -> None:
    assert markdown(
        ListBlock(items=("Trade", "# not a heading")), ListBlock(items=("Sign", "Ratify"), ordered=True)
    ) == [
        "- Trade",
        "- \\# not a heading",
        "",
        "1. Sign",
        "2. Ratify",
    ]


def test_table_with_header_is_a_pipe_table_with_pipes_escaped() -> None:
    table = Table(rows=(("Country", "Votes"), ("Nor|way", "12"), ("Chile",)), header=True)
    assert markdown(table) == [
        "| Country | Votes |",
        "| --- | --- |",
        "| Nor\\|way | 12 |",
        "| Chile |  |",  # a short row is padded to the table's width
    ]


def test_table_without_header_gets_an_empty_header_row() -> None:
    assert markdown(Table(rows=(("a", "b"),))) == ["|  |  |", "| --- | --- |", "| a | b |"]


def test_quote_paragraphs_are_quoted_lines() -> None:
    assert markdown(Quote(paragraphs=("We have a deal.", "- It holds."))) == [
        "> We have a deal.",
        ">",
        "> \\- It holds.",
    ]


def test_code_fence_is_longer_than_any_backtick_run_inside() -> None:
    lines = markdown(Code(text="x = 1\n    ````\n  y = `z`"))
    assert lines == ["`````", "x = 1", "    ````", "  y = `z`", "`````"]
    assert markdown(Code(text="plain")) == ["```", "plain", "```"]


def test_caption_is_an_italic_line() -> None:
    assert markdown(Caption(text="Delegates *at* the table.")) == ["*Delegates \\*at\\* the table.*"]


def test_links_are_inline_in_every_kind_of_block() -> None:
    lines = markdown(
        Paragraph(
            text="Read the full text here.", links=(Link(text="full text", url="https://x.example/a b"),)
        ),
        ListBlock(items=("one", "two"), links=(Link(text="two", url="https://x.example/2"),)),
        Table(rows=(("a|b",),), header=True, links=(Link(text="a|b", url="https://x.example/p|q"),)),
    )
    assert lines == [
        "Read the [full text](https://x.example/a%20b) here.",
        "",
        "- one",
        "- [two](https://x.example/2)",
        "",
        "| [a\\|b](https://x.example/p%7Cq) |",
        "| --- |",
    ]


STORY = """<!DOCTYPE html><html lang="en"><head><title>Summit ends</title></head><body><article>
<h1>Summit ends</h1>
<p>{prose} Details are in <a href="/annex">the annex</a>.</p>
<ul><li>Trade rules</li><li>Fishing rights</li></ul>
<table><tr><th>Country</th><th>Votes</th></tr><tr><td>Norway</td><td>12</td></tr></table>
<p>{prose}</p>
</article></body></html>""".format(prose="The delegates argued over the wording of the final text. " * 5)


def test_extract_markdown_has_lists_and_tables_and_links_only_with_the_flag(tmp_path: Path) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(STORY)
    args = ["extract", str(saved), "--url", "https://example.com/news/1", "--format", "markdown"]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0, plain.output
    assert "\n- Trade rules\n- Fishing rights\n" in plain.stdout
    assert "\n| Country | Votes |\n| --- | --- |\n| Norway | 12 |\n" in plain.stdout
    assert "in the annex." in plain.stdout
    linked = CliRunner().invoke(main, [*args, "--links"])
    assert linked.exit_code == 0, linked.output
    assert "in [the annex](https://example.com/annex)." in linked.stdout


def test_links_in_json_only_with_the_flag(tmp_path: Path) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(STORY)
    args = ["extract", str(saved), "--url", "https://example.com/news/1"]
    plain = CliRunner().invoke(main, args)
    linked = CliRunner().invoke(main, [*args, "--links"])
    assert '"links"' not in plain.stdout
    assert '"links": [{"text": "the annex", "url": "https://example.com/annex"}]' in linked.stdout


def test_fetch_and_crawl_take_links(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.add_route("/story", lambda req: Response(body=STORY.encode()))
    url = fault_server.url("/story")
    fetched = CliRunner().invoke(main, ["fetch", url, "--format", "markdown", "--links"])
    assert fetched.exit_code == 0, fetched.output
    assert f"[the annex]({fault_server.url('/annex')})" in fetched.stdout
    source = tmp_path / "urls.txt"
    source.write_text(url + "\n")
    args = ["crawl", str(source), "--format", "markdown", "--links", "--delay", "0", "--workers", "0"]
    crawled = CliRunner().invoke(main, args)
    assert crawled.exit_code == 0, crawled.output
    assert f"[the annex]({fault_server.url('/annex')})" in crawled.stdout
