"""crawl --site takes --format and --warc as a URL-list crawl does."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from newssite import NewsSite
from warcio.archiveiterator import ArchiveIterator

from faultserver import FaultServer
from newsscrape.archive import read_warc_pages
from newsscrape.cli import main

FAST = ["--delay", "0", "--workers", "0", "--retries", "0"]


def test_crawl_site_writes_markdown_and_archives_every_page(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    site = NewsSite(articles=6, per_file=5).mount(fault_server)
    out, warc = tmp_path / "site.md", tmp_path / "raw.warc.gz"
    args = ["crawl", "--site", site.base + "/", "-o", str(out), "--format", "markdown", "--warc", str(warc)]
    result = CliRunner().invoke(main, [*args, *FAST])
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert text.count("---\nurl: ") == 6
    for url in site.urls():
        assert f'url: "{url}"' in text
    assert "\n# Story " in text
    assert not text.lstrip().startswith("{")
    archived = {page.url for page in read_warc_pages(warc)}
    assert set(site.urls()) <= archived  # each page's exchange is in the WARC
    with warc.open("rb") as stream:
        responses = {
            record.rec_headers.get_header("WARC-Target-URI")
            for record in ArchiveIterator(stream)
            if record.rec_type == "response"
        }
    assert site.base + "/robots.txt" in responses  # and discovery's own exchanges too
    assert any("sitemap" in uri for uri in responses)


def test_crawl_site_text_format_and_its_rules(fault_server: FaultServer, tmp_path: Path) -> None:
    site = NewsSite(articles=3, per_file=5).mount(fault_server)
    out = tmp_path / "site.txt"
    args = ["crawl", "--site", site.base + "/", "-o", str(out), "--format", "text", *FAST]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert out.read_text().count("Paragraph 0 of story") == 3
    assert not Path(f"{out}.sources").exists()  # validators vouch for a JSON Lines record store only
    again = CliRunner().invoke(main, [*args, "--resume"])
    assert again.exit_code == 2
    assert "cannot be resumed" in again.stderr
    warc = tmp_path / "raw.warc.gz"
    warc.write_bytes(b"old")
    refused = CliRunner().invoke(
        main,
        ["crawl", "--site", site.base + "/", "-o", str(tmp_path / "b.jsonl"), "--warc", str(warc), *FAST],
    )
    assert refused.exit_code == 2
    assert "exists" in refused.stderr
