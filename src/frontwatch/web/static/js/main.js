// The dashboard: one state (date, window, layer, filters) drives the map, the markers, the table and the timeline.
import { addDays, el, getJSON } from "./api.js";
import { ConflictMap } from "./map.js";
import { SourceTable } from "./sources.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
let MARKER_LIMIT = 1000;  // markers per view, at most the server's page cap: keeps a year of events fast

const state = { date: null, window: 7, layer: "occupied", filters: {} };
const map = new ConflictMap($("map"), $("legend"));
const table = new EventTable({ table: $("events-table"), status: $("table-status"), prev: $("prev"), next: $("next"),
  pageLabel: $("page-label"), onShow: (e) => showEvent(e) });
const timeline = new Timeline($("timeline"), (date) => setDate(date));
const bySource = new SourceTable($("sources-change"));
window.frontwatch = { map: map.map, state, setDate, ready: false };  // for people poking around and for tests

function eventQuery() {
  return { ...state.filters, start: addDays(state.date, 1 - state.window), end: state.date };
}

async function showEvent(e) {
  table.highlight(e.id);
  if (!map.openEvent(e.id) && e.location && e.location.lat !== null) {
    map.map.setView([e.location.lat, e.location.lon], 9);
  }
}

async function refreshEvents() {
  const [markers] = await Promise.all([
    getJSON("/events", { ...eventQuery(), format: "geojson", limit: MARKER_LIMIT }),
    table.show(eventQuery()),
  ]);
  map.showEvents(markers.features);
  if (markers.next_offset !== null) {
    $("table-status").append(` (map shows the latest ${MARKER_LIMIT}; narrow the filters to see all)`);
  }
}

async function refreshControl() {
  const note = $("snapshot-note");
  try {
    const props = await map.showControl(state.date, state.layer, state.window);
    const change = props.change;
    note.textContent = `Map: ${props.source} snapshot of ${props.snapshot_time.replace("T", " ").replace("Z", " UTC")}`
      + (change ? `; ${state.layer} over ${state.window} days: +${change.gained_km2.toFixed(1)} / −${change.lost_km2.toFixed(1)} km²` : "");
    note.classList.remove("error");
  } catch (err) {
    note.textContent = `No control map for ${state.date}: ${err.message}`;
    note.classList.add("error");
  }
}

/** Set the map's date: redraws control layers, markers and the table; marks the timeline's week. */
async function setDate(date) {
  state.date = date;
  $("date").value = date;
  timeline.select(date);
  window.frontwatch.ready = false;
  await Promise.all([refreshControl(), refreshEvents(), bySource.show(date, state.layer, state.window)]);
  document.body.dataset.date = date;
  window.frontwatch.ready = true;
}

async function loadTimeline() {
  try {
    const points = await getJSON("/territory/series", { freq: "week", layer: state.layer });
    timeline.draw(points, state.date);
  } catch (err) {
    $("timeline").replaceChildren(el("p", { class: "note" }, `No timeline: ${err.message}`));
  }
}

async function loadFacets() {
  const facets = await getJSON("/events/facets");
  const type = $("f-type"), sub = $("f-sub");
  for (const t of facets.event_types) type.append(el("option", { value: t.event_type }, `${t.event_type} (${t.count})`));
  const fillSubs = () => {
    sub.replaceChildren(el("option", { value: "" }, "any"));
    for (const t of facets.event_types) {
      if (type.value && t.event_type !== type.value) continue;
      for (const s of t.sub_event_types) sub.append(el("option", { value: s.sub_event_type }, `${s.sub_event_type} (${s.count})`));
    }
  };
  type.addEventListener("change", fillSubs);
  fillSubs();
  return facets;
}

function wireControls() {
  $("date").addEventListener("change", (e) => e.target.value && setDate(e.target.value));
  $("window").addEventListener("change", (e) => { state.window = Number(e.target.value); setDate(state.date); });
  $("layer").addEventListener("change", (e) => { state.layer = e.target.value; loadTimeline(); setDate(state.date); });
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = Object.fromEntries([...new FormData(e.target)].filter(([, v]) => v !== ""));
    setDate(state.date);
  });
  $("filters").addEventListener("reset", () => { state.filters = {}; setTimeout(() => setDate(state.date)); });
}

async function start() {
  wireControls();
  const [info, facets, server] = await Promise.all([getJSON("/territory/info"), loadFacets(), getJSON("/settings"),
    map.loadRegions()]);
  MARKER_LIMIT = Math.min(MARKER_LIMIT, server.settings.page_limit_max);
  table.pageSize = Math.min(table.pageSize, server.settings.page_limit_max);
  const source = info.sources[0];
  bySource.enabled = info.sources.length > 1;
  // start at the latest day that has both a map and events, else whichever exists
  const lastMap = source ? source.last.slice(0, 10) : null;
  const lastEvent = facets.last_date;
  const initial = new URLSearchParams(location.search).get("date")
    || (lastMap && lastEvent ? (lastEvent < lastMap ? lastEvent : lastMap) : lastMap || lastEvent || new Date().toISOString().slice(0, 10));
  if (source) { $("date").min = source.first.slice(0, 10); $("date").max = lastMap; }
  state.date = initial;
  await loadTimeline();
  await setDate(initial);
}

start().catch((err) => {
  $("snapshot-note").textContent = `Could not start: ${err.message}`;
  $("snapshot-note").classList.add("error");
});
