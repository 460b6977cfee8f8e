/* wickgraph graph views: Cytoscape.js laid out by fcose (labels kept apart), a legend by type,
 * review claims and known false claims drawn as such, fit on resize, expand a node on click;
 * and the neighbourhood of a work. Used by explorer.js (CONSTRUCT results) through window.wickgraph.
 * Everything is served by this server: no CDN, no other endpoint. */
(function () {
  "use strict";

  var RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  var RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  var LABELS = [RDFS_LABEL, "https://schema.org/name"];
  var WG = "https://w3id.org/wickgraph/ontology#";
  var ID = "https://w3id.org/wickgraph/id/";
  var REFERENCE = "https://w3id.org/wickgraph/graph/reference";
  var MAX_NODES = 400;
  var SKIPPED = ["http://purl.org/dc/terms/source", "https://schema.org/sameAs", "http://www.w3.org/2002/07/owl#sameAs",
                 WG + "seenIn", "https://schema.org/url", WG + "evidence"];
  /* the legend: each group of node types with its colour and shape */
  var GROUPS = {
    "Work": { colour: "#c0392b", shape: "round-rectangle" },
    "Person": { colour: "#2471a3", shape: "ellipse" },
    "Character": { colour: "#7d3c98", shape: "ellipse" },
    "Link (cast, credit, reprise)": { colour: "#95a5a6", shape: "ellipse" },
    "Series or franchise": { colour: "#b7950b", shape: "hexagon" },
    "Organisation": { colour: "#1e8449", shape: "ellipse" },
    "Review": { colour: "#e67e22", shape: "round-tag" },
    "Claim (a review says)": { colour: "#f5cba7", shape: "round-rectangle" },
    "Contradicted claim": { colour: "#e74c3c", shape: "round-rectangle" },
    "Known false claim": { colour: "#fdedec", shape: "diamond" },
    "Other": { colour: "#566573", shape: "ellipse" },
  };
  var WORK_TYPES = ["Film", "TVSeries", "Episode", "VideoGame", "Work"];
  var LINK_TYPES = ["Performance", "Credit", "Reprise"];
  var endpoint = new URL("/sparql", window.location.href).href;

  function localName(iri) {
    var cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
    return cut >= 0 && cut < iri.length - 1 ? decodeURIComponent(iri.slice(cut + 1)) : iri;
  }
  function pagePath(iri) { return iri && iri.indexOf(ID) === 0 ? "/id/" + iri.slice(ID.length) : null; }

  function groupOf(types, status) {
    if (types.indexOf("KnownFalseClaim") >= 0) return "Known false claim";
    if (types.some(function (t) { return /Claim$/.test(t); })) {
      return status === "contradicted" ? "Contradicted claim" : "Claim (a review says)";
    }
    if (types.some(function (t) { return WORK_TYPES.indexOf(t) >= 0; })) return "Work";
    if (types.indexOf("Person") >= 0) return "Person";
    if (types.indexOf("Character") >= 0) return "Character";
    if (types.some(function (t) { return LINK_TYPES.indexOf(t) >= 0; })) return "Link (cast, credit, reprise)";
    if (types.indexOf("Series") >= 0 || types.indexOf("Franchise") >= 0) return "Series or franchise";
    if (types.indexOf("Organization") >= 0) return "Organisation";
    if (types.indexOf("Review") >= 0) return "Review";
    return "Other";
  }

  /* triples: [{s:{type,value}, p:{type,value}, o:{type,value}}] -> Cytoscape elements */
  function toElements(triples) {
    var nodes = {}, edges = {}, labels = {}, types = {}, statuses = {};
    function node(term) {
      var id = (term.type === "bnode" ? "_:" : "") + term.value;
      if (!nodes[id]) nodes[id] = { data: { id: id, iri: term.value } };
      return id;
    }
    triples.forEach(function (t) {
      if (!t.s || !t.p || !t.o) return;
      var p = t.p.value;
      if (t.o.type === "literal" || t.o.type === "typed-literal") {
        if (LABELS.indexOf(p) >= 0 && !labels[t.s.value]) labels[t.s.value] = t.o.value;
        if (p === WG + "status") statuses[t.s.value] = t.o.value;
        return;
      }
      if (p === RDF_TYPE) { (types[t.s.value] = types[t.s.value] || []).push(localName(t.o.value)); return; }
      if (SKIPPED.indexOf(p) >= 0) return;
      var source = node(t.s), target = node(t.o);
      var id = source + " " + p + " " + target;
      edges[id] = { data: { id: id, source: source, target: target, label: localName(p) } };
    });
    Object.keys(nodes).forEach(function (id) {
      var data = nodes[id].data;
      var nodeTypes = types[data.iri] || [];
      data.group = groupOf(nodeTypes, statuses[data.iri]);
      data.status = statuses[data.iri] || "";
      var isLink = data.group === "Link (cast, credit, reprise)";
      var label = labels[data.iri] || (isLink ? "" : localName(data.iri));
      if (data.group === "Known false claim") label = "✗ known false: " + label;
      if (/claim/i.test(data.group) && data.group !== "Known false claim") {
        var kind = nodeTypes.filter(function (t) { return /Claim$/.test(t); })[0] || "Claim";
        label = (data.status === "contradicted" ? "✗ " : "") + kind.replace(/Claim$/, " claim") +
          (data.status ? " (" + data.status + ")" : "");
      }
      data.label = label;
      data.size = isLink ? 8 : 20;
      data.colour = GROUPS[data.group].colour;
      data.shape = GROUPS[data.group].shape;
    });
    var kept = Object.keys(nodes).slice(0, MAX_NODES);
    var keep = {};
    kept.forEach(function (id) { keep[id] = true; });
    return kept.map(function (id) { return nodes[id]; }).concat(Object.keys(edges).map(function (id) {
      return edges[id];
    }).filter(function (e) { return keep[e.data.source] && keep[e.data.target]; }));
  }

  var STYLE = [
    { selector: "node", style: {
      "label": "data(label)", "background-color": "data(colour)", "shape": "data(shape)", "font-size": 11,
      "text-valign": "bottom", "text-margin-y": 3, "width": "data(size)", "height": "data(size)",
      "text-wrap": "ellipsis", "text-max-width": "190px", "min-zoomed-font-size": 6,
      "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": "1px",
      "border-width": 1, "border-color": "#ffffff" } },
    { selector: "node[group = 'Contradicted claim']", style: {
      "border-width": 3, "border-color": "#922b21", "color": "#922b21", "font-weight": "bold" } },
    { selector: "node[group = 'Known false claim']", style: {
      "border-width": 2, "border-style": "dashed", "border-color": "#c0392b", "color": "#922b21",
      "font-style": "italic" } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#17202a" } },
    { selector: "edge", style: {
      "font-size": 9, "color": "#555", "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 1,
      "line-color": "#c8ced3", "target-arrow-color": "#c8ced3", "text-rotation": "autorotate",
      "text-background-color": "#ffffff", "text-background-opacity": 0.8 } },
    { selector: "edge.shown", style: { "label": "data(label)", "line-color": "#7f8c8d", "target-arrow-color": "#7f8c8d" } },
  ];

  function layoutOptions(incremental) {
    if (typeof cytoscapeFcose === "undefined") return { name: "cose", animate: false, padding: 20 };
    return { name: "fcose", animate: false, randomize: !incremental, quality: "default", padding: 25,
             nodeDimensionsIncludeLabels: true, idealEdgeLength: 80, nodeRepulsion: 9000, nodeSeparation: 90,
             packComponents: true };
  }
  if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);

  function drawLegend(legend, cy) {
    legend.textContent = "";
    var present = {};
    cy.nodes().forEach(function (n) { present[n.data("group")] = true; });
    Object.keys(GROUPS).forEach(function (group) {
      if (!present[group]) return;
      var item = document.createElement("span");
      item.className = "legend-item";
      var swatch = document.createElement("span");
      swatch.className = "swatch shape-" + GROUPS[group].shape;
      swatch.style.background = GROUPS[group].colour;
      if (group === "Known false claim") swatch.style.border = "2px dashed #c0392b";
      if (group === "Contradicted claim") swatch.style.border = "2px solid #922b21";
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(group));
      legend.appendChild(item);
    });
  }

  /* draw triples into container (inside a .graph-frame that also holds the legend and info line) */
  function drawGraph(container, triples) {
    var frame = container.parentNode;
    var legend = frame.querySelector(".legend");
    if (!legend) {
      legend = document.createElement("div");
      legend.className = "legend";
      frame.insertBefore(legend, container);
    }
    var info = frame.querySelector(".graph-info");
    if (!info) {
      info = document.createElement("div");
      info.className = "graph-info";
      frame.appendChild(info);
    }
    var cy = cytoscape({ container: container, elements: toElements(triples), style: STYLE,
                         layout: layoutOptions(false), wheelSensitivity: 0.3 });
    function counted() {
      container.setAttribute("data-nodes", String(cy.nodes().length));
      container.setAttribute("data-edges", String(cy.edges().length));
      drawLegend(legend, cy);
    }
    counted();
    cy.on("mouseover", "node", function (event) { event.target.connectedEdges().addClass("shown"); });
    cy.on("mouseout", "node", function (event) {
      if (!event.target.hasClass("expanded")) event.target.connectedEdges().removeClass("shown");
    });
    cy.on("tap", "node", function (event) {
      var target = event.target, iri = target.data("iri");
      if (!/^https?:/.test(iri)) return;
      container.setAttribute("data-selected", iri);
      info.textContent = "";
      var path = pagePath(iri);
      var link = document.createElement(path ? "a" : "span");
      if (path) link.href = path;
      link.textContent = (target.data("label") || localName(iri)) + (path ? " — open its page" : "");
      info.appendChild(link);
      if (target.hasClass("expanded")) return;
      expand(cy, target).then(function () { counted(); container.setAttribute("data-expanded", iri); });
    });
    cy.on("dbltap", "node", function (event) {
      var path = pagePath(event.target.data("iri"));
      if (path) window.location.href = path;
    });
    var fit = function () { cy.resize(); cy.fit(undefined, 25); };
    if (window.ResizeObserver) new ResizeObserver(fit).observe(container);
    window.addEventListener("resize", fit);
    return cy;
  }

  /* Expand a node: everything said about it, or pointing at it, in any graph, with the new nodes' labels. */
  function expand(cy, target) {
    var x = "<" + target.data("iri") + ">";
    var sparql =
      "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g {\n" +
      "  { BIND(" + x + " AS ?s) ?s ?p ?o }\n" +
      "  UNION { ?s ?p " + x + " BIND(" + x + " AS ?o) }\n" +
      "  UNION { { " + x + " ?q ?s } UNION { ?s ?q " + x + " } FILTER(isIRI(?s)) ?s ?p ?o\n" +
      "          FILTER(?p IN (<" + RDFS_LABEL + ">, <" + RDF_TYPE + ">, <" + WG + "status>)) }\n" +
      "} } LIMIT 800";
    target.addClass("expanded");
    return select(sparql).then(function (json) {
      var triples = json.results.bindings.map(function (b) { return { s: b.s, p: b.p, o: b.o }; });
      var fresh = toElements(triples).filter(function (el) { return cy.getElementById(el.data.id).empty(); });
      cy.add(fresh);
      target.connectedEdges().addClass("shown");
      cy.layout(layoutOptions(true)).run();
      cy.fit(undefined, 25);
    });
  }

  /* a SELECT on this server's endpoint, as SPARQL JSON */
  function select(sparql) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
      body: sparql,
    }).then(function (response) {
      if (!response.ok) return response.text().then(function (text) { throw new Error(text); });
      return response.json();
    });
  }

  window.wickgraph = window.wickgraph || {};
  window.wickgraph.drawGraph = drawGraph;
  window.wickgraph.pagePath = pagePath;

  /* Neighbourhood of a work: one or two steps from it in the reference graph, and up to 40 review claims about it. */
  var selectEl = document.getElementById("work-select");
  var statusEl = document.getElementById("neighbourhood-status");
  var graphEl = document.getElementById("neighbourhood-graph");

  function drawNeighbourhood(work) {
    statusEl.textContent = "loading…";
    var w = "<" + work + ">";
    var sparql =
      "SELECT DISTINCT ?s ?p ?o WHERE {\n" +
      " { GRAPH <" + REFERENCE + "> {\n" +
      "  { BIND(" + w + " AS ?s) ?s ?p ?o }\n" +
      "  UNION { ?s ?p " + w + " BIND(" + w + " AS ?o) }\n" +
      "  UNION { ?s ?q " + w + " . ?s ?p ?o FILTER(?p != <" + WG + "work>) }\n" +
      "  UNION { ?x ?q " + w + " . ?x ?r ?s . FILTER(isIRI(?s)) ?s ?p ?o " +
      "FILTER(?p IN (<" + RDFS_LABEL + ">, <" + RDF_TYPE + ">)) }\n" +
      " } }\n" +
      " UNION { { SELECT ?s ?g WHERE { GRAPH ?g { ?s <" + WG + "aboutWork> " + w + " ; <" + WG + "claimedIn> ?review } } LIMIT 40 }\n" +
      "   GRAPH ?g { ?s ?p ?o FILTER(?p IN (<" + RDF_TYPE + ">, <" + WG + "status>, <" + WG + "aboutWork>, <" +
      WG + "claimedPerson>)) } }\n" +
      "} LIMIT 3000";
    return select(sparql).then(function (json) {
      var triples = json.results.bindings.map(function (b) { return { s: b.s, p: b.p, o: b.o }; });
      if (window.wickgraph.neighbourhood) window.wickgraph.neighbourhood.destroy();
      window.wickgraph.neighbourhood = drawGraph(graphEl, triples);
      statusEl.textContent = graphEl.getAttribute("data-nodes") + " nodes";
    }).catch(function (error) { statusEl.textContent = "failed: " + error.message; });
  }

  select(
    "SELECT ?work ?label WHERE { GRAPH <" + REFERENCE + "> { ?work a ?type ; <" + RDFS_LABEL + "> ?label " +
    "FILTER(?type IN (<" + WG + "Film>, <" + WG + "TVSeries>, <" + WG + "VideoGame>)) } } ORDER BY ?label"
  ).then(function (json) {
    json.results.bindings.forEach(function (b) {
      var option = document.createElement("option");
      option.value = b.work.value;
      option.textContent = b.label.value;
      selectEl.appendChild(option);
    });
    var preferred = Array.prototype.find.call(selectEl.options, function (o) { return /\/john-wick-2014$/.test(o.value); });
    if (preferred) selectEl.value = preferred.value;
    selectEl.setAttribute("data-loaded", "true");
  }).catch(function (error) { statusEl.textContent = "failed: " + error.message; });

  document.getElementById("neighbourhood-form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (selectEl.value) drawNeighbourhood(selectEl.value);
  });
})();
