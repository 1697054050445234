"""``build_brief``: one document for a period, from every map source, the stored events and the checked claims.

The document is JSON first (``Brief.to_dict``); the Markdown and HTML renderers only lay it out, so every
number a reader sees is in the JSON with the snapshots and layers it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .. import __version__
from .checks import claims_section
from .figures import change_map, weekly_chart
from .ground import SourceSection, ground_sections, source_name
from .incidents import events_section
from .period import BriefPeriod
from .prose import claim_sentences, event_sentences, ground_sentences

if TYPE_CHECKING:
    from ..store import Store

METHOD = ("Areas are geodesic on the WGS84 ellipsoid. The state at a date is the map's latest snapshot taken "
          "at or before 23:59:59 that day; a period runs from the state at its first date to the state at its "
          "last, and its events are those dated from the next day on. Settlements are gazetteer places whose "
          "point lies in the changed ground. Incidents are clusters of reports merged by deduplication.")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Brief:
    """A period's brief: the JSON document and the PNG images it names."""

    period: BriefPeriod
    layer: str
    tz: str
    ground: list[SourceSection]
    events: dict[str, Any]
    claims: dict[str, Any]
    store: str
    generated_at: str = field(default_factory=utc_now)
    images: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        return f"Weekly brief: {self.period.label}" if self.period.days == 7 else f"Brief: {self.period.label}"

    def to_dict(self) -> dict[str, Any]:
        label = self.period.label
        ground = [s.to_dict() for s in self.ground]
        for section, raw in zip(ground, self.ground, strict=True):
            section["summary"] = ground_sentences(section, label)
            section["images"] = {kind: name for kind, name in _image_names(raw.source).items() if name in self.images}
        # the lead: each map's figure, and its record when it sets one
        summary = [s for section in ground for s in section["summary"]
                   if s is section["summary"][0] or _is_record(s)]
        if not ground:
            summary.append("No control map is stored: import one with frontwatch territory import PATH.")
        events = {**self.events, "summary": event_sentences(self.events, label)}
        claims = {**self.claims, "summary": claim_sentences(self.claims)}
        return {
            "title": self.title, "period": self.period.to_dict(), "layer": self.layer, "tz": self.tz,
            "summary": summary + events["summary"][:1], "ground": ground, "events": events, "claims": claims,
            "method": METHOD, "generated_at": self.generated_at, "store": self.store,
            "generator": f"frontwatch {__version__}",
        }


def _is_record(sentence: str) -> bool:
    """The record sentence of ``prose`` ("It is the largest 7-day gain since ..."), not the rank one."""
    return sentence.startswith("It is the largest ") and ("-day gain" in sentence or "-day growth" in sentence)


def _image_names(source: str) -> dict[str, str]:
    return {"map": f"map-{source}.png", "weekly": f"weekly-{source}.png"}


def build_brief(store: Store, period: BriefPeriod, *, layer: str = "occupied", tz: str = "UTC",
                images: bool = True, claims: bool = True) -> Brief:
    """Assemble the brief for ``period`` from ``store`` (images drawn unless ``images=False``)."""
    from ..territory.layers import parse_layers
    from ..territory.periods import zone

    zone(tz)  # a bad time zone or layer expression is the user's to fix, not a note per source
    parse_layers(layer)
    sections = ground_sections(store, period, layer, tz)
    brief = Brief(period=period, layer=layer, tz=tz, ground=sections, events=events_section(store, period),
                  claims=claims_section(store, period) if claims else
                  {"articles_checked": 0, "articles_with_hints": 0, "claims": [], "errors": [],
                   "note": "claims not checked (turned off)"},
                  store=str(store.target))
    if images:
        regions = store.load_regions() if store.count_regions() else []
        for section in sections:
            brief.images.update(_draw(section, period, regions))
    return brief


def _draw(section: SourceSection, period: BriefPeriod,
          regions: list[tuple[str, str | None, Any]]) -> dict[str, bytes]:
    names, out = _image_names(section.source), {}
    change = section.change
    if change is not None:
        picture = change_map(change.gained, change.lost, context=section.context, before_2022=section.before_2022,
                             regions=regions,
                             settlements=[s.to_dict() for s in change.settlements],
                             title=f"{source_name(section.source)}, {section.layer}: gained and lost, {period.label}")
        if picture:
            out[names["map"]] = picture
    chart = weekly_chart(section.weekly, title=f"{source_name(section.source)}, {section.layer}: net change per "
                         f"7 days to {period.end:%d %b %Y}, the period dark")
    if chart:
        out[names["weekly"]] = chart
    return out
