// The graph view: Cytoscape.js draws the nodes and edges kg wrote into #kg-data, laid out by
// fCoSE; a search box and a side panel with an entity's facts and their source sentences.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  // Past a thousand nodes, drawing is kept cheap: straight edges, no arrows, a rougher layout.
  const big = data.nodes.length > 1000;
  const elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label, colour: data.colours[n.type] || "#8c959f", size: n.size } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target, label: e.label } });
  });

  if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "font-size": 10, "min-zoomed-font-size": 7, "text-valign": "bottom", "text-margin-y": 2,
        "color": "#1f2328", "text-outline-color": "#fff", "text-outline-width": 1.5 } },
      { selector: "edge", style: {
        "label": "data(label)", "font-size": 8, "min-zoomed-font-size": 8, "color": "#57606a",
        "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 1,
        "width": 1, "line-color": "#c4cad1", "curve-style": big ? "straight" : "bezier",
        "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#c4cad1", "arrow-scale": 0.8 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#1f2328" } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: "node.near", style: { "border-width": 2, "border-color": "#1f2328", "min-zoomed-font-size": 0 } },
      { selector: "edge.near", style: { "width": 2.5, "line-color": "#57606a", "min-zoomed-font-size": 0 } },
    ],
    layout: { name: data.nodes.length > 1 ? "fcose" : "grid", quality: big ? "draft" : "default", animate: false,
              randomize: true, nodeRepulsion: 6000, idealEdgeLength: 70, nodeSeparation: 60, packComponents: true },
  });
  document.body.dataset.ready = "1";

  document.getElementById("status").textContent =
    data.nodes.length + " entities, " + data.edges.length + " relations" + (data.note ? " — " + data.note : "");

  // Legend: one colour per kind, with how many nodes of it are drawn.
  const counts = {};
  data.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
  const legend = document.getElementById("legend");
  Object.keys(counts).sort().forEach(function (type) {
    const item = document.createElement("span");
    item.style.setProperty("--c", data.colours[type] || "#8c959f");
    item.textContent = type + " " + counts[type];
    legend.appendChild(item);
  });

  // Search: any name of an entity, exact names first, then parts of names. The suggestions
  // list holds the first matches only: a list of thousands makes the browser crawl.
  const names = document.getElementById("names");
  const index = [];
  data.nodes.forEach(function (n) {
    [n.label].concat(n.names).forEach(function (name) { index.push([name.toLowerCase(), n.id, name]); });
  });
  function suggest() {
    const wanted = search.value.trim().toLowerCase();
    const found = [];
    for (let i = 0; i < index.length && found.length < 12; i++) {
      if (wanted && index[i][0].indexOf(wanted) >= 0 && found.indexOf(index[i][2]) < 0) found.push(index[i][2]);
    }
    names.replaceChildren.apply(names, found.map(function (name) {
      const option = document.createElement("option");
      option.value = name;
      return option;
    }));
  }
  function find(text) {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return null;
    const exact = index.find(function (entry) { return entry[0] === wanted; });
    if (exact) return exact[1];
    const part = index.find(function (entry) { return entry[0].indexOf(wanted) >= 0; });
    return part ? part[1] : null;
  }
  const search = document.getElementById("search");
  function go() {
    const id = find(search.value);
    search.setCustomValidity(id ? "" : "no entity of that name");
    // Enter and the change that follows it ask for the same node: select it once.
    if (id && !cy.getElementById(id).selected()) select(id, true);
  }
  search.addEventListener("input", suggest);
  search.addEventListener("change", go);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") go(); });

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function link(id, text) {
    const a = el("a", text);
    a.addEventListener("click", function () { select(id, true); });
    return a;
  }

  function show(n) {
    const box = document.getElementById("details");
    box.replaceChildren();
    box.appendChild(el("h2", n.label));
    const badge = el("span", n.type, "badge");
    badge.style.background = data.colours[n.type] || "#8c959f";
    box.appendChild(badge);
    box.appendChild(el("div", n.id, "iri"));
    if (n.names.length) box.appendChild(el("div", "also: " + n.names.join(" · "), "names"));
    if (n.articles.length) box.appendChild(el("div", "articles: " + n.articles.join(", "), "names"));
    box.appendChild(el("h3", n.facts.length ? "Facts (" + n.facts.length + ")" : "No facts"));
    const list = el("ul");
    n.facts.forEach(function (f) {
      const item = el("li");
      const line = el("div");
      line.className = "fact";
      if (f.direction === "in" && f.otherId) {
        line.appendChild(link(f.otherId, f.other));
        line.appendChild(document.createTextNode(" " + f.predicate + " this"));
      } else {
        line.appendChild(el("b", f.predicate));
        if (f.otherId) { line.appendChild(document.createTextNode(" → ")); line.appendChild(link(f.otherId, f.other)); }
      }
      const extra = [f.role, f.value].filter(Boolean).join(", ");
      if (extra) line.appendChild(document.createTextNode(" (" + extra + ")"));
      item.appendChild(line);
      if (f.sentence) item.appendChild(el("blockquote", f.sentence));
      const source = [f.article, f.confidence ? "confidence " + f.confidence : ""].filter(Boolean).join(" · ");
      if (source) item.appendChild(el("div", source, "source"));
      list.appendChild(item);
    });
    box.appendChild(list);
    if (n.mentions.length) {
      box.appendChild(el("h3", "Also mentioned in"));
      const more = el("ul");
      n.mentions.forEach(function (m) {
        const item = el("li");
        item.appendChild(el("blockquote", m.sentence));
        item.appendChild(el("div", m.article, "source"));
        more.appendChild(item);
      });
      box.appendChild(more);
    }
  }

  function select(id, centre) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    const near = node.closedNeighborhood();
    // One style pass for the whole change, not one per element: thousands of nodes stay fast.
    // In a big graph, restyling every element to fade it costs seconds a frame: the
    // neighbourhood is marked instead.
    cy.batch(function () {
      cy.elements().unselect();
      cy.elements(".near").removeClass("near");
      node.select();
      if (big) near.addClass("near");
      else { cy.elements().not(near).addClass("faded"); near.removeClass("faded"); }
    });
    if (centre) {
      cy.zoom({ level: Math.max(cy.zoom(), 1.2), position: node.position() });
      cy.center(node);
    }
    show(byId.get(id));
  }
  cy.on("tap", "node", function (event) { select(event.target.id(), false); });
  cy.on("tap", function (event) {
    if (event.target === cy) cy.batch(function () { cy.elements().removeClass("faded near").unselect(); });
  });
  window.kgView = { cy: cy, select: select, find: find };
})();
