"""`extract` reads what a user has on disk: directories (recursively), .gz files, WARCs, in parallel."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner
from warc_support import WarcBuilder, page

from newsscrape.archive import ArchivedPage, read_inputs
from newsscrape.cli import main
from newsscrape.crawler import extract_pages


def saved_tree(root: Path) -> Path:
    (root / "b" / "c").mkdir(parents=True)
    (root / "a.html").write_bytes(page("a"))
    (root / "b" / "d.htm.gz").write_bytes(gzip.compress(page("d")))
    (root / "b" / "c" / "e.xhtml").write_bytes(page("e"))
    (root / "b" / "notes.txt").write_text("not a page")
    (root / "b" / "style.css").write_text("body {}")
    return root


def test_a_directory_is_walked_for_html_and_gz_in_name_order(tmp_path: Path) -> None:
    root = saved_tree(tmp_path / "saved")
    sources = [item.source for item in read_inputs([root])]
    assert sources == [str(root / "a.html"), str(root / "b" / "c" / "e.xhtml"), str(root / "b" / "d.htm.gz")]


def test_extract_a_directory_gives_one_record_per_page_with_its_source(tmp_path: Path) -> None:
    root = saved_tree(tmp_path / "saved")
    result = CliRunner().invoke(main, ["extract", str(root)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [
        str(root / "a.html"),
        str(root / "b" / "c" / "e.xhtml"),
        str(root / "b" / "d.htm.gz"),
    ]
    assert records[2]["url"] == (root / "b" / "d.htm.gz").resolve().as_uri()
    assert "first paragraph of d" in records[2]["body"]  # gunzipped


def test_a_cut_gz_file_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.html", tmp_path / "bad.html.gz"
    good.write_bytes(page("good"))
    bad.write_bytes(gzip.compress(page("bad"))[:-30])
    result = CliRunner().invoke(main, ["extract", str(bad), str(good)])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"]["kind"] == "extract"
    assert first["source"] == str(bad)
    assert second["source"] == str(good)
    assert "first paragraph of good" in second["body"]


def test_workers_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    root = saved_tree(tmp_path / "saved")
    builder = WarcBuilder(root / "z.warc.gz")
    for i in range(6):
        builder.request(f"https://example.com/{i}").response(f"https://example.com/{i}", page(f"p{i}"))
    builder.save()
    alone = CliRunner().invoke(main, ["extract", str(root)])
    pooled = CliRunner().invoke(main, ["extract", str(root), "--workers", "2"])
    assert alone.exit_code == pooled.exit_code == 0, pooled.output
    assert len(alone.stdout.splitlines()) == 9
    assert pooled.stdout == alone.stdout


def test_resume_skips_warc_records_already_recorded(tmp_path: Path) -> None:
    builder = WarcBuilder(tmp_path / "x.warc.gz")
    for i in range(3):
        builder.response(f"https://example.com/{i}", page(f"p{i}"))
    warc, out = builder.save(), tmp_path / "out.jsonl"
    first = CliRunner().invoke(main, ["extract", str(warc), "-o", str(out)])
    assert first.exit_code == 0, first.output
    lines = out.read_text().splitlines()
    out.write_text(lines[0] + "\n")
    again = CliRunner().invoke(main, ["extract", str(warc), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    assert out.read_text().splitlines() == lines


def test_parallel_extraction_reads_ahead_at_most_two_pages_per_worker() -> None:
    pulled = 0

    def pages() -> Iterator[ArchivedPage]:
        nonlocal pulled
        for i in range(12):
            pulled += 1
            yield ArchivedPage(url=f"https://example.com/{i}", source=f"mem#{i}", content=page(f"p{i}"))

    seen = []
    for record in extract_pages(pages(), workers=2):
        seen.append(record.url)
        assert pulled - len(seen) < 2 * 2  # in flight or waiting: bounded, whatever the input's size
    assert seen == [f"https://example.com/{i}" for i in range(12)]


def test_a_saved_pages_resource_folder_is_not_walked(tmp_path: Path) -> None:
    # "Webpage, Complete": Story.html beside Story_files, whose frames are .html files of their own
    root = tmp_path / "saved"
    (root / "Story_files").mkdir(parents=True)
    (root / "Story.html").write_bytes(page("story"))
    (root / "Story_files" / "saved_resource.html").write_bytes(page("an ad's frame"))
    # a folder so named without its page beside it is anyone's folder, walked
    (root / "Other_files").mkdir()
    (root / "Other_files" / "kept.html").write_bytes(page("kept"))
    sources = [item.source for item in read_inputs([root])]
    assert sources == [str(root / "Other_files" / "kept.html"), str(root / "Story.html")]
