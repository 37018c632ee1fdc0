"""The command line: ``newsscrape fetch | extract | explain | crawl | discover``. click lives only here.

Records go to stdout (or -o FILE) as JSON Lines; logs and progress go to stderr only, so
``newsscrape fetch URL | jq .title`` works.

One contract for every command:
* ``-o FILE`` creates FILE; an existing non-empty FILE is refused (exit 2) unless ``--resume``,
  which appends and skips the inputs FILE records already. So each input has one record in FILE.
* A closed stdout (``... | head -1``) ends the command quietly, exit 141 (as ``yes | head``).
* ``--robots/--no-robots``: ``crawl`` (a batch: a crawler's job) obeys robots.txt by default;
  ``fetch`` and ``explain URL`` (a user's own request, like a browser's) do not, unless asked.
* ``-H "Name: value"``, ``--cookie name=value``, ``--proxy URL`` fill FetchConfig on every command
  that fetches; an invalid URL gets the same message everywhere (``crawler.check_url``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

from .config import (
    DEFAULT_USER_AGENT,
    CrawlConfig,
    DiscoverConfig,
    ExtractConfig,
    FetchConfig,
    __version__,
    check_cookie,
    check_header,
    check_proxy,
)

# What every command needs; the rest (the extractor, discovery, WARC reading) is imported by the
# commands that use it, so that ``crawl URLS.txt`` starts (and starts its workers) sooner.
from .crawler import (
    EXIT_PIPE_CLOSED,
    CrawlJobError,
    OutputInUse,
    UrlSet,
    lock_output,
    open_output,
    run_crawl_job,
    url_key,
)
from .errors import ExportError, NewsscrapeError
from .exporter import FORMATS, OutputFormat, writer_for
from .models import ErrorRecord, Record

if TYPE_CHECKING:
    from .archive import WarcStats

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
# option defaults come from the configs, never restated
_CRAWL, _FETCH, _EXTRACT = CrawlConfig(), FetchConfig(), ExtractConfig()
# RFC 9110 token: what a header or cookie name may be made of.


def _output_options(fn: F) -> F:
    fn = click.option(
        "--resume",
        is_flag=True,
        help="Continue FILE: append to it, skipping inputs it already records.",
    )(fn)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write records to FILE, not stdout; an existing non-empty FILE is refused unless --resume.",
    )(fn)


def _second_opinion_option(fn: F) -> F:
    return click.option(
        "--second-opinion/--no-second-opinion",
        default=_EXTRACT.fallback,
        show_default=True,
        help="Ask trafilatura for a second opinion where the native reading looks short or the page "
        "is not an article (ExtractConfig.fallback). Without it extraction takes about half the time "
        "and is less accurate on listings, shops and other pages that are not articles.",
    )(fn)


def _format_option(fn: F) -> F:
    fn = click.option(
        "--links",
        is_flag=True,
        help="Keep each block's inline links: [text](url) in Markdown, a 'links' list per block in JSON.",
    )(fn)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default="jsonl",
        show_default=True,
        help="Records as JSON Lines, Markdown (front matter, # title, ## headings, lists, tables, "
        "quotes, code) or the body as text.",
    )(fn)


def _parse_headers(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for text in values:
        name, colon, value = text.partition(":")
        name, value = name.strip(), value.strip()
        try:
            if not colon:
                raise ValueError("no ':'")
            check_header(name, value)  # the config's own rule, so the CLI and the library agree
        except ValueError as exc:
            raise click.BadParameter(
                f"{text!r}: expected 'Name: value' ({exc})", ctx=ctx, param=param
            ) from exc
        headers[name] = value
    return headers


def _parse_cookies(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    cookies: dict[str, str] = {}
    for text in values:
        name, equals, value = text.partition("=")
        name, value = name.strip(), value.strip()
        try:
            if not equals:
                raise ValueError("no '='")
            if "," in value:  # on a command line, most likely two cookies run together: one per --cookie
                raise ValueError("a ',' in the value")
            check_cookie(name, value)
        except ValueError as exc:
            raise click.BadParameter(
                f"{text!r}: expected 'name=value' ({exc})", ctx=ctx, param=param
            ) from exc
        cookies[name] = value
    return cookies


def _parse_proxy(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            check_proxy(value)
        except ValueError as exc:
            raise click.BadParameter(
                f"{value!r}: expected an http://, https:// or socks5:// URL ({exc})", ctx=ctx, param=param
            ) from exc
    return value


def _check_sites(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """A site no client could fetch is a usage error, with the message fetch gives a bad URL."""
    from .crawler import check_site

    for site in value:
        try:
            check_site(site)
        except NewsscrapeError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
    return value


def _fetch_options(fn: F) -> F:
    """-H/--header, --cookie, --proxy, --user-agent: the same on fetch, crawl and explain."""
    for option in reversed(
        (
            click.option("--user-agent", help="User-Agent header (and robots.txt agent) to use."),
            click.option(
                "-H",
                "--header",
                "headers",
                multiple=True,
                callback=_parse_headers,
                metavar="'NAME: VALUE'",
                help="Send this request header (repeatable), e.g. -H 'Authorization: Bearer KEY'.",
            ),
            click.option(
                "--cookie",
                "cookies",
                multiple=True,
                callback=_parse_cookies,
                metavar="NAME=VALUE",
                help="Send this cookie (repeatable), e.g. --cookie consent=yes.",
            ),
            click.option(
                "--proxy",
                callback=_parse_proxy,
                metavar="URL",
                help="Send every request through this http(s) or socks5 proxy.",
            ),
        )
    ):
        fn = option(fn)
    return fn


def _robots_option(*, default: bool, why: str) -> Callable[[F], F]:
    return click.option(
        "--robots/--no-robots",
        default=default,
        show_default=True,
        help=f"Obey robots.txt ({why}).",
    )


def _fetch_config(
    *,
    user_agent: str | None,
    headers: dict[str, str],
    cookies: dict[str, str],
    proxy: str | None,
    **more: Any,
) -> FetchConfig:
    return FetchConfig(
        user_agent=user_agent or DEFAULT_USER_AGENT, headers=headers, cookies=cookies, proxy=proxy, **more
    )


class _Commands(click.Group):
    """The command group, with one more rule than click's: a Ctrl-C no command handled itself (one
    while a command starts: loading the extractor, reading a large output for --resume, opening a
    FIFO) exits 130 as any other Ctrl-C does, not 1 with click's "Aborted!"."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _say("newsscrape: interrupted")
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
@_output_options
@_fetch_options
@_robots_option(default=False, why="off by default: a fetch you ask for is your own request, as in a browser")
@click.option(
    "--timeout",
    type=float,
    default=_FETCH.total_timeout,
    show_default=True,
    help="Total seconds allowed per request.",
)
@_format_option
@_second_opinion_option
def fetch_cmd(
    urls: tuple[str, ...],
    output: Path | None,
    resume: bool,
    output_format: OutputFormat,
    user_agent: str | None,
    headers: dict[str, str],
    cookies: dict[str, str],
    proxy: str | None,
    robots: bool,
    timeout: float,
    links: bool,
    second_opinion: bool,
) -> None:
    """Download each URL and print its article as one JSON line.

    A URL that fails is still a line: {"url": ..., "error": {"kind": ..., "message": ...}}.
    robots.txt is not consulted unless --robots (crawl consults it unless --no-robots).
    Exit code 0 when every URL succeeded, 1 when any failed, 2 usage or write error, 130 interrupted.

    \b
    Example:
      newsscrape fetch https://example.com/news/kim-putin-summit | jq '{title, headings}'
    """
    config = _fetch_config(
        user_agent=user_agent, headers=headers, cookies=cookies, proxy=proxy, total_timeout=timeout
    )
    recorded = _open_output(output, resume, output_format)
    todo = _not_recorded(urls, recorded, key=url_key)
    extract_config = ExtractConfig(links=links, fallback=second_opinion)
    records = (_fetch_one(url, config, robots=robots, extract_config=extract_config) for url in todo)
    _emit(output, records, output_format)


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@click.option(
    "--url",
    help="The page's URL (resolves relative links, dates in the path). One FILE only. Without it a "
    "page is read at the address a browser saved it from (its 'saved from url' mark), else at the "
    "one it declares (its canonical link or og:url), if any.",
)
@click.option("--charset", help="Encoding of the files, when known (as an HTTP header would say).")
@_output_options
@_format_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Extraction processes (as crawl's); 0 extracts in this process.",
)
@_second_opinion_option
def extract_cmd(
    files: tuple[Path, ...],
    url: str | None,
    charset: str | None,
    output: Path | None,
    resume: bool,
    output_format: OutputFormat,
    links: bool,
    workers: int,
    second_opinion: bool,
) -> None:
    """Extract articles from saved pages, one record each: HTML FILES ('-' reads stdin), .gz files,
    directories (recursively: .html, .htm, .xhtml, each also .gz; not a saved page's Name_files
    folder) and WARC files (.warc, .warc.gz).

    From a WARC, each 200 HTML response is a page (its url is the WARC-Target-URI); requests,
    revisits, metadata, other types and statuses are skipped and counted in the summary on
    stderr. Every record's "source" says where it was read: the path, "path#offset" in a WARC.

    \b
    Examples:
      curl -s https://example.com/news/1 | newsscrape extract - --url https://example.com/news/1
      newsscrape extract saved/ CC-NEWS-20240501.warc.gz --workers 4 -o articles.jsonl
    """
    from tqdm import tqdm

    from .archive import WarcStats, is_warc, read_inputs
    from .crawler import extract_pages

    if url and (len(files) > 1 or any(p.is_dir() or is_warc(p) for p in files)):
        raise click.UsageError("--url names one page: give one FILE with it")
    recorded = _open_output(output, resume, output_format)
    stats = WarcStats()
    pages = _not_recorded(
        read_inputs(files, url=url, charset=charset, stats=stats), recorded, key=lambda p: url_key(p.label)
    )
    config = ExtractConfig(links=links, fallback=second_opinion)
    records = extract_pages(pages, workers=workers, config=config)
    shown = sys.stderr is not None and sys.stderr.isatty()  # None: started with fd 2 closed (2>&-)
    progress = tqdm(records, unit=" pages", file=sys.stderr, disable=not shown, leave=False)
    _emit(output, progress, output_format, summary=lambda: _input_summary(stats))


