// The event table: server-side filtered and paginated; each row can open its marker's popup.
import { deaths, el, getJSON, typeColour } from "./api.js";

const PAGE = 25;

export class EventTable {
  constructor({ table, status, prev, next, pageLabel, onShow }) {
    this.body = table.querySelector("tbody");
    this.status = status;
    this.prev = prev;
    this.next = next;
    this.pageLabel = pageLabel;
    this.onShow = onShow;
    this.query = {};
    this.offset = 0;
    this.pageSize = PAGE;  // lowered to the server's page cap when that is smaller
    prev.addEventListener("click", () => this.load(Math.max(0, this.offset - this.pageSize)));
    next.addEventListener("click", () => this.load(this.offset + this.pageSize));
  }

  /** Show the first page of events matching `query` (the API's /events parameters). */
  async show(query) {
    this.query = query;
    return this.load(0);
  }

  async load(offset) {
    this.offset = offset;
    this.status.textContent = "Loading events…";
    try {
      const page = await getJSON("/events", { ...this.query, limit: this.pageSize, offset, total: offset === 0 ? "true" : "" });
      if (page.total !== null && page.total !== undefined) this.total = page.total;
      this.render(page);
    } catch (err) {
      this.status.textContent = `Could not load events: ${err.message}`;
      this.status.classList.add("error");
    }
  }

  render(page) {
    this.status.classList.remove("error");
    const first = page.events.length ? page.offset + 1 : 0;
    const last = page.offset + page.events.length;
    this.status.textContent = this.total ? `Events ${first}–${last} of ${this.total}` : "No events match.";
    this.pageLabel.textContent = this.total ? `page ${Math.floor(page.offset / this.pageSize) + 1} of ${Math.ceil(this.total / this.pageSize)}` : "";
    this.prev.disabled = page.offset === 0;
    this.next.disabled = page.next_offset === null;
    this.body.replaceChildren(...page.events.map((e) => this.row(e)));
  }

  row(e) {
    const place = e.location ? e.location.name : "unplaced";
    const show = el("button", { type: "button", class: "show", "aria-label": `Show ${e.sub_event_type} in ${place} on ${e.date_start} on the map`,
      onclick: () => this.onShow(e) }, "Map");
    const article = el("a", { href: `/article/${encodeURIComponent(e.doc_id)}#event-${e.id}`,
      "aria-label": `Read the article reporting ${e.sub_event_type} in ${place}` }, "Text");
    return el("tr", { "data-event-id": e.id },
      el("td", {}, e.date_start || "?"),
      el("td", {}, el("span", { class: "dot type-dot", style: `background:${typeColour(e.event_type)}`, "aria-hidden": "true" }), e.sub_event_type),
      el("td", {}, place),
      el("td", {}, deaths(e.fatalities)),
      el("td", {}, e.claimant || "—"),
      el("td", {}, show, " ", article));
  }

  highlight(id) {
    for (const tr of this.body.querySelectorAll("tr")) tr.classList.toggle("active", Number(tr.dataset.eventId) === id);
  }
}
