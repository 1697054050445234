// The brief page: a week-ending date and a layer choose the brief the server renders (GET /brief?format=html).
import { getJSON } from "./api.js";

const $ = (id) => document.getElementById(id);
const form = $("brief-controls");
window.frontwatch = { ready: false };  // tests wait for this

function query() {
  return new URLSearchParams({ week_ending: $("week-ending").value, layer: $("brief-layer").value });
}

function show() {
  const q = query();
  $("brief-status").textContent = `Preparing the brief for the week to ${q.get("week_ending")}…`;
  $("brief-json").href = `/brief?${q}`;
  history.replaceState(null, "", `?${q}`);
  window.frontwatch.ready = false;
  $("brief-frame").src = `/brief?${q}&format=html`;
}

$("brief-frame").addEventListener("load", () => {
  const doc = $("brief-frame").contentDocument;
  const text = doc && doc.body ? doc.body.innerText.trim() : "";
  let message = "";
  if (text.startsWith("{")) {  // the API's JSON error answer, shown as one line
    try { message = JSON.parse(text).message || text; } catch { message = text; }
  }
  $("brief-status").textContent = message;
  window.frontwatch.ready = true;
});

form.addEventListener("submit", (e) => { e.preventDefault(); show(); });

async function start() {
  const params = new URLSearchParams(location.search);
  const layer = params.get("layer");
  if (layer) {  // a layer sum given in the address that the list lacks becomes a choice of its own
    if (![...$("brief-layer").options].some((o) => o.value === layer)) $("brief-layer").add(new Option(layer, layer));
    $("brief-layer").value = layer;
  }
  let day = params.get("week_ending");
  if (!day) {  // the latest map's day
    const info = await getJSON("/territory/info");
    const last = (info.sources[0] || {}).last;
    day = last ? last.slice(0, 10) : new Date().toISOString().slice(0, 10);
  }
  $("week-ending").value = day;
  show();
}

start();
