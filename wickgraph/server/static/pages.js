/* The search box on every page: completion from /search.json as the user types. No other request. */
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-suggestions");
  if (!box || !list) return;
  var latest = 0, active = -1;

  function render(hits) {
    list.textContent = "";
    active = -1;
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = hit.url;
      a.textContent = hit.label + " ";
      var kind = document.createElement("small");
      kind.textContent = hit.kind + (hit.matched !== hit.label ? " · " + hit.matched : "");
      a.appendChild(kind);
      item.appendChild(a);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
  }

  box.addEventListener("input", function () {
    var q = box.value.trim();
    var ticket = ++latest;
    if (!q) { render([]); return; }
    fetch("/search.json?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (hits) { if (ticket === latest) render(hits); })
      .catch(function () { render([]); });
  });
  box.addEventListener("keydown", function (event) {
    var links = list.querySelectorAll("a");
    if (!links.length || list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (active >= 0) links[active].classList.remove("active");
      active = (active + (event.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
      links[active].classList.add("active");
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = links[active].href;
    } else if (event.key === "Escape") {
      list.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target !== box && !list.contains(event.target)) list.hidden = true;
  });
})();
