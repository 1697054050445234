"""``/articles/{doc_id}``: an article with its events' evidence spans; ``POST /articles`` stores one (token)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from ..store import Store
from ..urls import check_web_url
from . import deps
from .claims import in_span
from .errors import ERROR_RESPONSES, ErrorBody
from .events import json_response
from .schemas import ArticleOut, Stored

router = APIRouter(tags=["articles"], responses=ERROR_RESPONSES)


class ArticleIn(BaseModel):
    """An article to extract events from and store (``text`` is the plain text)."""

    doc_id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    published: date | None = None
    url: str | None = Field(None, max_length=2000, description="the article's address: http:// or https:// only")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=300)

    @field_validator("published")
    @classmethod
    def _in_span(cls, value: date | None) -> date | None:
        return None if value is None else in_span(value)

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        """Only http(s) addresses: a ``javascript:`` or ``data:`` one would run in the dashboard's link."""
        if value is None or value == "":
            return None
        try:
            return check_web_url(value)
        except ValueError as exc:
            raise ValueError(str(exc)) from None


@router.get("/articles/{doc_id}", response_model=ArticleOut, summary="An article with its events' evidence spans")
def get_article(
    store: Annotated[Store, Depends(deps.store)],
    doc_id: Annotated[str, Path(min_length=1, max_length=300)],
) -> Response:
    """The text, its metadata, and each event with ``evidence.start``/``end`` as offsets into ``text``."""
    return json_response(store.article_view(doc_id))


@router.post(
    "/articles", response_model=Stored, status_code=201, summary="Extract an article's events and store them",
    dependencies=[Depends(deps.require_token)],
    responses={401: {"model": ErrorBody, "description": "missing or wrong token, or a read-only server"}},
)
def post_article(article: ArticleIn, store: Annotated[Store, Depends(deps.store)]) -> Response:
    """Runs the extraction pipeline (as ``frontwatch extract``) and stores the article with its events,
    replacing an article of the same ``doc_id``. Needs the configured token."""
    from .ingestion import extract_and_store

    stored = extract_and_store(store, article.model_dump())
    response = json_response(stored)
    response.status_code = 201
    return response
