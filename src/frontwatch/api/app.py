"""The application factory: ``create_app(store_target, settings=...)`` wires the routers, the error
shape, the body limit, the store pool and the dashboard."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import Response

from .. import __version__
from ..config import Settings
from ..store.event_index import EventIndex
from . import articles, brief, claims, events, pages, territory
from .cache import ResultCache
from .errors import install_error_handlers
from .events import json_response
from .headers import SecurityHeaders, inline_scripts, policy
from .limits import BodyLimit
from .stores import StorePool

if TYPE_CHECKING:  # psycopg is an optional extra: imported only for a PostgreSQL store
    from ..store.event_watch import WatchedEventIndex

DESCRIPTION = """Events extracted from news, territorial control from daily maps, and checks of articles' claims.

Read-only unless the server is started with an `api_token` setting; errors always have the body
`{"error", "message", "status"}`."""


def create_app(store_target: str | Path, *, settings: Settings | None = None) -> FastAPI:
    """The app serving the store at ``store_target`` (DuckDB path or postgresql:// URL)."""
    settings = settings or Settings.load()
    pool = StorePool(str(store_target), read_only=settings.read_only)
    pool.get()  # open (and migrate) now: a bad target fails at start-up, not on the first request

    running = [0]  # lifespans in progress: a test client and a fuzzer may each run one on the same app

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # What start-up made (the app, the model of the API, the index) lives as long as the server:
        # move it out of the collector's reach, so full collections under load stay short.
        running[0] += 1
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            running[0] -= 1
            if not running[0]:  # the last one out closes the index and the stores
                if app.state.event_index is not None:
                    app.state.event_index.close()
                pool.close()

    app = FastAPI(title="frontwatch", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.pool = pool
    app.state.settings = settings
    app.state.cache = ResultCache(settings.cache_size)
    app.state.event_index = _event_index(pool, settings)
    install_error_handlers(app)
    for module in (events, articles, territory, claims, brief):
        app.include_router(module.router)

    @app.get("/settings", tags=["server"], summary="The settings in force (secrets as set or not)")
    def current_settings() -> Response:
        return json_response({"settings": settings.public(), "read_only": settings.read_only,
                              "backend": pool.get().backend})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return _docs_page()

    _document_settings(app, settings)
    app.include_router(pages.router)
    pages.mount_static(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    docs_scripts = inline_scripts(bytes(_docs_page().body).decode("utf-8"))
    app.add_middleware(SecurityHeaders, docs_policy=policy(docs_scripts))  # outermost: 413s get them too
    return app


def _docs_page() -> Response:
    """The Swagger UI page, from vendored files (FastAPI's default page loads them from a CDN)."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="frontwatch API",
                               swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                               swagger_favicon_url="data:,")


def _event_index(pool: StorePool, settings: Settings) -> EventIndex | WatchedEventIndex | None:
    """The in-memory event index: of a read-only DuckDB store (its file cannot change while served), or of a
    PostgreSQL store, answering only while the store's events are the ones it holds (store/event_watch.py).

    A DuckDB server with ingestion enabled writes to its store, so it queries SQL every time.
    """
    cache_dir = Path(settings.index_dir) if settings.index_dir else None
    if pool.frozen:
        return EventIndex.build(pool.get(), cache_dir)
    if pool.get().backend == "postgis":
        from ..store.event_watch import watched_index

        return watched_index(pool.target, cache_dir, settings.event_index_max_events)
    return None


def _document_settings(app: FastAPI, settings: Settings) -> None:
    """Put this server's page-size cap into its OpenAPI document, so clients (and fuzzers) see the real limit."""
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default_openapi()
            for param in schema["paths"]["/events"]["get"]["parameters"]:
                if param["name"] == "limit":
                    for option in param["schema"].get("anyOf", [param["schema"]]):
                        if option.get("type") == "integer":
                            option["maximum"] = settings.page_limit_max
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
