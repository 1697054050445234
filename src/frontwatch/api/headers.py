"""Security headers on every answer, and no announcement of the server software (issue 15).

- ``Content-Security-Policy``: scripts, styles, data and frames from this origin only; no inline script
  (a ``javascript:`` link or an injected ``<script>`` does not run), no plugins, no framing by another
  origin (the dashboard's brief page frames ``/brief`` from its own). Inline
  ``style`` attributes stay allowed: the dashboard colours its dots and Leaflet places its panes with them.
  The ``/docs`` page (Swagger UI) starts with one inline script of its own, allowed by its SHA-256 only.
- ``X-Content-Type-Options: nosniff``: a JSON or text answer is never run as script or styles.
- ``Referrer-Policy: no-referrer``: following an article's original link does not tell the outlet which
  dashboard page (and which filters) the reader came from.
- No ``Server`` header (uvicorn's is switched off by ``frontwatch serve``; one set by the app is removed).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import Any

BASE_POLICY = ("default-src 'self'; script-src 'self'{extra}; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
               "base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


def policy(inline_scripts: Iterable[str] = ()) -> str:
    """The Content-Security-Policy, allowing exactly the given inline scripts (by their SHA-256)."""
    hashes = "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                     for s in inline_scripts)
    return BASE_POLICY.format(extra=hashes)


def inline_scripts(html: str) -> list[str]:
    """The bodies of the ``<script>`` elements of ``html`` that have no ``src``."""
    return re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.DOTALL)


class SecurityHeaders:
    """ASGI middleware: the headers above on every HTTP answer; ``docs_policy`` for the ``/docs`` page."""

    def __init__(self, app: Any, *, docs_policy: str | None = None) -> None:
        self.app = app
        self.default = self._headers(policy())
        self.docs = self._headers(docs_policy or policy())

    @staticmethod
    def _headers(csp: str) -> list[tuple[bytes, bytes]]:
        return [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"SAMEORIGIN")]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.docs if scope.get("path") == "/docs" else self.default
        names = {name for name, _ in extra} | {b"server"}

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, with_headers)
