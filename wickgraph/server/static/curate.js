/* wickgraph curation page: read a review, decide on each claim, add missed ones, commit.
   Talks only to this server's /curate/api (same origin, CSRF token from the page). */
(function () {
  "use strict";

  // each claim kind's editable fields, from the server's claim-kind registry
  const FIELDS = JSON.parse(document.body.dataset.claimKinds);
  const LISTS = { person: "people", actor: "people", character: "characters", from_film: "works" };
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const maxUpload = Number(document.body.dataset.maxUpload);
  const $ = (id) => document.getElementById(id);
  const state = { card: null, items: [], current: 0, base: null, filename: "", editing: null, selection: null };
  window.wickgraphCuration = state;

  // -- talking to the server -------------------------------------------------------------

  async function api(path, body) {
    const options = body === undefined ? { credentials: "same-origin" } : {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body),
    };
    const response = await fetch("/curate/api/" + path, options);
    let data;
    try { data = await response.json(); } catch (error) { data = { error: "the server answered " + response.status }; }
    if (!response.ok) {
      const failure = new Error(data.error || "the server answered " + response.status);
      failure.status = response.status;
      failure.data = data;
      throw failure;
    }
    return data;
  }

  function say(text) { $("message").textContent = text; }

  async function loadNames() {
    try {
      const names = await api("names");
      for (const [list, values] of Object.entries(names)) {
        const datalist = $(list);
        datalist.replaceChildren(...values.map((value) => Object.assign(document.createElement("option"), { value })));
      }
    } catch (error) { say(error.message); }
  }

  // -- reading a review --------------------------------------------------------------------

  function base64(bytes) {
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }

  async function readReview(event) {
    event.preventDefault();
    say("");
    const file = $("upload").files[0];
    const request = { film: $("film-hint").value.trim() || null };
    if (file) {
      if (file.size > maxUpload) { say(`${file.name}: ${file.size} bytes; the page takes review files of at most ${maxUpload}`); return; }
      request.filename = file.name;
      request.content = base64(new Uint8Array(await file.arrayBuffer()));
    } else if ($("paste").value.trim()) {
      request.filename = "pasted.txt";
      request.text = $("paste").value;
    } else { say("Paste the review's text or choose a file."); return; }
    $("read-button").disabled = true;
    try {
      start(await api("prepare", request), request.filename);
    } catch (error) {
      say(error.message);
    } finally { $("read-button").disabled = false; }
  }

  function start(prepared, filename) {
    const card = prepared.card;
    state.card = card;
    state.filename = filename;
    state.base = { review_id: prepared.review_id, sha: prepared.base_sha };
    state.items = card.claims.map((claim, index) => ({
      index, claim: { ...claim }, original: claim, decision: null, status: claim.status || "unknown",
      summary: claim.summary || "", originalSummary: claim.summary || "",
      reference: claim.reference || "", explanation: claim.explanation || "", unreconciled: [],
    }));
    state.current = 0;
    $("meta-url").value = card.url || "";
    $("meta-author").value = card.author || "";
    $("meta-publisher").value = card.publisher || "";
    $("meta-published").value = card.published || "";
    $("meta-film").value = (card.film && card.film.title) || "";
    $("meta-editor").value = $("meta-editor").value || document.body.dataset.editor;
    showStored(prepared.stored);
    $("conflict").hidden = true;
    $("commit-status").textContent = "";
    $("curation").hidden = false;
    render();
  }

  function showStored(stored) {
    $("stored-notice").textContent = !stored ? "" :
      `This review is already in the graph (${stored.by_hand ? "written by hand" : "committed"} by ` +
      `${stored.committed_by || "someone"} at ${stored.committed_at || "an unknown time"}, ` +
      `${stored.claims.filter((c) => c.decision !== "rejected").length} claims` +
      `${stored.claims.some((c) => c.decision === "rejected") ? ", " + stored.claims.filter((c) => c.decision === "rejected").length + " rejected" : ""}` +
      `); committing replaces it.`;
  }

  // -- showing claims and evidence --------------------------------------------------------
  // (a claim's one-line summary is its kind's, written by the server: prepare and check send it)

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderText() {
    const text = state.card.text;
    const bounds = new Set([0, text.length]);
    for (const item of state.items) { bounds.add(item.claim.start); bounds.add(item.claim.end); }
    const points = [...bounds].sort((a, b) => a - b);
    const container = $("review-text");
    const parts = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const covering = state.items.filter((item) => item.claim.start <= from && to <= item.claim.end);
      const piece = text.slice(from, to);
      if (!covering.length) { parts.push(document.createTextNode(piece)); continue; }
      const mark = element("mark", "ev", piece);
      mark.dataset.items = covering.map((item) => item.index).join(" ");
      if (covering.every((item) => item.decision === "rejected")) mark.classList.add("rejected");
      else if (covering.some((item) => item.status === "contradicted" && item.decision !== "rejected")) mark.classList.add("contradicted");
      if (covering.some((item) => item.index === state.current)) mark.classList.add("current");
      parts.push(mark);
    }
    container.replaceChildren(...parts);
  }

  function renderClaims() {
    const list = $("claims");
    const rows = state.items.map((item) => {
      const li = element("li");
      li.dataset.index = item.index;
      li.tabIndex = -1;
      if (item.index === state.current) li.classList.add("current");
      if (item.decision === "rejected") li.classList.add("rejected");
      const head = element("div", "head");
      head.append(element("span", "type", item.claim.type), element("span", "value", item.summary),
        element("span", "badge " + item.status, item.status));
      if (item.decision) head.append(element("span", "badge decision", item.decision));
      for (const name of item.unreconciled) head.append(element("span", "badge unreconciled", name + " unreconciled"));
      const confidence = item.claim.confidence;
      head.append(element("span", "detail", "confidence " + (confidence == null ? "–" : Number(confidence).toFixed(2))));
      li.append(head);
      if (item.status === "contradicted" && item.reference) {
        li.append(element("p", "detail reference", "reference: " + item.reference));
        if (item.explanation) li.append(element("p", "detail explanation", item.explanation));
      }
      if (item.decision === "corrected") li.append(element("p", "extracted", "extracted: " + item.originalSummary));
      li.append(element("p", "detail evidence", `“${item.claim.evidence}” (${item.claim.start}–${item.claim.end})`));
      if (state.editing === item.index) li.append(editForm(item));
      else {
        const buttons = element("div", "buttons");
        for (const [label, action] of [["Accept (a)", "accept"], ["Reject (r)", "reject"], ["Edit (e)", "edit"]]) {
          const button = element("button", action, label);
          button.type = "button";
          button.dataset.action = action;
          buttons.append(button);
        }
        li.append(buttons);
      }
      return li;
    });
    list.replaceChildren(...rows);
    const decided = state.items.filter((item) => item.decision).length;
    $("progress").textContent = `${decided} of ${state.items.length} claims decided`;
  }

  function render() {
    renderText();
    renderClaims();
    const current = $("claims").querySelector("li.current");
    if (current && state.editing === null) current.scrollIntoView({ block: "nearest" });
  }

  // -- deciding -------------------------------------------------------------------------------

  function decide(action) {
    const item = state.items[state.current];
    if (!item) return;
    if (action === "edit") { state.editing = item.index; render(); focusEdit(); return; }
    if (item.decision === "added") {
      if (action === "reject") { state.items.splice(item.index, 1); state.items.forEach((it, i) => { it.index = i; }); }
    } else {
      item.decision = action === "accept" ? (sameValues(item) ? "accepted" : "corrected") : "rejected";
    }
    state.current = Math.min(state.current + 1, state.items.length - 1);
    render();
  }

  function sameValues(item) {
    return FIELDS[item.claim.type].every((name) => (item.claim[name] ?? null) === (item.original[name] ?? null));
  }

  function fieldInputs(type, values) {
    const box = element("div", "fields");
    for (const name of FIELDS[type]) {
      const label = element("label", "", name + " ");
      const input = element("input");
      input.name = name;
      input.value = values[name] == null ? "" : String(values[name]);
      if (LISTS[name]) input.setAttribute("list", LISTS[name]);
      input.autocomplete = "off";
      label.append(input);
      box.append(label);
    }
    return box;
  }

  function parseValue(name, text) {
    text = text.trim();
    if (name === "year") return /^\d{4}$/.test(text) ? Number(text) : text;
    if (name === "value" || name === "scale") return text !== "" && !isNaN(Number(text)) ? Number(text) : text;
    return text || null;
  }

  function readFields(box) {
    const values = {};
    for (const input of box.querySelectorAll("input")) values[input.name] = parseValue(input.name, input.value);
    return values;
  }

  function editForm(item) {
    const form = element("form", "edit");
    const box = fieldInputs(item.claim.type, item.claim);
    const status = element("span", "badge live-status " + item.status, item.status);
    const save = element("button", "save", "Save (Enter)");
    save.type = "submit";
    const cancel = element("button", "cancel", "Cancel (Esc)");
    cancel.type = "button";
    form.append(box, status, " ", save, " ", cancel);
    box.addEventListener("input", () => liveCheck(item, readFields(box), status));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      Object.assign(item.claim, readFields(box));
      await recheck(item);
      if (item.decision !== "added") item.decision = sameValues(item) ? "accepted" : "corrected";
      state.editing = null;
      render();
    });
    cancel.addEventListener("click", () => { state.editing = null; render(); });
    return form;
  }

  function focusEdit() {
    const input = $("claims").querySelector("li.current form.edit input");
    if (input) input.focus();
  }

  let checkTimer = null;
  function liveCheck(item, values, badge) {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(async () => {
      try {
        const checked = await api("check", { claim: { ...item.claim, ...values }, film: film() });
        badge.className = "badge live-status " + checked.status;
        badge.textContent = checked.status + (checked.unreconciled.length ? " · " + checked.unreconciled.join(", ") + " unreconciled" : "");
      } catch (error) { badge.textContent = error.message; }
    }, 150);
  }

  async function recheck(item) {
    try {
      const checked = await api("check", { claim: item.claim, film: film() });
      item.status = checked.status;
      item.summary = checked.summary;
      item.reference = checked.reference || "";
      item.explanation = checked.explanation || "";
      item.unreconciled = checked.unreconciled;
    } catch (error) { say(error.message); }
  }

  function film() { return $("meta-film").value.trim() || (state.card.film && state.card.film.title) || null; }

  // -- adding a missed claim from the selected text ----------------------------------------------

  function textOffset(container, node, offset) {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function selectionSpan() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const container = $("review-text");
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    let start = textOffset(container, range.startContainer, range.startOffset);
    let end = textOffset(container, range.endContainer, range.endOffset);
    const text = state.card.text;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { start, end, evidence: text.slice(start, end) } : null;
  }

  function openAdd() {
    const span = selectionSpan();
    if (!span) { say("Select the words that state the missed claim in the review text first."); return; }
    say("");
    state.selection = span;
    $("add-evidence").textContent = span.evidence;
    $("add-offsets").textContent = `(${span.start}–${span.end})`;
    $("add-fields").replaceChildren(fieldInputs($("add-type").value, {}));
    $("add-form").hidden = false;
    $("add-type").focus();
  }

  async function saveAdd(event) {
    event.preventDefault();
    const span = state.selection;
    const claim = { type: $("add-type").value, ...readFields($("add-fields")), ...span };
    const item = { index: state.items.length, claim, original: claim, decision: "added", status: "unknown",
                   summary: "", originalSummary: "", reference: "", explanation: "", unreconciled: [] };
    await recheck(item);
    state.items.push(item);
    state.current = item.index;
    $("add-form").hidden = true;
    render();
  }

  // -- committing -------------------------------------------------------------------------------

  function decisions() {
    return state.items.map((item) => {
      if (item.decision === "added") {
        const claim = { type: item.claim.type, evidence: item.claim.evidence, start: item.claim.start, end: item.claim.end };
        for (const name of FIELDS[claim.type]) claim[name] = item.claim[name] ?? null;
        return { decision: "added", claim };
      }
      if (item.decision === "corrected") {
        const values = {};
        for (const name of FIELDS[item.claim.type]) values[name] = item.claim[name] ?? null;
        return { decision: "corrected", values };
      }
      return item.decision ? { decision: item.decision } : {};
    });
  }

  async function commit(overBase) {
    $("commit-status").textContent = "";
    $("conflict").hidden = true;
    const body = {
      card: state.card, decisions: decisions(), base: overBase || state.base, editor: $("meta-editor").value.trim(),
      filename: state.filename,
      metadata: { url: $("meta-url").value, author: $("meta-author").value, publisher: $("meta-publisher").value,
                  published: $("meta-published").value, film: $("meta-film").value },
    };
    $("commit-button").disabled = true;
    try {
      const done = await api("commit", body);
      state.base = { review_id: done.review_id, sha: done.base_sha };
      $("commit-status").textContent = done.message;
      showStored(done.stored);
    } catch (error) {
      if (error.status === 409) showConflict(error.data);
      else $("commit-status").textContent = error.message;
    } finally { $("commit-button").disabled = false; }
  }

  function showConflict(data) {
    const box = $("conflict");
    const stored = data.stored || { claims: [] };
    box.replaceChildren(element("p", "", `${data.error} It was committed by ${stored.committed_by || "someone"} at ` +
      `${stored.committed_at || "an unknown time"}.`));
    const table = element("table");
    const head = element("tr");
    for (const title of ["evidence", "theirs", "yours"]) head.append(element("th", "", title));
    table.append(head);
    const mine = decisions();
    const keys = new Set();
    for (const item of state.items) keys.add(`${item.claim.start}-${item.claim.end}`);
    for (const claim of stored.claims) keys.add(`${claim.start}-${claim.end}`);
    let differences = 0;
    for (const key of [...keys].sort((a, b) => Number(a.split("-")[0]) - Number(b.split("-")[0]))) {
      const theirs = stored.claims.filter((c) => `${c.start}-${c.end}` === key)
        .map((c) => (c.decision || "not reviewed") + (c.extracted ? ` (extracted ${c.extracted})` : "")).join("; ") || "—";
      const yours = state.items.filter((item) => `${item.claim.start}-${item.claim.end}` === key)
        .map((item) => (mine[item.index].decision || "not reviewed") + ": " + item.summary).join("; ") || "—";
      const evidence = (stored.claims.find((c) => `${c.start}-${c.end}` === key) || {}).evidence ||
        (state.items.find((item) => `${item.claim.start}-${item.claim.end}` === key) || { claim: {} }).claim.evidence;
      const row = element("tr");
      row.append(element("td", "", `“${evidence}”`), element("td", "", theirs), element("td", "", yours));
      table.append(row);
      differences++;
    }
    box.append(table);
    const keep = element("button", "", "Commit mine over theirs");
    keep.type = "button";
    keep.id = "commit-over";
    keep.addEventListener("click", () => commit({ review_id: data.review_id, sha: data.base_sha }));
    const leave = element("button", "", "Keep theirs (write nothing)");
    leave.type = "button";
    leave.addEventListener("click", () => { box.hidden = true; $("commit-status").textContent = "nothing was written"; });
    box.append(element("p", "", `${differences} claim spans compared. Your decisions stay on this page until you choose.`), keep, " ", leave);
    box.hidden = false;
  }

  // -- hover links and the keyboard ---------------------------------------------------------------

  function hover(indices, on) {
    for (const li of $("claims").children) li.classList.toggle("hover", on && indices.includes(Number(li.dataset.index)));
    for (const mark of $("review-text").querySelectorAll("mark.ev")) {
      const covers = mark.dataset.items.split(" ").map(Number);
      mark.classList.toggle("hover", on && covers.some((index) => indices.includes(index)));
    }
  }

  $("review-text").addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark.ev");
    if (mark) hover(mark.dataset.items.split(" ").map(Number), true);
  });
  $("review-text").addEventListener("mouseout", () => hover([], false));
  $("claims").addEventListener("mouseover", (event) => {
    const li = event.target.closest("li");
    if (li) hover([Number(li.dataset.index)], true);
  });
  $("claims").addEventListener("mouseout", () => hover([], false));
  $("claims").addEventListener("click", (event) => {
    const li = event.target.closest("li");
    if (!li) return;
    state.current = Number(li.dataset.index);
    const button = event.target.closest("button[data-action]");
    if (button) decide(button.dataset.action);
    else if (state.editing === null) render();
  });
  $("review-text").addEventListener("click", (event) => {
    const mark = event.target.closest("mark.ev");
    if (mark && window.getSelection().isCollapsed) { state.current = Number(mark.dataset.items.split(" ")[0]); render(); }
  });

  document.addEventListener("keydown", (event) => {
    if (!state.card || event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest("input, textarea, select");
    if (event.key === "Escape") {
      if (state.editing !== null) { state.editing = null; render(); }
      $("add-form").hidden = true;
      return;
    }
    if (typing) return;
    const moves = { j: 1, k: -1 };
    if (event.key in moves) {
      state.current = Math.max(0, Math.min(state.items.length - 1, state.current + moves[event.key]));
      render();
    } else if (event.key === "a") decide("accept");
    else if (event.key === "r") decide("reject");
    else if (event.key === "e") { event.preventDefault(); decide("edit"); }
    else if (event.key === "n") { event.preventDefault(); openAdd(); }
    else return;
    event.preventDefault();
  });

  $("add-type").replaceChildren(...Object.keys(FIELDS).map((name) => element("option", "", name)));
  $("read-form").addEventListener("submit", readReview);
  $("add-button").addEventListener("click", openAdd);
  $("add-type").addEventListener("change", () => $("add-fields").replaceChildren(fieldInputs($("add-type").value, {})));
  $("add-form").addEventListener("submit", saveAdd);
  $("add-cancel").addEventListener("click", () => { $("add-form").hidden = true; });
  $("commit-button").addEventListener("click", () => commit());
  loadNames();
})();
