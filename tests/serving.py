"""A standard-library HTTP server run in a thread for the length of a test (a fixture's body)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from socketserver import BaseServer
from typing import TypeVar

S = TypeVar("S", bound=BaseServer)


def serving(server: S) -> Iterator[S]:
    """Yield ``server`` answering in a daemon thread; shut it down and close its socket after.

    >>> from http.server import BaseHTTPRequestHandler, HTTPServer
    >>> for running in serving(HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)):
    ...     running.server_address[0]
    '127.0.0.1'
    """
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
