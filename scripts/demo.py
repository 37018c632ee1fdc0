"""Serve fixtures/ on 127.0.0.1 and run newsscrape on it, the way a user would from a shell."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
NEWSSCRAPE = [sys.executable, "-m", "newsscrape"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    handler = functools.partial(_Quiet, directory=str(FIXTURES))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        url = f"{base}/seed-wordpress/page.html"
        print(f"$ newsscrape fetch {url}", file=sys.stderr)
        fetched = subprocess.run([*NEWSSCRAPE, "fetch", url], check=True, capture_output=True, text=True)
        record = json.loads(fetched.stdout)
        record["body"] = record["body"][:300] + " …"
        record["sections"] = f"[{len(record['sections'])} sections: heading -> paragraphs]"
        print(json.dumps(record, ensure_ascii=False, indent=2))
        with tempfile.TemporaryDirectory() as tmp:
            urls = Path(tmp) / "urls.txt"
            pages = sorted(p.parent.name for p in FIXTURES.glob("*/page.html"))
            urls.write_text("".join(f"{base}/{name}/page.html\n" for name in pages), encoding="utf-8")
            out = Path(tmp) / "articles.jsonl"
            print(
                f"\n$ newsscrape crawl urls.txt -o articles.jsonl  # {len(pages)} fixture pages",
                file=sys.stderr,
            )
            done = subprocess.run([*NEWSSCRAPE, "crawl", str(urls), "-o", str(out), "--delay", "0"])
            for line in out.read_text(encoding="utf-8").splitlines():
                print(_digest(json.loads(line)))
        server.shutdown()
    return done.returncode


def _digest(record: dict[str, object]) -> str:
    """One readable line per record of articles.jsonl."""
    name = str(record["url"]).split("/")[-2]
    if "error" in record:
        return f"{name:<26} ERROR {record['error']}"
    headings = record["headings"]
    count = len(headings) if isinstance(headings, list) else 0
    lang, published = record["language"], record["published"]
    return f"{name:<26} {lang!s:<6} {count} headings  {published!s:<26} {record['title']}"


if __name__ == "__main__":
    sys.exit(main())
