"""The command line: ``newsscrape fetch | extract | explain | crawl``. click lives only here.

Records go to stdout (or -o FILE) as JSON Lines; logs and progress go to stderr only, so
``newsscrape fetch URL | jq .title`` works.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import click

from .config import DEFAULT_USER_AGENT, CrawlConfig, ExtractConfig, FetchConfig, __version__
from .crawler import CrawlJobError, afetch, run_crawl_job
from .errors import ExportError, NewsscrapeError
from .exporter import JsonlWriter
from .extractor import Explanation, explain, extract
from .fetcher import afetch_page
from .models import ErrorRecord, Record

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
_output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Append to FILE, not stdout."
)
_CRAWL, _FETCH = CrawlConfig(), FetchConfig()  # option defaults come from the configs, never restated


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
@_output_option
@click.option("--user-agent", help="User-Agent header to send.")
@click.option(
    "--timeout",
    type=float,
    default=_FETCH.total_timeout,
    show_default=True,
    help="Total seconds allowed per request.",
)
def fetch_cmd(urls: tuple[str, ...], output: Path | None, user_agent: str | None, timeout: float) -> None:
    """Download each URL and print its article as one JSON line.

    A URL that fails is still a line: {"url": ..., "error": {"kind": ..., "message": ...}}.
    Exit code 0 when every URL succeeded, 1 when any failed.

    \b
    Example:
      newsscrape fetch https://example.com/news/kim-putin-summit | jq '{title, headings}'
    """
    config = FetchConfig(total_timeout=timeout, user_agent=user_agent or DEFAULT_USER_AGENT)
    _emit(output, (_fetch_one(url, config) for url in urls))


@main.command("extract")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option("--url", help="The page's URL (resolves relative links, dates in the path). One FILE only.")
@click.option("--charset", help="Encoding of the files, when known (as an HTTP header would say).")
@_output_option
def extract_cmd(files: tuple[Path, ...], url: str | None, charset: str | None, output: Path | None) -> None:
    """Extract articles from saved HTML FILES ('-' reads stdin), one JSON line each.

    \b
    Example:
      curl -s https://example.com/news/1 | newsscrape extract - --url https://example.com/news/1
    """
    if url and len(files) > 1:
        raise click.UsageError("--url names one page: give one FILE with it")
    _emit(output, (_extract_one(path, url, charset) for path in files))


@main.command("explain")
@click.argument("source")
@click.option("--url", help="The page's URL, when SOURCE is a saved file.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as one JSON object.")
def explain_cmd(source: str, url: str | None, as_json: bool) -> None:
    """Show how the article was found in SOURCE (a saved FILE, '-' or a URL).

    Prints the node taken as the article, every block removed with its kind and the rule that
    removed it, and where each metadata field came from (json-ld, og, meta, dom, url). This is
    how to understand an empty or noisy result.

    \b
    Example:
      newsscrape explain https://example.com/news/kim-putin-summit
    """
    try:
        if source.startswith(("http://", "https://")):
            page = asyncio.run(afetch_page(source, config=FetchConfig()))
            report = explain(page.content, page.url, final_url=page.final_url, charset=page.charset)
        else:
            data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
            report = explain(data, url)
    except OSError as exc:
        raise click.ClickException(f"cannot read {source}: {exc.strerror or exc}") from exc
    except NewsscrapeError as exc:
        raise click.ClickException(f"{source}: {exc.kind}: {exc.message}") from exc
    if as_json:
        click.echo(json.dumps(_explanation_dict(report), ensure_ascii=False, indent=2))
    else:
        click.echo(_render_explanation(report))


@main.command("crawl")
@click.argument("urls_file", metavar="URLS.txt", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append records to FILE (needed for --resume); default stdout.",
)
@click.option("--resume", is_flag=True, help="Continue FILE: URLs already recorded in it are skipped.")
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=_CRAWL.concurrency,
    show_default=True,
    help="Requests in flight, all hosts together.",
)
@click.option(
    "--per-host",
    type=click.IntRange(min=1),
    default=_CRAWL.per_host,
    show_default=True,
    help="Requests in flight to one host.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=_CRAWL.delay,
    show_default=True,
    help="Seconds between requests to one host (robots.txt Crawl-delay may ask more).",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=_CRAWL.retries,
    show_default=True,
    help="Retries for connect errors, timeouts, 429 and 5xx.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Extraction processes [default: CPU count]; 0 extracts in this process.",
)
@click.option("--no-robots", is_flag=True, help="Ignore robots.txt (only for sites you may crawl anyway).")
@click.option("--user-agent", help="User-Agent header (and robots.txt agent) to use.")
@click.option(
    "--block-private",
    is_flag=True,
    help="Refuse loopback/private/link-local addresses (for URL lists from strangers).",
)
def crawl_cmd(
    urls_file: str,
    output: Path | None,
    resume: bool,
    concurrency: int,
    per_host: int,
    delay: float,
    retries: int,
    workers: int | None,
    no_robots: bool,
    user_agent: str | None,
    block_private: bool,
) -> None:
    """Crawl the URLs listed in URLS.txt ('-' = stdin), one JSON line per distinct URL.

    One URL per line; blank lines and lines starting with '#' are skipped. Duplicates (after
    normalising case, default port, fragment and tracking parameters) are fetched once and
    recorded under the URL as first listed. Each record is appended as soon as it is ready;
    after Ctrl-C, kill or power loss, run again with --resume to do the rest. Ctrl-C once lets
    pages in flight finish; twice stops at once.
    Exit code 0 all succeeded, 1 some failed, 2 usage or write error, 130 interrupted.

    \b
    Example:
      newsscrape crawl urls.txt -o articles.jsonl --concurrency 32 --resume
    """
    config = CrawlConfig(
        concurrency=concurrency,
        per_host=per_host,
        delay=delay,
        retries=retries,
        respect_robots=not no_robots,
        fetch=FetchConfig(block_private=block_private, user_agent=user_agent or DEFAULT_USER_AGENT),
    )
    if workers is not None:
        config = replace(config, workers=workers)
    try:
        code = run_crawl_job(urls_file, output, config=config, resume=resume)
    except CrawlJobError as exc:
        raise click.UsageError(str(exc)) from exc
    sys.exit(code)


def _explanation_dict(report: Explanation) -> dict[str, object]:
    return {
        "container": report.container,
        "method": report.method,
        "removed": [
            {"kind": r.kind, "reason": r.reason, "where": r.where, "text": r.text} for r in report.removed
        ],
        "sources": report.sources,
        "page_type": None
        if report.page_type is None
        else {
            "label": report.page_type.label,
            "probabilities": dict(report.page_type.probabilities),
            "evidence": dict(report.page_type.evidence),
        },
        "article": report.article.to_dict(),
    }


def _render_explanation(report: Explanation) -> str:
    article = report.article
    lines = [
        f"article node : {report.container or '(none found)'}",
        f"method       : {report.method}",
        f"title        : {article.title!r}",
        f"headings     : {len(article.headings)}, body words: {article.word_count}",
        "",
        f"removed blocks ({len(report.removed)}):",
    ]
    lines += [f"  - {r.kind:<14} {r.where}  ({r.reason})  {_clip(r.text)!r}" for r in report.removed]
    lines += ["", "metadata sources:"]
    record = article.to_dict()
    for name, source in sorted(report.sources.items()):
        lines.append(f"  {name:<13} <- {source:<8} {_clip(str(record.get(name, '')))!r}")
    if report.page_type is not None:
        odds = ", ".join(f"{label} {p:.2f}" for label, p in report.page_type.probabilities if p >= 0.01)
        lines += [
            "",
            f"page type    : {report.page_type.label}  ({odds})",
            "  evidence (feature, push over the runner-up):",
        ]
        lines += [f"  {name:<24} {push:+.2f}" for name, push in report.page_type.evidence]
    return "\n".join(lines)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _fetch_one(url: str, config: FetchConfig) -> Record:
    try:
        # The async driver keeps the total deadline through every wait (the sync one cannot cut a
        # blocking read short, see fetch_page); a command has no event loop of its own to clash with.
        return asyncio.run(afetch(url, config=config))
    except NewsscrapeError as exc:
        return ErrorRecord.from_exception(url, exc)


def _extract_one(path: Path, url: str | None, charset: str | None) -> Record:
    label = url or ("-" if str(path) == "-" else path.resolve().as_uri())
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        return ErrorRecord(
            url=label, kind="extract", reason="empty", message=f"cannot read {path}: {exc.strerror}"
        )
    try:
        return extract(data, url, charset=charset, config=ExtractConfig())
    except NewsscrapeError as exc:
        return ErrorRecord.from_exception(label, exc)


def _emit(output: Path | None, records: Iterable[Record]) -> None:
    """Write every record; exit 1 if any is an error, 2 (with a message) if the output cannot be written."""
    failed = False
    try:
        with JsonlWriter.for_output(output) as out:
            for record in records:
                failed |= isinstance(record, ErrorRecord)
                if isinstance(record, ErrorRecord):
                    click.echo(f"newsscrape: {record.url}: {record.kind}: {record.message}", err=True)
                out.write(record)
    except ExportError as exc:
        click.echo(f"newsscrape: {exc.message}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)
