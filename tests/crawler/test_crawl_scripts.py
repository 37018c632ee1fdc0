"""crawl_sync in a script without `if __name__ == "__main__":` (the README snippet as people paste
it): the script runs once, and every page is extracted, in worker processes or, where a worker
would have to re-run the script, in this process with one line on stderr saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from faultserver import FaultServer

UNGUARDED = """
import json, sys
import newsscrape
from newsscrape import CrawlConfig

print("script ran", file=sys.stderr, flush=True)
config = CrawlConfig(delay=0, jitter=0, workers=2)
for record in newsscrape.crawl_sync(sys.argv[1:], config=config{extra}):
    print(json.dumps(record.to_dict()), flush=True)
"""

OWN_EXTRACTOR = """
def my_extract(html, url=None, *, final_url, charset, config):
    return newsscrape.extract(html, url, final_url=final_url, charset=charset, config=config)
"""


def _run(script: str, urls: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "crawl_script.py"
    path.write_text(script)
    return subprocess.run(
        [sys.executable, str(path), *urls], capture_output=True, text=True, timeout=120, check=False
    )


def test_an_unguarded_script_runs_once_and_workers_extract(fault_server: FaultServer, tmp_path: Path) -> None:
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b")]
    proc = _run(UNGUARDED.format(extra=""), urls, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("script ran") == 1, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(r["url"] for r in records) == urls
    assert all("error" not in r for r in records), records
    assert "extracting in this process" not in proc.stderr  # the workers did it


def test_an_unguarded_script_with_its_own_extractor_extracts_in_process(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    urls = [fault_server.url("/page/a")]
    script = UNGUARDED.format(extra=", extract_fn=my_extract").replace(
        'print("script ran"', OWN_EXTRACTOR + '\nprint("script ran"'
    )
    proc = _run(script, urls, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("script ran") == 1, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "error" not in record, record
    [warning] = [line for line in proc.stderr.splitlines() if "extracting in this process" in line]
    assert "__main__" in warning


GUARDED = (
    """
import json, sys
import newsscrape
from newsscrape import CrawlConfig
"""
    + OWN_EXTRACTOR
    + """
if __name__ == "__main__":
    config = CrawlConfig(delay=0, jitter=0, workers=2)
    for record in newsscrape.crawl_sync(sys.argv[1:], config=config, extract_fn=my_extract):
        print(json.dumps(record.to_dict()), flush=True)
"""
)


def test_a_guarded_script_with_its_own_extractor_uses_workers(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    # The fallback is for scripts that need it only: a guarded one keeps its worker processes.
    proc = _run(GUARDED, [fault_server.url("/page/a")], tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "error" not in record, record
    assert "extracting in this process" not in proc.stderr


IN_POOL_WORKER = """
import json, multiprocessing, sys
import newsscrape
from newsscrape import CrawlConfig

def shard(urls):
    config = CrawlConfig(delay=0, jitter=0, workers=2)
    return [record.to_dict() for record in newsscrape.crawl_sync(urls, config=config)]

if __name__ == "__main__":
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        for record in pool.apply(shard, (sys.argv[1:],)):
            print(json.dumps(record), flush=True)
"""


def test_a_crawl_in_a_pool_worker_extracts_in_process(fault_server: FaultServer, tmp_path: Path) -> None:
    # A multiprocessing.Pool worker is daemonic and may start no process: the crawl must not hang
    # on worker processes that never come, nor print their tracebacks; it extracts in its own.
    urls = [fault_server.url("/page/a"), fault_server.url("/page/b")]
    proc = _run(IN_POOL_WORKER, urls, tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(r["url"] for r in records) == urls
    assert all("error" not in r for r in records), records
    assert "Traceback" not in proc.stderr, proc.stderr
    [warning] = [line for line in proc.stderr.splitlines() if "extracting in this process" in line]
    assert "daemonic" in warning
