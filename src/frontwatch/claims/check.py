"""Check claims against every map source and layer in the store, and say in one line what the data show.

Each claim is recomputed on every stored source (deepstate, isw, cyterat, ...) and every cumulative layer set
that source has: ``occupied``, ``occupied+contested`` (grey zone), ``occupied+claimed`` and
``occupied+contested+claimed`` where those layers exist, between the two CONTRACTS states the claim's period
stands for (see :mod:`frontwatch.claims.extract`).

Tolerances (each is stated in the explanation it applies to):

- **Areas**: a layer agrees when its net change is within ``max(5 km², 10 % of the claim)`` of the claimed
  figure; a bound ("more than 100 km²", "up to 50") agrees when the change is on its side, less that
  allowance. The allowance covers rounding in the article, and snapshot timing: a map's state "at" a day is
  its last snapshot that day, so a state-to-state change can miss or add hours of a fast advance.
- **Settlements**: a count agrees within ``max(2, 25 %)``; the places counted are the gazetteer's whose point
  lies in the changed ground. In Ukraine the gazetteer holds every settlement (ua-places), so the count is
  complete and a count off either way is inconsistent. Elsewhere (Russia) it lists places of 500 people or more
  (GeoNames cities500), a LOWER bound: more places than claimed is inconsistent, fewer than claimed cannot
  refute a claim that may count hamlets, and is unverifiable on that layer (its explanation gives the count).
- **Records** ("biggest gains in a year and a half"): the record holds on a layer when no window of the same
  length was larger within the claimed look-back, allowing 10 % of the look-back for round phrasing.

Verdict of a claim: the layers of the map the article credits decide when that map is in the store; otherwise
every layer is considered: consistent if any agrees, inconsistent if all disagree, unverifiable when none could
be computed (no data for the period, no period given). A claim whose own units contradict each other is
inconsistent whatever the maps say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..conflict import ConflictProfile, active_profile
from ..errors import FrontwatchError
from ..geodesy import km2_to_sq_miles
from ..territory.timeline import Timeline
from .credited import COARSE_CADENCE_DAYS, bracket_verdict, cadence_days, coarse_figure, order_sources, with_offset
from .explain import explain
from .extract import Claim, Measure, extract_claims
from .results import AreaFigure, Enclosing, Figure, RecordFigure, SettlementFigure, Verdict, computed_dict
from .tolerance import SETTLEMENT_ABS, SETTLEMENT_REL, agrees, record_threshold

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["CheckReport", "CheckedClaim", "agrees", "check_claim", "check_text", "layer_sets"]


@dataclass
class CheckedClaim:
    """A claim with what each layer shows and the verdict."""

    claim: Claim
    computed: list[Figure] = field(default_factory=list)
    verdict: Verdict = Verdict.UNVERIFIABLE
    explanation: str = ""

    def figure(self, source: str, layer: str) -> Figure:
        """The figure of one source's layer set; a KeyError naming the ones computed otherwise."""
        found = next((f for f in self.computed if f.source == source and f.layer == layer), None)
        if found is None:
            raise KeyError(f"no figure for {source}:{layer}: computed {[f.key for f in self.computed]}")
        return found

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.claim.text, "kind": self.claim.kind.value, "claimed": self.claim.claimed(),
                "computed": computed_dict(self.computed), "verdict": self.verdict.value,
                "explanation": self.explanation}


@dataclass
class CheckReport:
    """Every claim of an article, checked (CONTRACTS: ``{"claims": [...]}``)."""

    claims: list[CheckedClaim]
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"claims": [c.to_dict() for c in self.claims]}
        if self.note:
            out["note"] = self.note
        return out


def check_text(store: Store, text: str, *, published: date | None = None,
               profile: ConflictProfile | None = None) -> CheckReport:
    """Extract the checkable claims of an article and check each against the store's maps."""
    profile = profile or active_profile()
    claims = extract_claims(text, published, profile=profile)
    if not claims:
        return CheckReport([], note="no checkable claim found: no area gained or lost, settlement count or record")
    return CheckReport([check_claim(store, c, profile=profile) for c in claims])


