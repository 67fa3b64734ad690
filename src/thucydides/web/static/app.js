/* Thucydides' web page: the map of events, the timeline that filters it, the event and entity panels.
   All report text goes into the page as text nodes (never as HTML), so a report cannot run code here. */
"use strict";

const TYPE_COLORS = {
  BATTLE: "#c2462f", OFFENSIVE: "#e07b39", ATTACK: "#d9a21b", VIOLENCE_AGAINST_CIVILIANS: "#8e2a6b",
  WITHDRAWAL: "#5b8c5a", CASUALTIES: "#6d2f2f", MATERIEL: "#7a6a4f", LEADERSHIP: "#3c6e9f", DEPLOYMENT: "#4f9fb8",
  SUPPORT: "#6a8dbf", STATEMENT: "#8c96a3", PROTEST: "#2e9c8f", AGREEMENT: "#4caf50", ARREST: "#5c4f8c",
};
const DAY = 86400000;
const state = { events: [], range: null, byId: new Map(), markers: new Map(), total: 0 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined && !(key === "min_sources" && Number(value) === 0)) {
      url.searchParams.set(key, value);
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch (e) { /* not JSON */ }
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return response.json();
}

function whenText(start, end) {
  if (!start) return "date unknown";
  return !end || end === start ? start : `${start} – ${end}`;
}

function setStatus(text) { document.getElementById("status").textContent = text; }

/* ---- the map ---------------------------------------------------------------------------------- */

const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 13 }).setView([30, 30], 3);
const cluster = L.markerClusterGroup({ maxClusterRadius: 28, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
map.addLayer(cluster);

async function baseMap() {
  const config = await api("/api/config");
  if (config.tile_url) {
    L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "" }).addTo(map);
    return;
  }
  const world = await (await fetch("/static/vendor/naturalearth/countries-50m.geojson")).json();
  L.geoJSON(world, { interactive: false, style: { color: "#8a949e", weight: 0.6, fillColor: "#f1efe9", fillOpacity: 1 } })
    .addTo(map);
  map.attributionControl.addAttribution("Natural Earth");
}

function markerFor(event) {
  const marker = L.circleMarker([event.lat, event.lon], {
    radius: 7 + Math.min(5, event.sources - 1), color: "#1d232a", weight: 1,
    fillColor: TYPE_COLORS[event.type] || "#777", fillOpacity: 0.9, className: `thuc-marker type-${event.type}`,
  });
  marker.eventId = event.id;
  marker.on("add", () => {
    const path = marker.getElement();
    if (path) path.setAttribute("data-event-id", event.id);
  });
  marker.on("click", () => { window.location.hash = `#/event/${event.id}`; });
  marker.bindTooltip(`${event.type.replaceAll("_", " ").toLowerCase()} · ${event.place || "?"} · ${whenText(event.start, event.end)}`);
  return marker;
}

function inRange(event) {
  if (!state.range) return true;
  if (!event.start) return false;
  const start = Date.parse(event.start), end = Date.parse(event.end || event.start);
  return start <= state.range[1] && end >= state.range[0];
}

function drawMarkers(fit) {
  cluster.clearLayers();
  const shown = state.events.filter((e) => e.lat !== null && inRange(e));
  cluster.addLayers(shown.map((e) => state.markers.get(e.id)));
  document.getElementById("map").setAttribute("data-markers", String(shown.length));
  const unplaced = state.events.filter((e) => e.lat === null && inRange(e)).length;
  setStatus(`${shown.length} events on the map` + (unplaced ? `, ${unplaced} without a place` : "")
    + (state.total > state.events.length ? ` (the newest ${state.events.length} of ${state.total})` : ""));
  if (fit && shown.length) map.fitBounds(L.latLngBounds(shown.map((e) => [e.lat, e.lon])).pad(0.3), { maxZoom: 7 });
}

/* ---- the timeline ----------------------------------------------------------------------------- */

const timeline = { svg: document.getElementById("timeline-svg"), lo: 0, hi: 0, width: 0 };

