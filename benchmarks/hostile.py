"""A hostile web against the fetcher: every scenario ends as the right record, within its limits. Run by hand.

    .venv/bin/python benchmarks/hostile.py              # the whole matrix, about 1-2 minutes
    .venv/bin/python benchmarks/hostile.py -k robots    # only scenarios whose name contains "robots"

Hostile servers (tests/faultserver.py) run on 127.0.0.x in this process. Each scenario runs in a
fresh child process per mode, which reports its own peak RSS: its VmHWM (/proc/self/status), and
for ``crawl`` the largest of its extraction workers too (``resource.getrusage(RUSAGE_CHILDREN)``).
The child's ``ru_maxrss`` would not do: Linux carries the parent's high-water mark across
fork and exec, and this parent holds the servers and their bodies.

    fetch   newsscrape.fetch(url)                    the synchronous library call
    afetch  asyncio.run(newsscrape.afetch(url))      the async library call
    robots  fetcher.robots.afetch_robots(origin)     robots.txt alone (fetch/afetch do not consult it)
    crawl   newsscrape.crawl_sync(urls)              one small crawl, 1 extraction worker, robots.txt on

A hostile resolver too: ``--rebind`` makes ``rebinding.test`` a DNS-rebinding name in the child
(``rebinding_resolver``), as a server of the attacker's would answer in the worst case.

Limits: total_timeout 5 s, max_bytes 10 MiB (the default), no retries, no delay. ``crawl`` runs the
library rather than the ``newsscrape crawl`` command because the command has no ``--timeout``
(60 s per drip scenario would make the run long, not more telling). The outcome is the record's
kind ("ok" for an Article, "extract:<reason>" for an extraction error); "wall" is the operation
in the child (imports and server start excluded). Compare rows of one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from faultserver import FaultServer, Response, encoded, robots_disallow, robots_drip  # noqa: E402

TOTAL_TIMEOUT = 5.0
MODES = ("fetch", "afetch", "robots", "crawl")
REBINDING_NAME = "rebinding.test"
REBOUND_TO = "127.0.0.7"  # where the rebinding name leads the connection: the "rebind" server


# --- the child: one scenario, one mode ---------------------------------------------------------------


def peak_kib() -> int:
    """Peak RSS in KiB of this process (VmHWM) and of its waited-for children (extraction workers)."""
    hwm = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
    return max(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def rebinding_resolver() -> None:
    """Make REBINDING_NAME rebind in this process: every lookup without a port (the address policy's
    own) answers a public address, every lookup with one (the connection's, in asyncio's resolver
    and httpcore's socket.create_connection alike) REBOUND_TO."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (REBINDING_NAME, REBINDING_NAME.encode()):
            return real(host, port, *args, **kwargs)
        if port is None:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 0))]
        return real(REBOUND_TO, port, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo


def child(mode: str, urls: list[str], block_private: bool, rebind: bool = False) -> dict[str, object]:
    if rebind:
        rebinding_resolver()
    import newsscrape
    from newsscrape import CrawlConfig, FetchConfig
    from newsscrape.errors import ExtractError, FetchError

    config = FetchConfig(total_timeout=TOTAL_TIMEOUT, block_private=block_private)
    start = time.monotonic()
    outcomes: Counter[str] = Counter()
    note = ""
    if mode in ("fetch", "afetch"):
        for url in urls:
            try:
                if mode == "fetch":
                    newsscrape.fetch(url, config=config)
                else:
                    asyncio.run(newsscrape.afetch(url, config=config))
                outcomes["ok"] += 1
            except FetchError as exc:
                outcomes[exc.kind] += 1
                note = exc.message
            except ExtractError as exc:
                outcomes[f"extract:{exc.kind}"] += 1
    elif mode == "robots":
        from newsscrape.fetcher import async_client
        from newsscrape.fetcher.robots import afetch_robots

        async def robots(origin: str) -> str:
            async with async_client(config) as client:
                rules = await afetch_robots(origin, client=client, config=config)
            return f"{rules.verdict} ({rules.reason}; {rules.size} chars parsed)"

        for url in urls:
            note = asyncio.run(robots(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]))
            outcomes[note.split(" ", 1)[0]] += 1
    else:
        crawl = CrawlConfig(delay=0, jitter=0, retries=0, workers=1, fetch=config)
        for record in newsscrape.crawl_sync(urls, config=crawl):
            kind = getattr(record, "kind", "ok")
            outcomes["ok" if isinstance(record, newsscrape.Article) else kind] += 1
            if not isinstance(record, newsscrape.Article):
                note = record.message
    wall = time.monotonic() - start
    return {
        "peak_kib": peak_kib(),
        "outcome": ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(outcomes.items())),
        "wall": wall,
        "note": note,
    }


