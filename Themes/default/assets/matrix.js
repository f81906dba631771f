// Filters and sorts the comparison matrix. Every row is in the HTML, so the
// page reads without JavaScript; this only hides rows (the `hidden`
// attribute) and reorders them. State lives in the query string (read on
// load, written with history.replaceState) so a filtered view can be shared.
//
// Built for 30 tools x 3,000 rows: each row's data is read once into an
// array; a filter pass only computes, then writes `hidden` on the rows whose
// visibility changed, with no layout reads in between; text input is debounced.
(function () {
  "use strict";
  var form = document.getElementById("matrix-filters");
  var table = document.getElementById("matrix");
  if (!form || !table) return;
  form.hidden = false;

  var REQUIRED = { e: true, r: true, w: true };
  var slugs = Array.prototype.map.call(table.tHead.querySelectorAll("th[data-slug]"), function (th) {
    return th.getAttribute("data-slug");
  });
  var groups = Array.prototype.slice.call(table.querySelectorAll("tbody.service-group"));
  var records = [];
  groups.forEach(function (body, g) {
    var trs = body.rows;
    for (var i = 1; i < trs.length; i++) {
      var tr = trs[i];
      records.push({
        tr: tr, group: g, order: records.length,
        text: (tr.cells[0].textContent + " " + tr.id).toLowerCase(),
        service: tr.getAttribute("data-s"), level: tr.getAttribute("data-l"),
        states: tr.getAttribute("data-t"), count: +tr.getAttribute("data-n"), hidden: false
      });
    }
    var toggle = body.querySelector(".group-toggle");
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var collapsed = body.classList.toggle("collapsed");
        toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
        toggle.textContent = collapsed ? "▸" : "▾";
      });
    }
  });

  var field = function (name) { return form.elements[name]; };
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=tool]"));
  var count = form.querySelector("[data-count]");
  var pairLink = form.querySelector("[data-pair-link]");
  var sortedBody = null;
  var sortedNow = false;

  // Restore the state from the URL.
  var params = new URLSearchParams(window.location.search);
  ["q", "service", "level", "min", "sort", "a", "b"].forEach(function (n) {
    if (params.has(n) && field(n)) field(n).value = params.get(n);
  });
  var checked = (params.get("tools") || "").split(",");
  boxes.forEach(function (b) { b.checked = checked.indexOf(b.value) !== -1; });

  function state() {
    return {
      q: field("q").value.trim().toLowerCase(), service: field("service").value, level: field("level").value,
      min: parseInt(field("min").value, 10) || 0, sort: field("sort").value,
      a: field("a").value, b: field("b").value,
      tools: boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
    };
  }

  function pairURL(x, y) {
    var i = slugs.indexOf(x), j = slugs.indexOf(y);
    if (i < 0 || j < 0 || i === j) return null;
    var pair = i < j ? [x, y] : [y, x];
    return "overlap.html?tools=" + pair.map(encodeURIComponent).join(",") + "#compare";
  }

  // Moves the rows into one tbody ordered by tool count, or back into their groups.
  function arrange(sorted) {
    if (sorted === sortedNow) return;
    sortedNow = sorted;
    if (!sortedBody) {
      sortedBody = document.createElement("tbody");
      sortedBody.className = "sorted-rows";
      table.insertBefore(sortedBody, table.tFoot);
    }
    var list = records.slice();
    if (sorted) list.sort(function (x, y) { return y.count - x.count || x.order - y.order; });
    var frag = document.createDocumentFragment();
    var g = -1;
    list.forEach(function (r) {
      if (!sorted && r.group !== g) {
        if (g >= 0) groups[g].appendChild(frag);
        g = r.group;
      }
      frag.appendChild(r.tr);
    });
    if (sorted) sortedBody.appendChild(frag); else if (g >= 0) groups[g].appendChild(frag);
    groups.forEach(function (body) { body.hidden = sorted; });
  }

  var lastKey = null;
  function apply() {
    var s = state();
    // Selects fire both input and change: the second call finds nothing to do.
    var key = JSON.stringify(s);
    if (key === lastKey) return;
    lastKey = key;
    var toolIdx = s.tools.map(function (t) { return slugs.indexOf(t); }).filter(function (i) { return i >= 0; });
    var ai = slugs.indexOf(s.a), bi = slugs.indexOf(s.b);
    var differ = ai >= 0 && bi >= 0 && ai !== bi;
    var shownPerGroup = groups.map(function () { return 0; });
    var shown = 0;
    arrange(s.sort === "tools");
    for (var k = 0; k < records.length; k++) {
      var r = records[k];
      var ok = (!s.service || r.service === s.service) && (!s.level || r.level === s.level) && r.count >= s.min;
      if (ok && s.q) ok = r.text.indexOf(s.q) !== -1;
      if (ok && toolIdx.length) {
        ok = false;
        for (var t = 0; t < toolIdx.length; t++) if (REQUIRED[r.states.charAt(toolIdx[t])]) { ok = true; break; }
      }
      if (ok && differ) ok = !REQUIRED[r.states.charAt(ai)] !== !REQUIRED[r.states.charAt(bi)];
      if (r.hidden === ok) { r.hidden = !ok; r.tr.hidden = !ok; }
      if (ok) { shown++; shownPerGroup[r.group]++; }
    }
    if (!sortedNow) groups.forEach(function (body, g) { body.hidden = shownPerGroup[g] === 0; });
    if (count) count.textContent = shown + " of " + records.length + " rows shown";

    var pair = differ ? pairURL(s.a, s.b) : s.tools.length === 2 ? pairURL(s.tools[0], s.tools[1]) : null;
    if (pairLink) {
      pairLink.setAttribute("href", pair || "overlap.html");
      pairLink.textContent = pair ? "the comparison of the two tools" : "the comparison of tools";
    }

    var next = new URLSearchParams();
    ["q", "service", "level", "min", "sort", "a", "b"].forEach(function (n) {
      var v = field(n).value.trim();
      if (v && !(n === "min" && v === "0")) next.set(n, v);
    });
    if (s.tools.length) next.set("tools", s.tools.join(","));
    var query = next.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  var timer = null;
  form.addEventListener("input", function (e) {
    if (e.target === field("q")) {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    } else {
      apply();
    }
  });
  // Some ways of choosing an option (and some browsers) only fire change.
  form.addEventListener("change", function (e) { if (e.target !== field("q")) apply(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); apply(); });
  apply();
})();
