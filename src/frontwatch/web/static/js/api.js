// Talking to the frontwatch API and building DOM safely (text always via textContent, never HTML).

/** GET a JSON document; rejects with the API's error message ({"error", "message", "status"}). */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `${response.status} ${response.statusText}`);
  return body;
}

/** `url` when it is an absolute http(s) address, else null: a javascript: or data: address must never
 * become a link (issue 15; the API refuses them at ingest, this guards articles stored before). */
export function webUrl(url) {
  if (typeof url !== "string" || /[\u0000-\u0020\u007f]/.test(url.trim())) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** el("a", {href: "/x", class: "y"}, "text", child...): an element with attributes and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Marker colours by ACLED event type (the six types of the ACLED codebook). */
export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#17becf",
};
export const typeColour = (t) => TYPE_COLOURS[t] || "#555";

/** "2" or "2 (1–3)" for UCDP-style best/low/high figures; "—" when unknown. */
export function deaths(f) {
  if (!f || f.best === null || f.best === undefined) return "—";
  if (f.low !== null && f.high !== null && (f.low !== f.best || f.high !== f.best)) return `${f.best} (${f.low}–${f.high})`;
  return String(f.best);
}

/** ISO date arithmetic in UTC (dates are calendar days, no time zone shifts). */
export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
