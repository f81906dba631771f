// Draws, filters and sorts the comparison matrix from data/matrix.js
// (window.permdocsMatrix) and data/rows.js (window.permdocsRows: each row's
// name and address, shared with the comparison and the search). Only the rows in view of the scroll box are in
// the DOM (with two spacer rows standing for the others), so a site of
// thousands of rows opens, filters and sorts as fast as a small one.
// Every cell is built with DOM calls from the data, never as HTML text.
// Filters live in the query string (read on load, written with
// history.replaceState) so a filtered view can be shared; #fragment links
// to a row or a service scroll to it.
(function () {
  "use strict";
  var data = window.permdocsMatrix;
  var form = document.getElementById("matrix-filters");
  var table = document.getElementById("matrix");
  var rowsScript = document.querySelector("script[src$='data/rows.js']"), common = window.permdocsCommon;
  if (!data || !form || !table || !rowsScript || !common) return;
  // data/rows.js of this build (common.js), or a note to reload.
  common.withRows(data, rowsScript.getAttribute("src"), start, function () {
    var note = document.createElement("p");
    note.className = "note";
    note.textContent = "The site was updated while this page loaded: reload the page to see the matrix.";
    form.parentNode.insertBefore(note, form);
  });

  function start(shared) {
  var wrap = table.parentNode;
  var body = table.querySelector("tbody[data-matrix-rows]");
  wrap.hidden = false;
  form.hidden = false;

  var MARKS = { e: "\u25cf", r: "\u25c6", w: "\u25d0", o: "\u25cb", d: "\u2298" };
  var REQUIRED = { e: true, r: true, w: true };
  var OVERSCAN = 20;
  var slugs = data.tools.map(function (t) { return t[0]; });
  var columns = slugs.length + 2;

  var services = data.services.map(function (s) {
    return { prefix: s[0], label: s[1], name: s[2], url: s[3], id: s[4], rows: [], counts: slugs.map(function () { return 0; }) };
  });
  var records = data.rows.map(function (r, i) {
    // Row i's name and address are data/rows.js's; an empty fragment is
    // "action-" and the name lower-cased (RowsData, MatrixData).
    var name = shared.rows[i][0], url = common.rowURL(shared, i);
    var id = r[0] || "action-" + name.toLowerCase();
    var rec = { id: id, name: name, url: url, group: r[1], level: r[2], kind: r[3], unknown: r[4] === 1,
                states: r[5], count: r[6], cells: r[7], order: i, text: (name + " " + id).toLowerCase(), tr: null };
    var g = services[rec.group];
    g.rows.push(rec);
    for (var t = 0; t < slugs.length; t++) if (REQUIRED[rec.states.charAt(t)]) g.counts[t]++;
    return rec;
  });
  var byID = {};
  records.forEach(function (r) { byID[r.id] = r; });
  services.forEach(function (g) { byID[g.id] = g; });

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function rowElement(rec) {
    if (rec.tr) return rec.tr;
    var tr = el("tr");
    tr.id = rec.id;
    var th = el("th", "action-col");
    th.scope = "row";
    var a = el("a");
    a.href = rec.url;
    a.appendChild(el("code", "", rec.name));
    th.appendChild(a);
    function badge(text, title) {
      var b = el("span", "badge " + (text === "unknown" ? "unknown" : "pattern"), text);
      if (title) b.title = title;
      th.appendChild(document.createTextNode(" "));
      th.appendChild(b);
    }
    if (rec.unknown) badge("unknown", "not in the action catalog");
    if (rec.kind === 1) badge("pattern");
    if (rec.kind === 2) badge("NotAction");
    tr.appendChild(th);
    var c = 0;
    for (var t = 0; t < slugs.length; t++) {
      var state = rec.states.charAt(t);
      var td = el("td");
      if (state !== ".") {
        var block = rec.cells[c], label = data.labels[rec.cells[c + 1]];
        c += 2;
        td.className = "c-" + state;
        var link = el("a");
        link.href = block >= 0 ? data.blocks[block] : rec.url;
        link.title = label;
        var mark = el("span", "", MARKS[state]);
        mark.setAttribute("aria-hidden", "true");
        link.appendChild(mark);
        link.appendChild(el("span", "visually-hidden", label));
        td.appendChild(link);
      }
      tr.appendChild(td);
    }
    tr.appendChild(el("td", "num", String(rec.count)));
    rec.tr = tr;
    return tr;
  }

  var collapsed = {};
  function groupElement(g, index) {
    var tr = el("tr", "service-row");
    tr.id = g.id;
    var th = el("th", "action-col");
    th.scope = "rowgroup";
    var toggle = el("button", "group-toggle", collapsed[index] ? "\u25b8" : "\u25be");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", collapsed[index] ? "false" : "true");
    toggle.setAttribute("aria-label", (collapsed[index] ? "Show " : "Hide ") + g.label);
    toggle.setAttribute("data-group", String(index));
    th.appendChild(toggle);
    th.appendChild(document.createTextNode(" "));
    var name = el(g.url ? "a" : "span", "", g.label);
    if (g.url) name.href = g.url;
    th.appendChild(name);
    th.appendChild(document.createTextNode(" "));
    th.appendChild(el("span", "count", (g.name ? g.name + " " : "") + "(" + g.rows.length + ")"));
    tr.appendChild(th);
    g.counts.forEach(function (n) { tr.appendChild(el("td", "num", String(n))); });
    tr.appendChild(el("td"));
    return tr;
  }

  // What the table shows, in order: { group } headers and { row } records.
  var items = [];
  var rowHeight = 0;
  var drawn = null;

  function spacer(height) {
    var tr = el("tr", "spacer");
    tr.setAttribute("aria-hidden", "true");
    var td = el("td");
    td.colSpan = columns;
    td.style.height = height + "px";
    tr.appendChild(td);
    return tr;
  }

  function draw(force) {
    if (!items.length) {
      body.textContent = "";
      drawn = null;
      return;
    }
    if (!rowHeight) {
      // One row drawn to learn the height every row has (CSS keeps them on one line).
      body.textContent = "";
      body.appendChild(itemElement(0));
      rowHeight = body.rows[0].getBoundingClientRect().height || 28;
    }
    var top = wrap.scrollTop - table.tHead.offsetHeight;
    var first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    var last = Math.min(items.length, Math.ceil((top + wrap.clientHeight) / rowHeight) + OVERSCAN);
    if (!force && drawn && drawn[0] === first && drawn[1] === last) return;
    drawn = [first, last];
    var frag = document.createDocumentFragment();
    if (first > 0) frag.appendChild(spacer(first * rowHeight));
    for (var i = first; i < last; i++) frag.appendChild(itemElement(i));
    if (last < items.length) frag.appendChild(spacer((items.length - last) * rowHeight));
    body.textContent = "";
    body.appendChild(frag);
  }

  function itemElement(i) {
    var item = items[i];
    return item.row ? rowElement(item.row) : groupElement(services[item.group], item.group);
  }

  var pending = false;
  wrap.addEventListener("scroll", function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(false); });
  }, { passive: true });
  window.addEventListener("resize", function () { draw(true); });
  // Printing: every row the filters show goes on paper, not only those in view
  // of the scroll box; the window of rows comes back after.
  window.addEventListener("beforeprint", function () {
    var frag = document.createDocumentFragment();
    for (var i = 0; i < items.length; i++) frag.appendChild(itemElement(i));
    body.textContent = "";
    body.appendChild(frag);
    drawn = null;
  });
  window.addEventListener("afterprint", function () { draw(true); });

  body.addEventListener("click", function (e) {
    var toggle = e.target.closest ? e.target.closest("button[data-group]") : null;
    if (!toggle) return;
    var g = +toggle.getAttribute("data-group");
    collapsed[g] = !collapsed[g];
    lastKey = null;
    apply();
    var again = body.querySelector("button[data-group='" + g + "']");
    if (again) again.focus();
  });

  var field = function (name) { return form.elements[name]; };
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=tool]"));
  var count = form.querySelector("[data-count]");
  var pairLink = form.querySelector("[data-pair-link]");

  // Restore the state from the URL.
  var params = new URLSearchParams(window.location.search);
  ["q", "service", "level", "min", "sort", "a", "b"].forEach(function (n) {
    if (params.has(n) && field(n)) field(n).value = params.get(n);
  });
  var checked = common.toolsInQuery(window.location.search);
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

  var lastKey = null;
  var shownRows = [];
  function apply() {
    var s = state();
    // Selects fire both input and change: the second call finds nothing to do.
    var key = JSON.stringify(s);
    if (key === lastKey) return;
    lastKey = key;
    var toolIdx = s.tools.map(function (t) { return slugs.indexOf(t); }).filter(function (i) { return i >= 0; });
    var ai = slugs.indexOf(s.a), bi = slugs.indexOf(s.b);
    var differ = ai >= 0 && bi >= 0 && ai !== bi;
    shownRows = records.filter(function (r) {
      var ok = (!s.service || services[r.group].prefix === s.service) && (!s.level || r.level === s.level) && r.count >= s.min;
      if (ok && s.q) ok = r.text.indexOf(s.q) !== -1;
      if (ok && toolIdx.length) {
        ok = false;
        for (var t = 0; t < toolIdx.length; t++) if (REQUIRED[r.states.charAt(toolIdx[t])]) { ok = true; break; }
      }
      if (ok && differ) ok = !REQUIRED[r.states.charAt(ai)] !== !REQUIRED[r.states.charAt(bi)];
      return ok;
    });
    items = [];
    if (s.sort === "tools") {
      shownRows.slice().sort(function (x, y) { return y.count - x.count || x.order - y.order; })
        .forEach(function (r) { items.push({ row: r }); });
    } else {
      var g = -1;
      shownRows.forEach(function (r) {
        if (r.group !== g) { g = r.group; items.push({ group: g }); }
        if (!collapsed[g]) items.push({ row: r });
      });
    }
    if (count) count.textContent = shownRows.length + " of " + records.length + " rows shown";
    draw(true);

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
    var query = next.toString();
    if (s.tools.length) query += (query ? "&" : "") + "tools=" + s.tools.map(encodeURIComponent).join(",");
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  // A #fragment naming a row or a service: scroll the box to it (when the filters show it).
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = byID[id];
    if (!target) return;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (it.row === target || (it.group !== undefined && !it.row && services[it.group] === target)) {
        wrap.scrollIntoView();
        wrap.scrollTop = i * rowHeight;
        draw(true);
        return;
      }
    }
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
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();

  // For scripts and tests: the ids of the rows shown (filtered, in order, not in a
  // collapsed service), and how many row elements are in the DOM now.
  window.permdocsMatrixView = {
    shownRows: function () { return items.filter(function (it) { return it.row; }).map(function (it) { return it.row.id; }); },
    drawnRows: function () { return body.querySelectorAll("tr[id]").length; }
  };
  }
})();
