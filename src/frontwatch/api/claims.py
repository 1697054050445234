"""``POST /claims``: check the quantitative claims of an article (posted, or stored by ``doc_id``) against the maps."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator, model_validator

from ..store import Store
from ..territory.periods import check_day
from . import deps
from .errors import ERROR_RESPONSES
from .events import json_response
from .schemas import Claims

router = APIRouter(tags=["claims"], responses=ERROR_RESPONSES)

#: The longest article text checked (characters; issue 15: 5 MB cost 91 s of CPU). A news article is
#: 2-20 kB; a longer text is refused with 413 before any work.
MAX_CLAIM_TEXT_CHARS = 100_000
#: The most claims one request checks: each is measured on every source and layer set (a map overlay
#: each where the period is not precomputed), so a text dense with claims is bounded too.
MAX_CLAIMS = 40


def in_span(value: date) -> date:
    """A pydantic check: ``value`` within the dates frontwatch handles (a ValueError answers 422)."""
    try:
        return check_day(value, "published")
    except ValueError as exc:  # InputError is a ValueError; pydantic wants a plain one
        raise ValueError(str(exc)) from None


class ClaimsIn(BaseModel):
    """Either ``text`` (with its publication date, against which "last week" is resolved) or a stored ``doc_id``."""

    text: str | None = Field(None, min_length=1, description=f"at most {MAX_CLAIM_TEXT_CHARS:,} characters (else 413)")
    doc_id: str | None = Field(None, min_length=1, max_length=300)
    published: date | None = None

    @field_validator("published")
    @classmethod
    def _in_span(cls, value: date | None) -> date | None:
        return None if value is None else in_span(value)

    @model_validator(mode="after")
    def _one_of(self) -> ClaimsIn:
        if (self.text is None) == (self.doc_id is None):
            raise ValueError("give exactly one of text or doc_id")
        return self


@router.post("/claims", response_model=Claims, summary="Check an article's claims against the control maps")
def check_claims(body: ClaimsIn, store: Annotated[Store, Depends(deps.store)]) -> Response:
    """The same check as ``frontwatch check``: each claim with the figure computed per layer and a verdict.
    Reads only; needs no token."""
    text, published = body.text, body.published
    if body.doc_id is not None:
        article = store.article_view(body.doc_id)
        text = article["text"]
        published = published or (date.fromisoformat(article["published"]) if article["published"] else None)
        if published is not None:
            check_day(published, f"published date of the stored article {body.doc_id!r}")
    if text is not None and len(text) > MAX_CLAIM_TEXT_CHARS:
        raise HTTPException(413, f"article text of {len(text):,} characters is above the {MAX_CLAIM_TEXT_CHARS:,} "
                                 "that a claim check takes: send the article's body text only, or split it")
    return json_response(run_check(store, text or "", published))


def run_check(store: Store, text: str, published: date | None) -> dict[str, Any]:
    """The claims library call ``frontwatch check`` makes, with the API's bound on the number of claims."""
    from ..claims.check import CheckReport, check_claim, check_text
    from ..claims.extract import extract_claims

    claims = extract_claims(text, published)
    if len(claims) > MAX_CLAIMS:
        raise HTTPException(413, f"the text has {len(claims):,} checkable claims, above the {MAX_CLAIMS} one request "
                                 "checks: send one article at a time, or split it")
    if not claims:
        return check_text(store, text, published=published).to_dict()  # its note saying why none was found
    return CheckReport([check_claim(store, c) for c in claims]).to_dict()
