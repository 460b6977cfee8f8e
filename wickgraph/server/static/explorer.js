/* wickgraph explorer: YASGUI with the named queries as tabs, and Cytoscape graph views.
 * Everything is served by this server: no CDN, no autocompletion service, no other endpoint. */
(function () {
  "use strict";

  var RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  var LABELS = ["http://www.w3.org/2000/01/rdf-schema#label", "https://schema.org/name"];
  var WG = "https://w3id.org/wickgraph/ontology#";
  var REFERENCE = "https://w3id.org/wickgraph/graph/reference";
  var MAX_NODES = 400;
  var SKIPPED = ["http://purl.org/dc/terms/source", "https://schema.org/sameAs", "http://www.w3.org/2002/07/owl#sameAs",
                 WG + "seenIn", "https://schema.org/url"];
  var LINK_NODES = ["Performance", "Credit", "Reprise"];  // n-ary links: drawn as small unlabelled dots
  var COLOURS = {
    Film: "#c0392b", TVSeries: "#c0392b", Episode: "#e67e22", VideoGame: "#c0392b", Work: "#c0392b",
    Person: "#2471a3", Character: "#7d3c98", Performance: "#7f8c8d", Credit: "#95a5a6",
    Reprise: "#16a085", Franchise: "#b7950b", Series: "#b7950b", Organization: "#1e8449",
  };
  var endpoint = new URL("/sparql", window.location.href).href;
  var named = JSON.parse(document.getElementById("named-queries").textContent);

  function localName(iri) {
    var cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
    return cut >= 0 && cut < iri.length - 1 ? decodeURIComponent(iri.slice(cut + 1)) : iri;
  }

  /* triples: [{s:{type,value}, p:{type,value}, o:{type,value}}] -> Cytoscape elements */
  function toElements(triples) {
    var nodes = {}, edges = [], labels = {}, types = {};
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
        return;
      }
      if (p === RDF_TYPE) { types[t.s.value] = localName(t.o.value); return; }
      if (SKIPPED.indexOf(p) >= 0) return;
      var source = node(t.s), target = node(t.o);
      edges.push({ data: { id: "e" + edges.length, source: source, target: target, label: localName(p) } });
    });
    Object.keys(nodes).forEach(function (id) {
      var data = nodes[id].data;
      data.kind = types[data.iri] || "";
      data.label = labels[data.iri] || (LINK_NODES.indexOf(data.kind) >= 0 ? "" : localName(data.iri));
      data.size = LINK_NODES.indexOf(data.kind) >= 0 ? 9 : 18;
      data.colour = COLOURS[data.kind] || "#566573";
    });
    var kept = Object.keys(nodes).slice(0, MAX_NODES);
    var keep = {};
    kept.forEach(function (id) { keep[id] = true; });
    return kept.map(function (id) { return nodes[id]; }).concat(
      edges.filter(function (e) { return keep[e.data.source] && keep[e.data.target]; }));
  }

  function drawGraph(container, triples) {
    var elements = toElements(triples);
    var cy = cytoscape({
      container: container,
      elements: elements,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "background-color": "data(colour)", "font-size": 10,
          "text-valign": "bottom", "text-margin-y": 3, "width": "data(size)", "height": "data(size)" } },
        { selector: "edge", style: {
          "label": "data(label)", "font-size": 8, "color": "#555", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "width": 1, "line-color": "#bbb", "target-arrow-color": "#bbb",
          "text-rotation": "autorotate" } },
      ],
      layout: { name: elements.length > 300 ? "concentric" : "cose", animate: false, padding: 20 },
    });
    container.setAttribute("data-nodes", String(cy.nodes().length));
    container.setAttribute("data-edges", String(cy.edges().length));
    cy.on("tap", "node", function (event) {
      var iri = event.target.data("iri");
      if (/^https?:/.test(iri)) container.setAttribute("data-selected", iri);
    });
    return cy;
  }

  /* A YASR plugin: CONSTRUCT/DESCRIBE results as a graph. */
  function GraphPlugin(yasr) {
    this.yasr = yasr;
    this.priority = 20;
    this.label = "Graph";
  }
  GraphPlugin.prototype.canHandleResults = function () {
    var results = this.yasr.results;
    if (!results || !results.getVariables) return false;
    var vars = results.getVariables() || [];
    return results.type === "ttl" || (vars.indexOf("subject") >= 0 && vars.indexOf("object") >= 0);
  };
  GraphPlugin.prototype.draw = function () {
    var bindings = this.yasr.results.getBindings() || [];
    var triples = bindings.map(function (b) { return { s: b.subject, p: b.predicate, o: b.object }; });
    var el = document.createElement("div");
    el.className = "graph yasr-graph";
    this.yasr.resultsEl.appendChild(el);
    window.wickgraph.constructGraph = drawGraph(el, triples);
  };
  GraphPlugin.prototype.getIcon = function () {
    var icon = document.createElement("span");
    icon.textContent = "◉";
    return icon;
  };

  Yasgui.Yasqe.defaults.autocompleters = [];  // they call an outside vocabulary service
  Yasgui.Yasr.registerPlugin("graph", GraphPlugin);
  Yasgui.Yasr.defaults.pluginOrder = ["table", "graph", "response"];
  Yasgui.Yasr.defaults.prefixes = {};

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST", acceptHeaderGraph: "application/n-triples,*/*;q=0.9" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: [], persistenceId: null },
    yasr: { persistenceId: null },
  });
  window.wickgraph = { yasgui: yasgui, drawGraph: drawGraph, named: named };
  // YASR keeps the last chosen view; show graphs as graphs and tables as tables
  // (after the tab has handed the response to YASR, hence the timeout)
  yasgui.on("queryResponse", function (instance, tab) {
    window.setTimeout(function () {
      var yasr = tab.getYasr();
      var isGraph = yasr.results && yasr.results.type === "ttl";
      if (isGraph && yasr.getSelectedPluginName() !== "graph") yasr.selectPlugin("graph");
      if (!isGraph && yasr.getSelectedPluginName() === "graph") yasr.selectPlugin("table");
    }, 0);
  });

  // the first tab is made active as it is added: selectTabId needs an active tab to switch from
  named.forEach(function (query, index) {
    yasgui.addTab(index === 0, { name: query.title, yasqe: { value: query.sparql }, requestConfig: { endpoint: endpoint } });
  });
  if (!named.length) {
    yasgui.addTab(true, { name: "Query", yasqe: { value: "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10" } });
  }

  /* Neighbourhood of a work: everything one or two steps from it in the reference graph. */
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

  var selectEl = document.getElementById("work-select");
  var statusEl = document.getElementById("neighbourhood-status");
  var graphEl = document.getElementById("neighbourhood-graph");

  function drawNeighbourhood(work) {
    statusEl.textContent = "loading…";
    var w = "<" + work + ">";
    var sparql =
      "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH <" + REFERENCE + "> {\n" +
      "  { BIND(" + w + " AS ?s) ?s ?p ?o }\n" +
      "  UNION { ?s ?p " + w + " BIND(" + w + " AS ?o) }\n" +
      "  UNION { ?s ?q " + w + " . ?s ?p ?o FILTER(?p != <" + WG + "work>) }\n" +
      "  UNION { ?x ?q " + w + " . ?x ?r ?s . FILTER(isIRI(?s)) ?s ?p ?o " +
      "FILTER(?p IN (<http://www.w3.org/2000/01/rdf-schema#label>, <" + RDF_TYPE + ">)) }\n" +
      "} } LIMIT 3000";
    return select(sparql).then(function (json) {
      var triples = json.results.bindings.map(function (b) { return { s: b.s, p: b.p, o: b.o }; });
      if (window.wickgraph.neighbourhood) window.wickgraph.neighbourhood.destroy();
      window.wickgraph.neighbourhood = drawGraph(graphEl, triples);
      statusEl.textContent = graphEl.getAttribute("data-nodes") + " nodes";
    }).catch(function (error) { statusEl.textContent = "failed: " + error.message; });
  }

  select(
    "SELECT ?work ?label WHERE { GRAPH <" + REFERENCE + "> { ?work a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> ?label " +
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
