"""``POST /claims``: check the quantitative claims of an article (posted, or stored by ``doc_id``) against the maps."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel, Field, model_validator

from ..store import SQLStore
from . import deps
from .errors import ERROR_RESPONSES
from .events import json_response
from .schemas import Claims

router = APIRouter(tags=["claims"], responses=ERROR_RESPONSES)


class ClaimsIn(BaseModel):
    """Either ``text`` (with its publication date, against which "last week" is resolved) or a stored ``doc_id``."""

    text: str | None = Field(None, min_length=1)
    doc_id: str | None = Field(None, min_length=1, max_length=300)
    published: date | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ClaimsIn:
        if (self.text is None) == (self.doc_id is None):
            raise ValueError("give exactly one of text or doc_id")
        return self


@router.post("/claims", response_model=Claims, summary="Check an article's claims against the control maps")
def check_claims(body: ClaimsIn, store: Annotated[SQLStore, Depends(deps.store)]) -> Response:
    """The same check as ``frontwatch check``: each claim with the figure computed per layer and a verdict.
    Reads only; needs no token."""
    text, published = body.text, body.published
    if body.doc_id is not None:
        article = store.article_view(body.doc_id)  # type: ignore[attr-defined]
        text = article["text"]
        published = published or (date.fromisoformat(article["published"]) if article["published"] else None)
    return json_response(run_check(store, text or "", published))


def run_check(store: Any, text: str, published: date | None) -> dict[str, Any]:
    """The claims library call ``frontwatch check`` makes."""
    from ..claims.check import check_text  # issue 4: the library call of `frontwatch check`

    result = check_text(store, text, published=published)
    return result.to_dict() if hasattr(result, "to_dict") else result
