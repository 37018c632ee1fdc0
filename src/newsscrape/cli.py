"""The command line: ``newsscrape fetch | extract | explain | crawl``. click lives only here.

Records go to stdout (or -o FILE) as JSON Lines; logs and progress go to stderr only, so
``newsscrape fetch URL | jq .title`` works.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import click

from .config import ExtractConfig, FetchConfig, __version__
from .crawler import fetch
from .errors import ExportError, NewsscrapeError
from .exporter import JsonlWriter
from .extractor import extract
from .models import ErrorRecord, Record

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsscrape")
def main() -> None:
    """News pages in, clean article records out (JSON Lines).

    \b
    Examples:
      newsscrape fetch https://example.com/news/kim-putin-summit | jq .title
      newsscrape extract saved-page.html --url https://example.com/news/1
      newsscrape crawl urls.txt -o articles.jsonl --resume
    """


@main.command("fetch")
@click.argument("urls", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Append to FILE, not stdout.")
@click.option("--user-agent", help="User-Agent header to send.")
@click.option("--timeout", type=float, default=FetchConfig().total_timeout, show_default=True,
              help="Total seconds allowed per request.")
def fetch_cmd(urls: tuple[str, ...], output: Path | None, user_agent: str | None, timeout: float) -> None:
    """Download each URL and print its article as one JSON line.

    A URL that fails is still a line: {"url": ..., "error": {"kind": ..., "message": ...}}.
    Exit code 0 when every URL succeeded, 1 when any failed.

    \b
    Example:
      newsscrape fetch https://example.com/news/kim-putin-summit | jq '{title, headings}'
    """
    config = FetchConfig(total_timeout=timeout, **({"user_agent": user_agent} if user_agent else {}))
    _emit(output, (_fetch_one(url, config) for url in urls))


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--url", help="The page's URL (resolves relative links, dates in the path). One FILE only.")
@click.option("--charset", help="Encoding of the files, when known (as an HTTP header would say).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Append to FILE, not stdout.")
def extract_cmd(files: tuple[Path, ...], url: str | None, charset: str | None, output: Path | None) -> None:
    """Extract articles from saved HTML FILES ('-' reads stdin), one JSON line each.

    \b
    Example:
      curl -s https://example.com/news/1 | newsscrape extract - --url https://example.com/news/1
    """
    if url and len(files) > 1:
        raise click.UsageError("--url names one page: give one FILE with it")
    _emit(output, (_extract_one(path, url, charset) for path in files))


# crawl command: owned by the crawler (added below this line)


def _fetch_one(url: str, config: FetchConfig) -> Record:
    try:
        return fetch(url, config=config)
    except NewsscrapeError as exc:
        return ErrorRecord.from_exception(url, exc)


def _extract_one(path: Path, url: str | None, charset: str | None) -> Record:
    label = url or ("-" if str(path) == "-" else path.resolve().as_uri())
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        return ErrorRecord(url=label, kind="extract", reason="empty", message=f"cannot read {path}: {exc.strerror}")
    try:
        return extract(data, url, charset=charset, config=ExtractConfig())
    except NewsscrapeError as exc:
        return ErrorRecord.from_exception(label, exc)


def _emit(output: Path | None, records: Iterable[Record]) -> None:
    """Write every record; exit 1 if any is an error, 2 (with a message) if the output cannot be written."""
    failed = False
    try:
        with _writer(output) as out:
            for record in records:
                failed |= isinstance(record, ErrorRecord)
                if isinstance(record, ErrorRecord):
                    click.echo(f"newsscrape: {record.url}: {record.kind}: {record.message}", err=True)
                out.write(record)
    except ExportError as exc:
        click.echo(f"newsscrape: {exc.message}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _writer(output: Path | None) -> JsonlWriter:
    if output is None:
        return JsonlWriter(_stdout_bytes(), name="<stdout>")
    return JsonlWriter.open(output)


def _stdout_bytes() -> IO[bytes]:
    return click.get_binary_stream("stdout")


