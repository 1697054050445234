// Every source's change side by side (the API's source=all): its figure, the maps it used and their gap in days.
import { addDays, el, getJSON } from "./api.js";

const km2 = (v) => (v === null || v === undefined ? "—" : `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}`);
const gap = (s) => `${s.gap_days} d`;

/** A small table over the map, shown only when the store has more than one source. */
export class SourceTable {
  constructor(box) {
    this.box = box;
    this.enabled = false;
  }

  /** The change of `layer` over the `days` before `date` by every source; hidden with one source. */
  async show(date, layer, days) {
    if (!this.enabled) return;
    this.box.hidden = false;
    try {
      const body = await getJSON("/territory/changes", { from: addDays(date, -days), to: date, layer, source: "all" });
      this.box.replaceChildren(this.table(body, days), el("p", { class: "note" },
        "Gap: days between each end of the period and the map used (a weekly map cannot answer for an exact day)."));
    } catch (err) {
      this.box.replaceChildren(el("p", { class: "note error" }, `No side-by-side change: ${err.message}`));
    }
  }

  table(body, days) {
    const rows = body.sources.map((s) => el("tr", { "data-source": s.source,
      title: [s.note, s.layer_description].filter(Boolean).join("; ") || null },
      el("th", { scope: "row" }, s.source),
      el("td", { class: "num" }, km2(s.net_km2)),
      el("td", { class: "num" }, `+${s.gained_km2.toFixed(1)} / −${s.lost_km2.toFixed(1)}`),
      el("td", {}, `${s.from.snapshot_date} → ${s.to.snapshot_date}`),
      el("td", { class: "num gap" }, `${gap(s.from)} / ${gap(s.to)}`),
      el("td", {}, s.cadence)));
    const failed = body.failed.map((f) => el("tr", { "data-source": f.source },
      el("th", { scope: "row" }, f.source), el("td", { colspan: 5, class: "note" }, f.error)));
    return el("table", {},
      el("caption", {}, `${body.layer} over ${days} days (${body.from} → ${body.to}), km², by source`),
      el("thead", {}, el("tr", {}, ["Source", "Net", "Gained / lost", "Maps used", "Gap", "Cadence"].map(
        (h) => el("th", { scope: "col", title: h === "Gap" ? "days between each end of the period and the map used" : null }, h)))),
      el("tbody", {}, rows, failed));
  }
}
