"""Request size limit: a body above ``max_body_bytes`` is refused with 413 before it is read.

A pure ASGI middleware, so it sees the ``Content-Length`` header before any handler reads the body,
and counts the bytes of a chunked body as they arrive, stopping at the limit rather than buffering it.
"""

from __future__ import annotations

import json
from typing import Any

Scope = dict[str, Any]


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


def error_body(status: int, code: str, message: str) -> bytes:
    """The one JSON error shape, as bytes (for answers sent below FastAPI's handlers)."""
    return json.dumps({"error": code, "message": message, "status": status}).encode()


class BodyLimit:
    """ASGI middleware: 413 with the JSON error body for requests larger than ``max_bytes``."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send, f"request body of {declared} bytes is above the limit of {self.max_bytes}")
            return
        seen = 0
        started = refused = False

        async def counted_receive() -> Any:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # Answer 413 here, while the body is being read: FastAPI turns any exception raised
                    # from reading the body into its own 400, whose answer ``tracked_send`` then drops.
                    if not started and not refused:
                        refused = True
                        await self._refuse(send, f"request body is above the limit of {self.max_bytes} bytes")
                    raise BodyTooLarge
            return message

        async def tracked_send(message: Any) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            pass  # answered in counted_receive (or the handler had already answered)

    async def _refuse(self, send: Any, message: str) -> None:
        body = error_body(413, "body_too_large", message + ": send a smaller body or raise max_body_bytes")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
