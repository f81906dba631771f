// Site search. data/search.js (window.permdocsSearch, a script so that it
// also loads from file://) holds every tool, service, action (with its
// catalog description and the tools that need it) and finding. A query's
// words must each match an entry (in its name, its text or, for an action,
// the tools that need it); entries are ranked by where the words match
// (whole name, a word of the name, the start of one, inside it, the text),
// and a word of five letters or more also matches a name word one edit away.
//
// On search.html the ranked results replace the full lists while there is a
// query (the lists stay for readers without JavaScript); ↓ moves from the
// box into the results, ↑/↓ between them, Esc back. In the header, the box
// offers the names as suggestions and opens an exact match directly.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  var pageBox = document.querySelector("[data-search-page]");
  var indexURL = form ? form.getAttribute("data-search-index") : null;
  var root = form ? form.getAttribute("data-search-root") || "" : "";

  // An action's entry is [kind, row #, detail, tools]: its name and address
  // are those of the row of data/rows.js (window.permdocsRows, shared with the
  // matrix and the comparison; it lies beside data/search.js). Made whole
  // once, as [kind, title, detail, url, tools] like the others.
  function complete(data, rows) {
    data.entries = data.entries.map(function (e) {
      return e[0] === "action" ? [e[0], rows.rows[e[1]][0], e[2], window.permdocsCommon.rowURL(rows, e[1]), e[3]] : e;
    });
    return data;
  }

  var loading = null, ready = null;
  function load(done) {
    if (ready) { done(ready); return; }
    if (!indexURL) return;
    var rowsURL = indexURL.replace(/[^/]*$/, "rows.js");
    if (!loading) {
      loading = [];
      var pending = 2;
      [rowsURL, indexURL].forEach(function (url) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = function () {
          if (--pending) return;
          // data/rows.js of this build (common.js); with none, no action
          // is shown under another row's name: the search waits.
          window.permdocsCommon.withRows(window.permdocsSearch, rowsURL, function (rows) {
            ready = complete(window.permdocsSearch, rows);
            loading.forEach(function (f) { f(ready); });
          }, function () {});
        };
        document.head.appendChild(script);
      });
    }
    loading.push(done);
  }

  // Lower-case words of a name: "ec2:CreateTags" gives ec2, createtags, create, tags.
  function words(text) {
    var out = [];
    text.split(/[^A-Za-z0-9*_]+/).forEach(function (part) {
      if (!part) return;
      out.push(part.toLowerCase());
      var camel = part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(" ");
      if (camel.length > 1) camel.forEach(function (c) { out.push(c.toLowerCase()); });
    });
    return out;
  }

  // Whether a and b are at most one insertion, deletion or substitution apart.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (b.length > a.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  var prepared = null;
  function prepare(data) {
    if (prepared) return prepared;
    var toolNames = data.tools.map(function (t) { return t[0].toLowerCase(); });
    prepared = data.entries.map(function (e, n) {
      return {
        kind: e[0], title: e[1], detail: e[2], url: e[3], order: n,
        name: e[1].toLowerCase(), nameWords: words(e[1]), text: e[2].toLowerCase(),
        tools: e[4].map(function (i) { return toolNames[i]; }).join(" ")
      };
    });
    return prepared;
  }

  var KIND = { tool: 4, service: 3, action: 2, finding: 0 };
  function score(entry, query) {
    var total = 0;
    for (var q = 0; q < query.length; q++) {
      var w = query[q], best = 0;
      for (var k = 0; k < entry.nameWords.length; k++) {
        var nw = entry.nameWords[k];
        if (nw === w) { best = Math.max(best, 10); break; }
        if (nw.indexOf(w) === 0) best = Math.max(best, 7);
        else if (w.length >= 5 && oneEdit(nw, w)) best = Math.max(best, 4);
      }
      if (!best && entry.name.indexOf(w) !== -1) best = 5;
      if (!best && entry.text.indexOf(w) !== -1) best = 2;
      if (!best && entry.tools.indexOf(w) !== -1) best = 2;
      if (!best) return 0;
      total += best;
    }
    var whole = query.join(" ");
    if (entry.name === whole || entry.name.replace(/[^a-z0-9*]+/g, " ").trim() === whole) total += 20;
    return total + KIND[entry.kind];
  }

  function search(data, text, limit) {
    var query = text.toLowerCase().split(/[^a-z0-9*_]+/).filter(Boolean);
    if (!query.length) return { shown: [], total: 0 };
    var found = [];
    prepare(data).forEach(function (e) {
      var s = score(e, query);
      if (s) found.push({ entry: e, score: s });
    });
    found.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    return { shown: found.slice(0, limit).map(function (f) { return f.entry; }), total: found.length };
  }

  // search.html: ranked results for ?q=, updated as the reader types.
  if (pageBox) {
    var ranked = document.querySelector("[data-search-ranked]");
    var lists = document.querySelector("[data-search-results]");
    var count = document.querySelector("[data-search-count]");
    var help = document.querySelector("[data-search-help]");
    if (help) help.hidden = false;
    var timer = null;
    var LIMIT = 50;
    function show(data) {
      var text = pageBox.value.trim();
      history.replaceState(null, "", window.location.pathname + (text ? "?q=" + encodeURIComponent(text) : ""));
      ranked.textContent = "";
      if (!text) {
        ranked.hidden = true;
        lists.hidden = false;
        if (count) count.textContent = "";
        return;
      }
      var result = search(data, text, LIMIT);
      result.shown.forEach(function (e) {
        var li = document.createElement("li");
        li.className = "result-" + e.kind;
        var a = document.createElement("a");
        a.href = root + e.url;
        var title = document.createElement(e.kind === "action" || e.kind === "finding" ? "code" : "span");
        title.textContent = e.title;
        a.appendChild(title);
        li.appendChild(a);
        var kind = document.createElement("span");
        kind.className = "badge";
        kind.textContent = e.kind;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(kind);
        if (e.detail) {
          var detail = document.createElement("span");
          detail.className = "count";
          detail.textContent = " " + e.detail;
          li.appendChild(detail);
        }
        ranked.appendChild(li);
      });
      ranked.hidden = false;
      lists.hidden = true;
      if (count) {
        count.textContent = result.total === 0 ? "Nothing matches." :
          result.total > result.shown.length ? "The best " + result.shown.length + " of " + result.total + " results." :
          result.total + (result.total === 1 ? " result." : " results.");
      }
    }
    pageBox.value = new URLSearchParams(window.location.search).get("q") || "";
    pageBox.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(show); }, 120);
    });
    pageBox.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = ranked.querySelector("a");
        if (first && !ranked.hidden) { e.preventDefault(); first.focus(); }
      }
    });
    ranked.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(ranked.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown" && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? links[i - 1] : pageBox).focus(); }
      else if (e.key === "Escape") { e.preventDefault(); pageBox.focus(); }
    });
    if (pageBox.value) load(show);
    // For scripts and tests: the titles of the best results for a query.
    window.permdocsSearchTop = function (text, n, done) {
      load(function (data) { done(search(data, text, n).shown.map(function (e) { return e.kind + " " + e.title; })); });
    };
  }

  // The header's box: names as suggestions; an exact name opens its page.
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var list = document.createElement("datalist");
  list.id = "site-search-suggestions";
  form.appendChild(list);
  var byName = null;
  input.addEventListener("focus", function () {
    load(function (data) {
      if (byName) return;
      byName = {};
      var frag = document.createDocumentFragment();
      data.entries.forEach(function (e) {
        if (e[0] === "finding" || byName[e[1].toLowerCase()]) return;
        byName[e[1].toLowerCase()] = root + e[3];
        var o = document.createElement("option");
        o.value = e[1];
        frag.appendChild(o);
      });
      list.appendChild(frag);
      input.setAttribute("list", list.id);
    });
  }, { once: true });
  form.addEventListener("submit", function (e) {
    var url = byName && byName[input.value.trim().toLowerCase()];
    if (url) { e.preventDefault(); window.location.href = url; }
  });
})();
