// The Leaflet map: region boundaries as the base (no tiles), control layers at a date with the
// period's gained and lost ground, and event markers with popups.
import { deaths, el, getJSON, typeColour, TYPE_COLOURS } from "./api.js";

/* global L */
const LAYER_STYLE = {
  occupied: { color: "#7f1d12", fillColor: "#a52714", fillOpacity: 0.35, weight: 1 },
  occupied_pre2022: { color: "#5c0a34", fillColor: "#880e4f", fillOpacity: 0.35, weight: 1 },
  contested: { color: "#8d7f7a", fillColor: "#bcaaa4", fillOpacity: 0.55, weight: 1 },
  claimed: { color: "#8a6d00", fillColor: "#e0b400", fillOpacity: 0.3, weight: 1, dashArray: "4 3" },
  liberated: { color: "#0b6b3c", fillColor: "#0f9d58", fillOpacity: 0.15, weight: 0.5 },
  ukraine_held_in_russia: { color: "#013e70", fillColor: "#01579b", fillOpacity: 0.35, weight: 1 },
};
const CHANGE_STYLE = {
  gained: { color: "#e65100", fillColor: "#ff6d00", fillOpacity: 0.85, weight: 1.5 },
  lost: { color: "#0d47a1", fillColor: "#2979ff", fillOpacity: 0.85, weight: 1.5 },
};

