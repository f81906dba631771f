// Filters the rows of a table by select boxes and a text box, keeping the
// choice in the page's query string so a filtered view can be shared.
// Rows come in groups (a tbody each, with a heading row): a group whose rows
// are all filtered out is hidden, and each can be folded with its button.
// A table of more than FOLD rows opens folded, so a site with thousands of
// findings opens as its list of tools and counts; any filter unfolds the
// groups it leaves rows in. Without JavaScript every row stays visible.
(function () {
  "use strict";
  var FOLD = 100;
  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    var groups = Array.prototype.map.call(table.tBodies, function (body) {
      return {
        body: body,
        rows: Array.prototype.filter.call(body.rows, function (r) { return r.hasAttribute("data-severity"); }),
        toggle: body.querySelector(".group-toggle"),
        folded: false
      };
    });
    var rows = [].concat.apply([], groups.map(function (g) { return g.rows; }));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var text = form.querySelector("[data-filter-text]");
    var count = form.querySelector("[data-filter-count]");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) { if (params.has(s.name)) s.value = params.get(s.name); });
    if (text && params.has(text.name)) text.value = params.get(text.name);

    function show(g) {
      var open = !g.folded;
      g.body.classList.toggle("folded", !open);
      if (g.toggle) {
        g.toggle.textContent = open ? "\u25be" : "\u25b8";
        g.toggle.setAttribute("aria-expanded", open ? "true" : "false");
      }
    }
    groups.forEach(function (g) {
      if (!g.toggle) return;
      g.toggle.hidden = false;
      g.toggle.addEventListener("click", function () {
        g.folded = !g.folded;
        show(g);
      });
    });

    function apply() {
      var wanted = selects.map(function (s) { return [s.getAttribute("data-filter"), s.value]; });
      var needle = text ? text.value.trim().toLowerCase() : "";
      // A filter unfolds every group it leaves rows in; without one, a long table folds again.
      var filtering = !!needle || wanted.some(function (w) { return !!w[1]; });
      var shown = 0;
      groups.forEach(function (g) {
        var inGroup = 0;
        g.rows.forEach(function (row) {
          var ok = wanted.every(function (w) { return !w[1] || row.getAttribute("data-" + w[0]) === w[1]; });
          if (ok && needle) ok = row.textContent.toLowerCase().indexOf(needle) !== -1;
          row.hidden = !ok;
          if (ok) inGroup++;
        });
        g.body.hidden = g.rows.length > 0 && inGroup === 0;
        g.folded = !filtering && rows.length > FOLD;
        shown += inGroup;
        show(g);
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
