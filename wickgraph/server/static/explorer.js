/* wickgraph explorer: YASGUI with the named queries as tabs, a form for their parameters with
 * completion from the graph, URLs that reopen a query, and result IRIs opening their page here.
 * CONSTRUCT results are drawn by graph.js (loaded first). Everything is served by this server:
 * no CDN, no autocompletion service, no other endpoint. */
(function () {
  "use strict";

  var endpoint = new URL("/sparql", window.location.href).href;
  var named = JSON.parse(document.getElementById("named-queries").textContent);
  var ID = "https://w3id.org/wickgraph/id/";
  var REFERENCE = "https://w3id.org/wickgraph/graph/reference";
  var drawGraph = window.wickgraph.drawGraph, pagePath = window.wickgraph.pagePath;  // from graph.js

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
    var frame = document.createElement("div");
    frame.className = "graph-frame";
    var el = document.createElement("div");
    el.className = "graph yasr-graph";
    frame.appendChild(el);
    this.yasr.resultsEl.appendChild(frame);
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
  // results show our IRIs as prefixed names (person:ian-mcshane); the prefixes come from this server
  var knownPrefixes = {};
  var prefixesLoaded = fetch("/prefixes.json").then(function (r) { return r.json(); })
    .then(function (p) { knownPrefixes = p; }).catch(function () { /* full IRIs then */ });

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST", acceptHeaderGraph: "application/n-triples,*/*;q=0.9" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: [], persistenceId: null },
    yasr: { persistenceId: null, prefixes: function () { return knownPrefixes; } },
  });
  window.wickgraph.yasgui = yasgui;
  window.wickgraph.named = named;

  /* -- named queries: one tab each, a form for their parameters, and URLs that reopen them -- */
  var queryOfTab = {};   // tab id -> named query
  var boundText = {};    // tab id -> the text last bound by the form (the URL names the query while unchanged)
  var boundValues = {};  // tab id -> the values it was bound with
  var PARAM_KINDS = { work: "work", person: "person", actor: "person", director: "person", character: "character" };

  named.forEach(function (query, index) {
    var tab = yasgui.addTab(index === 0, { name: query.title, yasqe: { value: query.sparql },
                                           requestConfig: { endpoint: endpoint } });
    var id = typeof tab === "string" ? tab : tab.getId();
    queryOfTab[id] = query;
    boundText[id] = query.sparql;
    boundValues[id] = {};
  });
  if (!named.length) {
    yasgui.addTab(true, { name: "Query", yasqe: { value: "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10" } });
  }

  var form = document.getElementById("query-form");
  var fields = document.getElementById("query-form-fields");
  var hint = document.getElementById("result-hint");

  function currentTab() { return yasgui.getTab(); }

  function shareUrl(tab) {
    var id = tab.getId();
    var query = queryOfTab[id];
    var text = tab.getYasqe() ? tab.getYasqe().getValue() : tab.getQuery();
    var url = new URL(window.location.pathname, window.location.href);
    if (query && text === boundText[id]) {
      url.searchParams.set("query", query.name);
      Object.keys(boundValues[id]).forEach(function (key) { url.searchParams.set(key, boundValues[id][key]); });
    } else {
      url.searchParams.set("sparql", text);
    }
    return url.href;
  }
  // YASGUI's own share button gives the same URL (its format is not read back by this page)
  var tabPrototype = Object.getPrototypeOf(currentTab());
  tabPrototype.getShareableLink = function () { return shareUrl(this); };

  function renderForm() {
    var tab = currentTab();
    var query = tab && queryOfTab[tab.getId()];
    fields.textContent = "";
    if (!query || !query.params.length) { form.hidden = true; return; }
    form.hidden = false;
    document.getElementById("query-form-title").textContent = query.title + ":";
    query.params.forEach(function (param) {
      var label = document.createElement("label");
      label.textContent = param.name + " ";
      label.title = param.description;
      var input = document.createElement("input");
      input.name = param.name;
      input.className = "param";
      input.placeholder = param.default.replace(/^<.*\/([^/]+)>$/, "$1").replace(/^[a-z]+:/, "");
      input.value = boundValues[tab.getId()][param.name] || "";
      input.setAttribute("autocomplete", "off");
      var kind = PARAM_KINDS[param.name];
      if (kind) {
        var list = document.createElement("datalist");
        list.id = "param-" + param.name + "-choices";
        input.setAttribute("list", list.id);
        input.addEventListener("input", function () { complete(input, list, kind); });
        label.appendChild(list);
      }
      label.appendChild(input);
      fields.appendChild(label);
    });
  }

  function complete(input, list, kind) {
    var q = input.value.trim();
    if (!q) return;
    fetch("/search.json?kind=" + kind + "&q=" + encodeURIComponent(q)).then(function (r) { return r.json(); })
      .then(function (hits) {
        list.textContent = "";
        hits.forEach(function (hit) {
          var option = document.createElement("option");
          option.value = hit.url.split("/").pop();
          option.textContent = hit.label;
          list.appendChild(option);
        });
      });
  }

  /* bind the named query on the server (NamedQuery.bind), put it in the editor and run it */
  function runNamed(tab, values) {
    var query = queryOfTab[tab.getId()];
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (key) { if (values[key]) params.set(key, values[key]); });
    return fetch("/queries/" + encodeURIComponent(query.name) + "/sparql?" + params.toString())
      .then(function (response) {
        return response.text().then(function (text) {
          if (!response.ok) throw new Error(text);
          return text;
        });
      }).then(function (text) {
        boundText[tab.getId()] = text;
        boundValues[tab.getId()] = values;
        tab.getYasqe().setValue(text);
        tab.query();
      }).catch(function (error) {
        hint.hidden = false;
        hint.className = "error";
        hint.textContent = error.message;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = {};
    Array.prototype.forEach.call(fields.querySelectorAll("input.param"), function (input) {
      if (input.value.trim()) values[input.name] = input.value.trim();
    });
    runNamed(currentTab(), values);
  });

  yasgui.on("tabSelect", function () { window.setTimeout(renderForm, 0); });
  yasgui.on("query", function () { hint.hidden = true; });
  yasgui.on("queryResponse", function (instance, tab) {
    window.history.replaceState(null, "", shareUrl(tab));
    // YASR keeps the last chosen view; show graphs as graphs and tables as tables
    // (after the tab has handed the response to YASR, hence the timeout)
    window.setTimeout(function () {
      var yasr = tab.getYasr();
      var results = yasr.results;
      var isGraph = results && results.type === "ttl";
      if (isGraph && yasr.getSelectedPluginName() !== "graph") yasr.selectPlugin("graph");
      if (!isGraph && yasr.getSelectedPluginName() === "graph") yasr.selectPlugin("table");
      var empty = results && !isGraph && results.getVariables && results.getVariables().length &&
        (results.getBindings() || []).length === 0;
      var text = tab.getYasqe().getValue();
      if (empty && !/\bGRAPH\b/i.test(text.replace(/#.*$/gm, ""))) {
        hint.hidden = false;
        hint.className = "";
        hint.textContent = "No rows. This store keeps everything in named graphs and its default graph is empty: " +
          "wrap the pattern in GRAPH ?g { … } (all graphs) or GRAPH <" + REFERENCE + "> { … } (the reference facts).";
      }
    }, 0);
  });

  /* IRIs of our resources in results open their page here, not at w3id.org */
  function localiseLinks(root) {
    Array.prototype.forEach.call(root.querySelectorAll('a[href^="' + ID + '"]'), function (a) {
      a.href = pagePath(a.getAttribute("href"));
      a.removeAttribute("target");
    });
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, function (added) {
        if (added.nodeType === 1) localiseLinks(added.parentNode || added);
      });
    });
  }).observe(document.getElementById("yasgui"), { childList: true, subtree: true });

  /* a URL names a query (?query=cast&work=...) or carries its text (?sparql=...): reopen and run it */
  function openFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var name = params.get("query"), text = params.get("sparql");
    if (name) {
      var id = Object.keys(queryOfTab).filter(function (key) { return queryOfTab[key].name === name; })[0];
      if (id) {
        yasgui.selectTabId(id);
        var values = {};
        queryOfTab[id].params.forEach(function (p) { if (params.get(p.name)) values[p.name] = params.get(p.name); });
        boundValues[id] = values;
        renderForm();
        runNamed(yasgui.getTab(id), values);
        return;
      }
    }
    if (text) {
      var tab = yasgui.addTab(true, { name: "Shared query", yasqe: { value: text }, requestConfig: { endpoint: endpoint } });
      var shared = typeof tab === "string" ? yasgui.getTab(tab) : tab;
      window.setTimeout(function () { shared.query(); }, 0);
    }
  }
  renderForm();
  prefixesLoaded.then(openFromUrl);
})();
