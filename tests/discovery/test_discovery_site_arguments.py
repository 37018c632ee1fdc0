"""discover's arguments: a site that names no fetchable home page is refused before any request, as
fetch refuses a bad URL; an existing -o FILE is refused without advice to use a --resume discover has not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsscrape import FetchError, discover_sync
from newsscrape.cli import main

BAD_SITES = ("http://", "ftp://example.com/", "http://256.1.1.1/", "http://[::1", "bad site")


@pytest.mark.parametrize("site", BAD_SITES)
def test_discover_refuses_a_bad_site_as_a_usage_error(site: str) -> None:
    result = CliRunner().invoke(main, ["discover", site])
    assert result.exit_code == 2
    assert "invalid URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("site", BAD_SITES)
def test_crawl_site_refuses_a_bad_site_and_writes_nothing(site: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["crawl", "--site", site, "-o", str(out)])
    assert result.exit_code == 2
    assert "invalid URL" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("site", BAD_SITES)
def test_library_discover_raises_invalid_url(site: str) -> None:
    with pytest.raises(FetchError) as caught:
        list(discover_sync(site))
    assert caught.value.kind == "invalid_url"


def test_discover_refuses_an_existing_output_without_offering_resume(tmp_path: Path) -> None:
    out = tmp_path / "urls.jsonl"
    out.write_text('{"url": "https://example.com/a"}\n')
    result = CliRunner().invoke(main, ["discover", "https://example.com/", "-o", str(out)])
    assert result.exit_code == 2
    assert f"{out} exists: choose another file" in result.stderr
    assert "--resume" not in result.stderr
