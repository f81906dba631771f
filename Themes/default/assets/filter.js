// Filters the rows of a table by select boxes and a text box, keeping the
// choice in the page's query string so a filtered view can be shared.
// Without JavaScript every row stays visible.
(function () {
  "use strict";
  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var text = form.querySelector("[data-filter-text]");
    var count = form.querySelector("[data-filter-count]");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) { if (params.has(s.name)) s.value = params.get(s.name); });
    if (text && params.has(text.name)) text.value = params.get(text.name);

    function apply() {
      var wanted = selects.map(function (s) { return [s.getAttribute("data-filter"), s.value]; });
      var needle = text ? text.value.trim().toLowerCase() : "";
      var shown = 0;
      rows.forEach(function (row) {
        var ok = wanted.every(function (w) { return !w[1] || row.getAttribute("data-" + w[0]) === w[1]; });
        if (ok && needle) ok = row.textContent.toLowerCase().indexOf(needle) !== -1;
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " of " + rows.length + " shown";
      var next = new URLSearchParams(window.location.search);
      selects.forEach(function (s) { if (s.value) next.set(s.name, s.value); else next.delete(s.name); });
      if (text) { if (text.value) next.set(text.name, text.value); else next.delete(text.name); }
      var query = next.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  });
})();
