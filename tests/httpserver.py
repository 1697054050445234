"""One local HTTP server for the tests of every online loader (DeepStateMap and ISW APIs, article URLs, RSS feeds,
webhooks), so no test needs the internet. A test gives a function that answers each request."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: ``(status, body)`` or ``(status, body, headers)``.
Reply = tuple[int, bytes] | tuple[int, bytes, dict[str, str]]
#: ``answer(method, path with query, request body)``.
Answer = Callable[[str, str, bytes], Reply]


@contextlib.contextmanager
def local_server(answer: Answer) -> Iterator[str]:
    """Serve ``answer`` on 127.0.0.1 at a free port; yields the base URL, and stops the server afterwards."""

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            status, body, *rest = answer(method, self.path, self.rfile.read(length) if length else b"")
            self.send_response(status)
            for name, value in (rest[0] if rest else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._reply("GET")

        def do_POST(self) -> None:
            self._reply("POST")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