def _input_summary(stats: WarcStats) -> str | None:
    """The summary line of ``extract``: pages read, records skipped by kind, a cut file."""
    lines = [f"newsscrape: {note}" for note in stats.notes]
    if stats.skipped or stats.notes or stats.misframed:
        lines.append(f"newsscrape: read {stats.summary()}")
    return "\n".join(lines) or None


@main.command("explain")
@click.argument("source")
@click.option("--url", help="The page's URL, when SOURCE is a saved file.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as one JSON object.")
@_fetch_options
@_robots_option(default=False, why="for a URL; off by default: your own request, as in a browser")
@_second_opinion_option
def explain_cmd(
    source: str,
    url: str | None,
    as_json: bool,
    user_agent: str | None,
    headers: dict[str, str],
    cookies: dict[str, str],
    proxy: str | None,
    robots: bool,
    second_opinion: bool,
) -> None:
    """Show how the article was found in SOURCE (a saved FILE, '-' or a URL).

    Prints the node taken as the article, every block removed with its kind and the rule that
    removed it, and where each metadata field came from (json-ld, og, meta, dom, url). This is
    how to understand an empty or noisy result. A URL is fetched as `fetch` does (robots.txt
    only with --robots).

    \b
    Example:
      newsscrape explain https://example.com/news/kim-putin-summit
    """
    from .crawler import afetch_one
    from .extractor import explain

    config = _fetch_config(user_agent=user_agent, headers=headers, cookies=cookies, proxy=proxy)
    reading = ExtractConfig(fallback=second_opinion)
    try:
        if source.startswith(("http://", "https://")):
            page = asyncio.run(afetch_one(source, config=config, robots=robots))
            report = explain(
                page.content, page.url, final_url=page.final_url, charset=page.charset, config=reading
            )
        else:
            data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
            report = explain(data, url, config=reading)
    except OSError as exc:
        raise click.ClickException(f"cannot read {source}: {exc.strerror or exc}") from exc
    except NewsscrapeError as exc:
        raise click.ClickException(f"{source}: {exc.kind}: {exc.message}") from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.render())


