// The timeline: one SVG bar per week of net change (km²); clicking a week (or Enter/Space on it) sets the date.
import { el } from "./api.js";

const NS = "http://www.w3.org/2000/svg";
const svg = (tag, attrs = {}) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
};

export class Timeline {
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
    this.points = [];
  }

  /** Draw `points` ([{start, end, gained_km2, lost_km2, net_km2}]) and mark the week containing `selected`. */
  draw(points, selected) {
    this.points = points;
    if (!points.length) { this.container.replaceChildren(el("p", { class: "note" }, "No territory series in the store.")); return; }
    const width = Math.max(this.container.clientWidth || 900, 300);
    const height = 130, top = 8, bottom = 20, left = 44;
    const barW = (width - left - 4) / points.length;
    // scale to the 95th percentile of |net| so a few huge weeks (spring 2022) do not flatten the rest;
    // taller bars are clipped and marked with a cap, their real value in their label
    const sorted = points.map((p) => Math.abs(p.net_km2)).sort((a, b) => a - b);
    const maxAbs = Math.max(1, Math.min(sorted[sorted.length - 1], 1.25 * sorted[Math.floor(0.95 * (sorted.length - 1))]));
    const y = (v) => top + (height - top - bottom) * (1 - (v + maxAbs) / (2 * maxAbs));
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "presentation" });
    root.append(svg("line", { x1: left, x2: width, y1: y(0), y2: y(0), stroke: "#888" }));
    for (const [v, label] of [[maxAbs, `+${Math.round(maxAbs)}`], [-maxAbs, `−${Math.round(maxAbs)}`], [0, "0"]]) {
      const t = svg("text", { x: left - 4, y: y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#555" });
      t.textContent = label;
      root.append(t);
    }
    let lastYear = null;
    points.forEach((p, i) => {
      const x = left + i * barW;
      const g = svg("g", { class: "bar-week", tabindex: 0, role: "button", "data-end": p.end,
        "aria-label": `Week ${p.start} to ${p.end}: net ${p.net_km2 >= 0 ? "+" : "−"}${Math.abs(p.net_km2).toFixed(1)} km² `
          + `(gained ${p.gained_km2.toFixed(1)}, lost ${p.lost_km2.toFixed(1)}). Show the map at ${p.end}.` });
      g.append(svg("rect", { class: "hit", x, y: top, width: Math.max(barW, 1), height: height - top - bottom, fill: "transparent" }));
      const v = Math.max(-maxAbs, Math.min(maxAbs, p.net_km2));
      g.append(svg("rect", { x: x + barW * 0.1, width: Math.max(barW * 0.8, 1), y: Math.min(y(v), y(0)),
        height: Math.max(Math.abs(y(v) - y(0)), 0.5), fill: v >= 0 ? "#a52714" : "#2979ff" }));
      if (Math.abs(p.net_km2) > maxAbs) {
        g.append(svg("rect", { x: x, width: Math.max(barW, 2), y: v > 0 ? top - 3 : y(v), height: 3, fill: "#111" }));
      }
      const title = svg("title"); title.textContent = g.getAttribute("aria-label"); g.append(title);
      const pick = () => this.onSelect(p.end);
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
      root.append(g);
      const year = p.end.slice(0, 4), month = p.end.slice(5, 7);
      if (year !== lastYear || (points.length < 60 && i % 4 === 0)) {
        const t = svg("text", { x, y: height - 6, "font-size": 10, fill: "#555" });
        t.textContent = year !== lastYear ? `${year}-${month}` : p.end.slice(5);
        root.append(t);
        lastYear = year;
      }
    });
    this.container.replaceChildren(root);
    this.select(selected);
  }

  /** Highlight the week whose range contains `date`. */
  select(date) {
    for (const g of this.container.querySelectorAll(".bar-week")) g.classList.remove("selected");
    const i = this.points.findIndex((p) => p.start <= date && date <= p.end);
    if (i >= 0) {
      const g = this.container.querySelectorAll(".bar-week")[i];
      g.classList.add("selected");
      g.setAttribute("aria-pressed", "true");
    }
  }
}
