"""Serve fixtures/ on 127.0.0.1 and run newsscrape on it, the way a user would from a shell."""

from __future__ import annotations

import functools
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
        subprocess.run([*NEWSSCRAPE, "fetch", url], check=True)
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
                print(line[:160] + ("…" if len(line) > 160 else ""))
        server.shutdown()
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