@main.command("crawl")
@click.argument(
    "urls_file", metavar="[URLS.txt]", required=False, type=click.Path(dir_okay=False, allow_dash=True)
)
@click.option(
    "--site",
    "sites",
    multiple=True,
    callback=_check_sites,
    metavar="SITE_URL",
    help="Crawl the articles discovery finds on SITE_URL (repeatable) instead of a URL list.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    metavar="DATE",
    help="With --site: only articles dated on or after DATE (UTC) by their sitemap or feed.",
)
@_output_options
@click.option(
    "--retry-failed",
    is_flag=True,
    help="With --resume: do again the URLs of URLS.txt whose record in FILE is a retryable error "
    "(timeout, connect, dns, protocol, host_unreachable, host_failed, HTTP 429/5xx); their old "
    "records are dropped first, atomically.",
)
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
@_robots_option(default=True, why="--no-robots only for sites you may crawl anyway")
@_fetch_options
@click.option(
    "--block-private",
    is_flag=True,
    help="Refuse loopback/private/link-local addresses (for URL lists from strangers).",
)
@_format_option
@click.option(
    "--warc",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="RAW.warc.gz",
    help="Archive every HTTP exchange (robots.txt and redirects too) as WARC 1.1 records in this file.",
)
@_second_opinion_option
def crawl_cmd(
    urls_file: str | None,
    sites: tuple[str, ...],
    since: datetime | None,
    output: Path | None,
    resume: bool,
    output_format: OutputFormat,
    links: bool,
    warc: Path | None,
    retry_failed: bool,
    concurrency: int,
    per_host: int,
    delay: float,
    retries: int,
    workers: int | None,
    robots: bool,
    user_agent: str | None,
    headers: dict[str, str],
    cookies: dict[str, str],
    proxy: str | None,
    block_private: bool,
    second_opinion: bool,
) -> None:
    """Crawl the URLs listed in URLS.txt ('-' = stdin), one JSON line per distinct URL.

    One URL per line (UTF-8, gzipped or not; a byte order mark and CR-LF line ends are fine), or a
    JSON line with a "url" (as `newsscrape discover` prints); blank lines and lines starting with '#'
    are skipped. Duplicates (after normalising case, default port, fragment and tracking
    parameters) are fetched once and recorded under the URL as first listed. Each record is
    appended as soon as it is ready; after Ctrl-C, kill or power loss, run again with --resume
    to do the rest. Ctrl-C once lets pages in flight finish; twice stops at once.
    Exit code 0 all succeeded, 1 some failed, 2 usage or write error, 130 interrupted,
    141 stdout closed by its reader (e.g. `| head`).

    With --site SITE_URL, the URLs are the site's articles as `newsscrape discover` finds them,
    crawled while discovery goes on; with --resume a re-run fetches only articles not recorded
    yet, and sitemaps and feeds unchanged since the last complete run cost one 304 each.

    \b
    Example:
      newsscrape crawl urls.txt -o articles.jsonl --concurrency 32 --resume
      newsscrape crawl --site https://example.com/ -o example.jsonl --resume
    """
    config = CrawlConfig(
        concurrency=concurrency,
        per_host=per_host,
        delay=delay,
        retries=retries,
        respect_robots=robots,
        fetch=_fetch_config(
            user_agent=user_agent,
            headers=headers,
            cookies=cookies,
            proxy=proxy,
            block_private=block_private,
        ),
        extract=ExtractConfig(links=links, fallback=second_opinion),
    )
    if workers is not None:
        config = replace(config, workers=workers)
    if bool(sites) == bool(urls_file):
        raise click.UsageError("give either URLS.txt or --site SITE_URL")
    try:
        if sites:
            if retry_failed:
                raise CrawlJobError("--retry-failed goes with URLS.txt, not --site")
            from .crawler import run_site_job

            code = run_site_job(
                sites,
                output,
                config=DiscoverConfig(since=since, crawl=config),
                resume=resume,
                output_format=output_format,
                warc=warc,
            )
        else:
            assert urls_file is not None
            if since is not None:
                raise CrawlJobError("--since goes with --site: a URL list has no dates to go by")
            code = run_crawl_job(
                urls_file,
                output,
                config=config,
                resume=resume,
                retry_failed=retry_failed,
                output_format=output_format,
                warc=warc,
            )
    except CrawlJobError as exc:
        raise _refusal(exc) from exc
    if code == EXIT_PIPE_CLOSED:
        _silence_stdout()
    sys.exit(code)