function drawTimeline() {
  const node = timeline.svg;
  node.replaceChildren();
  const dated = state.events.filter((e) => e.start);
  const label = document.getElementById("timeline-label");
  if (!dated.length) { label.textContent = "no dated events"; return; }
  const starts = dated.map((e) => Date.parse(e.start)), ends = dated.map((e) => Date.parse(e.end || e.start));
  timeline.lo = Math.min(...starts) - DAY;
  timeline.hi = Math.max(...ends) + 2 * DAY;
  timeline.width = node.clientWidth || 800;
  const span = timeline.hi - timeline.lo, bin = span > 400 * DAY ? 7 * DAY : DAY;
  const counts = new Map();
  for (const e of dated) {
    const key = Math.floor((Date.parse(e.start) - timeline.lo) / bin);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const most = Math.max(...counts.values()), height = 62, barWidth = Math.max(2, (timeline.width * bin) / span - 1);
  for (const [key, n] of counts) {
    const x = ((key * bin) / span) * timeline.width, h = Math.max(2, (n / most) * height);
    const t = timeline.lo + key * bin;
    const out = state.range && (t + bin <= state.range[0] || t > state.range[1]);
    node.append(svg("rect", { x, y: height - h, width: barWidth, height: h, class: out ? "bar out" : "bar" }));
  }
  for (const t of [timeline.lo + DAY, timeline.hi - 2 * DAY]) {
    const x = ((t - timeline.lo) / span) * timeline.width;
    const text = svg("text", { x: Math.min(Math.max(x, 2), timeline.width - 70), y: 80, class: "axis" });
    text.textContent = new Date(t).toISOString().slice(0, 10);
    node.append(text);
  }
  if (state.range) {
    const a = ((state.range[0] - timeline.lo) / span) * timeline.width, b = ((state.range[1] - timeline.lo) / span) * timeline.width;
    node.append(svg("rect", { x: a, y: 0, width: Math.max(1, b - a), height, class: "brush" }));
    label.textContent = `showing ${new Date(state.range[0]).toISOString().slice(0, 10)} – `
      + `${new Date(state.range[1]).toISOString().slice(0, 10)} · double-click to show all`;
  } else {
    label.textContent = `${dated.length} dated events · drag across the timeline to show a period`;
  }
}

function timeAt(clientX) {
  const box = timeline.svg.getBoundingClientRect();
  const f = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
  return timeline.lo + f * (timeline.hi - timeline.lo);
}

let brushFrom = null;
timeline.svg.addEventListener("mousedown", (e) => { brushFrom = timeAt(e.clientX); e.preventDefault(); });
window.addEventListener("mousemove", (e) => {
  if (brushFrom === null) return;
  const to = timeAt(e.clientX);
  state.range = [Math.min(brushFrom, to), Math.max(brushFrom, to)];
  drawTimeline();
});
window.addEventListener("mouseup", (e) => {
  if (brushFrom === null) return;
  const to = timeAt(e.clientX);
  state.range = Math.abs(to - brushFrom) < DAY / 4 ? null : [Math.min(brushFrom, to), Math.max(brushFrom, to)];
  brushFrom = null;
  drawTimeline();
  drawMarkers(false);
});
timeline.svg.addEventListener("dblclick", () => { state.range = null; drawTimeline(); drawMarkers(false); });

/* ---- loading events --------------------------------------------------------------------------- */

function filterValues() {
  const form = document.getElementById("filters");
  return Object.fromEntries(new FormData(form).entries());
}

async function loadEvents(fit) {
  setStatus("loading…");
  try {
    const page = await api("/api/events", { ...filterValues(), limit: 5000 });
    state.events = page.items;
    state.total = page.total;
    state.byId = new Map(page.items.map((e) => [e.id, e]));
    state.markers = new Map(page.items.filter((e) => e.lat !== null).map((e) => [e.id, markerFor(e)]));
    state.range = null;
    drawTimeline();
    drawMarkers(fit);
  } catch (error) {
    setStatus(`could not load events: ${error.message}`);
  }
}

/* ---- panels ----------------------------------------------------------------------------------- */

const panel = document.getElementById("panel");

function entityLinks(names, ids) {
  if (!names.length) return ["?"];
  return names.flatMap((name, i) => [i ? ", " : "", ids[i] ? el("a", { href: `#/entity/${ids[i]}` }, name) : name]);
}

function markedText(text, start, end) {
  /* the report's text with the evidence sentence marked: three text nodes, one of them inside <mark> */
  const box = el("div", { class: "document-text" });
  const mark = el("mark", {}, text.slice(start, end));
  box.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  return { box, mark };
}

async function loadIntoPanel(path, what) {
  /* the record for a panel, with "loading…" meanwhile and the reason in the panel when it fails */
  panel.replaceChildren(el("p", { class: "meta" }, "loading…"));
  try {
    return await api(path);
  } catch (error) {
    panel.replaceChildren(el("p", {}, `${what}: ${error.message}`));
    return null;
  }
}

async function showEvent(id) {
  const detail = await loadIntoPanel(`/api/events/${id}`, `Event ${id}`);
  if (!detail) return;
  const e = detail.event;
  const head = [
    el("h2", {}, `${e.type.replaceAll("_", " ").toLowerCase()}${e.negated ? " (denied)" : ""}`),
    el("p", { class: "meta" }, whenText(e.start, e.end), " · ",
      e.place_id ? el("a", { href: `#/entity/${e.place_id}` }, e.place) : (e.place || "place unknown")),
    el("p", {}, el("b", {}, "who: "), ...entityLinks(e.actors, e.actor_ids), el("b", {}, "  to whom: "),
      ...entityLinks(e.targets, e.target_ids)),
    el("p", { class: "sources" },
      el("span", { class: "badge" }, `${e.reports} report${e.reports === 1 ? "" : "s"}`),
      el("span", { class: "badge" }, `${e.outlets} outlet${e.outlets === 1 ? "" : "s"}`),
      el("span", { class: "badge", "data-independent-sources": e.sources }, `${e.sources} independent source${e.sources === 1 ? "" : "s"}`),
      ...e.contradictions.map((c) => el("span", { class: "badge flag" }, `contradiction: ${c}`))),
    el("h3", {}, "according to"),
  ];
  panel.replaceChildren(...head);
  for (const r of detail.reports) {
    const section = el("div", { class: "report" },
      el("div", {}, el("b", {}, r.outlet || r.document_id), " ", el("span", { class: "meta" }, r.published || ""), " ",
        el("span", { class: `badge stance-${r.stance}` }, r.stance),
        r.contradiction ? el("span", { class: "badge flag" }, `says another ${r.contradiction}`) : null),
      el("div", { class: "chain" }, r.chain.join(" → "), r.cue ? ` (“${r.cue}”)` : ""),
      ...r.evidence.map((x) => el("blockquote", { class: "evidence" }, x.text)));
    panel.append(section);
    const toggle = el("a", {}, "show it in the report");
    section.append(toggle);
    toggle.addEventListener("click", async () => {
      const doc = await api(`/api/documents/${r.document_id}`);
      const first = r.evidence[0];
      const { box, mark } = markedText(doc.text || "", first ? first.start : 0, first ? first.end : 0);
      toggle.replaceWith(el("div", { class: "meta" }, doc.title || "", doc.url ? " · " : "", doc.url ? el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null), box);
      mark.scrollIntoView({ block: "center" });
    });
  }
  const marker = state.markers.get(e.id);
  if (marker && cluster.hasLayer(marker)) cluster.zoomToShowLayer(marker, () => {});
}

async function showEntity(id) {
  const detail = await loadIntoPanel(`/api/entities/${id}`, `Entity ${id}`);
  if (!detail) return;
  const x = detail.entity;
  panel.replaceChildren(
    el("h2", {}, x.name),
    el("p", { class: "meta" }, [x.type.toLowerCase(), x.kind, x.country, `${x.documents} reports`].filter(Boolean).join(" · ")),
    x.aliases.length ? el("p", {}, el("b", {}, "also: "), x.aliases.join(", ")) : "",
  );
  if (detail.roles.length) {
    const rows = detail.roles.map((r) => el("tr", {}, el("td", {}, r.start || ""), el("td", {}, r.end || ""),
      el("td", {}, r.title), el("td", {}, r.organization || ""), el("td", {}, r.status || ""), el("td", {}, r.reported || "")));
    panel.append(el("h3", {}, "roles over time"), el("table", { class: "roles" },
      el("tr", {}, ...["from", "to", "role", "organization", "status", "reported"].map((h) => el("th", {}, h))), ...rows));
  }
  panel.append(el("h3", {}, `events (${detail.events.length})`));
  for (const e of detail.events) {
    panel.append(el("div", {}, el("a", { href: `#/event/${e.id}` }, `${whenText(e.start, e.end)} · ${e.type.toLowerCase()} · ${e.place || "?"}`)));
  }
}

function route() {
  const [, kind, id] = window.location.hash.split("/");
  if (kind === "event" && id) showEvent(Number(id));
  else if (kind === "entity" && id) showEntity(Number(id));
}

/* ---- start ------------------------------------------------------------------------------------ */

function legend() {
  const box = document.getElementById("legend");
  const select = document.getElementById("f-type");
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = color;
    box.append(el("span", { class: "legend-item" }, swatch, type.replaceAll("_", " ").toLowerCase()));
    select.append(el("option", { value: type }, type.replaceAll("_", " ").toLowerCase()));
  }
}

document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(true); });
document.getElementById("f-clear").addEventListener("click", () => { document.getElementById("filters").reset(); loadEvents(true); });
window.addEventListener("hashchange", route);
window.addEventListener("resize", drawTimeline);
window.thucydides = { state, map, cluster };  // for people poking at the page, and for tests

legend();
baseMap().catch((error) => setStatus(`base map: ${error.message}`)).finally(() => loadEvents(true).then(route));
