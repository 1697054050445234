"""The claims section of a brief: the checkable claims of the articles published in the period, checked
against every map in the store (``frontwatch.claims.check_text``, the same call as ``frontwatch check``).

Only articles that mention an area, a settlement count or a record are read (a SQL filter on words
every such claim needs), and at most :data:`MAX_ARTICLES` of them, newest first; the section says how
many more there were, so nothing is dropped silently. A claim repeated word for word in figures and
period (wire copy carried by several outlets) is checked once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import FrontwatchError
from .period import BriefPeriod

if TYPE_CHECKING:
    from ..store import Store

MAX_ARTICLES = 10

#: Words without which the claim extractor finds nothing (areas, settlements, records).
_HINTS = ("km", "square", "sq ", "village", "settlement", "town", "biggest", "largest", "fastest")


def claims_section(store: Store, period: BriefPeriod) -> dict[str, Any]:
    """Verdicts for the claims of the period's stored articles."""
    from ..claims import check_claim, extract_claims

    total, rows = store.articles.articles_mentioning(period.first_day, period.end, _HINTS, MAX_ARTICLES)
    claims: list[dict[str, Any]] = []
    errors: list[str] = []
    checked: dict[tuple[Any, ...], Any] = {}
    for row in rows:
        try:
            for claim in extract_claims(row["text"], row["published"]):
                key = _signature(claim)
                if key not in checked:
                    checked[key] = check_claim(store, claim)
                claims.append({"doc_id": row["doc_id"], "title": row["title"], "outlet": row["outlet"],
                               "url": row["url"], "published": _iso(row["published"]), "text": claim.text,
                               "kind": claim.kind, "verdict": checked[key].verdict,
                               "explanation": checked[key].explanation})
        except FrontwatchError as exc:
            errors.append(f"{row['doc_id']}: {exc}")
    note = None
    if not total:
        note = f"no stored article published in {period.label} makes a checkable claim"
    elif total > len(rows):
        note = (f"{len(rows)} of {total} articles with possible claims checked (newest first); "
                "check the others with frontwatch check")
    return {"articles_checked": len(rows), "articles_with_hints": total, "claims": claims,
            "errors": errors, "note": note}


def _signature(claim: Any) -> tuple[Any, ...]:
    """What a claim's check depends on: every field but where it stands in its article."""
    fields = {k: v for k, v in vars(claim).items() if k not in ("text", "start", "end")}
    fields["stated"] = tuple(sorted(fields.get("stated", {}).items()))
    return tuple(sorted(fields.items()))


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