@main.command("discover")
@click.argument("sites", metavar="SITE_URL...", nargs=-1, required=True, callback=_check_sites)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write URLs to FILE, not stdout; an existing non-empty FILE is refused.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    metavar="DATE",
    help="Only URLs dated on or after DATE (UTC) by their sitemap or feed.",
)
@click.option("--max", "max_urls", type=click.IntRange(min=1), help="Stop after N article URLs.")
@click.option(
    "--pages",
    type=click.Choice(["fallback", "always", "never"]),
    default=DiscoverConfig().pages,
    show_default=True,
    help="Walk the home page and sections: when no sitemap or feed works, always, or never.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=_CRAWL.delay,
    show_default=True,
    help="Seconds between requests to one host (robots.txt Crawl-delay may ask more).",
)
@_robots_option(default=True, why="--no-robots only for sites you may crawl anyway")
@_fetch_options
@click.option("--block-private", is_flag=True, help="Refuse loopback/private/link-local addresses.")
def discover_cmd(
    sites: tuple[str, ...],
    output: Path | None,
    since: datetime | None,
    max_urls: int | None,
    pages: Literal["fallback", "always", "never"],
    delay: float,
    robots: bool,
    user_agent: str | None,
    headers: dict[str, str],
    cookies: dict[str, str],
    proxy: str | None,
    block_private: bool,
) -> None:
    """Find the article URLs of each SITE_URL: one JSON line each, {url, published, source, found_on}.

    Sources: robots.txt Sitemap: lines, /sitemap.xml, sitemap indexes (gzip, Google News), RSS,
    Atom and JSON feeds, and as a last resort the home page and its sections. Tag, author,
    category, search, login, about and contact pages are left out. Problems with a source are
    reported on stderr and discovery goes on; a summary line ends the run.

    \b
    Example:
      newsscrape discover https://example.com/ --since 2024-05-01 | jq -r .url
    """
    crawl = CrawlConfig(
        delay=delay,
        respect_robots=robots,
        fetch=_fetch_config(
            user_agent=user_agent, headers=headers, cookies=cookies, proxy=proxy, block_private=block_private
        ),
    )
    config = DiscoverConfig(since=since, max_urls=max_urls, pages=pages, crawl=crawl)
    try:
        from .crawler import run_discover_job

        with lock_output(output):
            open_output(output, resume=False, resumable=False)
            code = run_discover_job(sites, output, config=config)
    except CrawlJobError as exc:
        raise _refusal(exc) from exc
    if code == EXIT_PIPE_CLOSED:
        _silence_stdout()
    sys.exit(code)