# --- the parent: servers, scenarios, table --------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class Scenario:
    name: str
    expect: str  # the record kind every mode should end with
    robots_expect: str = "rules"  # what RobotsCache says in the "robots" mode (rules | unreachable)
    urls: Callable[[], list[str]]
    modes: tuple[str, ...] = ("fetch", "afetch", "crawl")
    block_private: bool = False
    rebind: bool = False  # the child resolves REBINDING_NAME as a rebinding DNS server would
    after: Callable[[], str] = field(default=lambda: "")


def scenarios(servers: dict[str, FaultServer]) -> list[Scenario]:
    main, port = servers["main"], servers["main"].port

    def flood_note() -> str:
        sent = [len(r.header("cookie") or "") for r in servers["cookies"].requests]
        return f"max Cookie header sent {max(sent, default=0)} B over {len(sent)} requests"

    return [
        Scenario(
            name="stacked encodings (gzip, x-gzip)",
            expect="ok",
            urls=lambda: [main.url("/encoded?codings=gzip,x-gzip")],
        ),
        Scenario(
            name="gzip bomb, 1 layer (1 GiB)",
            expect="too_large",
            urls=lambda: [main.url("/encoded?codings=gzip&mb=1024")],
        ),
        Scenario(
            name="gzip bomb, 2 layers (gzip, gzip: 2 GiB)",
            expect="too_large",
            urls=lambda: [main.url("/encoded?codings=gzip,gzip&mb=2048")],
        ),
        Scenario(
            name="gzip bomb, 2 layers (deflate, gzip: 1 GiB)",
            expect="too_large",
            urls=lambda: [main.url("/encoded?codings=deflate,gzip&mb=1024")],
        ),
        Scenario(
            name="drip body (1 B / 0.2 s)",
            expect="timeout",
            urls=lambda: [main.url("/drip?bytes=200&interval=0.2")],
        ),
        Scenario(
            name="drip headers (1 line / 0.2 s)",
            expect="timeout",
            urls=lambda: [main.url("/header-drip?lines=200&interval=0.2")],
        ),
        Scenario(
            name="drip robots.txt (1 B / 0.2 s)",
            expect="host_unreachable",  # robots.txt never read within its deadline: an outage
            robots_expect="unreachable",
            urls=lambda: [servers["drip"].url("/page/a")],
            modes=("robots", "crawl"),
        ),
        Scenario(
            name="huge robots.txt (20 MiB, Disallow: /)",
            expect="robots",
            urls=lambda: [servers["huge"].url("/page/a")],
            modes=("robots", "crawl"),
        ),
        Scenario(
            name="robots.txt bomb (gzip, gzip: 2 GiB)",
            expect="ok",
            urls=lambda: [servers["bomb"].url("/page/a")],
            modes=("robots", "crawl"),
        ),
        Scenario(
            name="BOM robots.txt (Disallow: /)",
            expect="robots",
            urls=lambda: [servers["bom"].url("/page/a")],
            modes=("robots", "crawl"),
        ),
        Scenario(
            name="cookie flood (200 cookies/page, 12 pages)",
            expect="ok",
            urls=lambda: [servers["cookies"].url(f"/cookie-flood?n=200&i={i}") for i in range(12)],
            modes=("crawl",),
            after=flood_note,
        ),
        *(
            Scenario(
                name=f"redirect to {target}",
                expect="invalid_url",
                urls=lambda target=target: [main.url("/redirect?to=" + quote(target))],
            )
            for target in ("javascript:alert(1)", "data:text/html,hi", "http:\\\\evil")
        ),
        *(
            Scenario(name=f"malformed host {url}", expect="invalid_url", urls=lambda url=url: [url])
            for url in ("http://256.1.1.1/", "http://0177.0.0.1/", "http://①.com/", "http://xn--a.com/")
        ),
        *(
            Scenario(
                name=f"embedded IPv4 [{address}] (block_private)",
                expect="blocked",
                urls=lambda address=address: [f"http://[{address}]:{port}/page/a"],
                block_private=True,
            )
            for address in ("::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1")
        ),
        Scenario(
            name="DNS rebinding to 127.0.0.7 (block_private)",
            expect="blocked",  # refused at connect: the policy's own lookup said public
            robots_expect="allow_all",  # robots.txt of a refused address: not fetched, pages refused
            urls=lambda: [f"http://{REBINDING_NAME}:{servers['rebind'].port}/page/a"],
            modes=MODES,
            block_private=True,
            rebind=True,
            after=lambda: f"requests that reached {REBOUND_TO}: {len(servers['rebind'].requests)}",
        ),
    ]


