// The article view: the text with each event's evidence span highlighted, and the list of events.
import { deaths, el, getJSON, typeColour, webUrl } from "./api.js";

const docId = decodeURIComponent(location.pathname.replace(/^\/article\//, ""));

/** Split `text` at every evidence boundary; a piece covered by any span becomes a <mark>. */
function highlighted(text, events) {
  const spans = events.filter((e) => e.evidence && e.evidence.start !== null && e.evidence.end > e.evidence.start
    && e.evidence.end <= text.length);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((e) => [e.evidence.start, e.evidence.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((e) => e.evidence.start <= a && b <= e.evidence.end);
    const piece = text.slice(a, b);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const first = covering[0];
    nodes.push(el("mark", { class: "evidence", "data-event-ids": covering.map((e) => e.id).join(" "),
      id: a === first.evidence.start ? `event-${first.id}` : null, tabindex: a === first.evidence.start ? 0 : null,
      title: covering.map((e) => `${e.sub_event_type} (${e.location ? e.location.name : "unplaced"})`).join("; ") }, piece));
  }
  return nodes;
}

function focusEvent(id) {
  for (const m of document.querySelectorAll("mark.evidence")) {
    m.classList.toggle("current", m.dataset.eventIds.split(" ").includes(String(id)));
  }
  const target = document.getElementById(`event-${id}`);
  if (target) { target.scrollIntoView({ block: "center" }); target.focus({ preventScroll: true }); }
}

async function start() {
  const article = await getJSON(`/articles/${encodeURIComponent(docId)}`);
  document.title = `frontwatch: ${article.title || article.doc_id}`;
  document.getElementById("title").textContent = article.title || article.doc_id;
  const meta = [article.outlet, article.published].filter(Boolean).join(", ");
  const original = webUrl(article.url);
  // spread: replaceChildren takes nodes, and would print an array as text ("[object HTMLAnchorElement]")
  document.getElementById("meta").replaceChildren(meta, ...(original ? [" · ", el("a", { href: original, rel: "noopener noreferrer" }, "original")] : []));
  document.getElementById("text").replaceChildren(...highlighted(article.text, article.events));
  document.getElementById("event-list").replaceChildren(...article.events.map((e) => el("li", {},
    el("span", { class: "dot", style: `background:${typeColour(e.event_type)}`, "aria-hidden": "true" }), " ",
    el("button", { type: "button", onclick: () => { history.replaceState(null, "", `#event-${e.id}`); focusEvent(e.id); } },
      `${e.sub_event_type}`),
    el("div", { class: "note" }, [e.location && e.location.name, e.date_start, `deaths ${deaths(e.fatalities)}`,
      e.claimant && `claimed by ${e.claimant}`].filter(Boolean).join(" · ")))));
  const wanted = location.hash.match(/^#event-(\d+)$/);
  if (wanted) focusEvent(Number(wanted[1]));
  document.body.dataset.ready = "1";
}

start().catch((err) => {
  document.getElementById("title").textContent = "Article not available";
  document.getElementById("meta").textContent = err.message;
  document.getElementById("meta").classList.add("error");
  document.body.dataset.ready = "1";
});