def _fetch_one(url: str, config: FetchConfig, *, robots: bool, extract_config: ExtractConfig) -> Record:
    from .crawler import afetch_one
    from .extractor import extract

    try:
        # The async driver keeps the total deadline through every wait; a command has no event
        # loop of its own to clash with.
        page = asyncio.run(afetch_one(url, config=config, robots=robots))
        return extract(
            page.content, page.url, final_url=page.final_url, charset=page.charset, config=extract_config
        )
    except NewsscrapeError as exc:
        return ErrorRecord.from_exception(url, exc)


def _open_output(output: Path | None, resume: bool, output_format: OutputFormat = "jsonl") -> UrlSet | None:
    """The -o rule (see the module docstring); the inputs FILE records already, with --resume."""
    if resume and output_format != "jsonl":
        raise click.UsageError(f"--resume reads JSON Lines: --format {output_format} cannot be resumed")
    try:
        # The file is this command's until it ends, as a crawl's is (crawler._resume.OutputLock).
        click.get_current_context().with_resource(lock_output(output))
        return open_output(output, resume=resume)
    except CrawlJobError as exc:
        raise _refusal(exc) from exc


class _InUse(click.ClickException):
    """The output is another process's for now: said without the usage text (nothing was typed wrong)."""

    exit_code = EXIT_USAGE  # 2, as every refusal to start


