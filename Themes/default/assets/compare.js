// The comparison of any two or more tools on the overlap page, computed here
// from data/compare.js and data/rows.js (the rows' names and addresses, which
// compare.js refers to by number; both loaded before this script as plain
// <script>s, so it works from file:// too): rows all the selected tools need, rows only one of
// them needs, rows some need, what a wildcard of one covers for the others,
// and the union of their required policies.
//
// The union is merged by the rules of permdocs' MergedPolicyDocument and
// printed as its JSON writer prints, so it is byte for byte what
// `permdocs policy a b …` prints. Everything is built with DOM calls and
// textContent: nothing from the data is parsed as HTML.
(function () {
  "use strict";
  var data = window.permdocsCompare;
  var form = document.querySelector("[data-compare-form]");
  var out = document.querySelector("[data-compare-result]");
  var rowsScript = document.querySelector("script[src$='data/rows.js']"), common = window.permdocsCommon;
  if (!data || !form || !out || !rowsScript || !common) return;
  // data/rows.js of this build (common.js), or a note to reload.
  common.withRows(data, rowsScript.getAttribute("src"), start, function () {
    out.textContent = "The site was updated while this page loaded: reload the page to compare tools.";
  });

  function start(shared) {
  form.hidden = false;

  var bySlug = {};
  data.tools.forEach(function (t, i) { t.order = i; t.needSet = new Set(t.needs); bySlug[t.slug] = t; });
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=tool]"));

  // --- Merging (MergedPolicyDocument's rules) ---

  function isPattern(name) { return name.indexOf("*") !== -1 || name.indexOf("?") !== -1; }

  // IAM wildcards: `*` any run, `?` one character, nothing else special; case ignored.
  function matcher(pattern) {
    var source = pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
    var re = new RegExp("^" + source + "$");
    return function (name) { return re.test(name.toLowerCase()); };
  }

  function camel(prefix) {
    var parts = prefix.split(/[^A-Za-z0-9]+/).filter(function (p) { return p.length > 0; });
    if (parts.length === 0) return "All";
    return parts.map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1); }).join("");
  }

  function sidBase(st) {
    var services = [];
    st.actions.forEach(function (a) {
      var lower = a.toLowerCase(), colon = lower.indexOf(":");
      var service = colon === -1 ? "" : lower.slice(0, colon);
      var token = service === "" ? (a === "*" ? "All" : "Other") : camel(service);
      if (services.indexOf(token) === -1) services.push(token);
    });
    var body = services.length > 3 ? "Mixed" : services.join("");
    return "PermDocs" + (st.effect === "Deny" ? "Deny" : "") + (st.notAction ? "Not" : "") + body;
  }

  function compareNames(a, b) {
    var x = a.toLowerCase(), y = b.toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function merge(tools) {
    // Maps without a prototype: an action named "constructor" is a key like any other.
    var statements = [], slot = Object.create(null);
    tools.forEach(function (tool) {
      tool.statements.forEach(function (st) {
        var i = slot[st.key];
        if (i === undefined) {
          i = statements.length;
          slot[st.key] = i;
          statements.push({ effect: st.effect, notAction: st.notAction, actions: [], seen: Object.create(null),
                            resources: st.resources, notResources: st.notResources, condition: st.condition });
        }
        var target = statements[i];
        st.actions.forEach(function (a) {
          var k = a.toLowerCase();
          if (!target.seen[k]) { target.seen[k] = true; target.actions.push(a); }
        });
      });
    });
    var used = Object.create(null);
    statements.forEach(function (st) {
      if (st.effect === "Allow" && !st.notAction) {
        var patterns = st.actions.filter(isPattern).map(matcher);
        if (patterns.length) {
          st.actions = st.actions.filter(function (a) {
            return isPattern(a) || !patterns.some(function (m) { return m(a); });
          });
        }
      }
      st.actions.sort(compareNames);
      var base = sidBase(st), sid = base, n = 1;
      while (used[sid]) { n += 1; sid = base + "Stmt" + n; }
      used[sid] = true;
      st.sid = sid;
    });
    return statements;
  }

  // --- Printing (JSONWriter.pretty) ---

  function quote(s) {
    var r = "\"";
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), code = s.charCodeAt(i);
      if (c === "\"") r += "\\\"";
      else if (c === "\\") r += "\\\\";
      else if (c === "\n") r += "\\n";
      else if (c === "\r") r += "\\r";
      else if (c === "\t") r += "\\t";
      else if (code < 0x20) r += "\\u" + ("0000" + code.toString(16)).slice(-4);
      else r += c;
    }
    return r + "\"";
  }

  function list(items, depth) {
    if (items.length === 0) return "[]";
    var pad = "  ".repeat(depth + 1), close = "  ".repeat(depth);
    return "[\n" + items.map(function (s) { return pad + quote(s); }).join(",\n") + "\n" + close + "]";
  }

  function strings(items, depth) { return items.length === 1 ? quote(items[0]) : list(items, depth); }

  function documentText(statements) {
    if (statements.length === 0) return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";
    var body = statements.map(function (st) {
      var lines = ["      \"Sid\": " + quote(st.sid), "      \"Effect\": " + quote(st.effect),
                   "      " + quote(st.notAction ? "NotAction" : "Action") + ": " + list(st.actions, 3)];
      if (st.resources) lines.push("      \"Resource\": " + strings(st.resources, 3));
      if (st.notResources) lines.push("      \"NotResource\": " + strings(st.notResources, 3));
      if (st.condition !== null && st.condition !== undefined) lines.push("      \"Condition\": " + st.condition);
      return "    {\n" + lines.join(",\n") + "\n    }";
    });
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + body.join(",\n") + "\n  ]\n}";
  }

  // --- Drawing ---

  var blobURL = null;  // the current download's, revoked when the next is made

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function rowList(rows, kind) {
    var ul = el("ul", { "class": "actions", "data-compare-list": kind });
    rows.forEach(function (r) {
      var li = el("li");
      var a = el("a", { href: common.rowURL(shared, r) });
      a.appendChild(el("code", {}, shared.rows[r][0]));
      li.appendChild(a);
      ul.appendChild(li);
    });
    return ul;
  }

  function section(parent, id, title, rows, kind) {
    parent.appendChild(el("h3", { id: id }, title + " (" + rows.length + ")"));
    parent.appendChild(rows.length ? rowList(rows, kind) : el("p", { "data-compare-list": kind }, "None."));
  }

  function draw(selected) {
    out.textContent = "";
    if (selected.length < 2) {
      out.appendChild(el("p", { "class": "note" }, "Select at least two tools."));
      return;
    }
    var names = selected.map(function (t) { return t.name; });
    var counts = Object.create(null);
    selected.forEach(function (t) { t.needs.forEach(function (r) { counts[r] = (counts[r] || 0) + 1; }); });
    var union = Object.keys(counts).map(Number).sort(function (a, b) { return a - b; });
    var all = union.filter(function (r) { return counts[r] === selected.length; });
    var some = union.filter(function (r) { return counts[r] > 1 && counts[r] < selected.length; });

    var summary = el("p", { "class": "compare-figures" },
      plural(all.length, "row", "rows") + " needed by all " + selected.length + " of " + names.join(", ") +
      ", of " + plural(union.length, "row", "rows") + " needed by any. ");
    var slugs = selected.map(function (t) { return t.slug; });
    summary.appendChild(el("a", { href: "matrix.html?tools=" + slugs.map(encodeURIComponent).join(",") }, "These tools in the matrix"));
    out.appendChild(summary);

    section(out, "compare-all", selected.length === 2 ? "Both need" : "All " + selected.length + " need", all, "all");
    selected.forEach(function (t) {
      var only = t.needs.filter(function (r) { return counts[r] === 1; });
      section(out, "compare-only-" + t.order, "Only " + t.name, only, "only-" + t.slug);
    });
    if (selected.length > 2) section(out, "compare-some", "Some but not all", some, "some");

    out.appendChild(el("h3", { id: "compare-wildcards" }, "What a wildcard of one covers for the others"));
    selected.forEach(function (t) {
      var others = new Set();
      selected.forEach(function (o) { if (o !== t) o.needs.forEach(function (r) { others.add(r); }); });
      var dl = el("dl", { "class": "coverage", "data-compare-coverage": t.slug });
      t.covers.forEach(function (c) {
        var rows = c[1].filter(function (r) { return others.has(r); });
        if (!rows.length) return;
        var dt = el("dt");
        dt.appendChild(el("code", {}, c[0]));
        var dd = el("dd");
        dd.appendChild(rowList(rows, "covered"));
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      out.appendChild(el("h4", {}, t.name + "'s wildcards"));
      out.appendChild(dl.childNodes.length ? dl : el("p", {}, "None: " + t.name + " names everything of the others' it needs, or needs none of it."));
    });

    out.appendChild(el("h3", { id: "compare-policy" }, "Combined policy"));
    var statements = merge(selected);
    var text = documentText(statements) + "\n";
    var characters = text.replace(/\s/g, "").length;
    var meta = el("p", { "class": "policy-meta" },
      plural(statements.length, "statement", "statements") + ", " + characters +
      " characters without whitespace (a customer managed policy holds at most 6144). ");
    var file = "permdocs-" + slugs.join("-") + ".json";
    if (blobURL) URL.revokeObjectURL(blobURL);
    blobURL = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var download = el("a", { "class": "download", download: file, href: blobURL }, "Download " + file);
    meta.appendChild(download);
    var copy = el("button", { type: "button", "class": "copy" }, "Copy");
    copy.addEventListener("click", function () {
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { copy.textContent = "Copied"; });
    });
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(copy);
    out.appendChild(meta);
    if (characters > 6144) {
      out.appendChild(el("p", { "class": "warning", role: "note" }, "Too large for one managed policy: " + characters + " characters, over IAM's limit of 6144."));
    }
    var pre = el("pre", { "class": "policy-json", "data-compare-policy": "" });
    pre.appendChild(el("code", {}, text));
    out.appendChild(pre);
  }

  function selection() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return bySlug[b.value]; })
      .filter(Boolean).sort(function (a, b) { return a.order - b.order; });
  }

  function update() {
    var selected = selection();
    draw(selected);
    var query = selected.length ? "?tools=" + selected.map(function (t) { return encodeURIComponent(t.slug); }).join(",") : "";
    history.replaceState(null, "", window.location.pathname + query + window.location.hash);
  }

  var wanted = common.toolsInQuery(window.location.search);
  boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; });
  form.addEventListener("change", update);
  update();
  if (window.location.hash === "#compare" && selection().length) {
    document.getElementById("compare").scrollIntoView();
  }
  }
})();
