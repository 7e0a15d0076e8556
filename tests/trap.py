"""A local HTTP server that records every request it gets: what must never be reached."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def trap_server(*, body: bytes = b"{not json", content_type: str = "application/sparql-results+json") -> Iterator[tuple[str, list[str]]]:
    """Yield (base URL on 127.0.0.1, list of 'METHOD path' it received); answers with ``body``."""
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            received.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()
        server.server_close()