def layer_sets(store: Store, source: str) -> list[str]:
    """The cumulative layer sums a source supports, narrowest first."""
    names = set(store.layer_names(source))
    if "occupied" not in names:
        return []
    sets = ["occupied"]
    extras = [n for n in ("contested", "claimed") if n in names]
    if "contested" in extras:
        sets.append("occupied+contested")
    if "claimed" in extras:
        sets.append("occupied+claimed")
    if len(extras) == 2:
        sets.append("occupied+contested+claimed")
    return sets


def check_claim(store: Store, claim: Claim, *, profile: ConflictProfile | None = None) -> CheckedClaim:
    """Recompute one claim on every source and layer set; verdict and explanation."""
    profile = profile or active_profile()
    checked = CheckedClaim(claim)
    sources = store.sources()
    if claim.state_from is None or claim.state_to is None:
        checked.explanation = "; ".join(claim.problems) or "no period: nothing to measure"
        return _unit_override(checked)
    if not sources:
        checked.explanation = "no control maps in the store: import some with `frontwatch territory import PATH`"
        return _unit_override(checked)
    measure = {Measure.AREA: _area_figure, Measure.SETTLEMENTS: _settlement_figure,
               Measure.RECORD: _record_figure}[claim.kind.measure]
    for source in order_sources(sources, claim.map_source):  # the credited map first
        for layer in layer_sets(store, source):
            try:
                checked.computed.append(measure(store, claim, source, layer, profile))
            except FrontwatchError as exc:
                checked.computed.append(Figure(source=source, layer=layer, reason=str(exc)))
    checked.verdict, checked.explanation = _verdict(claim, checked.computed, sources, profile)
    return _unit_override(checked)


def _unit_override(checked: CheckedClaim) -> CheckedClaim:
    units = [p for p in checked.claim.problems if p.startswith("contradictory units")]
    if units:
        checked.verdict = Verdict.INCONSISTENT
        checked.explanation = f"the article contradicts itself ({units[0]}); as first stated: {checked.explanation}"
    return checked


def _states(result: Any) -> dict[str, Any]:
    """The states a figure used, with their snapshot dates and offsets in days from the dates asked."""
    d = result.to_dict()
    return {"start": with_offset(d["from"]), "end": with_offset(d["to"])}


def _area_figure(store: Store, claim: Claim, source: str, layer: str, profile: ConflictProfile) -> AreaFigure:
    from ..territory.changes import change

    result = change(store, layer=layer, start=claim.state_from, end=claim.state_to, source=source)  # type: ignore[arg-type]
    sign = 1.0 if claim.kind.held_ground_grows else -1.0
    value = sign * result.net_km2
    claimed = claim.value or 0.0
    figure = AreaFigure(source=source, layer=layer, value_km2=round(value, 1),
                        value_mi2=round(km2_to_sq_miles(value), 1), gained_km2=round(result.gained_km2, 1),
                        lost_km2=round(result.lost_km2, 1), net_km2=round(result.net_km2, 1), **_states(result),
                        verdict=Verdict.of(agrees(value, claimed, claim.qualifier)))
    coarse = coarse_figure(store, source, layer, claim.state_from, claim.state_to)  # type: ignore[arg-type]
    if coarse.get("enclosing"):  # a weekly map: the maps enclosing the period bound the change (credited.py)
        outer = coarse["enclosing"]
        figure.enclosing = Enclosing(gained_km2=outer["gained_km2"], lost_km2=outer["lost_km2"],
                                     net_km2=outer["net_km2"], start=outer["from"], end=outer["to"],
                                     value_km2=round(sign * outer["net_km2"], 1))
        figure.verdict = Verdict.of(bracket_verdict(value, sign * outer["net_km2"], claimed, agrees, claim.qualifier))
    if coarse:
        figure.coarse, figure.cadence_days = True, coarse.get("cadence_days")
    return figure


