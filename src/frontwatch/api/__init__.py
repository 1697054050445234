"""The HTTP API (FastAPI): events, articles, territory and claims, and the dashboard at ``/``.

``create_app(store_target, settings=...)`` builds the app; ``frontwatch serve`` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