def start_servers() -> dict[str, FaultServer]:
    hosts = {"main": "127.0.0.1", "drip": "127.0.0.2", "huge": "127.0.0.3", "bomb": "127.0.0.4"}
    hosts |= {"bom": "127.0.0.5", "cookies": "127.0.0.6", "rebind": REBOUND_TO}
    servers = {name: FaultServer(host).start() for name, host in hosts.items()}
    servers["drip"].add_route("/robots.txt", robots_drip)
    huge = (
        robots_disallow("/") + "# padding, padding, padding, padding, padding, padding\n" * 400_000
    ).encode()
    servers["huge"].add_route(
        "/robots.txt", lambda req: Response(body=huge, content_type="text/plain", length=False)
    )
    wire = encoded(("gzip", "gzip"), 2048)
    servers["bomb"].add_route(
        "/robots.txt",
        lambda req: Response(
            body=wire, content_type="text/plain", headers=[("Content-Encoding", "gzip, gzip")]
        ),
    )
    servers["bom"].set_robots("\ufeff" + robots_disallow("/"))
    # Build the bombs once, before any timing, in 1 MiB pieces: the parent stays small, and a child
    # forked from it starts with its RSS high-water mark (Linux carries it across exec).
    encoded(("gzip",), 1024)
    encoded(("deflate", "gzip"), 1024)
    return servers


def run_child(mode: str, urls: list[str], block_private: bool, rebind: bool) -> dict[str, object]:
    flag = "--block-private" if block_private else "--no-block"
    args = [sys.executable, __file__, "--child", mode, flag, *(["--rebind"] if rebind else []), *urls]
    proc = subprocess.run(args, capture_output=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").splitlines()
        why = next((line.strip(" |") for line in reversed(lines) if "Error" in line), "")
        return {
            "outcome": f"CRASH (exit {proc.returncode})",
            "wall": 0.0,
            "peak_kib": 0,
            "note": why,
        }
    result: dict[str, object] = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-k", default="", help="only scenarios whose name contains this")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--block-private", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-block", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rebind", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("urls", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.urls, args.block_private, args.rebind)))
        return

    servers = start_servers()
    began, wrong = time.monotonic(), 0
    print(f"{'scenario':48} {'mode':6} {'outcome':>14} {'want':>11} {'wall':>7} {'peak RSS':>10}")
    try:
        for scenario in scenarios(servers):
            if args.k not in scenario.name:
                continue
            for mode in scenario.modes:
                result = run_child(mode, scenario.urls(), scenario.block_private, scenario.rebind)
                peak = int(str(result["peak_kib"])) / 1024
                outcome = str(result["outcome"])
                kinds = {part.split("×")[0] for part in outcome.split(", ")}
                want = scenario.robots_expect if mode == "robots" else scenario.expect
                mark = "" if kinds == {want} else "  <-- unexpected"
                wrong += bool(mark)
                wall = float(str(result["wall"]))
                row = f"{scenario.name:48} {mode:6} {outcome:>14} {want:>11} {wall:6.2f}s {peak:7.1f} MiB"
                print(row + mark)
                if mark and result.get("note"):
                    print(f"    {result['note']}")
            extra = scenario.after()
            if extra:
                print(f"    {extra}")
    finally:
        for server in servers.values():
            server.close()
    print(f"# {time.monotonic() - began:.0f}s in all; {wrong} unexpected outcome(s)")


if __name__ == "__main__":
    main()