def _settlement_figure(store: Store, claim: Claim, source: str, layer: str,
                       profile: ConflictProfile) -> SettlementFigure:
    from ..dedup.places import normalise
    from ..territory.changes import change

    result = change(store, layer=layer, start=claim.state_from, end=claim.state_to, source=source,  # type: ignore[arg-type]
                    settlements=True)
    wanted = "taken" if claim.kind.held_ground_grows else "lost"
    region = normalise(claim.region or "")[:6]
    places = [s for s in result.settlements if s.change == wanted
              and (not region or normalise(s.admin1 or "").startswith(region))]
    claimed = claim.value or 0.0
    tolerance = max(SETTLEMENT_ABS, SETTLEMENT_REL * claimed)
    complete = settlements_complete(claim.region, profile)
    verdict = Verdict.CONSISTENT if abs(len(places) - claimed) <= tolerance else \
        Verdict.INCONSISTENT if len(places) > claimed or complete else Verdict.UNVERIFIABLE
    figure = SettlementFigure(source=source, layer=layer, value=len(places),
                              settlements=[s.name for s in places][:50], **_states(result), verdict=verdict)
    if verdict is Verdict.UNVERIFIABLE:
        figure.reason = (f"{len(places)} places of 500+ people changed hands on {profile.display(source)} {layer}: "
                         f"a lower bound (hamlets outside {profile.complete_where()} are not in the gazetteer)")
    return figure


def settlements_complete(region: str | None, profile: ConflictProfile | None = None) -> bool:
    """Whether the gazetteer lists every settlement of the claim's region (the profile's complete_gazetteer
    countries: Ukraine's, from ua-places)."""
    if not region:
        return False
    from ..geocode import Geocoder

    place = Geocoder().resolve(f"{region} region")
    return place is not None and place.country in (profile or active_profile()).complete_gazetteer


def _record_figure(store: Store, claim: Claim, source: str, layer: str, profile: ConflictProfile) -> Figure:
    from ..territory.records import record

    if claim.actor == profile.defender.name:
        return Figure(source=source, layer=layer,
                      reason=f"records of {profile.defender.adjective} gains are not computed")
    result = record(store, window=claim.window_days or 7, at=claim.state_to, layer=layer,  # type: ignore[arg-type]
                    source=source).to_dict()
    since = result.get("largest_since")
    threshold = record_threshold(claim)
    figure = RecordFigure(source=source, layer=layer, net_km2=result.get("net_km2"), largest_since=since,
                          needed_since=threshold.isoformat() if threshold else None,
                          rank_in_last_365_days=result.get("rank_in_last_365_days"))
    since_day = date.fromisoformat(str(since)[:10]) if since else None
    off = [with_offset(result[end])["offset_days"] for end in ("from", "to") if result.get(end)]
    if any(off) and cadence_days(Timeline(store, source, layer)) > COARSE_CADENCE_DAYS:
        # A weekly map cannot hold a rolling window whose ends fall between its maps: the record it would rank
        # is another window's, so it neither confirms nor refutes the claim.
        figure.reason = (f"{profile.display(source)} maps are coarser than daily: the window's ends fall "
                         f"{off[0]:+d} / {off[-1]:+d} days from its maps, so its rolling record is another window's")
    elif threshold is None or since_day is None:
        figure.reason = "the claim gives no look-back to compare with"
    elif since_day <= threshold:
        figure.verdict = Verdict.CONSISTENT
    elif result.get("largest_on_record"):  # no larger window at all, but the data begin inside the look-back
        figure.reason = f"{profile.display(source)} data begin on {since}, after the look-back starts ({threshold})"
    else:
        figure.verdict = Verdict.INCONSISTENT
    return figure


def _verdict(claim: Claim, computed: list[Figure], sources: list[str],
             profile: ConflictProfile) -> tuple[Verdict, str]:
    usable = [f for f in computed if f.usable]
    decisive = [f for f in usable if f.source == claim.map_source] or usable
    if not decisive:
        return Verdict.UNVERIFIABLE, explain(claim, computed, Verdict.UNVERIFIABLE, sources, profile)
    verdict = Verdict.of(any(f.verdict is Verdict.CONSISTENT for f in decisive))
    return verdict, explain(claim, computed, verdict, sources, profile)