def _refusal(exc: CrawlJobError) -> click.ClickException:
    """How the command line says a job cannot start: a usage error, or the output in use."""
    return _InUse(str(exc)) if isinstance(exc, OutputInUse) else click.UsageError(str(exc))


def _not_recorded(items: Iterable[T], recorded: UrlSet | None, *, key: Callable[[T], str]) -> Iterator[T]:
    for item in items:
        if recorded is None or recorded.mark(key(item)) == "new":
            yield item


def _emit(
    output: Path | None,
    records: Iterable[Record],
    output_format: OutputFormat = "jsonl",
    *,
    summary: Callable[[], str | None] | None = None,
) -> None:
    """Write every record; exit 1 if any is an error, 2 (with a message) if the output cannot be
    written, 141 quietly if stdout's reader is gone, 130 after Ctrl-C (the records written so far
    stay, whole: ``--resume`` goes on). ``summary`` (then) goes to stderr."""
    failed = False
    written = 0
    try:
        with writer_for(output_format, output) as out:
            for record in records:
                failed |= isinstance(record, ErrorRecord)
                if isinstance(record, ErrorRecord):
                    _say(f"newsscrape: {record.url}: {record.kind}: {record.message}")
                out.write(record)
                written += 1
    except KeyboardInterrupt:
        again = "; --resume continues" if output is not None else ""
        noun = "record" if written == 1 else "records"
        _say(f"newsscrape: interrupted after {written} {noun}{again}")
        sys.exit(EXIT_INTERRUPTED)
    except ExportError as exc:
        if isinstance(exc.__cause__, BrokenPipeError):
            _silence_stdout()
            sys.exit(EXIT_PIPE_CLOSED)
        _say(f"newsscrape: {exc.message}")
        sys.exit(EXIT_USAGE)
    text = summary() if summary is not None else None
    if text:
        _say(text)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _say(text: str) -> None:
    """A message on stderr, which never stops the command: a reader gone (``extract ... 2>&1 |
    head``) silences it, as a crawl's (crawler._job.messages_to); the records are the work."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(text, err=True)


def _silence_stdout() -> None:
    """stdout's reader is gone: point fd 1 at /dev/null, so the interpreter's last flush at exit
    does not print a BrokenPipeError of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test runner's capture): nothing to silence
        pass
