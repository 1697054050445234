"""What handlers receive from the app: its store pool, its settings, the write-token check."""

from __future__ import annotations

import hmac

from fastapi import Request

from ..config import Settings
from ..errors import AuthError
from ..store import Store
from .stores import StorePool


def pool(request: Request) -> StorePool:
    return request.app.state.pool


class ThreadStore:
    """Stands for the store of whichever thread uses it.

    FastAPI may resolve a dependency on one pool thread and run the handler on another, so handing
    out a thread's store from the dependency would let two threads share one DuckDB cursor; each
    attribute is looked up on the pool's store for the calling thread instead.
    """

    def __init__(self, stores: StorePool) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> object:
        return getattr(self._stores.get(), name)


def store(request: Request) -> Store:
    """The store, as seen from the thread that calls it (handlers are plain ``def``, run in a thread pool)."""
    return ThreadStore(pool(request))  # type: ignore[return-value]


def settings(request: Request) -> Settings:
    return request.app.state.settings


def require_token(request: Request) -> None:
    """Write endpoints: the configured token as ``Authorization: Bearer TOKEN`` (or ``X-Frontwatch-Token``)."""
    configured = settings(request).api_token
    if not configured:
        raise AuthError("this server is read-only: to enable ingestion, start it with the token in the environment "
                        "(FRONTWATCH_API_TOKEN) or in a file (--setting api_token_file=PATH)")
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else ""
    given = given or request.headers.get("x-frontwatch-token", "")
    # compare_digest: the time taken does not reveal how much of a guessed token was right
    if not given or not hmac.compare_digest(given.encode(), configured.encode()):
        raise AuthError("missing or wrong token: send 'Authorization: Bearer TOKEN' with the server's api_token "
                        "(set in FRONTWATCH_API_TOKEN or in the file named by api_token_file)")
