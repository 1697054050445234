"""The dashboard's pages and static files (``frontwatch.web``), served by the same app as the API."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(str(resources.files("frontwatch.web") / "static"))

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard() -> FileResponse:
    """The map, timeline and event table."""
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/article/{doc_id}")
def article_page(doc_id: str) -> FileResponse:
    """The article view; its script reads ``doc_id`` from the address and asks ``/articles/{doc_id}``."""
    return FileResponse(STATIC / "article.html", media_type="text/html")


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