export class ConflictMap {
  constructor(element, legend) {
    this.map = L.map(element, { preferCanvas: false, zoomSnap: 0.25, attributionControl: true, keyboard: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries and control layers from the frontwatch store");
    this.map.setView([48.5, 35.0], 6);
    this.map.createPane("regions").style.zIndex = 350;
    this.map.createPane("control").style.zIndex = 400;
    this.map.createPane("change").style.zIndex = 420;
    this.canvas = L.canvas({ padding: 0.2 });  // thousands of markers stay fast on a canvas
    this.regions = L.layerGroup().addTo(this.map);
    this.control = L.layerGroup().addTo(this.map);
    this.events = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.legend = legend;
    this.fitted = false;
  }

  async loadRegions() {
    const fc = await getJSON("/territory/regions");
    this.regions.clearLayers();
    const layer = L.geoJSON(fc, {
      pane: "regions", interactive: false,
      style: (f) => (f.properties.kind === "outline"
        ? { color: "#777", weight: 1, dashArray: "4 4", fill: true, fillColor: "#f3f1ea", fillOpacity: 1 }
        : { color: "#6b6b6b", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 }),
    }).addTo(this.regions);
    if (fc.features.length && !this.fitted) { this.map.fitBounds(layer.getBounds(), { padding: [10, 10] }); this.fitted = true; }
    return fc;
  }

  /** Draw the control layers at `date`; returns the snapshot's properties (time, change figures). */
  async showControl(date, layer, sinceDays) {
    const fc = await getJSON("/territory/snapshot", { date, layer, since_days: sinceDays });
    this.control.clearLayers();
    const order = (f) => (f.properties.kind === "layer" ? 0 : 1);
    fc.features.sort((a, b) => order(a) - order(b));
    for (const feature of fc.features) {
      const kind = feature.properties.kind;
      const style = kind === "layer" ? (LAYER_STYLE[feature.properties.layer] || { color: "#555", fillOpacity: 0.2, weight: 1 })
        : CHANGE_STYLE[kind];
      const className = `fw-${kind} fw-layer-${feature.properties.layer.replaceAll("+", "-")}`;
      L.geoJSON(feature, { pane: kind === "layer" ? "control" : "change", style: { ...style, className }, interactive: kind !== "layer" })
        .bindTooltip(`${kind === "layer" ? feature.properties.layer : `${kind} (${feature.properties.layer})`}: `
          + `${feature.properties.area_km2.toLocaleString("en", { maximumFractionDigits: 1 })} km²`)
        .addTo(this.control);
    }
    this.drawLegend(fc);
    if (!this.fitted) {
      const b = L.geoJSON(fc).getBounds();
      if (b.isValid()) { this.map.fitBounds(b, { padding: [10, 10] }); this.fitted = true; }
    }
    return fc.properties;
  }

  drawLegend(fc) {
    const present = new Set(fc.features.map((f) => (f.properties.kind === "layer" ? f.properties.layer : f.properties.kind)));
    const rows = [el("h3", {}, "Control")];
    for (const [name, style] of Object.entries({ ...LAYER_STYLE, ...CHANGE_STYLE })) {
      if (!present.has(name)) continue;
      rows.push(el("div", {}, el("span", { class: "swatch", style: `background:${style.fillColor}` }),
        name === "gained" ? "gained in the period" : name === "lost" ? "lost in the period" : name.replaceAll("_", " ")));
    }
    rows.push(el("h3", {}, "Events"));
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      rows.push(el("div", {}, el("span", { class: "dot", style: `background:${colour}` }), type));
    }
    this.legend.replaceChildren(...rows);
  }

  /** Replace the event markers with `features` (GeoJSON points from /events?format=geojson). */
  showEvents(features) {
    this.events.clearLayers();
    this.markers.clear();
    for (const feature of features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const event = feature.properties;
      const marker = L.circleMarker([lat, lon], {
        renderer: this.canvas, radius: 7, weight: 1.5, color: "#222", fillColor: typeColour(event.event_type), fillOpacity: 0.9,
      });
      let content = null;  // built on first opening, then kept (Leaflet calls this again on update())
      marker.bindPopup(() => (content ||= popupContent(event)), { maxWidth: 320 });
      marker.on("popupopen", (e) => addSources(e.popup, event));
      marker.addTo(this.events);
      this.markers.set(event.id, marker);
    }
  }

  /** Open the popup of an event's marker (from the table: the keyboard path to every marker). */
  openEvent(id) {
    const marker = this.markers.get(id);
    if (!marker) return false;
    this.map.panTo(marker.getLatLng());
    marker.openPopup();
    return true;
  }
}

function popupContent(event) {
  const loc = event.location || {};
  const when = event.date_end && event.date_end !== event.date_start ? `${event.date_start} to ${event.date_end}` : event.date_start;
  const rows = [["What", `${event.event_type}: ${event.sub_event_type}`], ["Where", [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ")],
    ["When", when || "unknown"], ["Deaths", deaths(event.fatalities)], ["Claimant", event.claimant || "—"]];
  if (event.actor1) rows.push(["Actors", [event.actor1, event.actor2].filter(Boolean).join(" vs ")]);
  return el("div", { class: "popup", "data-event-id": event.id },
    el("h3", {}, event.sub_event_type),
    el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("p", { class: "note" }, "“", event.evidence ? event.evidence.text : "", "”"),
    el("ul", { class: "sources" }),
    el("a", { href: `/article/${encodeURIComponent(event.doc_id)}#event-${event.id}`, class: "article-link" }, "Read the article"));
}

async function addSources(popup, event) {
  const list = popup.getElement() && popup.getElement().querySelector(".sources");
  if (!list || list.dataset.loaded) return;
  list.dataset.loaded = "1";
  try {
    const detail = await getJSON(`/events/${event.id}`);
    if (detail.sources.length < 2) return;
    const inc = detail.incident || {};
    const fb = inc.fatalities_best;
    const range = fb ? ` Deaths reported: ${fb.min === fb.max ? fb.min : `${fb.min}–${fb.max}`}${inc.contradicting ? " (the sources disagree)" : ""}.` : "";
    list.before(el("p", { class: "note" }, `Reported by ${detail.sources.length} sources; claimants: ${detail.claimants.join("; ") || "—"}.${range}`));
    for (const s of detail.sources) {
      list.append(el("li", {}, el("a", { href: `/article/${encodeURIComponent(s.doc_id)}#event-${s.event_id}` },
        (s.article && (s.article.outlet || s.article.title)) || s.doc_id), `: ${s.claimant || "unattributed"}, deaths ${deaths(s.fatalities)}`));
    }
    popup.update();
  } catch (err) {
    list.append(el("li", { class: "error" }, err.message));
  }
}
